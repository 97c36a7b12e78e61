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
        const files = await outputFiles(out);
        const stale = stalePages(files.html, pages.map((p) => p.pathname));
        for (const f of stale) await rm(path.join(out, f), { force: true });
        const assets = await oldFiles(out, started, Date.now(), files.other);
        for (const f of assets) await rm(f, { force: true });
        await removeEmptyDirs(out, SEARCH_BUNDLE);
        if (stale.length + assets.length) logger.info(`删除过期页面 ${stale.length} 个、过期资源 ${assets.length} 个（pruned stale output）`);
      },
    },
  };
}

/** The search index's bundle (its writer prunes it): 460,000 files at 50,000 documents, never walked here. */
const SEARCH_BUNDLE = 'search/pagefind';

/** The files under `out` (relative, posix) outside the search bundle: HTML pages, and the other
 * files outside search/ (engine.js, manifest.json and the bundle are the index writer's). */
export async function outputFiles(out: string): Promise<{ html: string[]; other: string[] }> {
  const html: string[] = [];
  const other: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    for (const e of await readdir(path.join(out, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== SEARCH_BUNDLE) await visit(r);
      } else if (e.isFile()) {
        if (e.name.endsWith('.html')) html.push(r);
        else if (!r.startsWith('search/')) other.push(r);
      }
    }
  };
  await visit('');
  return { html, other };
}

/**
 * Non-HTML files outside search/ that this build did not write: modified outside [since, until]
 * (a second of slack for coarse file-system clocks). A file dated after the build, from a dist/
 * restored off a machine with a clock ahead, was not written by it either. Absolute paths.
 */
export async function oldFiles(out: string, since: number, until: number, files?: readonly string[]): Promise<string[]> {
  const old: string[] = [];
  for (const rel of files ?? (await outputFiles(out)).other) {
    const f = path.join(out, rel);
    const st = await stat(f).catch(() => undefined);
    if (st && (st.mtimeMs < since - 1000 || st.mtimeMs > until + 1000)) old.push(f);
  }
  return old;
}

/** Removes folders left empty by pruning (their names would still show which ids existed). */
async function removeEmptyDirs(dir: string, skip: string, rel = ''): Promise<boolean> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
  let empty = true;
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && r !== skip && (await removeEmptyDirs(dir, skip, r))) await rm(path.join(dir, r), { recursive: true, force: true });
    else empty = false;
  }
  return empty;
}
