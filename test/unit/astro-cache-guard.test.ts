/**
 * A hostile Astro incremental build manifest (src/integrations/astro-cache-guard.ts): Astro deletes
 * the recorded output file of every path a build no longer has, resolved against <cacheDir>/dist/
 * unchecked, so a manifest planted in a shared cache could make main's build delete any file the
 * build user can write. The guard removes such a manifest before Astro reads it (and keeps a
 * real one); with it, Astro's own cache class finds nothing to delete.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { astroManifestProblem, guardAstroCache, outputFileProblem } from '../../src/integrations/astro-cache-guard.ts';

interface AstroCache {
  findOrphanedFiles(): string[];
  deleteOutputFile(settings: unknown, f: string): Promise<void>;
}
const { IncrementalBuildCache } = (await import(pathToFileURL(join(import.meta.dirname, '../../node_modules/astro/dist/core/build/incremental.js')).href)) as {
  IncrementalBuildCache: { load(settings: unknown, configHash: string, lockfileHash: string, keyDigest: string): AstroCache };
};

let dir: string;
let cacheDir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'astro-cache-guard-'));
  cacheDir = join(dir, 'cache');
  mkdirSync(cacheDir);
  writeFileSync(join(dir, 'precious.txt'), 'keep me');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const manifestWith = (outputFile: string, extra: object = {}) =>
  JSON.stringify({ version: 1, configHash: 'c', lockfileHash: 'l', keyDigest: 'k', routes: { 'src/pages/x.astro': { dependencyHash: 'd', paths: { '/gone/': { cacheKey: 'a', outputFile, ...extra } } } } });

/** What Astro does at the end of a build in which /gone/ no longer exists. */
async function astroPrunes(): Promise<void> {
  const settings = { config: { cacheDir: pathToFileURL(cacheDir + '/') } };
  const cache = IncrementalBuildCache.load(settings, 'c', 'l', 'k');
  for (const f of cache.findOrphanedFiles()) await cache.deleteOutputFile(settings, f);
}

describe("Astro's incremental build manifest from a shared cache", () => {
  it('unguarded, a planted output file outside the cache is deleted by the next build', async () => {
    writeFileSync(join(cacheDir, 'incremental-build.json'), manifestWith('../../precious.txt'));
    await astroPrunes();
    expect(existsSync(join(dir, 'precious.txt'))).toBe(false);
  });

  it('guarded, the manifest is removed with the reason and nothing outside is touched', async () => {
    for (const f of ['../../precious.txt', '%2e%2e/%2E%2E/precious.txt', '/etc/passwd', 'file:///etc/passwd', 'a/%2F../../x', 'a//b', 'a\\..\\x']) {
      writeFileSync(join(cacheDir, 'incremental-build.json'), manifestWith(f));
      const log: string[] = [];
      guardAstroCache(cacheDir, (s) => log.push(s));
      expect(log, f).toEqual([expect.stringMatching(/not used: output file .* (leaves the cache directory|is not a relative path)/)]);
      expect(existsSync(join(cacheDir, 'incremental-build.json'))).toBe(false);
      await astroPrunes();
      expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    }
  });

  it('refuses image and header records (replayed from arbitrary source paths) and garbage', () => {
    expect(astroManifestProblem(manifestWith('a/index.html', { staticImages: [{ originalSrcPath: '/etc/shadow' }] }))).toMatch(/staticImages/);
    expect(astroManifestProblem('{')).toBe('not JSON');
  });

  it("keeps a real manifest (encoded Chinese paths) for Astro to use", () => {
    const real = manifestWith(`policies/${encodeURIComponent('政策')}/index.html`);
    writeFileSync(join(cacheDir, 'incremental-build.json'), real);
    const log: string[] = [];
    guardAstroCache(cacheDir, (s) => log.push(s));
    expect(log).toEqual([]);
    expect(readFileSync(join(cacheDir, 'incremental-build.json'), 'utf8')).toBe(real);
    expect(outputFileProblem('404.html')).toBe('');
  });
});
