/** Options of the content loader and what it returns (see src/content/load.ts). */
import path from 'node:path';
import type { DraftRef, SiteData } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import { buildDate } from '../../lib/validity.ts';

export interface LoadOptions {
  /** project root; default process.cwd() */
  root?: string;
  /** content directory or `.jsonl` file, relative to root; default PORTAL_CONTENT or `content` */
  source?: string;
  /** corpus import: missing dates/issuers and duplicate 文号 become warnings */
  lenient?: boolean;
  /** build date `YYYY-MM-DD` for status derivation; default today in Asia/Shanghai */
  today?: string;
  /**
   * JSON-lines only: rows that are versions of one document (same title and issuers, different
   * dates) become one document with versions (src/lib/version-groups.ts); default
   * PORTAL_GROUP_VERSIONS=1 (npm run build:corpus -- --group-versions)
   */
  groupVersions?: boolean;
}

/** Everything found while loading, whether or not it is valid (used by loadSite and scripts/check). */
export interface LoadResult {
  /** undefined when errors prevent building SiteData (e.g. site.yaml invalid) */
  data?: SiteData;
  /** errors and warnings in file order */
  problems: Problem[];
  drafts: DraftRef[];
  /** number of files or rows read (translations: files under content/mn/) */
  counts: { policies: number; interpretations: number; translations: { policies: number; interpretations: number } };
}

export interface ResolvedOptions {
  root: string;
  source: string;
  lenient: boolean;
  today: string;
  groupVersions: boolean;
}

export function resolveOptions(o: LoadOptions): ResolvedOptions {
  return {
    root: path.resolve(o.root ?? process.cwd()),
    source: o.source ?? process.env.PORTAL_CONTENT ?? 'content',
    lenient: o.lenient ?? false,
    today: o.today ?? buildDate(),
    groupVersions: o.groupVersions ?? process.env.PORTAL_GROUP_VERSIONS === '1',
  };
}
