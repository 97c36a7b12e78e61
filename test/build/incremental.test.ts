/**
 * Incremental builds (astro.config.mjs, src/lib/page-key.ts, src/integrations/prune-stale.ts,
 * src/integrations/search-index.ts): a rebuild after an edit and deletions (a document, a file of
 * public/), reusing the previous dist/ and cache, produces exactly the files of a full build of
 * the same content — except the search bundle, whose page numbers legitimately differ (stable
 * across updates): there the same queries must give the same answers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv, ROOT } from '../helpers/build-site.ts';
import { loadEngine } from '../search/helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'portal-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function astroBuild(content: string, outDir: string, full: boolean, publicDir = join(ROOT, 'public')): string {
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: ROOT,
    env: buildEnv({ PORTAL_CONTENT: content, PORTAL_PUBLIC_DIR: publicDir, PORTAL_OUT_DIR: outDir, PORTAL_CACHE_DIR: `${outDir}.cache`, PORTAL_FULL_BUILD: full ? '1' : '0', PORTAL_TODAY: '2025-06-01', PORTAL_LENIENT: '0' }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`astro build failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Every file under `dir` with its bytes, but the search index's data (compared by its answers). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const abs = join(dir, f);
    const rel = relative(dir, abs).split('\\').join('/');
    if (/^search\/(pagefind\/|manifest\.json$|sites\.json$)/.test(rel)) continue;
    if (statSync(abs).isFile()) out.set(rel, readFileSync(abs, 'base64'));
  }
  return out;
}

/** What the built search engine answers (url and score of every result) to each query. */
async function answers(out: string, queries: readonly string[]): Promise<unknown[]> {
  const e = await loadEngine(out);
  const all: unknown[] = [];
  for (const q of queries) all.push((await e.search(q, { limit: 50 })).results.map((r) => [r.url, r.score]).sort());
  return all;
}

describe('an incremental rebuild', () => {
  it('after an edit and a deletion equals a full build, reusing unchanged pages', async () => {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'test/fixtures/content/ok'), content, { recursive: true });
    const pub = join(work, 'public');
    cpSync(join(ROOT, 'public'), pub, { recursive: true });
    writeFileSync(join(pub, 'files/mistake.pdf'), 'published by mistake');
    const inc = join(work, 'inc');
    astroBuild(content, inc, false, pub);
    expect(existsSync(join(inc, 'files/mistake.pdf'))).toBe(true);
    const untouched = join(inc, 'policies/policy-a/index.html');
    const before = statSync(untouched).mtimeMs;

    const edited = join(content, 'policies/policy-b.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\n*$/, '\n\n增加的一段正文，只在第二次构建中出现。\n'));
    rmSync(join(content, 'interpretations/policy-b-jiedu.md'));
    rmSync(join(pub, 'files/mistake.pdf'));
    const log = astroBuild(content, inc, false, pub);
    const full = join(work, 'full');
    astroBuild(content, full, true, pub);

    const a = tree(inc);
    const b = tree(full);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differing = [...b.keys()].filter((k) => a.get(k) !== b.get(k));
    expect(differing).toEqual([]);
    expect(readFileSync(join(inc, 'policies/policy-b/index.html'), 'utf8')).toContain('增加的一段正文');
    expect(existsSync(join(inc, 'interpretations/policy-b-jiedu'))).toBe(false);
    expect(existsSync(join(inc, 'files/mistake.pdf'))).toBe(false);
    // the unchanged document page was not rendered again
    expect(statSync(untouched).mtimeMs).toBe(before);
    expect(log).toMatch(/pruned stale output|删除过期页面/);
    // the search index was updated in place and answers as the full build's does
    expect(log).toMatch(/search index: incremental/);
    const queries = ['增加的一段正文', '政府信息公开', '通知', '解读'];
    const [ai, af] = [await answers(inc, queries), await answers(full, queries)];
    expect(ai).toEqual(af);
    expect((ai[0] as unknown[]).length).toBeGreaterThan(0);
  }, 300_000);
});
