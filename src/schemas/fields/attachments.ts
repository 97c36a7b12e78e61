/**
 * 附件 / attachments: `{title, file}`; `file` is a path under public/ (site-relative, no leading
 * slash, no `..`) or an absolute https URL.
 */
import { z } from 'zod';
import { textSchema } from './common.ts';

export const ATTACHMENT_FILE_RULE = 'public/ 下的相对路径（不以 / 开头，不含 ..）或 https:// 网址（relative path under public/ or https URL）';

export function isValidAttachmentFile(f: string): boolean {
  if (/^https:\/\/\S+$/.test(f)) return true;
  return !f.startsWith('/') && !f.includes('\\') && !/(^|\/)\.\.(\/|$)/.test(f) && !/^[a-z][a-z0-9+.-]*:/i.test(f);
}

export const attachmentSchema = z.strictObject({
  /** 附件标题 / attachment title */
  title: textSchema,
  /** 附件文件 / file under public/ or https URL */
  file: z
    .string()
    .trim()
    .min(1)
    .superRefine((f, ctx) => {
      if (!isValidAttachmentFile(f)) {
        ctx.addIssue({
          code: 'custom',
          message: `附件路径无效 "${f}"（invalid attachment path）`,
          params: { allowed: [ATTACHMENT_FILE_RULE] },
        });
      }
    }),
});

export const attachmentsSchema = z.array(attachmentSchema);

export type AttachmentInput = z.input<typeof attachmentSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
