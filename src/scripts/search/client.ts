/**
 * The search page's link to <base>search/engine.js: imported once, when the page is idle after
 * loading, or earlier when the reader focuses the box or a search is to be shown (the page
 * preloads it); its manifest and filter values read then (engine.prepare); and a search for
 * what the form holds started once typing pauses, so that pressing Enter finds it under way
 * or done (nothing is shown until the form is sent).
 */
import { searchQueryString, type SearchState } from '../../lib/search-page/params.ts';
import type { Engine, EngineResponse } from './types.ts';

/** typing pause before the form's search starts ahead of Enter */
const AHEAD_MS = 150;
/** results per page (the 加载更多 button asks for this many more) */
export const PAGE_SIZE = 20;

export interface Client {
  /** the engine, imported and configured (null when it cannot be loaded) */
  engine(): Promise<Engine | null>;
  /** the response for `state`, `limit` results: the one started ahead when it is the same search */
  search(state: SearchState, limit: number): Promise<EngineResponse>;
  /** the engine imported and its first files read (manifest, filter values), once */
  prepare(state: SearchState): void;
  /** the reader is typing `state` (the form's state): prepare, then search ahead after a pause */
  typing(state: SearchState): void;
}

/** What the engine is asked for a search state (the engine puts undated documents last in date order). */
function engineOptions(state: SearchState, limit: number) {
  const sort = state.sort === 'published-desc' ? { published: 'desc' as const } : state.sort === 'published-asc' ? { published: 'asc' as const } : undefined;
  return { filters: { ...state.filters }, ...(sort ? { sort } : {}), limit, ...(state.mn ? { languages: ['zh', 'mn'] } : {}) };
}

export function engineClient(url: string, language: string): Client {
  let loaded: Promise<Engine | null> | null = null;
  let prepared = false;
  let ahead: { key: string; res: Promise<EngineResponse> } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const engine = () =>
    (loaded ??= import(/* @vite-ignore */ url).then(
      async (m: Engine) => (await m.options({ language }), m),
      () => null,
    ));
  const run = async (state: SearchState, limit: number): Promise<EngineResponse> => {
    const e = await engine();
    if (!e) throw new Error('search engine not loaded');
    return e.search(state.q, engineOptions(state, limit));
  };
  const keyOf = (state: SearchState, limit: number) => `${searchQueryString(state)}#${limit}`;
  const prepare = (state: SearchState) => {
    if (prepared) return;
    prepared = true;
    void engine().then((e) => e?.prepare?.(engineOptions(state, 0)).catch(() => {}));
  };
  return {
    engine,
    search(state, limit) {
      clearTimeout(timer);
      const started = ahead?.key === keyOf(state, limit) ? ahead.res : null;
      ahead = null;
      // a search started ahead that failed is tried again
      return started ? started.catch(() => run(state, limit)) : run(state, limit);
    },
    prepare,
    typing(state) {
      prepare(state);
      clearTimeout(timer);
      if (!state.q) return;
      timer = setTimeout(() => {
        const key = keyOf(state, PAGE_SIZE);
        if (ahead?.key === key) return;
        const res = run(state, PAGE_SIZE);
        res.catch(() => {});
        ahead = { key, res };
      }, AHEAD_MS);
    },
  };
}
