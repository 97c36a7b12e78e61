/** What reading a content directory collects, shared by the per-kind readers. */
import type { DraftRef, Interpretation, Policy } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import type { LineOf } from '../files.ts';
import type { ResolvedOptions } from './options.ts';
import type { VersionRead } from './versions.ts';

export interface DirectoryScan {
  o: ResolvedOptions;
  dir: string;
  problems: Problem[];
  drafts: DraftRef[];
  lines: Map<string, LineOf>;
  policies: Policy[];
  scheduledPolicies: Policy[];
  interpretations: Interpretation[];
  draftPolicyIds: Set<string>;
  /** 历史版本 files read, attached to their documents once all policies are read */
  versions: VersionRead[];
  attachmentChecks: { rel: string; i: number; file: string; lineOf: LineOf }[];
  /**
   * Originals by path relative to policies/ or interpretations/ (no extension), valid or not,
   * so translations can find them (same relative path = translation of that document).
   */
  originals: Record<TranslationKind, Map<string, Original>>;
}

export type TranslationKind = 'policies' | 'interpretations';

/** An original document as found on disk (valid or not), for matching its translation. */
export interface Original {
  id: string | undefined;
  source: string;
  valid: boolean;
  draft: boolean;
  published?: string;
  /** 发布日期 after the build date: the translation waits with it */
  scheduled?: boolean;
}
