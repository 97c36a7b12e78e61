/**
 * Progressive enhancement for /search/: reads q and filters from the URL, runs them through
 * <base>search/engine.js (the same module the tests and benchmarks use) and renders results.
 * Results go to ol[data-search-results] > li (title link first), the count to [data-search-total].
 */
interface SiteLabel {
  id: string;
  name: { zh: string; mn?: string };
  self: boolean;
}
interface EngineResult {
  url: string;
  title: string;
  docNumber?: string;
  published?: string;
  excerpt: string;
  site?: SiteLabel;
  language?: string;
  sources?: { site: SiteLabel; url: string }[];
}
interface EngineResponse {
  total: number;
  results: EngineResult[];
  suggestions?: { title: string; url: string; docNumber?: string }[];
  notices?: { site: SiteLabel; problem: 'unreachable' | 'timeout' | 'broken' | 'limit' | 'invalid' }[];
}
interface Engine {
  options(o: { basePath?: string; language?: string }): Promise<void> | void;
  search(q: string, o: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'>; limit?: number; languages?: string[] }): Promise<EngineResponse>;
}
interface Strings {
  total: string;
  none: string;
  noneTips: string;
  activeFilters: string;
  removeFilter: string;
  suggest: string;
  loading: string;
  error: string;
  published: string;
  loadMore: string;
  labels: Record<string, string>;
  valueLabels: Record<string, Record<string, string>>;
  colon: string;
  listSep: string;
  alsoOn: string;
  peersDown: string;
  problems: Record<string, string>;
  languageMn: string;
  includeMn: string;
}
interface View {
  strings: Strings;
  /** this page is Mongolian: site names in Mongolian */
  mn: boolean;
  /** the site searches peers too: every result says where it is from */
  federated: boolean;
}

const FILTERS = ['kind', 'issuer', 'topic', 'year', 'status', 'docType', 'site', 'level'] as const;
const PAGE = 20;

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A link to `url` when it is http(s) (a path of this site included); a result of a peer is
 * data, and javascript:, data: or other schemes never become a link (then no href at all). */
function link(url: string, props: Partial<HTMLAnchorElement>, ...children: (Node | string)[]): HTMLAnchorElement {
  const a = el('a', props, ...children);
  try {
    const u = new URL(url, location.href);
    if (u.protocol === 'http:' || u.protocol === 'https:') a.setAttribute('href', url);
  } catch {
    // not a URL: text only
  }
  return a;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The engine's excerpt (escaped text, <mark> around matches) as nodes: only <mark> becomes an
 * element, everything else stays text, whatever a peer's document contained. Never innerHTML. */
function excerptNodes(html: string): Node[] {
  const out: Node[] = [];
  let mark: HTMLElement | null = null;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === '<mark>') out.push((mark = el('mark')));
    else if (part === '</mark>') mark = null;
    else if (part) {
      const text = document.createTextNode(part.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!));
      if (mark) mark.append(text);
      else out.push(text);
    }
  }
  return out;
}

