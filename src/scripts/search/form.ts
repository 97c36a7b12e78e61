/**
 * The search form: shows a search's state in its fields, reads the state it would send, and
 * sends it without its empty fields (a clean URL, with or without JavaScript).
 */
import { FILTER_NAMES, readSearchState, withoutEmpty, type SearchState } from '../../lib/search-page/params.ts';
import { fill } from './dom.ts';
import type { Strings } from './types.ts';

export interface SearchForm {
  form: HTMLFormElement;
  input: HTMLInputElement;
  /** filters the page has (site and level only on a federated site) */
  allowed: readonly string[];
  /** the 同时检索蒙古文页面 option is on this page */
  mnAvailable: boolean;
  strings: Strings;
}

/** Empty fields (a select left at 不限) are left out of what the form sends. */
export function cleanSubmissions(form: HTMLFormElement): void {
  form.addEventListener('formdata', (e) => {
    const keep = withoutEmpty([...e.formData].map(([k, v]) => [k, String(v)] as [string, string]));
    for (const k of [...new Set([...e.formData.keys()])]) e.formData.delete(k);
    for (const [k, v] of keep) e.formData.append(k, v);
  });
}

/** The state the form would send now (the fields outside it with form="…" included). */
export function formState(f: SearchForm): SearchState {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(f.form)) params.append(k, String(v));
  const state = readSearchState(params, f.allowed);
  return { ...state, mn: state.mn && f.mnAvailable };
}

/** The fields show `state` (a search from the address, or one the back button returns to). */
export function showState(f: SearchForm, state: SearchState): void {
  const { form } = f;
  if (f.input.value.trim() !== state.q) f.input.value = state.q;
  for (const name of FILTER_NAMES) {
    const field = form.elements.namedItem(name) as HTMLSelectElement | HTMLInputElement | null;
    // a checkbox (包括历史版本: version=all) is checked when the address carries its value
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = state.filters[name] === field.value;
    else if (field) field.value = state.filters[name] ?? '';
  }
  const sort = form.elements.namedItem('sort') as HTMLSelectElement | null;
  if (sort) sort.value = state.sort;
  const mnBox = form.elements.namedItem('mn') as HTMLInputElement | null;
  if (mnBox) mnBox.checked = state.mn && f.mnAvailable;
  // the 筛选 summary says how many filters are active
  const count = Object.keys(state.filters).length + (state.sort ? 1 : 0);
  const counter = document.querySelector('[data-filter-count]');
  if (counter) counter.textContent = count > 0 ? fill(f.strings.filterCount, { count }) : '';
}
