/**
 * The k-way merge of a language's sorted runs (./runs.ts) into the posting files the engine
 * reads (src/lib/search/postings.ts): word-sorted chunks of about `chunkSize` posting units,
 * the two-level chunk directory, and the Han bigrams common enough to fill a chunk alone.
 * Runs cover consecutive page ranges, so a word's postings are the runs' lists concatenated
 * in run order. One entry per run and one chunk are in memory at a time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeCbor, type Cbor } from '../../../src/lib/search/cbor.ts';
import { THIN_CAP, cmpCodePoints, encodePostings, indexFiles } from '../../../src/lib/search/postings.ts';
import { RunReader, type RunEntry } from './runs.ts';

export interface MergeOptions {
  /** the per-build bundle directory */
  bundle: string;
  /** the index's file and page-id prefix */
  tag: string;
  /** posting units (positions + 2 per page) per chunk */
  chunkSize: number;
  /** chunks per directory file */
  dirGroup: number;
  /** posting units above which a word is thinned (postings.ts THIN_UNITS) */
  thinUnits: number;
  titleSlot: number;
  /** page lengths (words) by page number */
  lengths: ArrayLike<number>;
}

export interface MergeResult {
  /** first word of every `dirGroup` chunks (manifest `groups`) */
  groups: string[];
  chunks: number;
  words: number;
  /** Han bigrams whose body postings (positions + 1 per page) exceed a chunk, with that count */
  common: Map<string, number>;
}

export const gz = (bytes: Uint8Array | string): Buffer => gzipSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { level: 9 });

/** Merges the run files (in page order) and writes chunks and directory files. */
export function mergeRuns(files: readonly string[], o: MergeOptions): MergeResult {
  const readers = files.map((f) => new RunReader(f));
  const heads: (RunEntry | undefined)[] = readers.map((r) => r.next());
  const out = new ChunkWriter(o);
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (h && (min === undefined || cmpCodePoints(h.word, min) < 0)) min = h.word;
    if (min === undefined) break;
    const pages: { page: number; length: number; positions: number[] }[] = [];
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h || h.word !== min) continue;
      for (let k = 0; k < h.pages.length; k++) pages.push({ page: h.pages[k]!, length: o.lengths[h.pages[k]!] ?? 0, positions: h.positions[k]! });
      heads[i] = readers[i]!.next();
    }
    out.add(min, pages);
  }
  return out.finish();
}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/** Collects words into chunks, writes each full chunk, then the directory files. */
class ChunkWriter {
  private o: MergeOptions;
  private cur: Cbor[] = [];
  private units = 0;
  private first = '';
  private last = '';
  /** [first word, last word, gzipped bytes] per chunk written */
  private spans: [string, string, number][] = [];
  private words = 0;
  private common = new Map<string, number>();
  constructor(o: MergeOptions) {
    this.o = o;
  }

  add(word: string, pages: { page: number; length: number; positions: number[] }[]): void {
    let units = 0;
    for (const p of pages) units += p.positions.length + 2;
    const thin = units > this.o.thinUnits ? { cap: THIN_CAP, titleSlot: this.o.titleSlot } : undefined;
    if (!this.cur.length) this.first = word;
    this.last = word;
    this.cur.push([word, encodePostings(pages, thin)]);
    this.units += units;
    this.words++;
    if (word.length === 2) this.countCommon(word, pages);
    if (this.units >= this.o.chunkSize) this.flush();
  }

  /** body positions + 1 per page holding the word in its body (what a query's cover avoids) */
  private countCommon(word: string, pages: { positions: number[] }[]): void {
    let n = 0;
    for (const p of pages) {
      let body = 0;
      for (let k = p.positions.length - 1; k >= 0 && p.positions[k]! >= this.o.titleSlot; k--) body++;
      if (body) n += body + 1;
    }
    if (n > this.o.chunkSize && HAN_BIGRAM.test(word)) this.common.set(word, n);
  }

  private flush(): void {
    if (!this.cur.length) return;
    const bytes = gz(encodeCbor([this.cur]));
    writeFileSync(join(this.o.bundle, indexFiles.chunk(this.o.tag, this.spans.length)), bytes);
    this.spans.push([this.first, this.last, bytes.length]);
    this.cur = [];
    this.units = 0;
  }

  finish(): MergeResult {
    this.flush();
    const groups: string[] = [];
    for (let g = 0; g * this.o.dirGroup < this.spans.length; g++) {
      const span = this.spans.slice(g * this.o.dirGroup, (g + 1) * this.o.dirGroup);
      groups.push(span[0]![0]);
      writeFileSync(join(this.o.bundle, indexFiles.dir(this.o.tag, g)), gz(JSON.stringify(span)));
    }
    return { groups, chunks: this.spans.length, words: this.words, common: this.common };
  }
}
