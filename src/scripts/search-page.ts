/**
 * Progressive enhancement for /search/: reads q and filters from the URL, runs them through
 * <base>search/engine.js (the same module the tests and benchmarks use) and renders results.
 * Results go to ol[data-search-results] > li (title link first), the count to [data-search-total].
 *
 * Nothing happens on focus or on choosing a value (WCAG 3.2.2): the form is sent by its 搜索 or
 * 应用 button only, without its empty fields (a clean URL). After a search, focus moves to the
 * results heading and the count is announced (role=status). 推荐结果 (best bets) come first.
 */
import { matchBestBets, type PageBestBet } from '../lib/best-bets.ts';
import { FILTER_NAMES, hasSearch, readSearchState, searchQueryString, withoutEmpty, type SearchState } from '../lib/search-page/params.ts';
import { el, fill } from './search/dom.ts';
import { renderBestBets, renderChips, renderNotices, renderResult, renderSuggestions } from './search/render.ts';
import type { Engine, EngineResponse, Strings, View } from './search/types.ts';

const PAGE = 20;
const WIDE = '(min-width: 60rem)';

interface Page {
  root: HTMLElement;
  form: HTMLFormElement;
  strings: Strings;
  state: SearchState;
  view: View;
  language: string;
  withMn: boolean;
}

function setup(): Page | null {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!root || !form) return null;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const federated = root.dataset.federated === '1';
  // site and level choose among federated sites; a single site has no such filters
  const allowed = FILTER_NAMES.filter((n) => federated || (n !== 'site' && n !== 'level'));
  const state = readSearchState(new URLSearchParams(location.search), allowed);
  const language = root.dataset.language ?? 'zh';
  const withMn = language === 'zh' && state.mn && !!root.dataset.mongolianCss;
  return { root, form, strings, state, language, withMn, view: { strings, mn: language === 'mn', federated } };
}

/** The form shows what was searched for; it is sent without its empty fields; the 筛选 panel
 * is open on wide screens and says how many filters are active. */
function wireForm(p: Page) {
  const { form, state } = p;
  (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
  for (const name of FILTER_NAMES) {
    const field = form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | null;
    // a checkbox (包括历史版本: version=all) is checked when the address carries its value
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = state.filters[name] === field.value;
    else if (field) field.value = state.filters[name] ?? '';
  }
  const sort = form.elements.namedItem('sort') as HTMLSelectElement | null;
  if (sort) sort.value = state.sort;
  const mnBox = form.elements.namedItem('mn') as HTMLInputElement | null;
  if (mnBox) mnBox.checked = p.withMn;
  form.addEventListener('formdata', (e) => {
    const keep = withoutEmpty([...e.formData].map(([k, v]) => [k, String(v)] as [string, string]));
    for (const k of [...new Set([...e.formData.keys()])]) e.formData.delete(k);
    for (const [k, v] of keep) e.formData.append(k, v);
  });
  const panel = document.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  if (panel && matchMedia(WIDE).matches) panel.open = true;
  const count = Object.keys(state.filters).length + (state.sort ? 1 : 0);
  const counter = document.querySelector('[data-filter-count]');
  if (counter && count > 0) counter.textContent = fill(p.strings.filterCount, { count });
}

async function loadEngine(p: Page): Promise<Engine | null> {
  try {
    const engine = (await import(/* @vite-ignore */ p.root.dataset.engine!)) as Engine;
    await engine.options({ language: p.language });
    return engine;
  } catch {
    return null;
  }
}

/** One request for `limit` results (the engine puts undated documents last in date order). */
function searcher(engine: Engine, p: Page) {
  const { state } = p;
  const sort = state.sort === 'published-desc' ? { published: 'desc' as const } : state.sort === 'published-asc' ? { published: 'asc' as const } : undefined;
  const filters: Record<string, string> = { ...state.filters };
  return (limit: number): Promise<EngineResponse> => engine.search(state.q, { filters, ...(sort ? { sort } : {}), limit, ...(p.withMn ? { languages: ['zh', 'mn'] } : {}) });
}

function renderStatus(status: HTMLElement, res: EngineResponse, p: Page) {
  const total = el(res.total > 0 ? 'strong' : 'span', {}, String(res.total));
  // the number sits in its own element ([data-search-total]) for tests and styling
  total.dataset.searchTotal = '';
  if (res.total > 0) {
    const [before, after] = p.strings.total.split('{count}');
    status.replaceChildren(before ?? '', total, after ?? '');
  } else {
    total.hidden = true;
    status.replaceChildren(fill(p.strings.none, { q: p.state.q }), ' ', p.strings.noneTips, total);
  }
}

async function run(p: Page, engine: Engine) {
  const q = <T extends HTMLElement>(sel: string) => p.root.querySelector<T>(sel)!;
  const status = q('[data-search-status]');
  const list = q<HTMLOListElement>('[data-search-results]');
  const more = q('[data-search-more]');
  const next = q('[data-search-next]');
  const search = searcher(engine, p);
  let limit = PAGE;
  let shown = -1;
  const show = async () => {
    const res = await search(limit);
    renderStatus(status, res, p);
    list.replaceChildren(...res.results.map((r) => renderResult(r, p.view)));
    renderSuggestions(q('[data-search-suggest]'), res, p.strings);
    renderNotices(q('[data-search-notices]'), res, p.view);
    next.hidden = res.total > 0;
    // no more to show, or the last request brought nothing new (a peer failed meanwhile)
    more.hidden = res.results.length >= res.total || res.results.length <= shown;
    shown = res.results.length;
  };
  more.querySelector('button')?.addEventListener('click', async () => {
    limit += PAGE;
    await show();
  });
  try {
    await show();
  } catch (err) {
    console.error(err);
    status.textContent = p.strings.error;
  }
}

/** After a search the results heading takes the focus, unless the reader has moved it meanwhile. */
function focusResults(p: Page) {
  const heading = p.root.querySelector<HTMLElement>('[data-results-heading]');
  if (!heading) return;
  heading.hidden = false;
  const idle = !document.activeElement || document.activeElement === document.body;
  if (idle) heading.focus();
}

async function main() {
  const p = setup();
  if (!p) return;
  wireForm(p);
  if (!hasSearch(p.state)) return;
  // a URL with empty parameters (a form sent without JavaScript) is shown clean
  const clean = searchQueryString(p.state);
  if (location.search.slice(1) !== clean) history.replaceState(history.state, '', `${location.pathname}?${clean}${location.hash}`);
  // Mongolian results on a Chinese page need the Mongolian font (a stylesheet of this site)
  if (p.withMn && p.root.dataset.mongolianCss) document.head.append(el('link', { rel: 'stylesheet', href: p.root.dataset.mongolianCss }));
  renderChips(p.root.querySelector('[data-search-active]')!, p.state, p.strings);
  const bets = JSON.parse(p.root.dataset.bestBets ?? '[]') as PageBestBet[];
  renderBestBets(p.root.querySelector('[data-best-bets-box]')!, p.state.q ? matchBestBets(p.state.q, bets) : []);
  const status = p.root.querySelector<HTMLElement>('[data-search-status]')!;
  status.textContent = p.strings.loading;
  const engine = await loadEngine(p);
  if (!engine) {
    status.textContent = p.strings.error;
    focusResults(p);
    return;
  }
  await run(p, engine);
  focusResults(p);
}

void main();
