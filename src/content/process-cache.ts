/**
 * Caches shared by every copy of a module in one process. Astro loads src/ twice during a build —
 * once with the config (the content check) and once bundled into the pages — and module-level
 * caches made each copy parse the whole library again. Keyed on globalThis, a build parses each
 * content file once.
 */
const PREFIX = 'gov-open-portal:';

export function processCache<T>(name: string): Map<string, Promise<T>> {
  const g = globalThis as unknown as Record<symbol, Map<string, Promise<T>> | undefined>;
  const key = Symbol.for(PREFIX + name);
  return (g[key] ??= new Map<string, Promise<T>>());
}

/**
 * Counts a real (uncached) load; PORTAL_TRACE_LOADS=1 prints it, so a test can prove a build
 * parsed its content once.
 */
export function traceLoad(what: string, source: string): void {
  if (process.env.PORTAL_TRACE_LOADS === '1') process.stderr.write(`[portal] ${what} parsed: ${source}\n`);
}
