/**
 * Builds a site (astro build, which writes the search index too) into a temporary directory,
 * the way `npm run build` does, so tests assert on real dist/ output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The environment for a child build: vitest exports Vite's own variables (BASE_URL, MODE,
 * NODE_ENV=test…) into process.env, and Astro would take them over astro.config's `base`.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface BuiltSite {
  outDir: string;
  base: string;
}

export interface BuildOptions {
  content?: string;
  base?: string;
  /** a fresh build into this directory, not shared */
  outDir?: string;
  lenient?: boolean;
  /** the build date (PORTAL_TODAY); default TEST_TODAY */
  today?: string;
}

/**
 * The build date of every test build unless a suite pins another, so no test depends on the day
 * it runs. On this day the sample site's 2026 consultation is open and its 2024 one closed
 * (test/build/open-sections.test.ts).
 */
export const TEST_TODAY = '2026-12-01';

/**
 * A site built once per test run for these options (suites must not write into it), or built
 * afresh when `outDir` is given or no run directory is set up.
 */
export function buildSite(opts: BuildOptions = {}): BuiltSite {
  const run = process.env.PORTAL_TEST_RUN;
  if (opts.outDir || !run) return buildInto(opts, opts.outDir ?? mkdtempSync(join(tmpdir(), 'portal-build-')));
  const today = opts.today ?? TEST_TODAY;
  const key = createHash('sha256').update(JSON.stringify([resolve(ROOT, opts.content ?? 'content'), opts.base ?? '/', !!opts.lenient, today])).digest('hex').slice(0, 16);
  const outDir = join(run, `site-${key}`);
  if (existsSync(join(outDir, BUILT_MARK))) return { outDir, base: opts.base ?? '/' };
  const built = buildInto(opts, outDir);
  writeFileSync(join(outDir, BUILT_MARK), '');
  return built;
}

/** Marks a complete shared build (outside what tests list: it is not an .html file). */
const BUILT_MARK = '.portal-test-build-complete';

function buildInto(opts: BuildOptions, outDir: string): BuiltSite {
  const base = opts.base ?? '/';
  const env = buildEnv({
    PORTAL_CONTENT: opts.content ? resolve(ROOT, opts.content) : resolve(ROOT, 'content'),
    PORTAL_OUT_DIR: outDir,
    PORTAL_BASE: base,
    PORTAL_LENIENT: opts.lenient ? '1' : '0',
    // each test build has its own Astro cache: builds of other content must not share one
    PORTAL_CACHE_DIR: `${outDir}.astro-cache`,
    PORTAL_TODAY: opts.today ?? TEST_TODAY,
  });
  // astro build writes the search index too (src/integrations/search-index.ts), as `npm run build`
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`astro build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { outDir, base };
}

/**
 * Runs a build expected to fail; resolves with its exit status and combined output. Not two at
 * a time: astro builds of one project share its .astro/.prerender/ directory.
 */
export function buildSiteExpectingFailure(content: string): Promise<{ status: number | null; output: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'portal-build-bad-'));
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    cwd: ROOT,
    env: buildEnv({ PORTAL_CONTENT: resolve(ROOT, content), PORTAL_OUT_DIR: outDir, PORTAL_LENIENT: '0', PORTAL_TODAY: TEST_TODAY }),
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => {
      rmSync(outDir, { recursive: true, force: true });
      done({ status, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}
