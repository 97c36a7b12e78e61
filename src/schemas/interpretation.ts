/**
 * 政策解读 / interpretation frontmatter (content/interpretations/**\/*.md). Unknown keys are
 * rejected. The id is the file name unless the frontmatter sets `id`.
 */
import { z } from 'zod';
import { INTERPRETATION_FORMS } from '../lib/model.ts';
import { idListSchema, idSchema, textSchema } from './fields/common.ts';
import { isoDateSchema } from './fields/dates.ts';
import { withoutUndefined, type LoadedDocument } from './document.ts';

export const interpreterSchema = z.strictObject({
  /** 解读机关 / interpreting organization */
  org: textSchema.optional(),
  /** 解读人 / person */
  person: textSchema.optional(),
  /** 联系电话 / phone */
  phone: textSchema.optional(),
});

export const interpretationSchema = z.strictObject({
  /** 标识 / id used in the URL `/interpretations/<id>/`; defaults to the file name */
  id: idSchema.optional(),
  /** 标题 / title */
  title: textSchema,
  /** 解读文件 / ids of the policies interpreted, ≥1; a single id is accepted */
  interprets: idListSchema(1),
  /** 发布日期 / publication date */
  published: isoDateSchema,
  /** 解读形式 / form: 文字|图解|视频|音频|问答|专家解读|新闻发布会|媒体解读 */
  form: z.enum(INTERPRETATION_FORMS),
  /** 解读人 / interpreter {org, person, phone} */
  interpreter: interpreterSchema.optional(),
  /** 摘要 / summary */
  summary: textSchema.optional(),
  /** 草稿 / draft: excluded from the site */
  draft: z.boolean().default(false),
});

export type InterpretationFrontmatterInput = z.input<typeof interpretationSchema>;
export type InterpretationFrontmatter = z.output<typeof interpretationSchema>;

/** An interpretation as the rest of the code sees it: the schema's output plus what the loader adds. */
export type Interpretation = Omit<InterpretationFrontmatter, 'id' | 'draft'> & LoadedDocument;

/** The model of a validated frontmatter; absent fields stay absent. */
export function toInterpretation(d: InterpretationFrontmatter, id: string, source: string, body: string): Interpretation {
  const { id: _id, draft: _draft, interpreter, ...fields } = d;
  return withoutUndefined({ ...fields, interpreter: interpreter && withoutUndefined(interpreter), id, source, body, bodyFormat: 'markdown' as const });
}

export const labels = {
  id: '标识',
  title: '标题',
  interprets: '解读文件',
  published: '发布日期',
  form: '解读形式',
  interpreter: '解读人',
  'interpreter.org': '解读机关',
  'interpreter.person': '解读人姓名',
  'interpreter.phone': '联系电话',
  summary: '摘要',
  draft: '草稿',
} as const satisfies Record<string, string>;
