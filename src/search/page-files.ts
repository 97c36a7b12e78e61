/**
 * The files of a site's index read page by page or list by list (docs/search.md): fragments,
 * text sections (fetched with the fragment when the best section is known), 文号 buckets named
 * in the manifest, and the publication order (which also lists every page: numbers have gaps).
 */
import { indexFiles } from '../lib/search/postings.ts';
import type { DocnumList, IndexShard } from '../lib/search/layout.ts';
import type { PeerBudget } from '../lib/search/peer-budget.ts';
import { PeerError, type Check } from '../lib/search/validate.ts';
import { PAGE_ID, type IndexChecks, type SortData } from '../lib/search/validate-index.ts';
import { bad, bytesOf, cached, checked, fetchJson } from './checked-fetch.ts';
import type { Fragment, SiteIndex, SortOrder } from './site-index.ts';

/** Pagefind's fragments start with this signature (ours keep it) */
const SIG = 'pagefind_dcd';

/** A page's fragment; a page id not of the index's form (from a peer's 文号 or sort file) is
 * never put into a URL. */
export function loadFragment(ix: SiteIndex, id: string): Promise<Fragment> {
  if (!PAGE_ID.test(id)) return Promise.reject(bad(ix.net, new PeerError('invalid', `page id ${JSON.stringify(id.slice(0, 50))}`)));
  return cached(ix.fragments, id, () => fetchJson(ix.net, ix.bundle + indexFiles.fragment(id), ix.checks.fragment, `fragment ${id}`, SIG));
}

/** Body section k of a page (section 0 is in its fragment); the fragment's when it cannot be read. */
export async function loadSection(ix: SiteIndex, id: string, frag: Fragment, k: number): Promise<string> {
  if (k <= 0 || !frag.sections || k >= frag.sections || !PAGE_ID.test(id)) return frag.content;
  try {
    return await sectionText(ix, id, k);
  } catch {
    return frag.content;
  }
}

/** Starts loading body section k of a page together with its fragment (one round trip for
 * both: the best section follows from the match positions, docs/search.md). */
export function prefetchSection(ix: SiteIndex, id: string, k: number): void {
  if (k > 0 && PAGE_ID.test(id)) sectionText(ix, id, k).catch(() => {});
}

function sectionText(ix: SiteIndex, id: string, k: number): Promise<string> {
  return cached(ix.files, `text ${id}.${k}`, async () => {
    const text = new TextDecoder().decode(await bytesOf(ix.net, ix.bundle + indexFiles.text(id, k), `text ${id}.${k}`));
    return checked(ix.checks.text, text, `text ${id}.${k}`, ix.net);
  });
}

/** A JSON file of the bundle, checked and cached; `empty` when it is missing or unreadable (a
 * peer's bad file has tripped its budget by then). A failed request (a peer's timeout, a
 * missing file) is not cached: the next query asks again. */
function loadJson<T>(ix: SiteIndex, path: string, c: Check<T>, empty: T): Promise<T> {
  return cached(ix.files, path, () => fetchJson(ix.net, ix.base + path, c, path)).catch(() => empty);
}

/** 文号 bucket `b` (a number) or year bucket `y<n>` (docs/search.md); `{}` when there is none. */
export async function loadBucket(ix: SiteIndex, b: number | string): Promise<Record<string, string[][]>> {
  const d = ix.manifest.docnum;
  const names = await loadJson<DocnumList | null>(ix, d.dir + d.list + '.json', ix.checks.docnumList, null);
  const year = typeof b === 'string' && /^y\d+$/.test(b);
  const name = year ? names?.yearFiles[Number(b.slice(1))] : names?.files[Number(b)];
  if (name === undefined) return {};
  return loadJson(ix, d.dir + name + '.json', ix.checks.bucket, {});
}

/** A shard's sort file, checked and cached (shared by its queries). */
export function sortOf(net: PeerBudget, bundle: string, s: IndexShard, checks: IndexChecks): Promise<SortData> {
  return fetchJson(net, bundle + indexFiles.sort(s.sort), checks.sort, 'sort');
}

/** The page number of page id `id` of index `tag` (the inverse of pageId). */
export function pageNumber(tag: string, id: string): number {
  const n = id.startsWith(tag) ? parseInt(id.slice(tag.length), 36) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new PeerError('invalid', `sort: page id ${JSON.stringify(id.slice(0, 50))} not of index ${tag}`);
  return n;
}

/** <bundle>/sort/<name>.json of shard `shard` (its language code): `{ids, dates: [[date, count]…]}`. */
export async function loadSort(ix: SiteIndex, shard: string): Promise<SortOrder> {
  const desc = ix.shards.find((s) => s.language === shard)?.desc;
  const raw = desc ? await loadJson<SortData>(ix, ix.manifest.bundle + indexFiles.sort(desc.sort), ix.checks.sort, []) : [];
  const ids = Array.isArray(raw) ? raw : raw.ids;
  const dates = new Map<string, string>();
  if (!Array.isArray(raw) && raw.dates) {
    let i = 0;
    for (const [d, n] of raw.dates) for (let k = 0; k < n && i < ids.length; k++) dates.set(ids[i++]!, d);
  }
  return { ids, dates };
}
