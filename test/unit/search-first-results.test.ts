/**
 * The first results before the rest (engine.ts `first`/`onFirst`, docs/search.md): the page's
 * files are requested in rank order (each document's fragment, then its text section), and
 * onFirst answers as soon as the first documents' files are in — the other requests still
 * unanswered — with the same first results and total as the whole answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearch } from '../../scripts/build-search.ts';
import { fileResponse, requestUrl } from '../search/helpers.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';
import type { SearchResponse } from '../../src/search/engine.ts';

type EngineModule = typeof import('../../src/search/engine.ts');

// long bodies: most matches lie past the first text section (a second file per result)
const filler = '本办法所称金融机构是指依法设立的银行业金融机构和其他机构。'.repeat(60);
const records: SearchRecord[] = Array.from({ length: 8 }, (_, i) => ({
  path: `policies/d${i}/`,
  language: 'zh',
  title: `第${i + 1}号反洗钱工作通知`,
  body: `${filler}${'金融机构应当履行反洗钱义务。'.repeat(i + 1)}${filler}`,
  published: `20${10 + i}-03-01`,
  filters: { kind: ['政策文件'], year: [`20${10 + i}`] },
}));

let root: string;
let held: { url: string; answer: () => void }[] = [];
let holding = false;
const realFetch = globalThis.fetch;
const tick = () => new Promise((r) => setTimeout(r, 30));

async function freshEngine(): Promise<EngineModule> {
  const base = pathToFileURL(join(root, 'search/')).href;
  const mod = (await import(`${base}engine.js?fresh=${Math.random()}`)) as EngineModule;
  await mod.options({ basePath: base, baseUrl: '/', language: 'zh' });
  await mod.prepare();
  return mod;
}

/** Answers held requests until only fragments and text sections are left unanswered. */
async function answerIndexFiles(): Promise<void> {
  for (let quiet = 0; quiet < 5; ) {
    await tick();
    const index = held.filter((h) => !/\/(fragment|text)\//.test(h.url));
    held = held.filter((h) => !index.includes(h));
    index.forEach((h) => h.answer());
    quiet = index.length ? 0 : quiet + 1;
  }
}

const kind = (url: string) => url.replace(/^.*\/(fragment|text)\/([^./]+)\..*$/, '$1 $2');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-first-'));
  await buildSearch({ out: root, records });
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = requestUrl(input);
    if (!holding) return fileResponse(url);
    return new Promise<Response>((resolve) => held.push({ url, answer: () => void fileResponse(url).then(resolve) }));
  }) as typeof fetch;
}, 120_000);
afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(root, { recursive: true, force: true });
});

describe('first results before the rest', { timeout: 60_000 }, () => {
  it('answers onFirst once the first documents’ files are in, then the whole page', async () => {
    const engine = await freshEngine();
    const whole = await engine.search('反洗钱', { limit: 20 });
    expect(whole.results.length).toBe(8);
    const again = await freshEngine();
    held = [];
    holding = true;
    let early: SearchResponse | null = null;
    const done = again.search('反洗钱', { limit: 20, first: 2, onFirst: (r) => (early = r) });
    try {
      await answerIndexFiles();
      // every page file asked at once, in rank order: each document's fragment, then its text section
      const asked = held.map((h) => kind(h.url));
      const ids = asked.filter((a) => a.startsWith('fragment')).map((a) => a.slice(9));
      expect(ids.length).toBe(8);
      expect(asked.slice(0, 4)).toEqual([`fragment ${ids[0]}`, `text ${ids[0]}`, `fragment ${ids[1]}`, `text ${ids[1]}`]);
      // the first two documents' files answered: onFirst, with the rest still unanswered
      const firstFiles = held.filter((h) => ids.slice(0, 2).some((id) => h.url.includes(`/${id}.`)));
      held = held.filter((h) => !firstFiles.includes(h));
      firstFiles.forEach((h) => h.answer());
      for (let i = 0; i < 10 && !early; i++) await tick();
      expect(early).not.toBeNull();
      expect(held.length).toBe(12);
      held.splice(0).forEach((h) => h.answer());
      const res = await done;
      const e = early as unknown as SearchResponse;
      expect(e.total).toBe(res.total);
      expect(e.results).toEqual(res.results.slice(0, 2));
      expect(res.results).toEqual(whole.results);
    } finally {
      holding = false;
      held.splice(0).forEach((h) => h.answer());
    }
  });

  it('does not call onFirst when the page holds no more than the first results', async () => {
    const engine = await freshEngine();
    let calls = 0;
    const res = await engine.search('反洗钱', { limit: 20, first: 8, onFirst: () => calls++ });
    expect(res.results.length).toBe(8);
    expect(calls).toBe(0);
    await engine.search('反洗钱', { limit: 20, first: 3, onFirst: () => calls++ });
    expect(calls).toBe(1);
  });
});
