/**
 * One language's index, updated in place (docs/search.md): a page keeps its number while its
 * record is unchanged; a changed record is a new page (its old number is dropped, so a page
 * id always names the same content and its files stay cacheable); new records get fresh
 * numbers above every other. Only the words of removed and added pages are touched: the
 * chunks holding them are read back, their postings edited (removed pages dropped, added
 * pages appended: they have the highest numbers) and repacked (./chunks.ts), which splits a
 * chunk that grew too large; every other chunk keeps its file. Ranking inputs (page lengths,
 * page count, postings, thinning, common bigrams) come out as a full build of the same records
 * would make them; only page numbers and chunk boundaries differ.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FILLER, TITLE_SLOT } from '../../../src/lib/search/layout.ts';
import { cmpCodePoints, decodePostings, indexFiles, indexWord } from '../../../src/lib/search/postings.ts';
import type { ChunkSpan, LanguageState, PageState, TokenCache } from './cache.ts';
import { ChunkBuilder, NeedsFullBuild, unitsOf, type PagePosting } from './chunks.ts';
import { chunkEntries, entryPostings, type ChunkEntry } from './chunk-entries.ts';
import { splicePostings } from './flat-edit.ts';
import { PartInverter } from './invert.ts';
import { addPage, byPublication, type Doc, type PageOptions } from './language.ts';
import type { BundleStore } from './store.ts';

/** What changed since the state was written: pages kept, pages gone, documents new. */
export function diffPages(docs: readonly Doc[], prev: LanguageState): { kept: PageState[]; removed: PageState[]; added: Doc[] } {
  const old = new Map(prev.pages.map((p) => [p.path, p]));
  const kept: PageState[] = [];
  const added: Doc[] = [];
  for (const d of docs) {
    const p = old.get(d.record.path);
    if (p && p.digest === d.digest) {
      kept.push(p);
      old.delete(d.record.path);
    } else added.push(d);
  }
  return { kept, removed: [...old.values()], added };
}

/** The index words of removed pages (from the token cache: their records are gone). */
function removedWords(removed: readonly PageState[], tokens: TokenCache): Set<string> {
  const out = new Set<string>();
  for (const p of removed) {
    const t = tokens.get(p.digest);
    if (!t) throw new NeedsFullBuild(`no cached tokens of removed page ${p.path}`);
    for (const w of t.words) {
      const k = w === FILLER ? '' : indexWord(w);
      if (k) out.add(k);
    }
  }
  return out;
}

export interface Update {
  state: LanguageState;
  added: number;
  removed: number;
  /** chunks rewritten (repacked) */
  rewritten: number;
}

/** Updates one language's index to `docs`. */
export function updateLanguage(docs: readonly Doc[], prev: LanguageState, o: PageOptions): Update {
  const { kept, removed, added } = diffPages(docs, prev);
  const gone = removedWords(removed, o.tokens);
  const inverter = new PartInverter();
  let next = prev.next;
  const pages = [...kept];
  for (const d of [...added].sort((a, b) => byPublication(a.record, b.record))) pages.push(addPage(d, next++, prev.tag, inverter, o));
  const fresh = new Map(inverter.sorted());
  const touched = [...new Set([...gone, ...fresh.keys()])].sort(cmpCodePoints);
  const edit: Edit = { fresh, removed: new Set(removed.map((p) => p.page)), lengths: new Map(pages.map((p) => [p.page, p.length])) };
  const { chunks, common, rewritten } = repack(prev, touched, edit, o);
  pages.sort((a, b) => a.page - b.page);
  return { state: { tag: prev.tag, next, pages, chunks, common }, added: added.length, removed: removed.length, rewritten };
}

interface Edit {
  /** added pages' postings per word (PartInverter's flat form) */
  fresh: Map<string, number[]>;
  removed: Set<number>;
  lengths: Map<number, number>;
}

