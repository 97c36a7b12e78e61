/**
 * Phrase checks in the ranker when the index kept only some positions of a token: a token at
 * its cap is present but not placed (the phrase is probable), whether the cap is the index-wide
 * one or a thinned word's own.
 */
import { describe, expect, it } from 'vitest';
import { scoreDoc, TIER_PHRASE, TIER_WORDS, type QueryToken } from '../../src/lib/search/rank.ts';

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
