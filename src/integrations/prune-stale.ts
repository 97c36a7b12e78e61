/**
 * With incremental builds dist/ is not emptied (Astro would otherwise copy every unchanged page
 * back from its cache), so what this build no longer produces is removed afterwards: pages of
 * deleted or renamed documents (HTML not among this build's pages), and every other file this
 * build did not write — hashed assets of earlier builds, files deleted from public/ (a file
 * published by mistake must go when it leaves git). Every build rewrites what it produces, so
 * "not written since the build started" means "no longer produced". The search index manages its
 * own directory (scripts/build-search.ts). Emptied folders are removed too.
 */
import type { AstroIntegration } from 'astro';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stalePages } from '../lib/stale.ts';

export function pruneStale(): AstroIntegration {
  let started = 0;
  return {
    name: 'portal:prune-stale',
    hooks: {
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const html = await htmlFiles(out);
        const stale = stalePages(html, pages.map((p) => p.pathname));
        for (const f of stale) await rm(path.join(out, f), { force: true });
        const assets = await oldFiles(out, started, Date.now());
        for (const f of assets) await rm(f, { force: true });
        await removeEmptyDirs(out);
        if (stale.length + assets.length) logger.info(`删除过期页面 ${stale.length} 个、过期资源 ${assets.length} 个（pruned stale output）`);
      },
    },
  };
}

/** HTML files under `out` (relative, posix), skipping the search index directory. */
async function htmlFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('search/pagefind/'));
}

/**
 * Non-HTML files outside search/ that this build did not write: modified outside [since, until]
 * (a second of slack for coarse file-system clocks). A file dated after the build, from a dist/
 * restored off a machine with a clock ahead, was not written by it either.
 */
export async function oldFiles(out: string, since: number, until: number): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const old: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.endsWith('.html')) continue;
    const f = path.join(e.parentPath, e.name);
    if (path.relative(out, f).split(path.sep)[0] === 'search') continue;
    const st = await stat(f).catch(() => undefined);
    if (st && (st.mtimeMs < since - 1000 || st.mtimeMs > until + 1000)) old.push(f);
  }
  return old;
}

/** Removes folders left empty by pruning (their names would still show which ids existed). */
async function removeEmptyDirs(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let empty = true;
  for (const e of entries) {
    if (e.isDirectory() && (await removeEmptyDirs(path.join(dir, e.name)))) await rm(path.join(dir, e.name), { recursive: true, force: true });
    else empty = false;
  }
  return empty;
}
