/**
 * The per-page files of an index and the lists built page by page (docs/search.md):
 * fragment/<id>.pf_fragment (url, title, 文号, date, filters, the body's first text section),
 * text/<id>.<k> (the other sections), one page list per filter value, and the publication
 * order. Page numbers are stable across incremental builds, so the order file sorts them.
 */
import type { SearchRecord } from '../../../src/lib/search/record.ts';
import { cmpCodePoints, indexFiles, pageId } from '../../../src/lib/search/postings.ts';
import type { FragmentData } from '../../../src/lib/search/validate-index.ts';
import { encodeCbor } from '../../../src/lib/search/cbor.ts';
import { gz } from './chunks.ts';
import type { BundleStore } from './store.ts';

/** Fragments start with this signature (Pagefind's; readers skip it when present). */
export const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A record's URL as results carry it: site-relative, one leading slash. */
export const pageUrl = (r: SearchRecord): string => '/' + r.path.replace(/^\/+/, '');

/** The record's non-empty filters, names in code point order. */
export function pageFilters(r: SearchRecord): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(r.filters).sort(cmpCodePoints)) {
    const v = r.filters[k as keyof SearchRecord['filters']];
    if (v && v.length) out[k] = v;
  }
  return out;
}

/** A page's fragment: what a result shows without loading its text sections. */
export function fragmentOf(r: SearchRecord, sections: readonly string[]): FragmentData {
  const meta: FragmentData['meta'] = { title: r.title };
  if (r.docNumber) meta.docNumber = r.docNumber;
  if (r.published) meta.published = r.published;
  return { url: pageUrl(r), content: sections[0] ?? '', sections: sections.length, filters: pageFilters(r), meta };
}

/** Writes the fragment and text sections 1… of a new page `id`. */
export function writePageFiles(store: BundleStore, id: string, r: SearchRecord, sections: readonly string[]): void {
  const json = JSON.stringify(fragmentOf(r, sections));
  store.file(indexFiles.fragment(id), gz(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE), Buffer.from(json)])), true);
  for (let k = 1; k < sections.length; k++) store.file(indexFiles.text(id, k), gz(sections[k]!), true);
}

/** Marks the files of a page an earlier build wrote as still referenced. */
export function keepPageFiles(store: BundleStore, id: string, sections: number): void {
  store.keep(indexFiles.fragment(id));
  for (let k = 1; k < sections; k++) store.keep(indexFiles.text(id, k));
}

/** Page lists per filter name and value, filled page by page (pages ascending). */
export class FilterLists {
  private lists = new Map<string, Map<string, number[]>>();

  add(page: number, filters: Record<string, string[]>): void {
    for (const [name, values] of Object.entries(filters)) {
      let m = this.lists.get(name);
      if (!m) this.lists.set(name, (m = new Map()));
      for (const v of values) {
        let pages = m.get(v);
        if (!pages) m.set(v, (pages = []));
        if (pages.at(-1) !== page) pages.push(page);
      }
    }
  }

  /** Names and values in code point order with their page counts (filter/<tag>values.json). */
  counts(): Record<string, [string, number][]> {
    const out: Record<string, [string, number][]> = {};
    for (const name of [...this.lists.keys()].sort(cmpCodePoints)) {
      out[name] = [...this.lists.get(name)!].sort((a, b) => cmpCodePoints(a[0], b[0])).map(([v, pages]) => [v, pages.length]);
    }
    return out;
  }

  /** Stores, per value, its pages as gzipped CBOR deltas, then the values file
   * `{name: [[value, pages, file], …]}`; returns the values file's name. */
  write(store: BundleStore): string {
    const out: Record<string, [string, number, string][]> = {};
    for (const [name, counts] of Object.entries(this.counts())) {
      const values = this.lists.get(name)!;
      out[name] = counts.map(([v, n]) => {
        const pages = values.get(v)!;
        return [v, n, store.put(indexFiles.filter, gz(encodeCbor(pages.map((x, k) => (k ? x - pages[k - 1]! : x)))))];
      });
    }
    return store.put(indexFiles.filterValues, Buffer.from(JSON.stringify(out)));
  }
}

/** sort/<name>.json: page ids in publication order and the dates as [date, count] runs;
 * `pages` in publication order. Returns the file's name. */
export function writeSort(store: BundleStore, tag: string, pages: readonly { page: number; published?: string | undefined }[]): string {
  const runs: [string, number][] = [];
  for (const { published: d = '' } of pages) {
    const last = runs.at(-1);
    if (last && last[0] === d) last[1]++;
    else runs.push([d, 1]);
  }
  const ids = pages.map((p) => pageId(tag, p.page));
  return store.put(indexFiles.sort, Buffer.from(JSON.stringify({ ids, dates: runs })));
}
