/**
 * plainParagraphsHtml (src/lib/markdown-plain.ts) stands in for marked on plain bodies: on every
 * real document of ../shared/corpus it gives marked's exact output or declines, and it takes
 * most of them; on random strings of the characters that matter at line starts and ends
 * (spaces, ideographic spaces, digits, list markers, blank lines) it never differs from marked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { plainParagraphsHtml } from '../../src/lib/markdown-plain.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/policies.jsonl', import.meta.url));
const marked = new Marked({ gfm: true, breaks: false, async: false });

describe('plain paragraphs without marked', () => {
  it.skipIf(!existsSync(CORPUS))('equals marked on every real document it takes, and takes most of them', () => {
    const bodies = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { body: string }).body);
    let taken = 0;
    for (const body of bodies) {
      const fast = plainParagraphsHtml(body);
      if (fast === null) continue;
      taken++;
      expect(fast, body.slice(0, 80)).toBe(marked.parse(body));
    }
    expect(bodies.length).toBeGreaterThan(3000);
    expect(taken / bodies.length).toBeGreaterThan(0.9);
  });

  it('equals marked on random line starts, ends and blank lines, and declines Markdown', () => {
    const alphabet = ['a', '中', '\n', '\n\n', ' ', '\u3000', '\u00a0', '1', '.', ')', '：', '\u2028', '\u180e', 'ᠮ', '\ufeff', 'www', ' \n', '\n \n', '-', '#', '>'];
    // colons, dashes, plus and equals signs are plain inside a line, syntax at its start or in a URL
    alphabet.push(':', '10:00', ':-', '-:', '+', '=', '2020-2025', '\n---\n', '\n===', 'http://x', 'WWW.x', 'mailto:', 'a@b.cn', '|');
    let seed = 42;
    const next = (n: number) => ((seed = (Math.imul(seed, 48271) >>> 0) % 2147483647), seed % n);
    let taken = 0;
    for (let i = 0; i < 30_000; i++) {
      let s = '';
      for (let k = 1 + next(12); k > 0; k--) s += alphabet[next(alphabet.length)];
      const fast = plainParagraphsHtml(s);
      if (fast === null) continue;
      taken++;
      expect(fast, JSON.stringify(s)).toBe(marked.parse(s));
    }
    expect(taken).toBeGreaterThan(3000);
    for (const md of ['## 标题', '1. 第一项', '- 甲', '> 引用', '**加粗**', '见 www.gov.cn', 'a  \nb', '    代码', '标题\n===', 'A & B', '表头\n:-', '+ 乙', '见 HTTPS://x.cn']) expect(plainParagraphsHtml(md)).toBeNull();
    expect(plainParagraphsHtml('2020-2025年，上午9:00至11:30，1+1=2')).toBe('<p>2020-2025年，上午9:00至11:30，1+1=2</p>\n');
  });
});
