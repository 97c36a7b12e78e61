/**
 * Hostile build caches (SECURITY.md, scripts/lib/search-index/cache-check.ts): CI may restore a
 * PORTAL_CACHE_DIR another branch wrote. A token entry planted under a real document's digest,
 * one with absurd section cuts, a gzip bomb, garbage, and an index state whose generation walks
 * out of the bundle directory are not used: the build recomputes (or builds in full), says
 * why, publishes only what the records say, and touches no file outside its output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildSearch } from '../../scripts/build-search.ts';
import { optionsKey, recordDigest, stateFile } from '../../scripts/lib/search-index/cache.ts';
import { MAX_TOKEN_ENTRY_BYTES, parseState, writerDigest } from '../../scripts/lib/search-index/cache-check.ts';
import { decodeCbor } from '../../src/lib/search/cbor.ts';
import { THIN_CAP } from '../../src/lib/search/postings.ts';
import { DEFAULT_POSITION_CAP, SECTION_TOKENS } from '../../src/lib/search/layout.ts';
import type { SearchRecord } from '../../src/lib/search/record.ts';

const record = (i: number): SearchRecord => ({
  path: `/policies/p${i}/`,
  language: 'zh',
  title: `关于安全生产的通知${i}`,
  body: `各地区各部门要加强安全生产管理，第${i}条。`.repeat(3),
  published: `2020-01-1${i}`,
  filters: { kind: ['政策文件'] },
});
const RECORDS = [0, 1, 2].map(record);
const SMALL = { chunkSize: 40, dirGroup: 3, engine: false };
const FOREIGN = '攻击者词语';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'search-cache-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every word in the index of `out`. */
function indexedWords(out: string): Set<string> {
  const m = JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8')) as { bundle: string };
  const dir = join(out, 'search', m.bundle, 'index');
  const words = new Set<string>();
  for (const f of readdirSync(dir)) {
    const [entries] = decodeCbor(gunzipSync(readFileSync(join(dir, f)))) as [[string, number[]][]];
    for (const [w] of entries) words.add(w);
  }
  return words;
}

/** The digest the build computes for record 0 (its token cache file name). */
const digest0 = () => recordDigest(RECORDS[0]!, optionsKey(`${DEFAULT_POSITION_CAP}|40|20000|${THIN_CAP}|3|${SECTION_TOKENS}`));

async function build(name: string, plant: (tokens: string) => void) {
  const cache = join(tmp, name, 'cache');
  const out = join(tmp, name, 'out');
  const tokens = join(cache, 'search-index', 'tokens');
  mkdirSync(tokens, { recursive: true });
  plant(tokens);
  const log: string[] = [];
  const r = await buildSearch({ out, records: RECORDS, cacheDir: cache, ...SMALL, thinUnits: 20_000, log: (s) => log.push(s) });
  return { r, out, log: log.join('\n'), tokens };
}

const entry = (o: unknown) => gzipSync(JSON.stringify(o));

describe('the search token cache', () => {
  it('does not use an entry computed for another record (planted under a real document’s digest)', async () => {
    const words = ['x', FOREIGN, ...Array.from({ length: 40 }, () => FOREIGN)];
    const { out, log, r } = await build('renamed', (dir) => writeFileSync(join(dir, digest0()), entry({ d: 'A'.repeat(22), w: words.join('\u001f'), c: [0] })));
    expect(existsSync(join(out, 'search', 'manifest.json'))).toBe(true);
    expect(log).toMatch(/token cache entry not used, recomputed: .*computed for record AAAA/);
    expect(r.tokenized).toBe(3);
    expect(indexedWords(out).has(FOREIGN)).toBe(false);
    expect(indexedWords(out).has('安全')).toBe(true);
  });

  it('refuses section cuts that do not fit the body, garbage, and a gzip bomb, and replaces them', async () => {
    const d = digest0();
    const cuts = await build('cuts', (dir) => writeFileSync(join(dir, d), entry({ d, w: 'a', c: Array.from({ length: 100_000 }, () => 0) })));
    expect(cuts.log).toMatch(/not used, recomputed: .*(section cuts|fewer than the title slot)/);
    // the entry was replaced by the real tokenization: the next build takes it from the cache
    expect(JSON.parse(gunzipSync(readFileSync(join(cuts.tokens, d))).toString()).c).toEqual([0]);
    const junk = await build('junk', (dir) => writeFileSync(join(dir, d), 'not gzip'));
    expect(junk.log).toMatch(/not used, recomputed: .*not gzip/);
    const bomb = await build('bomb', (dir) => writeFileSync(join(dir, d), gzipSync(Buffer.alloc(MAX_TOKEN_ENTRY_BYTES + 1, 32), { level: 9 })));
    expect(bomb.log).toMatch(/not used, recomputed: .*over the size limit/);
    for (const b of [cuts, junk, bomb]) expect(b.r.tokenized).toBe(3);
  }, 30_000);

  it('keys entries by the writer’s source code: another tokenizer’s entries are never read', () => {
    const root = join(tmp, 'writer');
    for (const d of ['src/lib', 'scripts/lib/search-index']) cpSync(join(import.meta.dirname, '../..', d), join(root, d), { recursive: true });
    const before = writerDigest(root);
    expect(before).toBe(writerDigest());
    writeFileSync(join(root, 'src/lib/search/normalize.ts'), readFileSync(join(root, 'src/lib/search/normalize.ts'), 'utf8') + '\n// changed\n');
    expect(writerDigest(root)).not.toBe(before);
    expect(optionsKey('x')).toContain(writerDigest());
  });
});

