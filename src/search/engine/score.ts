/**
 * Postings scoring across sites: each token's IDF over all the sources of one language
 * together, every site's BM25 scores rescaled to it; per document the best query variant;
 * the documents kept; and the body section holding the best match (for the excerpt).
 */
import type { ParsedQuery } from '../../lib/search/query.ts';
import { compareScores, docScorer, idf, TIER_DOCNUMBER, type DocTokenHit, type QueryToken } from '../../lib/search/rank.ts';
import type { SourceHits } from './query.ts';
import type { Candidate } from './types.ts';

type Group = Candidate['group'];

/** Global ranking over the sources of one language: IDF over all their pages together. */
export function rankGroup(all: SourceHits[], group: Group, parsed: ParsedQuery): Candidate[] {
  const pages = all.reduce((a, h) => a + h.src.ix.pages, 0);
  const df = new Map<string, number>();
  for (const h of all) for (const [tok, v] of h.perToken) df.set(tok, (df.get(tok) ?? 0) + v.n);
  for (const [tok, n] of df) group.idfs.set(tok, idf(pages, n));
  return all.flatMap((h) => keep(h, bestPerDoc(h, group, docHitsOf(h, group.idfs)), group, parsed));
}

/** Each document's hit per token, its score rescaled from this index's IDF to the global one. */
function docHitsOf(h: SourceHits, idfs: Map<string, number>): Map<string, Map<string, DocTokenHit>> {
  const hits = new Map<string, Map<string, DocTokenHit>>();
  for (const [tok, v] of h.perToken) {
    v.perShard.forEach((sh, si) => {
      const local = idf(h.src.ix.shards[si]!.pages, sh.n);
      const scale = local > 0 ? idfs.get(tok)! / local : 1;
      for (const r of sh.results) {
        let m = hits.get(r.id);
        if (!m) hits.set(r.id, (m = new Map()));
        const hit: DocTokenHit = { positions: r.words, score: r.score * scale };
        if (r.partial) hit.partial = true;
        m.set(tok, hit);
      }
    });
  }
  return hits;
}

/** Per document, its score under the best query variant (a synonym variant counts 0.9). */
function bestPerDoc(h: SourceHits, group: Group, hits: Map<string, Map<string, DocTokenHit>>): Map<string, Candidate> {
  const { ix } = h.src;
  const best = new Map<string, Candidate>();
  group.covers.forEach((toks, vi) => {
    const qt: QueryToken[] = toks.map((t) => ({ text: t.text, run: t.run, pos: t.pos, idf: group.idfs.get(t.text) ?? 0 }));
    const score = docScorer(qt, ix.manifest.titleSlot, ix.manifest.positionCap ?? 0);
    // one array for every document's hits (scoring reads it, keeps nothing of it)
    const docHits: (DocTokenHit | undefined)[] = new Array(toks.length);
    for (const [id, m] of hits) {
      for (let i = 0; i < toks.length; i++) docHits[i] = m.get(toks[i]!.text);
      const sc = score(docHits);
      if (vi > 0) sc.score *= 0.9;
      const prev = best.get(id);
      if (!prev || compareScores(sc, prev.score) < 0) best.set(id, { src: h.src, id, score: sc, variant: vi, group, hits: m });
    }
  });
  return best;
}

/** Documents that contain at least half of the query (IDF-weighted), or a whole phrase; a
 * query that is only a 文号 keeps word matches holding most of it (a year alone is a "phrase"
 * found in half the library); then the 文号 hits (filters were applied when they were looked up). */
function keep(h: SourceHits, best: Map<string, Candidate>, group: Group, parsed: ParsedQuery): Candidate[] {
  const onlyDocNumber = parsed.docNumbers.length > 0 && !parsed.rest;
  let kept = [...best.values()].filter((c) => (onlyDocNumber ? c.score.coverage >= 0.75 : c.score.coverage >= 0.5 || c.score.phrases > 0));
  if (parsed.exact) kept = kept.filter((c) => c.score.phrases === c.score.runs);
  const docSet = new Set(h.docHits);
  kept = kept.filter((c) => !docSet.has(c.id));
  for (const id of docSet) {
    const c = best.get(id);
    kept.push({ src: h.src, id, variant: c?.variant ?? 0, group, ...(c?.hits ? { hits: c.hits } : {}), score: { tier: TIER_DOCNUMBER, score: c?.score.score ?? 0, coverage: 1, phrases: 0, runs: 0 } });
  }
  return kept;
}

/** The body section holding the best match: the first body position of the rarest query
 * token the document contains (a phrase's rarest bigram sits inside the phrase). */
export function bestSection(c: Candidate): number {
  const { manifest } = c.src.ix;
  const size = manifest.sectionTokens;
  const toks = c.group.covers[c.variant] ?? [];
  if (!c.hits || !size) return 0;
  let best = -1;
  let bestIdf = -1;
  for (const t of toks) {
    const h = c.hits.get(t.text);
    if (!h) continue;
    const p = h.positions.find((x) => x >= manifest.titleSlot);
    if (p === undefined) continue;
    const w = c.group.idfs.get(t.text) ?? 0;
    if (w > bestIdf) {
      bestIdf = w;
      best = p;
    }
  }
  return best < 0 ? 0 : Math.floor((best - manifest.titleSlot) / size);
}
