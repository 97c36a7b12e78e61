/**
 * Scoring of the quality benchmark: the query sets (../shared/corpus/queries-dev.jsonl and
 * random Han substrings of bodies, fixed seed) and per-kind P@1, hit@5, recall@10, found.
 */
import type { CorpusDoc } from './corpus-records.ts';
import type { Searcher } from './quality-searchers.ts';

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Query {
  query: string;
  kind: string;
  expect: string[];
  /** substring: the document it was cut from */
  source?: string;
}

export function makeSubstrings(docs: CorpusDoc[], n: number, seed: number): Query[] {
  const rnd = mulberry32(seed);
  const out: Query[] = [];
  const han = /^\p{Script=Han}+$/u;
  while (out.length < n) {
    const d = docs[Math.floor(rnd() * docs.length)]!;
    const len = 2 + Math.floor(rnd() * 7);
    const chars = [...d.body];
    if (chars.length < len) continue;
    const at = Math.floor(rnd() * (chars.length - len));
    const s = chars.slice(at, at + len).join('');
    if (!han.test(s)) continue;
    const expect = docs.filter((x) => x.body.includes(s) || x.title.includes(s)).map((x) => x.id);
    out.push({ query: s, kind: 'substring', expect, source: d.id });
  }
  return out;
}

export interface Row {
  kind: string;
  n: number;
  p1: number;
  hit5: number;
  r10: number;
  found: number;
  top10: number;
}

export async function evaluate(s: Searcher, queries: Query[]): Promise<{ rows: Row[]; misses: string[] }> {
  const by = new Map<string, Row>();
  const misses: string[] = [];
  for (const q of queries) {
    const ids = await s.run(q.query);
    const row = by.get(q.kind) ?? { kind: q.kind, n: 0, p1: 0, hit5: 0, r10: 0, found: 0, top10: 0 };
    by.set(q.kind, row);
    row.n++;
    const exp = new Set(q.expect);
    const top = ids.slice(0, 10);
    if (q.kind === 'substring') {
      const found = ids.includes(q.source!);
      const want = Math.min(10, exp.size);
      const ok10 = top.includes(q.source!) || top.slice(0, want).filter((id) => exp.has(id)).length === want;
      if (found) row.found++;
      if (ok10) row.top10++;
      if (!found || !ok10) misses.push(`substring ${q.query} (${q.source}, ${exp.size} docs): found=${found} top10=${ok10}`);
      if (exp.has(ids[0]!)) row.p1++;
      continue;
    }
    if (exp.has(ids[0]!)) row.p1++;
    else misses.push(`${q.kind} ${q.query}: top1 ${ids[0]} expected ${q.expect.slice(0, 3).join(',')}`);
    if (ids.slice(0, 5).some((id) => exp.has(id))) row.hit5++;
    if (ids.some((id) => exp.has(id))) row.found++;
    row.r10 += top.filter((id) => exp.has(id)).length / Math.min(10, exp.size);
  }
  return { rows: [...by.values()], misses };
}

