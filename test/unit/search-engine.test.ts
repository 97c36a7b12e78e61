/**
 * The engine's own behaviours over small real indexes (built in a temp dir, read through the
 * bundled engine.js): date sorts put undated documents last in both directions, on one site
 * and across federated sites; a result carries its type and 有效性; language tags are
 * normalized (mn-Mong → mn, zh-CN → zh) and an unknown language is an error, not an empty result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearch } from '../../scripts/build-search.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { searchLanguage } from '../../src/lib/search/language.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const zh = (id: string, published: string | undefined, extra: Partial<SearchRecord['filters']> = {}): SearchRecord => ({
  path: `policies/${id}/`,
  language: 'zh',
  title: `关于加强政务公开工作的通知${id}`,
  body: `为进一步做好政务公开工作，现就有关事项通知如下。编号${id}。`,
  ...(published ? { published } : {}),
  filters: { kind: ['政策文件'], ...(published ? { year: [published.slice(0, 4)] } : {}), ...extra },
});
const MN_WORD = 'ᠬᠦᠮᠦᠨ';
const mn: SearchRecord = { path: 'mn/policies/m1/', language: 'mn', title: `${MN_WORD} ᠦ ᠡᠷᠬᠡ`, body: `${MN_WORD} ᠪᠦᠷ ᠲᠥᠷᠥᠵᠦ ᠮᠡᠨᠳᠡᠯᠡᠬᠦ ᠡᠷᠬᠡ`, published: '2020-01-02', filters: { kind: ['政策文件'] } };

// this site: three dated, two undated (one of them a 解读 without 有效性), one Mongolian
const own: SearchRecord[] = [
  zh('a2018', '2018-03-01', { status: ['现行有效'] }),
  zh('u1', undefined, { status: ['已废止'] }),
  zh('a2016', '2016-05-07', { status: ['已废止'] }),
  { ...zh('u2', undefined), filters: { kind: ['政策解读'] } },
  zh('a2020', '2020-11-30', { status: ['已修改'] }),
  mn,
];
// a peer: one dated between this site's, one undated
const peer: SearchRecord[] = [zh('p2017', '2017-06-01', { status: ['现行有效'] }), zh('pu', undefined)];

const ids = (r: { results: { url: string }[] }) => r.results.map((x) => x.url.replace(/^.*policies\/([^/]+)\/$/, '$1'));

let root: string;
let engine: Engine;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-engine-'));
  await buildSearch({ out: join(root, 'own'), records: own });
  await buildSearch({ out: join(root, 'peer'), records: peer, engine: false });
  engine = await loadEngine(join(root, 'own'));
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('date sorts: undated documents last', () => {
  it('oldest first: the dated ones in date order, then the undated ones', async () => {
    expect(ids(await engine.search('政务公开', { sort: { published: 'asc' } }))).toEqual(['a2016', 'a2018', 'a2020', 'u1', 'u2']);
  });
  it('newest first: the dated ones newest first, then the undated ones', async () => {
    const r = ids(await engine.search('政务公开', { sort: { published: 'desc' } }));
    expect(r.slice(0, 3)).toEqual(['a2020', 'a2018', 'a2016']);
    expect(r.slice(3).sort()).toEqual(['u1', 'u2']);
  });
  it('a filtered listing (no query) and a page past the dated ones keep the order', async () => {
    expect(ids(await engine.search('', { filters: { kind: '政策文件' }, sort: { published: 'asc' } }))).toEqual(['a2016', 'a2018', 'a2020', 'u1']);
    expect(ids(await engine.search('', { sort: { published: 'asc' }, offset: 2, limit: 2 }))).toEqual(['a2020', 'u1']);
  });
  it('across federated sites the undated documents of every site come after all dated ones', async () => {
    const fed = await loadEngine(join(root, 'own'));
    await fed.options({ peers: [{ id: 'peer', name: { zh: '旗县' }, level: '旗县', region: '150000', url: join(root, 'peer') + '/' }] });
    for (const dir of ['asc', 'desc'] as const) {
      const r = ids(await fed.search('政务公开', { sort: { published: dir }, limit: 20 }));
      expect(r.length, dir).toBe(7);
      const dated = dir === 'asc' ? ['a2016', 'p2017', 'a2018', 'a2020'] : ['a2020', 'a2018', 'p2017', 'a2016'];
      expect(r.slice(0, 4), dir).toEqual(dated);
      expect(r.slice(4).sort(), dir).toEqual(['pu', 'u1', 'u2']);
    }
  });
});

describe('what a result carries', () => {
  it('its type and its 有效性 from the index', async () => {
    const r = await engine.search('政务公开', { sort: { published: 'asc' } });
    const by = Object.fromEntries(r.results.map((x) => [ids({ results: [x] })[0], x]));
    expect(by.a2016).toMatchObject({ kind: '政策文件', status: '已废止', published: '2016-05-07' });
    expect(by.a2020).toMatchObject({ kind: '政策文件', status: '已修改' });
    // a 解读 has no 有效性: none is made up
    expect(by.u2!.kind).toBe('政策解读');
    expect('status' in by.u2!).toBe(false);
  });
});

describe('search language tags', () => {
  it.each(['mn', 'mn-Mong', 'mn-CN', 'mn-Mong-CN', 'MN-mong', 'mn_Mong'])('options({language: %s}) searches the Mongolian index', async (tag) => {
    const e = await loadEngine(join(root, 'own'));
    await e.options({ language: tag });
    const r = await e.search(MN_WORD);
    expect(r.results.map((x) => [x.url, x.language])).toEqual([['/mn/policies/m1/', 'mn']]);
  });
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN'])('options({language: %s}) searches the Chinese index', async (tag) => {
    const e = await loadEngine(join(root, 'own'));
    await e.options({ language: 'mn' });
    await e.options({ language: tag });
    const r = await e.search('政务公开');
    expect(r.results.length).toBe(5);
    expect(r.results.every((x) => x.language === 'zh')).toBe(true);
  });
  it('an empty language means the default (zh here: no <html lang> in Node)', async () => {
    const e = await loadEngine(join(root, 'own'));
    await e.options({ language: 'mn-Mong' });
    await e.options({ language: '' });
    expect((await e.search('政务公开')).results.length).toBe(5);
  });
  it('search({languages}) takes the same tags', async () => {
    const r = await engine.search(MN_WORD, { languages: ['zh-CN', 'mn-Mong'] });
    expect(r.results.map((x) => x.url)).toEqual(['/mn/policies/m1/']);
  });
  it('an unknown language is an error naming the languages there are, and the engine stays as it was', async () => {
    const e = await loadEngine(join(root, 'own'));
    for (const tag of ['fr', 'en-US', 'mn-Cyrl', 'zh-Hant', 'mongolian']) {
      await expect(e.options({ language: tag }), tag).rejects.toThrow(/not available: the languages are zh \(.*zh-CN.*\) and mn \(.*mn-Mong.*\)/);
    }
    expect((await e.search('政务公开')).results.length).toBe(5);
    await expect(e.search(MN_WORD, { languages: ['mn-Cyrl'] })).rejects.toThrow(/"mn-Cyrl" is not available/);
  });
});

describe('searchLanguage', () => {
  it('maps the tags of each language to its index key', () => {
    expect(['mn', 'mn-Mong', 'mn-CN', 'mn-Mong-CN', ' mn-mong '].map(searchLanguage)).toEqual(['mn', 'mn', 'mn', 'mn', 'mn']);
    expect(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'ZH-cn'].map(searchLanguage)).toEqual(['zh', 'zh', 'zh', 'zh', 'zh']);
  });
  it('refuses other languages, other scripts and non-strings', () => {
    for (const t of ['', 'fr', 'mn-Cyrl', 'zh-Hant', 'zh-TW', 'mnx', 'zhmn']) expect(() => searchLanguage(t), t).toThrow(/is not available/);
    expect(() => searchLanguage(undefined)).toThrow(/undefined is not available/);
  });
});
