/**
 * One language's index, built in full: its records in publication order become pages 0…n-1;
 * parts of at most `partSize` records are inverted in memory (./invert.ts), each written as a
 * sorted run, and the runs are merged into the posting chunks (./merge.ts). Each page's words
 * come from the token cache when the document is unchanged (./cache.ts); its fragment and text
 * sections are written on the way. What the next build needs to update the index in place is
 * returned (LanguageState); ./update.ts does that update.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { TITLE_SLOT, indexWords, sectionCuts, sectionsAt } from '../../../src/lib/search/layout.ts';
import { pageId } from '../../../src/lib/search/postings.ts';
import { tokenizeLang } from '../../../src/lib/search/tokenize.ts';
import type { DocTokens, LanguageState, PageState, TokenCache } from './cache.ts';
import { tokensMisfit } from './cache-check.ts';
import { PartInverter } from './invert.ts';
import { mergeRuns } from './merge.ts';
import { writePageFiles } from './pages.ts';
import type { BundleStore } from './store.ts';

/** A record and its digest (cache.ts recordDigest). */
export interface Doc {
  record: SearchRecord;
  digest: string;
}

export interface PageOptions {
  store: BundleStore;
  tokens: TokenCache;
  cap: number;
  sectionTokens: number;
  chunkSize: number;
  thinUnits: number;
  log: (s: string) => void;
}

export interface LanguageOptions extends PageOptions {
  /** directory for the temporary run files */
  tmp: string;
  partSize: number;
}

/** Page ids are the tag and a base-36 number; `_` keeps a Mongolian id from equalling a
 * Chinese one (mn0 would be Chinese page 29,340). */
export const indexTag = (salt: string, lang: string): string => `${salt}${lang === 'zh' ? '' : `_${lang}`}`;

/** Publication order: by date (undated first), then path. */
export const byPublication = (a: Pick<SearchRecord, 'published' | 'path'>, b: Pick<SearchRecord, 'published' | 'path'>): number =>
  (a.published ?? '').localeCompare(b.published ?? '') || a.path.localeCompare(b.path);

/** Records in publication order (the page order of a full build). */
export function pageOrder(recs: readonly SearchRecord[]): SearchRecord[] {
  return [...recs].sort(byPublication);
}

/** A document's index words and section cuts: from the cache, else tokenized (and cached). */
export function docTokens(d: Doc, o: Pick<PageOptions, 'tokens' | 'cap' | 'sectionTokens'>): DocTokens {
  const r = d.record;
  const hit = o.tokens.get(d.digest);
  // a cached entry must fit this record's body (cache-check.ts); else it is recomputed and replaced
  const misfit = hit && tokensMisfit(hit, r.body.length, TITLE_SLOT, o.sectionTokens);
  if (hit && !misfit) return hit;
  if (misfit) o.tokens.reject(d.digest, misfit);
  const body = tokenizeLang(r.body, 'index', r.language);
  const t = { words: indexWords(r, o.cap, undefined, body), cuts: sectionCuts(body, o.sectionTokens) };
  o.tokens.put(d.digest, t);
  return t;
}

/** Adds page `page` to `inverter` and writes its files; its state for the next build. */
export function addPage(d: Doc, page: number, tag: string, inverter: PartInverter, o: PageOptions): PageState {
  const t = docTokens(d, o);
  inverter.add(page, t.words);
  const sections = sectionsAt(d.record.body, t.cuts);
  writePageFiles(o.store, pageId(tag, page), d.record, sections);
  const p: PageState = { path: d.record.path, page, digest: d.digest, length: t.words.length, sections: sections.length };
  if (d.record.published) p.published = d.record.published;
  return p;
}

/** Builds the index of one language's documents. */
export function indexLanguage(lang: string, docs: readonly Doc[], tag: string, o: LanguageOptions): LanguageState {
  const ordered = [...docs].sort((a, b) => byPublication(a.record, b.record));
  const pages: PageState[] = [];
  const runs: string[] = [];
  const inverter = new PartInverter();
  mkdirSync(o.tmp, { recursive: true });
  try {
    for (let from = 0; from < ordered.length; from += o.partSize) {
      const t0 = Date.now();
      const to = Math.min(ordered.length, from + o.partSize);
      for (let page = from; page < to; page++) pages.push(addPage(ordered[page]!, page, tag, inverter, o));
      const file = join(o.tmp, `${lang}-${runs.length}.run`);
      const bytes = inverter.writeRun(file);
      runs.push(file);
      o.log(`  ${lang} part ${runs.length}: pages ${from}–${to - 1} inverted in ${((Date.now() - t0) / 1000).toFixed(1)} s (run ${(bytes / 2 ** 20).toFixed(1)} MiB)`);
    }
    const t1 = Date.now();
    const merged = mergeRuns(runs, { store: o.store, chunkSize: o.chunkSize, thinUnits: o.thinUnits, titleSlot: TITLE_SLOT, lengths: pages.map((p) => p.length) });
    o.log(`  ${lang}: merged ${runs.length} run(s) into ${merged.chunks.length} chunks (${merged.words} words) in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    return { tag, next: pages.length, pages, chunks: merged.chunks, common: [...merged.common] };
  } finally {
    for (const f of runs) rmSync(f, { force: true });
  }
}
