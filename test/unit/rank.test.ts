/**
 * Phrase checks in the ranker when the index kept only some positions of a token: a token at
 * its cap is present but not placed (the phrase is probable), whether the cap is the index-wide
 * one or a thinned word's own.
 */
import { describe, expect, it } from 'vitest';
import { docScorer, scoreDoc, TIER_PHRASE, TIER_TITLE_PHRASE, TIER_WORDS, type DocTokenHit, type QueryToken } from '../../src/lib/search/rank.ts';

const q = (text: string, pos: number): QueryToken => ({ text, run: 0, pos, idf: 1 });
const tokens = [q('金融', 0), q('融机', 1), q('机构', 2)];

describe('scoreDoc with capped tokens', () => {
  it('needs every token at its offset when all positions are known', () => {
    const s = scoreDoc(tokens, [{ positions: [200], score: 1 }, { positions: [201], score: 1 }, { positions: [500, 900], score: 1 }], 128, 48);
    expect(s.tier).toBe(TIER_WORDS);
  });
  it('accepts a thinned token anywhere in the body as probable', () => {
    const s = scoreDoc(tokens, [{ positions: [200], score: 1 }, { positions: [201], score: 1 }, { positions: [500, 900], score: 1, partial: true }], 128, 48);
    expect(s.tier).toBe(TIER_PHRASE);
    // a verified phrase scores above a probable one
    const v = scoreDoc(tokens, [{ positions: [200], score: 1 }, { positions: [201], score: 1 }, { positions: [202, 900], score: 1, partial: true }], 128, 48);
    expect(v.tier).toBe(TIER_PHRASE);
    expect(v.score).toBeGreaterThan(s.score);
  });
  it('places a token whose positions are all kept', () => {
    const s = scoreDoc(tokens, [{ positions: [200], score: 1 }, { positions: [201], score: 1 }, { positions: [500, 900], score: 1 }], 128, 48);
    expect(s.tier).toBe(TIER_WORDS);
  });
});

describe('docScorer: one scorer for every document of a query', () => {
  const two = [q('反洗', 0), q('洗钱', 1), { text: '金融', run: 1, pos: 0, idf: 2 }];
  const docs: (DocTokenHit | undefined)[][] = [
    // title phrase (positions below the title slot), body word
    [{ positions: [3, 300], score: 2 }, { positions: [4], score: 1 }, { positions: [400], score: 3 }],
    // body phrase only: the anchor's title positions are passed over, body ones found
    [{ positions: [10, 200, 700], score: 1 }, { positions: [701], score: 1 }, undefined],
    // tokens apart: no phrase
    [{ positions: [150], score: 1 }, { positions: [900], score: 1 }, { positions: [5], score: 1 }],
    [undefined, undefined, { positions: [130], score: 1 }],
  ];
  it('scores each document as scoreDoc does, whatever was scored before it', () => {
    const score = docScorer(two, 128, 48);
    const once = docs.map((d) => scoreDoc(two, d, 128, 48));
    // the same hits array refilled per document, as the engine does
    const buf: (DocTokenHit | undefined)[] = [];
    const again = [...docs, ...docs].map((d) => (d.forEach((h, i) => (buf[i] = h)), score(buf)));
    expect(again).toEqual([...once, ...once]);
    expect(once.map((s) => s.phrases)).toEqual([2, 1, 1, 1]);
    expect(once.map((s) => s.tier)).toEqual([TIER_PHRASE, TIER_WORDS, TIER_WORDS, TIER_WORDS]);
    expect(once[3]!.coverage).toBeCloseTo(0.5);
  });
  it('finds a title phrase only within the title slot', () => {
    const one = [q('反洗', 0), q('洗钱', 1)];
    expect(scoreDoc(one, [{ positions: [3], score: 1 }, { positions: [4], score: 1 }], 128).tier).toBe(TIER_TITLE_PHRASE);
    // the anchor's title position has no neighbour there; its body one has
    expect(scoreDoc(one, [{ positions: [60, 140], score: 1 }, { positions: [62, 141], score: 1 }], 128).tier).toBe(TIER_PHRASE);
  });
});
