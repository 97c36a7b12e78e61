/**
 * 政策文件 / policy frontmatter (content/policies/**\/*.md). The file name (without extension)
 * is the id unless the frontmatter sets `id`. Unknown keys are rejected (typos fail loudly).
 * Defaults live here and nowhere else: category 其他文件, openness 主动公开, draft false,
 * empty lists for repeals, amends, attachments and keywords.
 */
import { z } from 'zod';
import { CATEGORIES, DOC_TYPES, OPENNESS, STATUSES } from '../lib/model.ts';
import { withoutUndefined, type LoadedDocument } from './document.ts';
import { idListSchema, idSchema, stringListSchema, textSchema } from './fields/common.ts';
import { isoDateSchema } from './fields/dates.ts';
import { docNumberSchema } from './fields/docNumber.ts';
import { issuersSchema } from './fields/issuers.ts';
import { indexNumberSchema } from './fields/indexNumber.ts';
import { attachmentsSchema } from './fields/attachments.ts';
import { amendmentSchema } from './fields/amendment.ts';
import type { PolicyVersion } from './version.ts';

export const policySchema = z.strictObject({
  /** 标识 / id used in the URL `/policies/<id>/`; defaults to the file name */
  id: idSchema.optional(),
  /** 标题 / full title */
  title: textSchema,
  /** 发文字号 / document number, e.g. 内政公办字〔2016〕5号 (optional: laws have none); parsed to {raw, key, agency, year, serial} */
  docNumber: docNumberSchema.optional(),
  /** 发文机关 / issuing organizations: ids from organizations.yaml, ≥1; a single id is accepted */
  issuers: issuersSchema,
  /** 索引号 / index number, e.g. 000014349/2018-00222 */
  indexNumber: indexNumberSchema,
  /** 主题分类 / topic id from topics.yaml */
  topic: idSchema,
  /** 公文种类 / one of the 15 statutory kinds (optional: laws and regulations are not 公文) */
  docType: z.enum(DOC_TYPES).optional(),
  /** 文件类别 / 规范性文件 or 其他文件 (default 其他文件) */
  category: z.enum(CATEGORIES).default('其他文件'),
  /** 成文日期 / date written (signed) */
  written: isoDateSchema.optional(),
  /**
   * 发布日期 / publication date. Always a real date for content files; only a lenient JSON-lines
   * import (corpus build) can produce a row with no date at all: then the model's `published` is ''
   * and `undated` is true (and a warning says so). Sort such rows last.
   */
  published: isoDateSchema,
  /** 施行日期 / date it takes effect */
  effective: isoDateSchema.optional(),
  /** 有效期至 / last day of validity */
  expires: isoDateSchema.optional(),
  /** 有效性 / declared validity; the effective status is derived (src/lib/validity.ts) */
  status: z.enum(STATUSES).optional(),
  /** 废止文件 / ids of policies this document repeals */
  repeals: idListSchema().default([]),
  /** 修改文件 / ids of policies this document amends */
  amends: idListSchema().default([]),
  /**
   * 修改依据 / the amending document that produced this (latest) text, when the document has
   * earlier versions (content/policies/<id>/versions/): a policy id or {docNumber, title}
   */
  amendment: amendmentSchema.optional(),
  /** 附件 / attachments [{title, file}] */
  attachments: attachmentsSchema.default([]),
  /** 主题词 / keywords; a string is split on 、，, and spaces */
  keywords: stringListSchema.default([]),
  /** 摘要 / summary */
  summary: textSchema.optional(),
  /** 公开方式 / openness (default 主动公开) */
  openness: z.enum(OPENNESS).default('主动公开'),
  /** 草稿 / draft: excluded from the site (listed by `npm run check`) */
  draft: z.boolean().default(false),
});

/** What editors write. */
export type PolicyFrontmatterInput = z.input<typeof policySchema>;
/** What the schema returns. */
export type PolicyFrontmatter = z.output<typeof policySchema>;

/** Chinese label of every field (dotted paths for nested fields), for errors and the 信息表. */
export const labels = {
  id: '标识',
  title: '标题',
  docNumber: '发文字号',
  issuers: '发文机关',
  indexNumber: '索引号',
  topic: '主题分类',
  docType: '公文种类',
  category: '文件类别',
  written: '成文日期',
  published: '发布日期',
  effective: '施行日期',
  expires: '有效期至',
  status: '有效性',
  repeals: '废止文件',
  amends: '修改文件',
  amendment: '修改依据',
  'amendment.id': '修改依据',
  'amendment.docNumber': '修改依据文号',
  'amendment.title': '修改依据标题',
  attachments: '附件',
  'attachments.title': '附件标题',
  'attachments.file': '附件文件',
  keywords: '主题词',
  summary: '摘要',
  openness: '公开方式',
  draft: '草稿',
} as const satisfies Record<string, string>;

/** A policy as the rest of the code sees it: the schema's output plus what the loader adds. */
export type Policy = Omit<PolicyFrontmatter, 'id' | 'draft'> &
  LoadedDocument & {
    /** true only for lenient JSON-lines rows that have neither a written nor a published date */
    undated?: boolean;
    /**
     * 历史版本 / earlier versions, oldest first (content/policies/<id>/versions/*.md); absent for
     * a document with one version. The document's own fields are its latest version
     * (src/lib/versions.ts allVersions, versionOn).
     */
    versions?: PolicyVersion[];
  };

/**
 * The model of a validated frontmatter: the one place a policy's fields are copied, for the
 * loader and for import's check of what it writes. Absent fields stay absent.
 */
export function toPolicy(d: PolicyFrontmatter, id: string, source: string, body: string, bodyFormat: Policy['bodyFormat'] = 'markdown'): Policy {
  const { id: _id, draft: _draft, ...fields } = d;
  return withoutUndefined({ ...fields, id, source, body, bodyFormat });
}
