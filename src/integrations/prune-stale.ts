/**
 * With incremental builds dist/ is not emptied (Astro would otherwise copy every unchanged page
 * back from its cache), so what this build no longer produces is removed afterwards: pages of
 * deleted or renamed documents and hashed assets of earlier builds. Everything else in dist/ is
 * rewritten by every build (public/ copies, feeds, sitemap) or belongs to the search index, which
 * manages its own directory (scripts/build-search.ts).
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
        const assets = await oldAssets(path.join(out, '_astro'), started);
        for (const f of assets) await rm(f, { force: true });
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

/** Files in _astro/ this build did not write (every build re-emits all of its assets). */
async function oldAssets(dir: string, since: number): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: string[] = [];
  for (const n of names) {
    const f = path.join(dir, n);
    const st = await stat(f).catch(() => undefined);
    if (st?.isFile() && st.mtimeMs < since - 1000) out.push(f);
  }
  return out;
}
