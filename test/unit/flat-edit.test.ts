/**
 * splicePostings (scripts/lib/search-index/flat-edit.ts) edits a word's encoded postings in
 * place of decoding and encoding them again: on random lists, thinned and not, it gives the
 * bytes, units and body units that the decode → drop → append → encode path gives, and it
 * declines (null) exactly when the word crosses the thinning bound.
 */
import { describe, expect, it } from 'vitest';
import { splicePostings } from '../../scripts/lib/search-index/flat-edit.ts';
import { bodyUnits, unitsOf, type PagePosting } from '../../scripts/lib/search-index/chunks.ts';
import { THINNED, THIN_CAP, decodePostings, encodePostings } from '../../src/lib/search/postings.ts';

const TITLE = 10;

/** a seeded generator (mulberry32): the cases are the same on every run */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

function pagesOf(r: (n: number) => number, from: number, count: number): PagePosting[] {
  const out: PagePosting[] = [];
  let page = from;
  for (let i = 0; i < count; i++) {
    page += 1 + r(5);
    const positions = new Set<number>();
    for (let k = 0, n = 1 + r(6); k < n; k++) positions.add(r(3) ? TITLE + r(400) : r(TITLE));
    out.push({ page, length: 20 + r(3000), positions: [...positions].sort((a, b) => a - b) });
  }
  return out;
}

/** what the decoding path makes of the same edit (null when it would change the thinning) */
function reference(flat: number[], removed: Set<number>, added: PagePosting[], thinUnits: number) {
  const kept: PagePosting[] = decodePostings(flat).filter((p) => !removed.has(p.page));
  const pages = [...kept, ...added];
  const units = unitsOf(pages);
  const thin = units > thinUnits;
  if (thin !== (flat[0] === THINNED)) return null;
  return { flat: encodePostings(pages, thin ? { cap: THIN_CAP, titleSlot: TITLE } : undefined), units, body: bodyUnits(pages, TITLE) };
}

describe('splicePostings', () => {
  it('equals decoding, dropping, appending and encoding again on 2,000 random edits', () => {
    const r = rng(7);
    let declined = 0;
    let appended = 0;
    for (let c = 0; c < 2000; c++) {
      const old = pagesOf(r, 0, r(40));
      const thinUnits = 20 + r(300);
      const thinBefore = unitsOf(old) > thinUnits;
      const flat = encodePostings(old, thinBefore ? { cap: THIN_CAP, titleSlot: TITLE } : undefined);
      const removed = new Set(old.filter(() => r(4) === 0).map((p) => p.page));
      const added = pagesOf(r, (old.at(-1)?.page ?? 0) + r(3), r(4));
      const want = reference(flat, removed, added, thinUnits);
      const got = splicePostings(flat, removed, added, { thinUnits, titleSlot: TITLE });
      if (!want) {
        expect(got).toBeNull();
        declined++;
        continue;
      }
      expect(got).not.toBeNull();
      expect(got!.units).toBe(want.units);
      expect(got!.body).toBe(want.body);
      if (want.units) expect(got!.flat).toEqual(want.flat);
      if (added.length && old.length > removed.size) appended++;
    }
    expect(appended).toBeGreaterThan(500);
    // both kinds of case occurred
    expect(declined).toBeGreaterThan(20);
    expect(declined).toBeLessThan(1900);
  });

  it('rejects an added page that is not above every kept page, and a list that starts with a position', () => {
    const flat = encodePostings([{ page: 5, length: 40, positions: [1, 2] }]);
    expect(() => splicePostings(flat, new Set(), [{ page: 5, length: 40, positions: [3] }], { thinUnits: 100, titleSlot: TITLE })).toThrow(/not above page 5/);
    expect(() => splicePostings([3, -1, 2], new Set(), [], { thinUnits: 100, titleSlot: TITLE })).toThrow(/position before any page/);
  });
});
