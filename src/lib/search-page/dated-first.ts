/**
 * Oldest-first results with the undated documents last. The engine sorts a document without a
 * date as the oldest, which puts undated pages at the top of an oldest-first list; the page asks
 * twice instead: the dated documents (any known year) in date order, then the undated ones
 * (none of those years). Newest-first and relevance need no help: undated ones come last there.
 * `years` are every `year` filter value in the index (engine `filters()`).
 */
export type YearFilter = { any: string[] } | { none: string[] };

export interface Page<R> {
  total: number;
  results: R[];
}

export type Run<P extends Page<unknown>> = (year: YearFilter | undefined, limit: number) => Promise<P>;

/** The first `limit` results: dated ones in the engine's order, then undated ones. */
export async function datedFirst<R, P extends Page<R>>(run: Run<P>, years: string[], limit: number): Promise<P> {
  if (years.length === 0) return run(undefined, limit);
  const dated = await run({ any: years }, limit);
  const rest = Math.max(0, limit - dated.results.length);
  const undated = await run({ none: years }, rest);
  return { ...dated, total: dated.total + undated.total, results: [...dated.results, ...undated.results.slice(0, rest)] };
}
