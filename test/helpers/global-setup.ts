/**
 * One temporary directory per test run, where test/helpers/build-site.ts keeps the sites it builds:
 * several suites test the same sample site, and each used to build it again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'portal-test-run-'));
  process.env.PORTAL_TEST_RUN = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