async function main() {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!root || !form) return;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Strings;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const active = root.querySelector<HTMLElement>('[data-search-active]')!;
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const more = root.querySelector<HTMLElement>('[data-search-more]')!;

  const params = new URLSearchParams(location.search);
  const q = (params.get('q') ?? '').trim();
  const filters: Record<string, string> = {};
  const federatedPage = root.dataset.federated === '1';
  for (const name of FILTERS) {
    // site and level choose among federated sites; a single site has no such filters
    if (!federatedPage && (name === 'site' || name === 'level')) continue;
    const v = params.get(name);
    if (v) filters[name] = v;
  }
  const sortParam = params.get('sort') ?? '';
  const language = root.dataset.language ?? 'zh';
  const withMn = language === 'zh' && params.get('mn') === '1' && !!root.dataset.mongolianCss;
  const view: View = { strings, mn: language === 'mn', federated: root.dataset.federated === '1' };
  const notices = root.querySelector<HTMLElement>('[data-search-notices]');
  // Restore the form so the person sees (and can change) what they searched for.
  (form.elements.namedItem('q') as HTMLInputElement).value = q;
  for (const name of [...FILTERS, 'sort']) {
    const field = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (field) field.value = params.get(name) ?? '';
  }
  const mnBox = form.elements.namedItem('mn') as HTMLInputElement | null;
  if (mnBox) mnBox.checked = withMn;
  // Changing a filter, the sort or the language option re-runs the search with the new URL.
  form.addEventListener('change', (e) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'SELECT' || target === mnBox) form.requestSubmit();
  });
  if (!q && Object.keys(filters).length === 0) return;
  // Mongolian results on a Chinese page need the Mongolian font (a stylesheet of this site)
  if (withMn && root.dataset.mongolianCss) document.head.append(el('link', { rel: 'stylesheet', href: root.dataset.mongolianCss }));

  renderActiveFilters(active, filters, strings);
  status.textContent = strings.loading;
  let engine: Engine;
  try {
    engine = (await import(/* @vite-ignore */ root.dataset.engine!)) as Engine;
    await engine.options({ language });
  } catch {
    status.textContent = strings.error;
    return;
  }
  const sort = sortParam === 'published-desc' ? { published: 'desc' as const } : sortParam === 'published-asc' ? { published: 'asc' as const } : undefined;
  let limit = PAGE;
  let shown = -1;
  const run = async () => {
    const res = await engine.search(q, { filters, ...(sort ? { sort } : {}), limit, ...(withMn ? { languages: ['zh', 'mn'] } : {}) });
    if (res.total > 0) {
      // The number sits in its own element ([data-search-total]) for tests and styling.
      const [before, after] = strings.total.split('{count}');
      const total = el('strong', {}, String(res.total));
      total.dataset.searchTotal = '';
      status.replaceChildren(before ?? '', total, after ?? '');
    } else {
      const total = el('span', { hidden: true }, '0');
      total.dataset.searchTotal = '';
      status.replaceChildren(fill(strings.none, { q }), ' ', strings.noneTips, total);
    }
    list.replaceChildren(...res.results.map((r) => renderResult(r, view)));
    renderSuggestions(suggest, res, strings);
    if (notices) renderNotices(notices, res, view);
    // no more to show, or the last request brought nothing new (a peer failed meanwhile)
    more.hidden = res.results.length >= res.total || res.results.length <= shown;
    shown = res.results.length;
  };
  more.querySelector('button')?.addEventListener('click', async () => {
    limit += PAGE;
    await run();
  });
  try {
    await run();
  } catch (err) {
    console.error(err);
    status.textContent = strings.error;
  }
}

const siteName = (s: SiteLabel, view: View) => (view.mn ? (s.name.mn ?? s.name.zh) : s.name.zh);

function renderResult(r: EngineResult, view: View): HTMLLIElement {
  const { strings } = view;
  const li = el('li');
  const title = link(r.url, { className: 'doc-list__title' }, r.title);
  // a Mongolian result on a Chinese page: its own language, for fonts and screen readers
  const foreign = r.language && r.language !== (view.mn ? 'mn' : 'zh');
  if (foreign && r.language === 'mn') li.lang = 'mn-Mong';
  li.append(title);
  const meta = el('div', { className: 'doc-list__meta' });
  if (view.federated && r.site) {
    const site = el('span', { className: 'doc-list__site' }, `${strings.labels.site}${strings.colon}${siteName(r.site, view)}`);
    site.dataset.site = r.site.id;
    meta.append(site);
  }
  if (foreign && r.language === 'mn') meta.append(el('span', { className: 'doc-list__lang', lang: 'zh-CN' }, strings.languageMn));
  if (r.docNumber) meta.append(el('span', {}, r.docNumber));
  if (r.published) meta.append(el('span', {}, `${strings.published}${strings.colon}${r.published}`));
  li.append(meta);
  // The engine returns HTML-escaped text with <mark> around matches: rebuilt as nodes.
  li.append(el('p', { className: 'doc-list__excerpt' }, ...excerptNodes(r.excerpt)));
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

/** Peers that could not be searched: said plainly, the other results still shown. */
function renderNotices(host: HTMLElement, res: EngineResponse, view: View) {
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

function renderActiveFilters(host: HTMLElement, filters: Record<string, string>, strings: Strings) {
  const entries = Object.entries(filters);
  if (entries.length === 0) return host.replaceChildren();
  const ul = el('ul', { className: 'active-filters' });
  for (const [name, value] of entries) {
    const label = `${strings.labels[name] ?? name}${strings.colon}${strings.valueLabels[name]?.[value] ?? value}`;
    const button = el('button', { type: 'button' }, `${label} ✕`);
    button.setAttribute('aria-label', fill(strings.removeFilter, { label }));
    button.addEventListener('click', () => {
      const url = new URL(location.href);
      url.searchParams.delete(name);
      location.assign(url);
    });
    ul.append(el('li', {}, button));
  }
  host.replaceChildren(el('p', {}, strings.activeFilters), ul);
}

function renderSuggestions(host: HTMLElement, res: EngineResponse, strings: Strings) {
  const s = res.suggestions ?? [];
  if (s.length === 0) return host.replaceChildren();
  const ul = el('ul');
  for (const item of s) ul.append(el('li', {}, link(item.url, {}, item.title), item.docNumber ? `（${item.docNumber}）` : ''));
  host.replaceChildren(el('p', {}, strings.suggest), ul);
}

void main();
