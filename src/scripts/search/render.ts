/**
 * Rendering of the search page's results, notices, suggestions, 推荐结果 and filter chips.
 * Text only (never innerHTML); the labels come from the page (data-strings).
 */
import { badgeClass, resultMeta } from '../../lib/search-page/result-meta.ts';
import { verticalRuns } from '../../lib/mongolian/numbers.ts';
import { splitChineseRuns } from '../../lib/direction.ts';
import { groupIslands } from '../../lib/mongolian/islands.ts';
import { FILTER_NAMES, searchQueryString, withoutFilter, withoutFilters, type SearchState } from '../../lib/search-page/params.ts';
import type { PageBestBet } from '../../lib/best-bets.ts';
import { el, excerptNodes, fill, link } from './dom.ts';
import type { EngineResponse, EngineResult, SiteLabel, Strings, View } from './types.ts';

const siteName = (s: SiteLabel, view: View) => (view.mn ? (s.name.mn ?? s.name.zh) : s.name.zh);

/** Mongolian page: 1–2 digit runs upright (span.tcy), as static pages present them (src/lib/mongolian/numbers.ts). */
const runs = (text: string, view: View) => (view.mn ? verticalRuns(text).map((p) => (p.tcy ? el('span', { className: 'tcy' }, p.text) : p.text)) : [text]);

/** Mongolian page: Han runs of a title or excerpt in span[lang=zh-CN] (long ones span.zh-island), as static pages mark them (src/lib/direction.ts). */
function mnText(text: string, view: View): (Node | string)[] {
  if (!view.mn) return [text];
  return splitChineseRuns(text).flatMap((p) => (p.zh ? [el('span', { lang: 'zh-CN', ...(p.island ? { className: 'zh-island' } : {}) }, ...runs(p.text, view))] : runs(p.text, view)));
}

/** The excerpt's nodes with their text marked as mnText does (a <mark> keeps its children); a long Han run crossing <mark>s is one island. */
function excerpt(html: string, view: View): Node[] {
  const nodes = excerptNodes(html);
  if (!view.mn) return nodes;
  const pieces = nodes.map((n) => ({ text: n.textContent ?? '', mark: !(n instanceof Text) }));
  return groupIslands(pieces)
    .flatMap(({ island, pieces }): (Node | string)[] => {
      const inner = pieces.flatMap((p) => {
        const text = island ? runs(p.text, view) : mnText(p.text, view);
        return p.mark ? [el('mark', {}, ...text)] : text;
      });
      return island ? [el('span', { lang: 'zh-CN', className: 'zh-island' }, ...inner)] : inner;
    })
    .map((n) => (typeof n === 'string' ? document.createTextNode(n) : n));
}

/** One result: title link, then type, 有效性, 文号 and date, then the excerpt and other copies. */
export function renderResult(r: EngineResult, view: View): HTMLLIElement {
  const { strings } = view;
  const li = el('li');
  // a Mongolian result on a Chinese page: its own language, for fonts and screen readers
  const foreign = r.language && r.language !== (view.mn ? 'mn' : 'zh');
  if (foreign && r.language === 'mn') li.lang = 'mn-Mong';
  li.append(link(r.url, { className: 'doc-list__title' }, ...mnText(r.title, view)), resultMetaLine(r, view));
  // The engine returns HTML-escaped text with <mark> around matches: rebuilt as nodes.
  li.append(el('p', { className: 'doc-list__excerpt' }, ...excerpt(r.excerpt, view)));
  // the same document published by several sites: one entry, every copy linked
  const others = (r.sources ?? []).slice(1);
  if (others.length) {
    const also = el('p', { className: 'doc-list__sources' }, `${strings.alsoOn}${strings.colon}`);
    also.dataset.sources = String(r.sources!.length);
    others.forEach((s, i) => {
      if (i) also.append(strings.listSep);
      also.append(link(s.url, {}, siteName(s.site, view)));
    });
    li.append(also);
  }
  return li;
}

