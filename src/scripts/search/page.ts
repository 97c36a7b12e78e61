/**
 * Progressive enhancement for /search/ (docs/search.md): the page is a GET form that works
 * without JavaScript; with it, sending the form (搜索, Enter, 应用), removing a filter chip and
 * the back and forward buttons update the results in place. The address stays the shareable
 * /search/?q=… of the search shown (history.pushState, no empty parameters), without a page
 * load: the engine, its manifest and the index chunks already read stay in memory.
 *
 * Nothing happens on focus or on choosing a value (WCAG 3.2.2): only sending the form searches.
 * Once the page is idle the engine loads; while the reader types the typed search may start ahead (client.ts);
 * it is shown only when the form is sent. After a search the focus moves to the results
 * heading and the count is announced (role=status). 推荐结果 (best bets) come first.
 */
import { matchBestBets, type PageBestBet } from '../../lib/best-bets.ts';
import { FILTER_NAMES, hasSearch, readSearchState, searchQueryString, type SearchState } from '../../lib/search-page/params.ts';
import { el } from './dom.ts';
import { engineClient, FIRST, PAGE_SIZE, type Client } from './client.ts';
import { cleanSubmissions, formState, showState, type SearchForm } from './form.ts';
import { renderBestBets, renderChips } from './render.ts';
import { focusResults, resultsView, showEmpty, showError, showFirst, showLoading, showResponse, showRest, type ResultsView } from './view.ts';
import type { View } from './types.ts';

const WIDE = '(min-width: 60rem)';

interface Page {
  root: HTMLElement;
  f: SearchForm;
  v: ResultsView;
  view: View;
  client: Client;
  bets: PageBestBet[];
  /** the search shown, how many results of it were asked for (加载更多) and shown (-1: none
   * yet), and its number (a later search overtakes an earlier one) */
  shown: { state: SearchState; limit: number; results: number; seq: number };
}

function setup(): Page | null {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const input = form?.elements.namedItem('q');
  if (!root || !form || !(input instanceof HTMLInputElement)) return null;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as View['strings'];
  const federated = root.dataset.federated === '1';
  const language = root.dataset.language ?? 'zh';
  // site and level choose among federated sites; a single site has no such filters
  const allowed = FILTER_NAMES.filter((n) => federated || (n !== 'site' && n !== 'level'));
  const f: SearchForm = { form, input, allowed, mnAvailable: language === 'zh' && !!root.dataset.mongolianCss, strings };
  const view: View = { strings, mn: language === 'mn', federated };
  const bets = JSON.parse(root.dataset.bestBets ?? '[]') as PageBestBet[];
  const client = engineClient(root.dataset.engine!, language);
  const shown = { state: readSearchState(new URLSearchParams(), allowed), limit: PAGE_SIZE, results: 0, seq: 0 };
  return { root, f, v: resultsView(root), view, client, bets, shown };
}

const stateFromAddress = (p: Page): SearchState => {
  const s = readSearchState(new URLSearchParams(location.search), p.f.allowed);
  return { ...s, mn: s.mn && p.f.mnAvailable };
};

const addressOf = (state: SearchState): string => {
  const qs = searchQueryString(state);
  return location.pathname + (qs ? `?${qs}` : '');
};

/** Mongolian results on a Chinese page need the Mongolian font (a stylesheet of this site). */
function mongolianFont(p: Page): void {
  const href = p.root.dataset.mongolianCss;
  if (!href || document.querySelector(`link[rel=stylesheet][href="${CSS.escape(href)}"]`)) return;
  document.head.append(el('link', { rel: 'stylesheet', href }));
}

/** Shows `state`: the form, chips and 推荐结果 at once, the results when the engine answers
 * (the first few as soon as they are in). `from` is where the focus was when the search was
 * sent. A later search overtakes this one. */
