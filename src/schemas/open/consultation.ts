/**
 * 意见征集 / consultation frontmatter (content/open/consultations/<id>.md); the body is the
 * 征求意见说明 and draft text. Status (未开始/征集中/已结束) is derived from the dates and the
 * build date, never written.
 */
import { z } from 'zod';
import { ADOPTION } from '../../lib/open/model.ts';
import { idSchema, textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';
import { attachmentSchema } from '../fields/attachments.ts';

export const consultationSchema = z.strictObject({
  /** 标识 / id (default: file name) */
  id: idSchema.optional(),
  /** 标题 / title */
  title: textSchema,
  /** 征集单位 / department */
  department: textSchema,
  /** 开始日期 / opens */
  opens: isoDateSchema,
  /** 截止日期 / closes (inclusive) */
  closes: isoDateSchema,
  /** 征求意见稿 / the draft as a file {title, file} */
  document: attachmentSchema.optional(),
  /** 意见反馈渠道 / where to send opinions */
  contact: z
    .strictObject({ email: z.email().optional(), phone: textSchema.optional(), address: textSchema.optional(), fax: textSchema.optional() })
    .refine((c) => Object.keys(c).length > 0, { message: '至少写一种反馈渠道：email、phone、address 或 fax（at least one contact）' }),
  /** 摘要 / summary */
  summary: textSchema.optional(),
  /** 采纳情况 / feedback on the opinions received */
  feedback: z
    .strictObject({
      /** 反馈日期 */
      published: isoDateSchema,
      /** 收到意见条数 */
      received: z.int().min(0),
      /** 采纳条数 */
      adopted: z.int().min(0),
      /** 总体说明 */
      summary: textSchema.optional(),
      /** 逐条反馈 */
      items: z.array(z.strictObject({ opinion: textSchema, adoption: z.enum(ADOPTION), response: textSchema })).default([]),
    })
    .optional(),
  /** 最终印发的政策文件标识 / resulting policy id */
  result: idSchema.optional(),
  /** 草稿 / draft: excluded */
  draft: z.boolean().default(false),
});

export type ConsultationFile = z.output<typeof consultationSchema>;
/** A published consultation: the frontmatter's output plus id (frontmatter `id` or file name), source and body (征集说明 and draft text). */
export type Consultation = Omit<ConsultationFile, 'id' | 'draft'> & { id: string; source: string; body: string };

/** The model of a validated frontmatter: the one place its fields are carried over. */
export function toConsultation(d: ConsultationFile, id: string, source: string, body: string): Consultation {
  const { id: _id, draft: _draft, ...fields } = d;
  return { ...fields, id, source, body };
}

export const labels = {
  id: '标识',
  title: '标题',
  department: '征集单位',
  opens: '开始日期',
  closes: '截止日期',
  document: '征求意见稿',
  'document.title': '文件标题',
  'document.file': '文件',
  contact: '反馈渠道',
  'contact.email': '电子邮箱',
  'contact.phone': '电话',
  'contact.address': '通信地址',
  'contact.fax': '传真',
  summary: '摘要',
  feedback: '采纳情况',
  'feedback.published': '反馈日期',
  'feedback.received': '收到意见条数',
  'feedback.adopted': '采纳条数',
  'feedback.summary': '总体说明',
  'feedback.items': '逐条反馈',
  'feedback.items.opinion': '意见',
  'feedback.items.adoption': '采纳情况',
  'feedback.items.response': '答复',
  result: '最终印发文件',
  draft: '草稿',
} as const satisfies Record<string, string>;
