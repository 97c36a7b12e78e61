/**
 * 时点查询 (#18), progressive enhancement: the forms are `hidden` in the HTML (without JavaScript
 * the 版本 box lists every version's period, and each document page its 有效性), and shown here.
 *  - Library page ([data-pit-list]): a date re-labels each listed document ([data-timeline], computed
 *    at build by src/lib/point-in-time.ts) with its 有效性 and the version in force on that date,
 *    or 尚未公布; the date goes into the address (?date=) and the page links, so it can be shared.
 *  - Document page ([data-pit-doc]): a date opens the version that applied then.
 * No rules here: dates are looked up in the build's timelines (src/lib/timeline.ts).
 */
import { decodeTimeline, entryOn, parseDay } from '../lib/timeline.ts';

type Strings = Record<string, string>;
const fill = (s: string, vars: Strings) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
const json = (el: HTMLElement, key: string) => JSON.parse(el.dataset[key] ?? '{}') as Strings;

/** One listed document as of `date` (null: back to the build date's labels). */
function relabel(li: HTMLElement, date: string | null, labels: Strings, s: Strings) {
  const badge = li.querySelector<HTMLElement>('[data-pit-status]');
  const ver = li.querySelector<HTMLElement>('[data-pit-version]');
  const link = ver?.querySelector('a');
  if (!badge || !ver || !link) return;
  const today = badge.dataset.pitStatus!;
  const entry = date === null ? undefined : entryOn(decodeTimeline(li.dataset.timeline!), date);
  const status = date === null ? today : entry ? entry.status : undefined;
  badge.textContent = status ? labels[status]! : entry ? s.unknown! : s.notYet!;
  badge.className = `badge badge--${status ?? 'pit-none'}`;
  li.classList.toggle('pit-absent', date !== null && !entry);
  ver.hidden = !entry?.version;
  if (entry?.version) {
    link.href = `${li.dataset.versionBase}${entry.version}/`;
    link.textContent = fill(s.version!, { date: entry.version });
  }
}

/** Pagination links keep the date. */
function carryDate(date: string | null) {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.pagination a[href]')) {
    const url = new URL(a.href);
    if (date) url.searchParams.set('date', date);
    else url.searchParams.delete('date');
    a.href = url.href;
  }
}

function listForm(form: HTMLFormElement) {
  const labels = json(form, 'labels');
  const s = json(form, 'strings');
  const input = form.elements.namedItem('date') as HTMLInputElement;
  const message = form.querySelector<HTMLElement>('[data-pit-message]')!;
  // the line above the list: which date is shown, and the way back to today
  const asOf = document.querySelector<HTMLElement>('[data-pit-asof]');
  const apply = (date: string | null) => {
    for (const li of document.querySelectorAll<HTMLElement>('li[data-timeline]')) relabel(li, date, labels, s);
    message.textContent = '';
    if (asOf) {
      asOf.querySelector('[data-pit-asof-text]')!.textContent = date ? fill(s.asOf!, { date }) : '';
      asOf.hidden = date === null;
    }
    carryDate(date);
    const url = new URL(location.href);
    if (date) url.searchParams.set('date', date);
    else url.searchParams.delete('date');
    history.replaceState(null, '', url);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const date = parseDay(input.value);
    if (date) apply(date);
    else message.textContent = s.invalid!;
  });
  asOf?.querySelector('[data-pit-reset]')?.addEventListener('click', () => {
    input.value = '';
    apply(null);
  });
  form.hidden = false;
  const fromUrl = parseDay(new URLSearchParams(location.search).get('date') ?? '');
  if (fromUrl) {
    input.value = fromUrl;
    apply(fromUrl);
  }
}

function docForm(form: HTMLFormElement) {
  const s = json(form, 'strings');
  const labels = json(form, 'labels');
  const input = form.elements.namedItem('date') as HTMLInputElement;
  const message = form.querySelector<HTMLElement>('[data-pit-message]')!;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const date = parseDay(input.value);
    if (!date) {
      message.textContent = s.invalid!;
      return;
    }
    const entry = entryOn(decodeTimeline(form.dataset.timeline!), date);
    if (!entry?.version) {
      const reason = !entry ? s.notYet! : entry.status ? labels[entry.status]! : s.unknown!;
      message.textContent = fill(s.noVersion!, { date, reason });
      return;
    }
    message.textContent = fill(s.opening!, { date, version: entry.version });
    location.assign(`${form.dataset.versionBase}${entry.version}/`);
  });
  form.hidden = false;
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-pit-list]')) listForm(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-pit-doc]')) docForm(form);