function resultMetaLine(r: EngineResult, view: View): HTMLElement {
  const { strings } = view;
  const m = resultMeta(r, { kinds: strings.valueLabels.kind ?? {}, statuses: strings.valueLabels.status ?? {}, datePattern: strings.datePattern });
  const meta = el('div', { className: 'doc-list__meta' });
  if (view.federated && r.site) {
    const site = el('span', { className: 'doc-list__site' }, `${strings.labels.site}${strings.colon}${siteName(r.site, view)}`);
    site.dataset.site = r.site.id;
    meta.append(site);
  }
  if (m.kind) {
    const kind = el('span', { className: 'doc-list__kind' }, m.kind.label);
    kind.dataset.kind = m.kind.value;
    meta.append(kind);
  }
  if (m.status) {
    const badge = el('span', { className: badgeClass(m.status.value) }, m.status.label);
    badge.dataset.status = m.status.value;
    meta.append(badge);
  }
  if (r.language === 'mn' && !view.mn) meta.append(el('span', { className: 'doc-list__lang', lang: 'zh-CN' }, strings.languageMn));
  // Mongolian page: the 文号 is Chinese (lang, a CJK font, upright), its 1–2 digit runs upright
  if (m.docNumber) meta.append(el('span', view.mn ? { lang: 'zh-CN' } : {}, ...runs(m.docNumber, view)));
  if (m.date) {
    const time = el('time', { dateTime: m.date.iso }, ...runs(m.date.text, view));
    meta.append(el('span', {}, `${strings.published}${strings.colon}`, time));
  }
  return meta;
}

/** Peers that could not be searched: said plainly, the other results still shown. */
export function renderNotices(host: HTMLElement, res: EngineResponse, view: View) {
  const list = res.notices ?? [];
  host.hidden = list.length === 0;
  if (list.length === 0) return host.replaceChildren();
  const ul = el('ul');
  for (const n of list) {
    // strings without words for a newer problem (limit, invalid): 索引无法读取 (unreadable)
    const problem = view.strings.problems[n.problem] ?? view.strings.problems.broken ?? n.problem;
    const li = el('li', {}, `${siteName(n.site, view)}${view.strings.colon}${problem}`);
    li.dataset.site = n.site.id;
    ul.append(li);
  }
  host.replaceChildren(el('p', {}, view.strings.peersDown), ul);
}

const pageHref = (state: SearchState) => {
  const qs = searchQueryString(state);
  return location.pathname + (qs ? `?${qs}` : '');
};

/** The active filters as chips: each a link to the same search without that filter. */
export function renderChips(host: HTMLElement, state: SearchState, strings: Strings) {
  const names = FILTER_NAMES.filter((n) => state.filters[n]);
  if (names.length === 0) return host.replaceChildren();
  const ul = el('ul', { className: 'active-filters' });
  ul.setAttribute('aria-label', strings.activeFilters);
  for (const name of names) {
    const value = state.filters[name]!;
    const label = `${strings.labels[name] ?? name}${strings.colon}${strings.valueLabels[name]?.[value] ?? value}`;
    const x = el('span', { className: 'chip__x' }, '✕');
    x.setAttribute('aria-hidden', 'true');
    const a = el('a', { className: 'chip', href: pageHref(withoutFilter(state, name)) }, label, x);
    a.setAttribute('aria-label', fill(strings.removeFilter, { label }));
    a.dataset.filter = name;
    ul.append(el('li', {}, a));
  }
  if (names.length > 1) ul.append(el('li', {}, el('a', { className: 'chip', href: pageHref(withoutFilters(state)) }, strings.clearFilters)));
  host.replaceChildren(el('p', { className: 'active-filters__label' }, strings.activeFilters), ul);
}

export function renderSuggestions(host: HTMLElement, res: EngineResponse, strings: Strings) {
  const s = res.suggestions ?? [];
  if (s.length === 0) return host.replaceChildren();
  const ul = el('ul');
  for (const item of s) ul.append(el('li', {}, link(item.url, {}, item.title), item.docNumber ? `（${item.docNumber}）` : ''));
  host.replaceChildren(el('p', {}, strings.suggest), ul);
}

/** 推荐结果: the matched bets, above the results. */
export function renderBestBets(box: HTMLElement, bets: PageBestBet[]) {
  const list = box.querySelector('[data-best-bets-list]')!;
  box.hidden = bets.length === 0;
  list.replaceChildren(...bets.map((b) => el('li', {}, link(b.href, b.lang ? { lang: b.lang } : {}, b.title))));
}
