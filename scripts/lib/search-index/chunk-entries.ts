/**
 * A chunk file's entries as an update reads them (./update.ts): each entry's word and its
 * encoded bytes. An untouched word is copied into the repacked chunk as it is, never decoded
 * and encoded again; only touched words' postings are decoded. The file's layout is fixed
 * (src/lib/search/postings.ts): a CBOR array holding one array of [word, postings] pairs,
 * postings a flat list of integers; anything else is not a chunk this writer wrote.
 */
import { decodeCbor } from '../../../src/lib/search/cbor.ts';
import { THINNED } from '../../../src/lib/search/postings.ts';

export interface ChunkEntry {
  word: string;
  /** the encoded [word, postings] pair */
  item: Uint8Array;
  /** integers in the postings list (its posting units when not thinned) */
  count: number;
  thinned: boolean;
}

const td = new TextDecoder();

/** The entries of a chunk file's (gunzipped) bytes, in order. */
export function chunkEntries(buf: Uint8Array): ChunkEntry[] {
  let p = 0;
  const fail = (what: string): never => {
    throw new RangeError(`chunk: ${what} at byte ${p}`);
  };
  /** the argument of the item head at p for major type `major`, p moved past the head */
  const head = (major: number): number => {
    if (p >= buf.length) fail('truncated');
    const b = buf[p++]!;
    if (b >> 5 !== major) fail(`major type ${b >> 5}, expected ${major}`);
    return arg(b & 31);
  };
  const arg = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : fail(`length code ${info}`);
    if (p + size > buf.length) fail('truncated');
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + buf[p++]!;
    return v;
  };
  if (head(4) !== 1) fail('not a chunk');
  const n = head(4);
  const out: ChunkEntry[] = [];
  for (let e = 0; e < n; e++) {
    const start = p;
    if (head(4) !== 2) fail('entry is not a pair');
    const len = head(3);
    if (p + len > buf.length) fail('truncated');
    const word = td.decode(buf.subarray(p, p + len));
    p += len;
    const count = head(4);
    const first = p;
    for (let i = 0; i < count; i++) {
      if (p >= buf.length) fail('truncated');
      const b = buf[p++]!;
      if (b >> 5 > 1) fail('postings hold a non-integer');
      arg(b & 31);
    }
    out.push({ word, item: buf.subarray(start, p), count, thinned: count > 0 && decodeFirst(buf.subarray(first, p)) === THINNED });
  }
  if (p !== buf.length) fail('bytes after the entries');
  return out;
}

/** The first integer of an encoded postings list. */
function decodeFirst(bytes: Uint8Array): number {
  return decodeCbor(bytes.subarray(0, firstItemLength(bytes[0]!))) as number;
}

const firstItemLength = (b: number): number => {
  const info = b & 31;
  return 1 + (info < 24 ? 0 : info === 24 ? 1 : info === 25 ? 2 : 4);
};

/** A touched entry's postings, decoded. */
export function entryPostings(e: ChunkEntry): number[] {
  return (decodeCbor(e.item) as [string, number[]])[1];
}
