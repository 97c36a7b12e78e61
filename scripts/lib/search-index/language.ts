/**
 * One language's index: its records in publication order become pages 0…n-1; parts of at most
 * `partSize` records are tokenized and inverted in memory (./invert.ts), each written as a
 * sorted run, and the runs are merged into the posting chunks (./merge.ts). Page files,
 * filter lists, the 文号 entries and the publication order are written on the way.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { TITLE_SLOT, indexWords, sectionsOf, shardLanguage, type IndexShard } from '../../../src/lib/search/layout.ts';
import { pageId } from '../../../src/lib/search/postings.ts';
import { tokenizeLang } from '../../../src/lib/search/tokenize.ts';
import { PartInverter } from './invert.ts';
import { mergeRuns } from './merge.ts';
import { FilterLists, writePageFiles, writeSort } from './pages.ts';
import type { DocnumIndex } from './docnum.ts';

export interface LanguageOptions {
  bundle: string;
  /** directory for the temporary run files */
  tmp: string;
  /** the build's page-id salt (two base-36 characters) */
  salt: string;
  partSize: number;
  cap: number;
  sectionTokens: number;
  chunkSize: number;
  dirGroup: number;
  thinUnits: number;
  docnums: DocnumIndex;
  log: (s: string) => void;
}

export interface LanguageIndex {
  shard: IndexShard;
  /** Han bigrams whose body postings exceed a chunk (see merge.ts) */
  common: Map<string, number>;
}

/** Page ids are the tag and a base-36 number; `_` keeps a Mongolian id from equalling a
 * Chinese one (mn0 would be Chinese page 29,340). */
export const indexTag = (salt: string, lang: string): string => `${salt}${lang === 'zh' ? '' : `_${lang}`}`;

/** Records in page order: by publication date (undated first), then path. */
export function pageOrder(recs: readonly SearchRecord[]): SearchRecord[] {
  return [...recs].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path));
}

/** Builds the index of one language's records. */
export function indexLanguage(lang: string, records: readonly SearchRecord[], o: LanguageOptions): LanguageIndex {
  const recs = pageOrder(records);
  const tag = indexTag(o.salt, lang);
  const code = shardLanguage(lang, 0);
  const lengths = new Int32Array(recs.length);
  const filters = new FilterLists();
  const runs: string[] = [];
  const inverter = new PartInverter();
  mkdirSync(o.tmp, { recursive: true });
  try {
    for (let from = 0; from < recs.length; from += o.partSize) {
      const t0 = Date.now();
      const to = Math.min(recs.length, from + o.partSize);
      for (let page = from; page < to; page++) {
        const r = recs[page]!;
        const body = tokenizeLang(r.body, 'index', r.language);
        const words = indexWords(r, o.cap, undefined, body);
        lengths[page] = words.length;
        inverter.add(page, words);
        const id = pageId(tag, page);
        writePageFiles(o.bundle, id, r, sectionsOf(r.body, body, o.sectionTokens));
        filters.add(page, r.filters as Record<string, string[]>);
        o.docnums.add(id, r.docNumber, r.language);
      }
      const file = join(o.tmp, `${lang}-${runs.length}.run`);
      const bytes = inverter.writeRun(file);
      runs.push(file);
      o.log(`  ${lang} part ${runs.length}: pages ${from}–${to - 1} inverted in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${(bytes / 2 ** 20).toFixed(1)} MiB)`);
    }
    const t1 = Date.now();
    const merged = mergeRuns(runs, { bundle: o.bundle, tag, chunkSize: o.chunkSize, dirGroup: o.dirGroup, thinUnits: o.thinUnits, titleSlot: TITLE_SLOT, lengths });
    o.log(`  ${lang}: merged ${runs.length} run(s) into ${merged.chunks} chunks (${merged.words} words) in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    filters.write(o.bundle, tag);
    writeSort(o.bundle, code, tag, recs.map((r) => r.published ?? ''));
    let total = 0;
    for (const n of lengths) total += n;
    const avgLength = Math.round((total / Math.max(1, recs.length)) * 10) / 10;
    const shard: IndexShard = { language: code, pages: recs.length, from: recs[0]?.published, to: recs.at(-1)?.published, tag, avgLength, groupSize: o.dirGroup, groups: merged.groups };
    return { shard, common: merged.common };
  } finally {
    for (const f of runs) rmSync(f, { force: true });
  }
}
