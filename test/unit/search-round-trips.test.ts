/**
 * Round trips of a first query (docs/search.md, issue #15: "first query ≤ 3 round trips"),
 * counted, not timed: every request the engine makes is held until the engine has gone quiet,
 * then all held requests are answered at once — one round. A request that waits for another's
 * answer lands in a later round. After prepare() (the search page calls it once idle after
 * loading; the page's <head> preloads the manifest), a query takes three rounds: directory
 * files, index chunks, then fragments and text sections together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearch } from '../../scripts/build-search.ts';
import { fileResponse, requestUrl } from '../search/helpers.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

type EngineModule = typeof import('../../src/search/engine.ts');

// long bodies: the best match of a query lies past the first text section (a second file)
const filler = '本办法所称金融机构是指依法设立的银行业金融机构和其他机构。'.repeat(60);
const doc = (i: number, title: string, body: string, docNumber?: string): SearchRecord => ({
  path: `policies/d${i}/`,
  language: 'zh',
  title,
  ...(docNumber ? { docNumber } : {}),
  body: `${filler}${body}${filler}`,
  published: `20${10 + i}-03-0${1 + (i % 9)}`,
  filters: { kind: ['政策文件'], year: [`20${10 + i}`] },
});
const records: SearchRecord[] = [
  doc(1, '个人信息保护管理办法', '加强个人信息保护，规范数据处理活动。', '银发〔2015〕305号'),
  doc(2, '关于做好政务公开工作的通知', '推进政务公开标准化规范化，个人信息保护同步落实。'),
  doc(3, '反洗钱工作指引', '金融机构应当履行反洗钱义务，支付结算业务同样适用。'),
  doc(4, '存款保险条例实施细则', '存款保险基金管理机构依法履行职责，征信信息依法使用。'),
];

let root: string;
let held: { url: string; answer: (r: Response) => void }[] = [];
const realFetch = globalThis.fetch;

const tick = () => new Promise((r) => setTimeout(r, 40));

/** Runs `work`, answering the held requests one round at a time; the files of each round. */
async function inRounds<T>(work: () => Promise<T>): Promise<{ value: T; rounds: string[][] }> {
  let done = false;
  const p = work().finally(() => (done = true));
  p.catch(() => {});
  const rounds: string[][] = [];
  while (!done) {
    // quiet: no new request for three ticks (the engine works between its rounds)
    let n = -1;
    while (!done && n !== held.length) {
      n = held.length;
      for (let i = 0; i < 3; i++) await tick();
    }
    if (done) break;
    if (held.length === 0) throw new Error('the engine waits, but for no request');
    const batch = held;
    held = [];
    rounds.push(batch.map((b) => b.url.replace(/^.*\/search\//, '').replace(/^pagefind\/[^/]+\//, '').replace(/\/.*$/, '')));
    for (const b of batch) b.answer(await fileResponse(b.url));
  }
  return { value: await p, rounds };
}

async function freshEngine(): Promise<EngineModule> {
  held = [];
  const base = pathToFileURL(join(root, 'search/')).href;
  const mod = (await import(`${base}engine.js?fresh=${Math.random()}`)) as EngineModule;
  await mod.options({ basePath: base, baseUrl: '/', language: 'zh' });
  return mod;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-rounds-'));
  await buildSearch({ out: root, records });
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = requestUrl(input);
    return new Promise<Response>((answer) => held.push({ url, answer }));
  }) as typeof fetch;
}, 120_000);
afterAll(() => {
  globalThis.fetch = realFetch;
  rmSync(root, { recursive: true, force: true });
});

describe('first query round trips', { timeout: 60_000 }, () => {
  for (const q of ['个人信息保护', '反洗钱', '政务公开']) {
    it(`「${q}」: three rounds after prepare(): directories, chunks, then fragments with their text sections`, async () => {
      const engine = await freshEngine();
      const ready = await inRounds(() => engine.prepare());
      expect(ready.rounds.map((r) => [...new Set(r)].sort())).toEqual([['manifest.json', 'sites.json'], ['filter']]);
      const { value, rounds } = await inRounds(() => engine.search(q, { limit: 20 }));
      expect(value.results[0]?.excerpt).toContain('<mark>');
      expect(rounds.map((r) => [...new Set(r)].sort())).toEqual([['dir'], ['index'], ['fragment', 'text']]);
    });
  }

  it('a 文号 query and a filtered query take no more rounds', async () => {
    const engine = await freshEngine();
    await inRounds(() => engine.prepare());
    const byNumber = await inRounds(() => engine.search('银发〔2015〕305号', { limit: 20 }));
    expect(byNumber.value.results[0]?.title).toBe('个人信息保护管理办法');
    expect(byNumber.rounds.length).toBeLessThanOrEqual(3);
    const filtered = await inRounds(() => engine.search('金融机构', { limit: 20, filters: { year: '2013' } }));
    expect(filtered.value.results.map((r) => r.title)).toEqual(['反洗钱工作指引']);
    expect(filtered.rounds.length).toBeLessThanOrEqual(3);
  });

  it('prepare() asks no peer: a visit that never searches contacts only its own site', async () => {
    held = [];
    const base = pathToFileURL(join(root, 'search/')).href;
    const engine = (await import(`${base}engine.js?fresh=${Math.random()}`)) as EngineModule;
    await engine.options({ basePath: base, baseUrl: '/', language: 'zh', federation: true, peers: [{ id: 'peer', name: { zh: '邻站' }, level: '旗县', region: '150000', url: 'https://peer.example/' }] });
    const asked: string[] = [];
    const holding = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL) => (asked.push(String(input instanceof Request ? input.url : input)), holding(input))) as typeof fetch;
    const toPeer = () => asked.filter((u) => u.startsWith('https://peer.example/'));
    try {
      await inRounds(() => engine.prepare());
      expect(asked.length).toBeGreaterThan(0);
      expect(toPeer()).toEqual([]);
      await inRounds(() => engine.search('反洗钱', { limit: 20 }));
    } finally {
      globalThis.fetch = holding;
    }
    // the query, not prepare(), is the first to ask the peer
    expect(toPeer().length).toBeGreaterThan(0);
  });

  it('without prepare() the manifest is one round more (the page preloads it)', async () => {
    const engine = await freshEngine();
    const { rounds } = await inRounds(() => engine.search('反洗钱', { limit: 20 }));
    expect(rounds.length).toBe(4);
    expect(rounds[0]!.sort()).toEqual(['manifest.json', 'sites.json']);
  });
});
