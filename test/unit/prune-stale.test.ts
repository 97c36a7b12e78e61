import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oldFiles } from '../../src/integrations/prune-stale.ts';

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
});
