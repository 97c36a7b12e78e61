/**
 * 文号 lookup: the exact key in its bucket file (the same serial in another year is a near
 * miss), the key with a shorter known 机关代字, and the closest serials of the same 机关代字 and
 * year for suggestions.
 */
import { docnumBucket, fnv1a } from '../../lib/search/layout.ts';
import { substringDistance } from '../../lib/search/rank.ts';
import { loadBucket, type SiteIndex } from '../site-index.ts';

/** Known 文号 keys for a parsed key: the key itself, or with a shorter known 机关代字. */
export function keyCandidates(key: string, agencies: string[]): string[] {
  const [agency = '', year = '', serial = ''] = key.split('|');
  if (agencies.includes(agency) || agencies.length === 0) return [key];
  const chars = [...agency];
  for (let i = 1; i < chars.length - 1; i++) {
    const a = chars.slice(i).join('');
    if (agencies.includes(a)) return [`${a}|${year}|${serial}`];
  }
  return [key];
}

/** The documents of the query's 文号 keys in this index (`hits`), and those of the same
 * 机关代字 and serial in another year (`near`). */
export async function lookupDocNumbers(ix: SiteIndex, docNumbers: string[]): Promise<{ hits: string[]; near: string[] }> {
  const out = { hits: [] as string[], near: [] as string[] };
  const keys = docNumbers.flatMap((k) => keyCandidates(k, ix.manifest.agencies));
  await Promise.all(
    keys.map(async (key) => {
      const bucket = await loadBucket(ix, docnumBucket(key, ix.manifest.docnum.buckets));
      const [agency, year, serial] = key.split('|');
      for (const [k, entries] of Object.entries(bucket)) {
        const [a, y, s] = k.split('|');
        if (a !== agency || s !== serial) continue;
        const ids = entries.filter((e) => (e[2] ?? 'zh') === ix.lang).map((e) => e[0]!);
        if (!year || !y || y === year) out.hits.push(...ids);
        else out.near.push(...ids);
      }
    }),
  );
  return out;
}

/** Known 文号 of the same 机关代字 and year whose serial is closest to the one typed. */
export async function nearSerials(ix: SiteIndex, key: string): Promise<string[]> {
  const n = ix.manifest.docnum.yearBuckets;
  if (!n) return [];
  const [agency, year, serial = ''] = key.split('|');
  if (!year) return [];
  const ay = `${agency}|${year}`;
  const bucket = await loadBucket(ix, `y${fnv1a(ay) % n}`);
  const list = (bucket[ay] ?? []).filter((e) => (e[3] ?? 'zh') === ix.lang);
  const dist = (s: string) => substringDistance(serial, s) + Math.abs(s.length - serial.length) + Math.min(1, Math.abs(Number(s) - Number(serial)) / 1000);
  return list
    .map((e) => ({ id: e[1]!, d: dist(e[0]!) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.id);
}
