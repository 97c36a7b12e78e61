/**
 * 历史版本 / an earlier version of a policy: content/policies/<path>/versions/<YYYY-MM-DD>.md
 * beside content/policies/<path>.md (which is always the latest text). The file name is the
 * version's 公布日期 (date published); its frontmatter holds what differs from the document and
 * its body is that version's full text. Unknown keys are rejected.
 */
import { z } from 'zod';
import { withoutUndefined } from './document.ts';
import { textSchema } from './fields/common.ts';
import { isoDateSchema } from './fields/dates.ts';
import { docNumberSchema } from './fields/docNumber.ts';
import { amendmentSchema } from './fields/amendment.ts';

export const versionSchema = z.strictObject({
  /** 标题 / the title this version had, when it differs from the document's */
  title: textSchema.optional(),
  /** 发文字号 / the 文号 this version was issued under */
  docNumber: docNumberSchema.optional(),
  /** 成文日期 / date written */
  written: isoDateSchema.optional(),
  /** 发布日期 / must equal the file name when given */
  published: isoDateSchema.optional(),
  /** 施行日期 / date this text took effect (default: published) */
  effective: isoDateSchema.optional(),
  /** 修改依据 / the amending document; required for every version but the earliest */
  amendment: amendmentSchema.optional(),
});

export type VersionFrontmatter = z.output<typeof versionSchema>;

export const labels = {
  title: '标题',
  docNumber: '发文字号',
  written: '成文日期',
  published: '发布日期',
  effective: '施行日期',
  amendment: '修改依据',
  'amendment.id': '修改依据',
  'amendment.docNumber': '修改依据文号',
  'amendment.title': '修改依据标题',
} as const satisfies Record<string, string>;

/** One version of a policy as the rest of the code sees it (earlier versions and, derived, the latest). */
export interface PolicyVersion {
  /** 公布日期 `YYYY-MM-DD`: the version's key, in its URL /policies/<id>/v/<date>/ */
  date: string;
  title: string;
  docNumber?: z.output<typeof docNumberSchema>;
  written?: string;
  /** 施行日期; absent means it took effect when published */
  effective?: string;
  amendment?: z.output<typeof amendmentSchema>;
  body: string;
  bodyFormat: 'markdown' | 'text';
  /** file it came from, for messages */
  source: string;
  /** true for the latest text (the document's own file) */
  latest?: boolean;
  /** an earlier version whose title and text are a translation (content/mn/…/versions/, localize.ts) */
  translated?: boolean;
}

export function toVersion(d: VersionFrontmatter, date: string, fallbackTitle: string, source: string, body: string): PolicyVersion {
  const { published: _p, title, ...rest } = d;
  return withoutUndefined({ ...rest, date, title: title ?? fallbackTitle, body, bodyFormat: 'markdown' as const, source });
}
