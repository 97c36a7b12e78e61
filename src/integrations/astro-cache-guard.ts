/**
 * Astro's incremental build manifest (<cacheDir>/incremental-build.json) is input: CI may restore
 * a cache another branch wrote (SECURITY.md). Astro deletes each `outputFile` of a path the new
 * build no longer has, resolved against <cacheDir>/dist/ without checking it stays there, and
 * replays recorded image transforms (read from `originalSrcPath`). So before Astro reads the
 * manifest, every output file must be a plain relative path and no path may carry image or
 * header records (this site uses neither); a manifest that fails is removed (the build renders
 * every page, as without a cache) and the reason logged. The page copies themselves cannot be
 * checked without rendering: caches must be kept per branch (docs/deployment.md).
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const ASTRO_MANIFEST = 'incremental-build.json';
const MAX_MANIFEST_BYTES = 256 * 2 ** 20;

/** Why a relative URL path would leave the directory it is resolved against ('' when it stays). */
export function outputFileProblem(f: string): string {
  if (!f || /^[/\\]|[\\\0-\x1f]|^[a-z][\w+.-]*:/i.test(f)) return `output file ${JSON.stringify(f.slice(0, 80))} is not a relative path`;
  for (const seg of f.split('/')) {
    let d = seg;
    try {
      d = decodeURIComponent(seg);
    } catch {
      return `output file ${JSON.stringify(f.slice(0, 80))} is not a URL path`;
    }
    if (seg === '' || d === '.' || d === '..' || /^(?:\.|%2e){1,2}$/i.test(seg) || /[/\\]/.test(d)) return `output file ${JSON.stringify(f.slice(0, 80))} leaves the cache directory`;
  }
  return '';
}

const pathEntry = z.strictObject({ cacheKey: z.string().max(256), outputFile: z.string().max(4096), contentHashes: z.record(z.string(), z.string()).optional() });
const manifest = z.looseObject({ routes: z.record(z.string(), z.looseObject({ paths: z.record(z.string(), pathEntry) })) });

/** Why Astro must not read this manifest ('' when it may). */
export function astroManifestProblem(json: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return 'not JSON';
  }
  const r = manifest.safeParse(raw);
  if (!r.success) return `not an incremental build manifest of this site (${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message})`;
  for (const route of Object.values(r.data.routes)) {
    for (const p of Object.values(route.paths)) {
      const why = outputFileProblem(p.outputFile);
      if (why) return why;
    }
  }
  return '';
}

/** Removes <cacheDir>/incremental-build.json when Astro must not read it; says why. */
export function guardAstroCache(cacheDir: string, log: (s: string) => void): void {
  const file = join(cacheDir, ASTRO_MANIFEST);
  if (!existsSync(file)) return;
  const why = statSync(file).size > MAX_MANIFEST_BYTES ? `larger than ${MAX_MANIFEST_BYTES} bytes` : astroManifestProblem(readFileSync(file, 'utf8'));
  if (!why) return;
  rmSync(file, { force: true });
  log(`Astro 增量构建缓存清单不可用，已删除，本次重新生成所有页面（incremental build manifest ${file} not used: ${why}）`);
}
