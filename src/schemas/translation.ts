/**
 * 蒙古文译文 / Mongolian (mn-Mong) translation frontmatter: content/mn/policies/**\/*.md and
 * content/mn/interpretations/**\/*.md. The file at the same relative path under content/ is the
 * original; only the text is translated (文号, dates, issuers and relations come from the original).
 * The id is the file name (as for the originals). Unknown keys are rejected.
 * Cross-file rules (original exists and is not a draft, `published` not before the original's,
 * Mongolian names of issuers and topic, Mongolian text lint) live in src/content/load.ts.
 */
import { z } from 'zod';
import { textSchema } from './fields/common.ts';
import { isoDateSchema } from './fields/dates.ts';
import { withoutUndefined, type LoadedDocument } from './document.ts';

/**
 * A list of keywords; a single string is split on 、，,；; and the Mongolian comma ᠂ — NOT on
 * spaces: a Mongolian term has spaces and U+202F inside it.
 */
export const mongolianKeywordsSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[、，,；;\u1802]+/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(textSchema),
);

export const translationSchema = z.strictObject({
  /** 蒙古文标题 / title in Mongolian (required) */
  title: textSchema,
  /** 蒙古文摘要 / summary in Mongolian */
  summary: textSchema.optional(),
  /** 蒙古文主题词 / keywords in Mongolian; a string is split on 、，,；; and ᠂ (not on spaces) */
  keywords: mongolianKeywordsSchema.default([]),
  /** 译文发布日期 / date the translation was published, YYYY-MM-DD; not before the original's 发布日期 */
  published: isoDateSchema.optional(),
  /** 译者 / translator (person or office) */
  translator: textSchema.optional(),
  /** 草稿 / draft: the translation is not published (listed by `npm run check`) */
  draft: z.boolean().default(false),
});

/** What translators write. */
export type TranslationFrontmatterInput = z.input<typeof translationSchema>;
export type TranslationFrontmatter = z.output<typeof translationSchema>;

/**
 * A Mongolian (mn-Mong) version of a policy or interpretation: content/mn/<same relative path>.
 * Only the text is translated; 文号, dates, issuers and relations come from the Chinese original.
 * `id` is the original's; `published` is set when it differs from the original's.
 */
export type Translation = Omit<TranslationFrontmatter, 'draft'> & LoadedDocument;

/** The model of a validated translation of the original `id`; absent fields stay absent. */
export function toTranslation(d: TranslationFrontmatter, id: string, source: string, body: string): Translation {
  const { draft: _draft, ...fields } = d;
  return withoutUndefined({ ...fields, id, source, body, bodyFormat: 'markdown' as const });
}

export const labels = {
  title: '蒙古文标题',
  summary: '蒙古文摘要',
  keywords: '蒙古文主题词',
  published: '译文发布日期',
  translator: '译者',
  draft: '草稿',
  body: '正文',
} as const satisfies Record<string, string>;
