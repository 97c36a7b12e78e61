import { describe, expect, it } from 'vitest';
import { coverTokens, queryTokens, tokenize } from '../../src/lib/search/tokenize.ts';
import { normalizeText } from '../../src/lib/search/normalize.ts';
import { indexContent, TITLE_SLOT, FILLER } from '../../src/lib/search/layout.ts';

describe('search normalization', () => {
  it('folds full-width ASCII, case and Mongolian controls', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeText('ᠮᠣᠩᠭᠣᠯ\u180B\u202Fᠤᠨ')).toBe('ᠮᠣᠩᠭᠣᠯᠤᠨ');
  });
});

describe('bigram tokenizer', () => {
  it('emits one token per Han character position, the last one alone', () => {
    expect(tokenize('中国人民').map((t) => t.text)).toEqual(['中国', '国人', '人民', '民']);
  });
  it('keeps original offsets and splits at punctuation', () => {
    const t = tokenize('银发〔２０１５〕305号');
    expect(t.map((x) => x.text)).toEqual(['银发', '发', '2015', '305', '号']);
    expect(t[2]!.start).toBe(3);
  });
  it('query tokens are bigrams only; one character stays a prefix token', () => {
    expect(queryTokens('农村低保').map((t) => t.text)).toEqual(['农村', '村低', '低保']);
    expect(queryTokens('国').map((t) => t.text)).toEqual(['国']);
  });
  it('query positions match index positions in mixed runs', () => {
    const q = queryTokens('银发2015年度');
    const idx = tokenize('银发2015年度');
    for (const t of q) expect(idx[t.pos]!.text).toBe(t.text);
  });
  it('cover keeps every character and avoids common bigrams', () => {
    const q = queryTokens('个人住房贷款');
    const c = coverTokens(q, new Set(['住房']));
    const covered = new Set<number>();
    for (const t of c) {
      covered.add(t.pos);
      covered.add(t.pos + 1);
    }
    for (let i = 0; i < 6; i++) expect(covered.has(i)).toBe(true);
    expect(c.map((t) => t.text)).not.toContain('住房');
  });
  it('index content puts the title first and the body at TITLE_SLOT', () => {
    const { content } = indexContent({ title: '关于', body: '通知' });
    const words = content.split(' ');
    expect(words.slice(0, 2)).toEqual(['关于', '于']);
    expect(words[2]).toBe(FILLER);
    expect(words[TITLE_SLOT]).toBe('通知');
  });
});
