/**
 * The results area of the search page: emptied and marked busy while a search runs, then the
 * count (announced: role=status), suggestions, notices and results; the focus goes to the
 * results heading when the reader has not moved it since sending the search.
 */
import { el, fill } from './dom.ts';
import { renderNotices, renderResult, renderSuggestions } from './render.ts';
import type { EngineResponse, View } from './types.ts';

export interface ResultsView {
  root: HTMLElement;
  status: HTMLElement;
  heading: HTMLElement | null;
  list: HTMLOListElement;
  more: HTMLElement;
  next: HTMLElement;
  suggest: HTMLElement;
  notices: HTMLElement;
}

export function resultsView(root: HTMLElement): ResultsView {
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  return {
    root,
    status: q('[data-search-status]'),
    heading: root.querySelector<HTMLElement>('[data-results-heading]'),
    list: q<HTMLOListElement>('[data-search-results]'),
    more: q('[data-search-more]'),
    next: q('[data-search-next]'),
    suggest: q('[data-search-suggest]'),
    notices: q('[data-search-notices]'),
  };
}

/** Nothing of an earlier search stays while another runs (its count would be read as this one's). */
export function showLoading(v: ResultsView, loading: string): void {
  v.root.setAttribute('aria-busy', 'true');
  v.status.textContent = loading;
  v.list.replaceChildren();
  v.list.removeAttribute('aria-busy');
  v.suggest.replaceChildren();
  v.notices.replaceChildren();
  v.notices.hidden = true;
  v.more.hidden = true;
  v.next.hidden = true;
}

/** No search (an empty form sent): the page as it loads. */
export function showEmpty(v: ResultsView): void {
  showLoading(v, '');
  v.root.removeAttribute('aria-busy');
  if (v.heading) v.heading.hidden = true;
}

export function showError(v: ResultsView, error: string): void {
  v.root.removeAttribute('aria-busy');
  // first results shown before the failure stay, the list no longer loading
  v.list.removeAttribute('aria-busy');
  v.status.textContent = error;
}

function renderStatus(status: HTMLElement, res: EngineResponse, q: string, view: View) {
  const total = el(res.total > 0 ? 'strong' : 'span', {}, String(res.total));
  // the number sits in its own element ([data-search-total]) for tests and styling
  total.dataset.searchTotal = '';
  if (res.total > 0) {
    const [before, after] = view.strings.total.split('{count}');
    status.replaceChildren(before ?? '', total, after ?? '');
  } else {
    total.hidden = true;
    status.replaceChildren(fill(view.strings.none, { q }), ' ', view.strings.noneTips, total);
  }
}

/** A response; `previous` results shown before (load more): the button stays only while a
 * request brings more (a peer that failed meanwhile may bring fewer). */
export function showResponse(v: ResultsView, res: EngineResponse, q: string, view: View, previous: number): void {
  v.list.replaceChildren(...res.results.map((r) => renderResult(r, view)));
  v.list.removeAttribute('aria-busy');
  renderSuggestions(v.suggest, res, view.strings);
  renderNotices(v.notices, res, view);
  v.next.hidden = res.total > 0;
  v.more.hidden = res.results.length >= res.total || res.results.length <= previous;
  v.root.removeAttribute('aria-busy');
  renderStatus(v.status, res, q, view);
}

/** The first results of a response while the rest load: the count is announced now (the rest
 * do not change it) but not yet marked [data-search-total], which says the page is complete;
 * the list is busy and 加载更多 waits for the whole page. */
export function showFirst(v: ResultsView, head: EngineResponse, q: string, view: View): void {
  showResponse(v, head, q, view, 0);
  v.status.querySelector('[data-search-total]')?.removeAttribute('data-search-total');
  v.list.setAttribute('aria-busy', 'true');
  v.more.hidden = true;
}

/** The whole response after showFirst: the results not shown yet are appended (those shown
 * stay, with the reader's focus or place in them) and the count is marked complete, announced
 * again only when it changed; a response that does not begin with the results shown replaces them. */
export function showRest(v: ResultsView, res: EngineResponse, head: EngineResponse, q: string, view: View): void {
  const kept = head.results.length <= res.results.length && head.results.every((r, i) => res.results[i]!.url === r.url);
  const count = v.status.querySelector('strong');
  if (!kept || res.total !== head.total || !count) return showResponse(v, res, q, view, 0);
  v.list.append(...res.results.slice(head.results.length).map((r) => renderResult(r, view)));
  v.list.removeAttribute('aria-busy');
  renderSuggestions(v.suggest, res, view.strings);
  renderNotices(v.notices, res, view);
  v.more.hidden = res.results.length >= res.total;
  count.setAttribute('data-search-total', '');
}

/** After a search the results heading takes the focus, unless the reader has moved it since
 * sending it (`from`: where the focus was then; the page body on a page load). */
export function focusResults(v: ResultsView, from: Element | null): void {
  if (!v.heading) return;
  v.heading.hidden = false;
  const at = document.activeElement;
  const idle = !at || at === document.body || at === from;
  if (idle) v.heading.focus();
}
