import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oldFiles, outputFiles } from '../../src/integrations/prune-stale.ts';

const dir = mkdtempSync(join(tmpdir(), 'prune-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(rel: string, mtime: number): void {
  const f = join(dir, rel);
  mkdirSync(join(f, '..'), { recursive: true });
  writeFileSync(f, 'x');
  utimesSync(f, mtime / 1000, mtime / 1000);
}

describe('oldFiles (prune-stale)', () => {
  it('lists files written before or after the build, never the build’s own, HTML or the search index', async () => {
    const since = Date.parse('2026-12-01T10:00:00Z');
    const until = since + 60_000;
    file('_astro/old.css', since - 3_600_000);
    file('_astro/new.css', since + 5_000);
    file('_astro/future.js', until + 86_400_000);
    file('old.html', since - 3_600_000);
    file('search/pagefind/old.pf', since - 3_600_000);
    const got = (await oldFiles(dir, since, until)).map((f) => f.slice(dir.length + 1)).sort();
    expect(got).toEqual(['_astro/future.js', '_astro/old.css']);
  });

  it('walks the output but not the search bundle: pages anywhere else, other files outside search/', async () => {
    const now = Date.now();
    for (const f of ['search/index.html', 'search/engine.js', 'search/pagefind/abc/fragment/x.html', 'search/pagefind/abc/index/y.pf_index', 'mn/search/index.html', 'policies/a/index.html', 'files/a.pdf']) file(f, now);
    const got = await outputFiles(dir);
    expect(got.html.sort()).toEqual(['mn/search/index.html', 'old.html', 'policies/a/index.html', 'search/index.html']);
    expect(got.other.sort()).toEqual(['_astro/future.js', '_astro/new.css', '_astro/old.css', 'files/a.pdf']);
  });
});
