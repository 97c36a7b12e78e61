/**
 * Posting chunks and their directory (docs/search.md): words in code point order are packed
 * into chunks of about `chunkSize` posting units (positions + 2 per page); each chunk is stored
 * under the hash of its bytes and listed as [first, last, bytes, name] in the directory file of
 * its group of `dirGroup` chunks, itself named by its hash and listed in the manifest. A full
 * build packs every word (./merge.ts); an incremental one repacks only the chunks its changes
 * touch (./update.ts), so the others keep their names.
 */
import { gzipSync } from 'node:zlib';
import { encodeCbor, type Cbor } from '../../../src/lib/search/cbor.ts';
import { THIN_CAP, encodePostings, indexFiles } from '../../../src/lib/search/postings.ts';
import type { ChunkSpan } from './cache.ts';
import type { BundleStore } from './store.ts';

export const gz = (bytes: Uint8Array | string): Buffer => gzipSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { level: 9 });

/** One page's occurrences of a word; `tf` when positions were thinned by an earlier build. */
export interface PagePosting {
  page: number;
  length: number;
  positions: number[];
  tf?: number;
}

export interface ChunkOptions {
  store: BundleStore;
  chunkSize: number;
  thinUnits: number;
  titleSlot: number;
}

/** The posting list can not be rebuilt exactly from what the index holds: build it all again. */
export class NeedsFullBuild extends Error {}

const HAN_BIGRAM = /^\p{Script=Han}{2}$/u;

/** A word's posting units: positions (occurrences, when thinned) + 2 per page. */
export const unitsOf = (pages: readonly PagePosting[]): number => pages.reduce((n, p) => n + (p.tf ?? p.positions.length) + 2, 0);

/** body occurrences + 1 per page holding the word in its body (what a query's cover avoids) */
export function bodyUnits(pages: readonly PagePosting[], titleSlot: number): number {
  let n = 0;
  for (const p of pages) {
    let title = 0;
    for (const x of p.positions) if (x < titleSlot) title++;
    const body = (p.tf ?? p.positions.length) - title;
    if (body > 0) n += body + 1;
  }
  return n;
}

/** Packs words (in code point order) into chunks, stores each, and collects the common bigrams. */
export class ChunkBuilder {
  private o: ChunkOptions;
  /** the encoded [word, postings] pairs of the chunk being filled, and their bytes */
  private cur: Uint8Array[] = [];
  private bytes = 0;
  private units = 0;
  private first = '';
  private last = '';
  readonly spans: ChunkSpan[] = [];
  readonly common = new Map<string, number>();
  words = 0;
  constructor(o: ChunkOptions) {
    this.o = o;
  }

  /** Adds a word from its pages (ascending): thinned when over thinUnits. */
  add(word: string, pages: readonly PagePosting[]): void {
    const units = unitsOf(pages);
    const thin = units > this.o.thinUnits;
    if (!thin && pages.some((p) => p.tf !== undefined && p.tf !== p.positions.length)) {
      throw new NeedsFullBuild(`"${word}" fell below the thinning bound`);
    }
    const flat = encodePostings(pages, thin ? { cap: THIN_CAP, titleSlot: this.o.titleSlot } : undefined);
    this.addPostings(word, flat, units, () => bodyUnits(pages, this.o.titleSlot));
  }

  /** Adds a word's encoded postings whose thinning is settled; `body` gives its body units (bodyUnits). */
  addPostings(word: string, flat: number[], units: number, body: () => number): void {
    if (word.length === 2 && HAN_BIGRAM.test(word)) {
      const n = body();
      if (n > this.o.chunkSize) this.common.set(word, n);
    }
    this.addEncoded(word, flat, units);
  }

  /** Adds a word's encoded postings as they are (an untouched word of a repacked chunk). */
  addEncoded(word: string, flat: number[], units: number): void {
    // an integer takes 1–5 bytes, most 1 or 2
    this.addItem(word, encodeCbor([word, flat], 16 + word.length * 3 + flat.length * 2), units);
  }

  /** Adds an encoded [word, postings] pair (a chunk entry copied byte for byte). */
  addItem(word: string, item: Uint8Array, units: number): void {
    if (!this.cur.length) this.first = word;
    this.last = word;
    this.cur.push(item);
    this.bytes += item.length;
    this.units += units;
    this.words++;
    if (this.units >= this.o.chunkSize) this.flush();
  }

  private flush(): void {
    if (!this.cur.length) return;
    // [[pair, pair, …]]: CBOR is concatenative, so the pairs' bytes follow the two array heads
    const heads = encodeCbor([new Array<Cbor>(this.cur.length).fill(0)]).subarray(0, -this.cur.length);
    const raw = new Uint8Array(heads.length + this.bytes);
    raw.set(heads);
    let at = heads.length;
    for (const item of this.cur) raw.set(item, at), (at += item.length);
    const bytes = gz(raw);
    const name = this.o.store.put(indexFiles.chunk, bytes);
    this.spans.push([this.first, this.last, bytes.length, name, this.units]);
    this.cur = [];
    this.bytes = 0;
    this.units = 0;
  }

  finish(): ChunkSpan[] {
    this.flush();
    return this.spans;
  }
}

/** Stores the directory file of every group of `dirGroup` chunks; the manifest's `groups` and `dirs`. */
export function writeDirs(store: BundleStore, spans: readonly ChunkSpan[], dirGroup: number): { groups: string[]; dirs: string[] } {
  const groups: string[] = [];
  const dirs: string[] = [];
  for (let g = 0; g * dirGroup < spans.length; g++) {
    const span = spans.slice(g * dirGroup, (g + 1) * dirGroup);
    groups.push(span[0]![0]);
    dirs.push(store.put(indexFiles.dir, gz(JSON.stringify(span.map(([first, last, bytes, name]) => [first, last, bytes, name])))));
  }
  return { groups, dirs };
}
