/**
 * One temporary directory per test run, where test/helpers/build-site.ts keeps the sites it builds:
 * several suites test the same sample site, and each used to build it again. It also holds Node's
 * compile cache for the run: the workers and every process the tests start (astro builds, the
 * npm scripts' CLIs) inherit NODE_COMPILE_CACHE, so the second and later starts of a script skip
 * compiling its modules again (scripts/import.ts --help: 1.0 s → 0.3 s). The cache is keyed by
 * each file's content, so an edited file is compiled afresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
  process.env.PORTAL_TEST_RUN = dir;
  process.env.NODE_COMPILE_CACHE ??= join(dir, 'node-compile-cache');
  return () => rmSync(dir, { recursive: true, force: true });
}