async function show(p: Page, state: SearchState, from: Element | null): Promise<void> {
  const seq = ++p.shown.seq;
  p.shown = { state, limit: PAGE_SIZE, results: -1, seq };
  showState(p.f, state);
  renderChips(p.root.querySelector('[data-search-active]')!, state, p.view.strings);
  renderBestBets(p.root.querySelector('[data-best-bets-box]')!, state.q ? matchBestBets(state.q, p.bets) : []);
  if (!hasSearch(state)) return showEmpty(p.v);
  if (state.mn) mongolianFont(p);
  showLoading(p.v, p.view.strings.loading);
  // the focus moves once, with the first results shown (the rest follow without moving it)
  let moved = false;
  const focus = () => {
    if (!moved && seq === p.shown.seq) focusResults(p.v, from);
    moved = true;
  };
  await answer(p, seq, PAGE_SIZE, FIRST, focus);
  focus();
}

/** The engine's answer for the search shown, `limit` results (more after 加载更多), the
 * `first` of them shown as soon as they are in (then `shown()`), unless another search has
 * started meanwhile. */
async function answer(p: Page, seq: number, limit: number, first = 0, shown?: () => void): Promise<void> {
  try {
    const pending = p.client.search(p.shown.state, limit, first);
    const head = await pending.first;
    if (seq !== p.shown.seq) return;
    if (head) {
      showFirst(p.v, head, p.shown.state.q, p.view);
      shown?.();
    }
    const res = await pending.all;
    if (seq !== p.shown.seq) return;
    if (head) showRest(p.v, res, head, p.shown.state.q, p.view);
    else showResponse(p.v, res, p.shown.state.q, p.view, p.shown.results);
    p.shown.limit = limit;
    p.shown.results = res.results.length;
  } catch (err) {
    if (seq !== p.shown.seq) return;
    console.error(err);
    showError(p.v, p.view.strings.error);
  }
}

/** A search the reader sent: a new history entry (unless it is the address already), then in place. */
function go(p: Page, state: SearchState): void {
  const to = addressOf(state);
  if (to !== location.pathname + location.search) history.pushState(null, '', to);
  void show(p, state, document.activeElement);
}

/** A plain click on a chip (its href: the same search without that filter); a modified click
 * (new tab, new window) is left to the browser. */
function chipClick(p: Page, e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a.chip');
  if (!(a instanceof HTMLAnchorElement) || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  e.preventDefault();
  const s = readSearchState(url.searchParams, p.f.allowed);
  go(p, { ...s, mn: s.mn && p.f.mnAvailable });
}

function wire(p: Page): void {
  cleanSubmissions(p.f.form);
  p.f.form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(p, formState(p.f));
  });
  // the engine and the index load while the reader types (composition ends with an input event)
  p.f.input.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) p.client.typing(formState(p.f));
  });
  p.f.input.addEventListener('focus', () => void p.client.engine(), { once: true });
  p.root.querySelector<HTMLElement>('[data-search-active]')!.addEventListener('click', (e) => chipClick(p, e));
  p.v.more.querySelector('button')?.addEventListener('click', () => void answer(p, p.shown.seq, p.shown.limit + PAGE_SIZE));
  // back and forward between searches of this page: the search of that address, in place (a
  // change of the fragment alone, a skip link, is no other search)
  addEventListener('popstate', () => {
    const state = stateFromAddress(p);
    if (searchQueryString(state) !== searchQueryString(p.shown.state)) void show(p, state, document.activeElement);
  });
}

export function main(): void {
  const p = setup();
  if (!p) return;
  wire(p);
  const state = stateFromAddress(p);
  // a URL with empty parameters (a form sent without JavaScript) is shown clean
  const clean = searchQueryString(state);
  if (hasSearch(state) && location.search.slice(1) !== clean) history.replaceState(history.state, '', `${location.pathname}?${clean}${location.hash}`);
  // the engine and its first files are ready before the first search is sent (the page preloads them)
  else if (!hasSearch(state)) (window.requestIdleCallback ?? setTimeout)(() => p.client.prepare(formState(p.f)));
  // the 筛选 panel is open on wide screens, where it fits beside the results
  const panel = document.querySelector<HTMLDetailsElement>('[data-filter-panel]');
  if (panel && matchMedia(WIDE).matches) panel.open = true;
  void show(p, state, null);
}
