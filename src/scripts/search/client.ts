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
/** results shown as soon as they are in, before the rest of the first page: a screenful (two
 * on a phone or a 720-pixel screen) and one round of requests (a fragment and a text section
 * each; a browser sends six at a time to an HTTP/1.1 host) */
export const FIRST = 3;

/** A search under way: its first results (null when the whole answer comes at once: a short
 * page, a federated one, an engine.js older than this page) and the whole answer. */
export interface Pending {
  first: Promise<EngineResponse | null>;
  all: Promise<EngineResponse>;
}

export interface Client {
  /** the engine, imported and configured (null when it cannot be loaded) */
  engine(): Promise<Engine | null>;
  /** the response for `state`, `limit` results, and its `first` results earlier (0: none):
   * the one started ahead when it is the same search */
  search(state: SearchState, limit: number, first: number): Pending;
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
  let ahead: { key: string; res: Pending } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const engine = () =>
    (loaded ??= import(/* @vite-ignore */ url).then(
      async (m: Engine) => (await m.options({ language }), m),
      () => null,
    ));
  const run = (state: SearchState, limit: number, first: number): Pending => {
    let early: (r: EngineResponse | null) => void = () => {};
    const head = new Promise<EngineResponse | null>((r) => (early = r));
    const all = (async () => {
      const e = await engine();
      if (!e) throw new Error('search engine not loaded');
      return e.search(state.q, { ...engineOptions(state, limit), ...(first > 0 ? { first, onFirst: early } : {}) });
    })();
    // no first results came (or the search failed): the whole answer is all there is
    all.then(() => early(null), () => early(null));
    return { first: head, all };
  };
  const keyOf = (state: SearchState, limit: number) => `${searchQueryString(state)}#${limit}`;
  const prepare = (state: SearchState) => {
    if (prepared) return;
    prepared = true;
    void engine().then((e) => e?.prepare?.(engineOptions(state, 0)).catch(() => {}));
  };
  return {
    engine,
    search(state, limit, first) {
      clearTimeout(timer);
      const started = ahead?.key === keyOf(state, limit) ? ahead.res : null;
      ahead = null;
      if (!started) return run(state, limit, first);
      // a search started ahead that failed is tried again (whole: its first part is past)
      return { first: started.first, all: started.all.catch(() => run(state, limit, 0).all) };
    },
    prepare,
    typing(state) {
      prepare(state);
      clearTimeout(timer);
      if (!state.q) return;
      timer = setTimeout(() => {
        const key = keyOf(state, PAGE_SIZE);
        if (ahead?.key === key) return;
        const res = run(state, PAGE_SIZE, FIRST);
        res.all.catch(() => {});
        ahead = { key, res };
      }, AHEAD_MS);
    },
  };
}
