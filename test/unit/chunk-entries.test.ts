/**
 * Chunk files as an update reads them (scripts/lib/search-index/chunk-entries.ts) and as
 * ChunkBuilder writes them from encoded pairs: the bytes are the CBOR of [[word, postings]…]
 * that the engine decodes, an entry read back is its word, its pair's bytes, its integer
 * count and whether it is thinned, and bytes that are not such a chunk are refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkEntries, entryPostings } from '../../scripts/lib/search-index/chunk-entries.ts';
import { ChunkBuilder, type PagePosting } from '../../scripts/lib/search-index/chunks.ts';
import { BundleStore } from '../../scripts/lib/search-index/store.ts';
import { decodeCbor, encodeCbor } from '../../src/lib/search/cbor.ts';
import { THIN_CAP, encodePostings, indexFiles } from '../../src/lib/search/postings.ts';

const dir = mkdtempSync(join(tmpdir(), 'chunk-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = (n: number, from = 0): PagePosting[] =>
  Array.from({ length: n }, (_, i) => ({ page: from + i * 3, length: 40 + i, positions: [i % 4, 20 + i, 300 + 70_000 * (i % 2)] }));

describe('chunk entries', () => {
  it('writes [[word, postings]…] whole from encoded pairs and reads each pair back byte for byte', () => {
    const store = new BundleStore(join(dir, 'bundle'));
    const b = new ChunkBuilder({ store, chunkSize: 10_000, thinUnits: 120, titleSlot: 10 });
    const words: [string, PagePosting[]][] = [['一般', pages(5)], ['公开', pages(60, 7)], ['政务', pages(2, 300)], ['ᠮᠣᠩᠭᠣᠯ', pages(1)], ['𠀋字', pages(3)]];
    for (const [w, p] of words) b.add(w, p);
    const [span] = b.finish();
    const raw = gunzipSync(readFileSync(join(store.dir, indexFiles.chunk(span![3]))));
    const expected = words.map(([w, p]) => [w, encodePostings(p, p.length * 5 > 120 ? { cap: THIN_CAP, titleSlot: 10 } : undefined)] as [string, number[]]);
    expect(Buffer.from(raw).equals(Buffer.from(encodeCbor([expected])))).toBe(true);
    const entries = chunkEntries(raw);
    expect(entries.map((e) => [e.word, e.thinned, e.count])).toEqual(expected.map(([w, flat]) => [w, w === '公开', flat.length]));
    entries.forEach((e, i) => {
      expect(entryPostings(e)).toEqual(expected[i]![1]);
      expect(Buffer.from(e.item).equals(Buffer.from(encodeCbor(expected[i]!)))).toBe(true);
    });
  });

  it('refuses bytes that are not a chunk: truncated, trailing bytes, a map, a string among the postings', () => {
    const good = encodeCbor([[['词', [-41, 0, 3]]]]);
    expect(chunkEntries(good)).toHaveLength(1);
    expect(() => chunkEntries(good.subarray(0, good.length - 1))).toThrow(/truncated/);
    expect(() => chunkEntries(Uint8Array.from([...good, 0]))).toThrow(/bytes after/);
    expect(() => chunkEntries(Uint8Array.from([0xa1, 0x01, 0x02]))).toThrow(/major type 5/);
    expect(() => chunkEntries(encodeCbor([[['词', [-41, 'x']]]]))).toThrow(/non-integer/);
    expect(() => chunkEntries(encodeCbor([[['词', [-41, 0], 1]]]))).toThrow(/not a pair/);
    expect(decodeCbor(good)).toEqual([[['词', [-41, 0, 3]]]]);
  });
});
