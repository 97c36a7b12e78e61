/**
 * Builds the 一网通查 search index at the end of `astro build` (docs/search.md), from the records
 * of the content this build already parsed (the parse cache is process-wide: no second read of
 * the library), updating the previous index in place when the build cache allows
 * (scripts/lib/search-index/build.ts). PORTAL_FULL_BUILD=1 rebuilds it in full, as it does the
 * pages. scripts/build-search.ts stays the CLI for record files and benchmarks.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { guardAstroCache } from './astro-cache-guard.ts';

export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'portal:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // the cache is input (SECURITY.md): Astro's manifest is checked before Astro reads it
      'astro:build:start': ({ logger }) => guardAstroCache(cacheDir, (s) => logger.warn(s)),
      'astro:build:done': async ({ dir, logger }) => {
        // first line of the step: the benchmark attributes time and memory from here (scripts/bench/run.ts)
        logger.info('检索索引：开始（search index: start）');
        const { siteRecords } = await import('../../scripts/lib/search-index/site-records.ts');
        const { buildSearch } = await import('../../scripts/lib/search-index/build.ts');
        const { records, site } = await siteRecords();
        const out = fileURLToPath(dir);
        const r = await buildSearch({ out, records, site, cacheDir, full: process.env.PORTAL_FULL_BUILD === '1', log: (s) => logger.info(s.trim()) });
        logger.info(`检索索引：${r.pages} 条记录，${r.mode === 'full' ? '全量' : '增量'}构建 ${r.seconds.toFixed(1)} 秒（search index: ${r.mode}, ${r.written} files written, ${r.pruned} pruned）`);
      },
    },
  };
}
