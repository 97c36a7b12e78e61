import { describe, expect, it } from 'vitest';
import { alternatesFor, localePair } from '../../src/lib/sitemap-alternates.ts';

const ROOT = 'https://www.example.gov.cn/zwgk/';

describe('sitemap hreflang alternates', () => {
  it('pairs a Chinese page with its Mongolian version both ways', () => {
    const paths = new Set(['', 'mn/', 'policies/a/', 'mn/policies/a/', 'policies/b/']);
    const pair = [
      { url: `${ROOT}policies/a/`, lang: 'zh-CN' },
      { url: `${ROOT}mn/policies/a/`, lang: 'mn-Mong' },
    ];
    expect(alternatesFor(`${ROOT}policies/a/`, ROOT, paths)).toEqual(pair);
    expect(alternatesFor(`${ROOT}mn/policies/a/`, ROOT, paths)).toEqual(pair);
    expect(alternatesFor(`${ROOT}mn/`, ROOT, paths)?.map((l) => l.url)).toEqual([ROOT, `${ROOT}mn/`]);
  });

  it('gives none for a page without a translation or outside the site', () => {
    const paths = new Set(['policies/b/']);
    expect(alternatesFor(`${ROOT}policies/b/`, ROOT, paths)).toBeUndefined();
    expect(alternatesFor('https://other.example/policies/b/', ROOT, paths)).toBeUndefined();
    expect(localePair('mnx/')).toEqual({ zh: 'mnx/', mn: 'mn/mnx/' });
  });

  it('pairs every page of a 50,000-document library', () => {
    const paths = new Set<string>();
    for (let i = 0; i < 50_000; i++) paths.add(`policies/p${i}/`).add(`mn/policies/p${i}/`);
    let n = 0;
    for (const p of paths) if (alternatesFor(ROOT + p, ROOT, paths)) n++;
    expect(n).toBe(100_000);
  });
});
