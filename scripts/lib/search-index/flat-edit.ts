/**
 * A touched word's postings edited in their encoded form (src/lib/search/postings.ts): the
 * removed pages dropped, the added ones appended (they have the highest numbers), the kept
 * pages copied as they are. An edit touches a few thousand words, common ones with thousands
 * of pages each; decoding and re-encoding those lists was most of an incremental build's time.
 */
import { THINNED, encodePostings } from '../../../src/lib/search/postings.ts';
import { bodyUnits, unitsOf, type PagePosting } from './chunks.ts';

export interface SplicedPostings {
  flat: number[];
  /** posting units (ChunkBuilder's measure) */
  units: number;
  /** body occurrences + 1 per page holding the word in its body (common bigrams) */
  body: number;
}

/** The kept pages of `flat` (those not in `removed`), copied, with their units. */
function keptPages(flat: readonly number[], removed: ReadonlySet<number>, titleSlot: number) {
  const thinned = flat[0] === THINNED;
  const out: number[] = thinned ? [THINNED, flat[1]!] : [];
  let i = thinned ? 2 : 0;
  let page = 0;
  let last = 0;
  let units = 0;
  let body = 0;
  while (i < flat.length) {
    const code = flat[i]!;
    if (code >= 0) throw new Error('postings: a position before any page');
    page += flat[i + 1]!;
    i += 2;
    const tf = thinned ? flat[i++]! : 0;
    let j = i;
    let pos = 0;
    let title = 0;
    for (; j < flat.length && flat[j]! >= 0; j++) {
      pos = j === i ? flat[j]! : pos + flat[j]!;
      if (pos < titleSlot) title++;
    }
    if (!removed.has(page)) {
      out.push(code, page - last);
      if (thinned) out.push(tf);
      for (let k = i; k < j; k++) out.push(flat[k]!);
      last = page;
      const n = thinned ? tf : j - i;
      units += n + 2;
      if (n - title > 0) body += n - title + 1;
    }
    i = j;
  }
  return { out, thinned, last, units, body };
}

/**
 * `flat` without the `removed` pages and with `added` appended (ascending, numbered above every
 * page of `flat`); null when the word crosses the thinning bound either way (the caller then
 * decodes: thinning applies to every page of a word or to none).
 */
export function splicePostings(flat: readonly number[], removed: ReadonlySet<number>, added: readonly PagePosting[], o: { thinUnits: number; titleSlot: number }): SplicedPostings | null {
  const k = keptPages(flat, removed, o.titleSlot);
  const units = k.units + unitsOf(added);
  if (units > o.thinUnits !== k.thinned) return null;
  if (!added.length) return { flat: k.out, units, body: k.body };
  if (added[0]!.page <= k.last) throw new Error(`postings: added page ${added[0]!.page} is not above page ${k.last}`);
  const tail = encodePostings(added, k.thinned ? { cap: flat[1]!, titleSlot: o.titleSlot } : undefined);
  if (k.thinned) tail.splice(0, 2);
  // the first added page's delta counts from the last kept page, not from 0
  tail[1]! -= k.last;
  return { flat: k.out.concat(tail), units, body: k.body + bodyUnits(added, o.titleSlot) };
}
