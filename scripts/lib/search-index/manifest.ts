/**
 * The lists every build writes from the current documents and the index state, whether the
 * postings were built in full or updated (./build.ts): per language the chunk directory, the
 * filter page lists and the publication order; the 文号 buckets; then manifest.json, which
 * names them all. Each of these files is content-addressed (./store.ts), so one that did not
 * change is not written again.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTION_TOKENS, TITLE_SLOT, shardLanguage, type IndexShard, type SearchManifest } from '../../../src/lib/search/layout.ts';
import { indexFiles, pageId } from '../../../src/lib/search/postings.ts';
import { INDEX_FORMAT, INDEX_VERSION } from '../../../src/lib/search/format.ts';
import { sha1, type BuildState, type LanguageState } from './cache.ts';
import { writeDirs } from './chunks.ts';
import { DocnumIndex } from './docnum.ts';
import { byPublication, type Doc } from './language.ts';
import { FilterLists, keepPageFiles, writeSort } from './pages.ts';
import type { BundleStore } from './store.ts';
import type { Built } from './build.ts';

/** What manifest.json holds: SearchManifest plus the format name (src/lib/search/format.ts). */
export type WrittenManifest = SearchManifest & { format: string; agencies: string[] };

/** Han bigrams whose postings fill a chunk of their own (queries route around them when they
 * can): the 1,500 largest over all languages, concatenated in code unit order. */
export function commonBigrams(perLanguage: readonly Map<string, number>[]): string {
  const sum = new Map<string, number>();
  for (const m of perLanguage) for (const [w, n] of m) sum.set(w, (sum.get(w) ?? 0) + n);
  return [...sum].sort((a, b) => b[1] - a[1]).slice(0, 1500).map(([w]) => w).sort().join('');
}

/** One language's descriptor, writing its directory, filter and sort files; adds its 文号. */
function shardOf(lang: string, s: LanguageState, docs: readonly Doc[], store: BundleStore, dirGroup: number, docnums: DocnumIndex): IndexShard {
  const byPath = new Map(docs.map((d) => [d.record.path, d.record]));
  const filters = new FilterLists();
  let total = 0;
  for (const p of s.pages) {
    const r = byPath.get(p.path)!;
    filters.add(p.page, r.filters as Record<string, string[]>);
    keepPageFiles(store, pageId(s.tag, p.page), p.sections);
    docnums.add(pageId(s.tag, p.page), r.docNumber, r.language);
    for (const other of r.alsoDocNumbers ?? []) docnums.add(pageId(s.tag, p.page), other, r.language);
    total += p.length;
  }
  const order = [...s.pages].sort(byPublication);
  const { groups, dirs } = writeDirs(store, s.chunks, dirGroup);
  const avgLength = Math.round((total / Math.max(1, s.pages.length)) * 10) / 10;
  return {
    language: shardLanguage(lang, 0),
    pages: s.pages.length,
    from: order[0]?.published,
    to: order.at(-1)?.published,
    tag: s.tag,
    avgLength,
    groupSize: dirGroup,
    groups,
    dirs,
    filters: filters.write(store),
    sort: writeSort(store, s.tag, order),
  };
}

/** Writes the lists and manifest.json; returns the state the next build starts from. */
export function writeManifest(built: Built, docs: Map<string, Doc[]>, o: { dirGroup: number; cap: number; searchDir: string; key: string }): BuildState {
  const { store } = built;
  const docnums = new DocnumIndex();
  const languages: WrittenManifest['languages'] = {};
  for (const [lang, d] of docs) {
    const s = built.languages[lang]!;
    languages[lang] = { shards: [shardOf(lang, s, d, store, o.dirGroup, docnums)], pages: s.pages.length };
  }
  const dn = docnums.write(store);
  const bundle = `pagefind/${built.gen}/`;
  const manifest: WrittenManifest = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    titleSlot: TITLE_SLOT,
    sectionTokens: SECTION_TOKENS,
    positionCap: o.cap,
    bundle,
    languages,
    docnum: { buckets: dn.buckets, dir: `${bundle}docnum/`, yearBuckets: dn.yearBuckets, list: store.put(indexFiles.docnum, Buffer.from(JSON.stringify({ files: dn.files, yearFiles: dn.yearFiles }))) },
    common: commonBigrams(Object.values(built.languages).map((l) => new Map(l.common))),
    agencies: dn.agencies,
  };
  const text = JSON.stringify(manifest);
  writeFileSync(join(o.searchDir, 'manifest.json'), text);
  return { key: o.key, gen: built.gen, salt: built.salt, manifest: sha1(text), updates: built.updates, languages: built.languages };
}