describe('the search index state', () => {
  it('does not follow a generation or chunk name out of the bundle directory (files outside are untouched)', async () => {
    const cache = join(tmp, 'state', 'cache');
    const out = join(tmp, 'state', 'out');
    await buildSearch({ out, records: RECORDS, cacheDir: cache, ...SMALL });
    const victim = join(tmp, 'state', 'victim');
    mkdirSync(victim, { recursive: true });
    writeFileSync(join(victim, 'precious.txt'), 'keep me');
    const file = stateFile(cache, out);
    const state = JSON.parse(readFileSync(file, 'utf8')) as { gen: string; languages: Record<string, { pages: unknown[]; chunks: unknown[] }> };
    // pagefind/../../../victim: out/search/pagefind → the victim directory beside out/
    state.gen = '../../../victim';
    for (const l of Object.values(state.languages)) (l.pages = []), (l.chunks = []);
    writeFileSync(file, JSON.stringify(state));
    const log: string[] = [];
    const r = await buildSearch({ out, records: RECORDS, cacheDir: cache, ...SMALL, log: (s) => log.push(s) });
    expect(r.mode).toBe('full');
    expect(log.join('\n')).toMatch(/cached index state .* not used: not an index state \(gen/);
    expect(readFileSync(join(victim, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(victim)).toEqual(['precious.txt']);
  }, 30_000);

  it('does not delete a file named by a planted page digest (even when the state is not used for an update)', async () => {
    const cache = join(tmp, 'digest', 'cache');
    const out = join(tmp, 'digest', 'out');
    const victim = join(tmp, 'digest', 'precious.txt');
    mkdirSync(join(cache, 'search-index'), { recursive: true });
    writeFileSync(victim, 'keep me');
    const page = { path: '/gone/', page: 0, digest: '../../../precious.txt', length: 1, sections: 1 };
    const state = { key: 'k', gen: '0123456789abcdef', salt: 'ab', manifest: 'a'.repeat(40), updates: 0, languages: { zh: { tag: 'ab', next: 1, pages: [page], chunks: [], common: [] } } };
    writeFileSync(stateFile(cache, out), JSON.stringify(state));
    await buildSearch({ out, records: RECORDS, cacheDir: cache, ...SMALL });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  }, 30_000);

  it('refuses chunk names and digests that are paths, reused page numbers and broken files', () => {
    const ok = { key: 'k', gen: '0123456789abcdef', salt: 'ab', manifest: 'a'.repeat(40), updates: 0, languages: { zh: { tag: 'ab', next: 2, pages: [], chunks: [], common: [] } } };
    expect(parseState(JSON.stringify(ok)).gen).toBe(ok.gen);
    const chunk = structuredClone(ok);
    (chunk.languages.zh.chunks as unknown[]).push(['a', 'b', 1, '../../x', 1]);
    expect(() => parseState(JSON.stringify(chunk))).toThrow(/chunks/);
    const page = { path: '/p/', page: 1, digest: 'A'.repeat(22), length: 3, sections: 1 };
    const twice = structuredClone(ok);
    (twice.languages.zh.pages as unknown[]).push(page, page);
    expect(() => parseState(JSON.stringify(twice))).toThrow(/page 1 reused/);
    // remove() deletes the token files of dropped pages by their digest: no path may be one
    const traversal = structuredClone(ok);
    (traversal.languages.zh.pages as unknown[]).push({ ...page, digest: '../../../../../tmp/x' });
    expect(() => parseState(JSON.stringify(traversal))).toThrow(/digest/);
    expect(() => parseState('{')).toThrow(/not JSON/);
  });
});