/** Routes the touched words to the chunks holding their place and repacks those chunks. */
function repack(prev: LanguageState, touched: readonly string[], edit: Edit, o: PageOptions): { chunks: ChunkSpan[]; common: [string, number][]; rewritten: number } {
  const spans = prev.chunks;
  const byChunk = new Map<number, string[]>();
  let c = 0;
  for (const w of touched) {
    while (c + 1 < spans.length && cmpCodePoints(spans[c + 1]![0], w) <= 0) c++;
    const l = byChunk.get(c);
    if (l) l.push(w);
    else byChunk.set(c, [w]);
  }
  const common = new Map(prev.common);
  const out: ChunkSpan[] = [];
  for (let i = 0; i < Math.max(1, spans.length); i++) {
    const words = byChunk.get(i);
    const span = spans[i];
    if (!words) {
      if (span) out.push(span), o.store.keep(indexFiles.chunk(span[3]));
      continue;
    }
    const b = new ChunkBuilder({ store: o.store, chunkSize: o.chunkSize, thinUnits: o.thinUnits, titleSlot: TITLE_SLOT });
    rewriteChunk(span ? readChunk(o.store, span[3]) : [], words, edit, b, o);
    out.push(...b.finish());
    for (const w of words) common.delete(w);
    for (const [w, n] of b.common) common.set(w, n);
  }
  return { chunks: out, common: [...common].sort((a, b) => cmpCodePoints(a[0], b[0])), rewritten: byChunk.size };
}

function readChunk(store: BundleStore, name: string): ChunkEntry[] {
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(join(store.dir, indexFiles.chunk(name))));
  } catch {
    throw new NeedsFullBuild(`chunk ${name} is missing`);
  }
  return chunkEntries(bytes);
}

/** The chunk's words merged with the touched ones (both in code point order) into `b`;
 * untouched words are copied as they are. */
function rewriteChunk(entries: readonly ChunkEntry[], touched: readonly string[], edit: Edit, b: ChunkBuilder, o: PageOptions): void {
  let j = 0;
  const flush = (upTo: string | undefined) => {
    while (j < touched.length && (upTo === undefined || cmpCodePoints(touched[j]!, upTo) < 0)) addTouched(touched[j++]!, undefined, edit, b, o);
  };
  for (const e of entries) {
    flush(e.word);
    if (touched[j] === e.word) {
      addTouched(e.word, entryPostings(e), edit, b, o);
      j++;
    } else b.addItem(e.word, e.item, e.thinned ? unitsOf(decodePostings(entryPostings(e))) : e.count);
  }
  flush(undefined);
}

/** A touched word: its old pages minus the removed ones, then the added pages. */
function addTouched(word: string, flat: number[] | undefined, edit: Edit, b: ChunkBuilder, o: PageOptions): void {
  const added = freshPages(edit.fresh.get(word) ?? [], edit);
  const spliced = flat ? splicePostings(flat, edit.removed, added, { thinUnits: o.thinUnits, titleSlot: TITLE_SLOT }) : null;
  if (spliced) {
    if (spliced.units) b.addPostings(word, spliced.flat, spliced.units, () => spliced.body);
    return;
  }
  // a new word, or one crossing the thinning bound: its pages decoded and encoded again
  const pages: PagePosting[] = [];
  for (const p of flat ? decodePostings(flat) : []) {
    if (edit.removed.has(p.page)) continue;
    const q: PagePosting = { page: p.page, length: edit.lengths.get(p.page) ?? p.length, positions: p.positions };
    if (p.tf !== undefined) q.tf = p.tf;
    pages.push(q);
  }
  pages.push(...added);
  if (pages.length) b.add(word, pages);
}

/** The added pages of a word from PartInverter's flat form (-(page + 1), positions…). */
function freshPages(add: readonly number[], edit: Edit): PagePosting[] {
  const pages: PagePosting[] = [];
  for (let i = 0; i < add.length; ) {
    const page = -add[i++]! - 1;
    const positions: number[] = [];
    while (i < add.length && add[i]! >= 0) positions.push(add[i++]!);
    pages.push({ page, length: edit.lengths.get(page)!, positions });
  }
  return pages;
}
