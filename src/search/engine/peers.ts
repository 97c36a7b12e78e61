/**
 * The sites a query asks and what each may cost it: per-query budgets (peers bounded, this
 * site not), the indexes opened for them, peers that fail reported and skipped for a while,
 * and the per-site report the response carries.
 */
import type { PeerProblem } from '../../lib/search/federation.ts';
import { PeerBudget } from '../../lib/search/peer-budget.ts';
import { PEER_LIMITS, PeerError } from '../../lib/search/validate.ts';
import { MissingLanguage, openIndex, ownBudget, withBudget, type SiteIndex } from '../site-index.ts';
import type { Candidate, Fed, Nets, QueryCtx, SearchResult, Site, SiteLabel, SiteStatus, Source } from './types.ts';

const DOWN_MS = 30_000;

export const label = (s: Site): SiteLabel => ({ id: s.id, name: s.name, level: s.level, self: s.self });

/** Why a peer failed: the bound it went over (its budget tripped), else what the error says. */
function problemOf(e: unknown, net?: PeerBudget): PeerProblem {
  if (net?.problem) return net.problem;
  if (e instanceof PeerError) return e.problem;
  if (e instanceof MissingLanguage) return 'no-language';
  const name = (e as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  if (e instanceof TypeError || /HTTP \d/.test(String((e as Error)?.message))) return 'unreachable';
  return 'broken';
}

/** Per site, what this query may cost it: peers are bounded (PEER_LIMITS, `timeout` ms of
 * their own time), this site is not. A fresh set per query, so one query's trip does not
 * outlive it (the `down` list does that). */
export function budgets(fed: Fed): Nets {
  return new Map(fed.sites.map((s) => [s.id, s.self ? ownBudget() : new PeerBudget(PEER_LIMITS, fed.timeout)]));
}

/** A site's index in `lang`, its requests made under `net`; this site falls back to its other
 * language, peers do not. The opened index is shared by queries; a peer has no wall-clock
 * limit here: its budget stops it after `timeout` ms of its own requests, so a slow or
 * hostile peer never makes another one look slow. */
function getIndex(fed: Fed, site: Site, lang: string, net: PeerBudget): Promise<SiteIndex> {
  const key = `${site.id}|${lang}`;
  let p = fed.indexes.get(key);
  if (!p) {
    p = openIndex({ base: site.base, siteBase: site.siteBase, lang, fallback: site.self && lang === fed.lang, net, ...(site.self ? { manifest: fed.selfManifest } : {}) });
    fed.indexes.set(key, p);
    p.catch(() => fed.indexes.delete(key));
  }
  return p.then((ix) => withBudget(ix, net));
}

function markDown(fed: Fed, site: Site, problem: PeerProblem): void {
  if (site.self || problem === 'no-language') return;
  fed.down.set(site.id, { until: Date.now() + DOWN_MS, problem });
  fed.indexes.forEach((_, k) => k.startsWith(`${site.id}|`) && fed.indexes.delete(k));
}

/** A peer failed: its pending requests aborted, reported, and skipped for DOWN_MS (this
 * site's failures are thrown). A missing language is no failure (its other index may answer). */
export function failed(ctx: QueryCtx, site: Site, e: unknown): null {
  const problem = problemOf(e, ctx.nets.get(site.id));
  if (problem !== 'no-language' && !site.self) ctx.nets.get(site.id)?.trip(problem, `${site.id}: ${problem}`);
  markDown(ctx.fed, site, problem);
  ctx.report.push({ site: label(site), status: problem, total: 0 });
  return null;
}

/** The site went over a bound in this query. */
export const tripped = (ctx: QueryCtx, site: Site): boolean => !!ctx.nets.get(site.id)?.problem;

/** The site is not to be asked again in this query (tripped, or a peer marked down). */
export const isDown = (ctx: QueryCtx, site: Site): boolean => tripped(ctx, site) || (!site.self && (ctx.fed.down.get(site.id)?.until ?? 0) > Date.now());

/** Open the chosen sites' indexes (all at once); peers that fail are reported, not fatal. */
export async function openSources(ctx: QueryCtx, sites: Site[], langs: string[]): Promise<Source[]> {
  const now = Date.now();
  const opened = await Promise.all(sites.flatMap((site) => langs.map((lang) => openSource(ctx, site, lang, langs, now))));
  return opened.filter((s): s is Source => s !== null);
}

async function openSource(ctx: QueryCtx, site: Site, lang: string, langs: string[], now: number): Promise<Source | null> {
  const down = ctx.fed.down.get(site.id);
  if (down && down.until > now) {
    ctx.report.push({ site: label(site), status: down.problem, total: 0 });
    return null;
  }
  try {
    const ix = await getIndex(ctx.fed, site, lang, ctx.nets.get(site.id)!);
    // the own index may have fallen back to another language: ask it once
    if (site.self && ix.lang !== lang && langs.includes(ix.lang)) return null;
    return { site, ix };
  } catch (e) {
    const problem = problemOf(e, ctx.nets.get(site.id));
    if (site.self && problem !== 'no-language') throw e;
    return failed(ctx, site, e);
  }
}

/** Results without those of a peer that tripped its budget while they were made (its notice
 * says its documents are not in the results), and without its copies in `sources`. */
export function withoutTripped(results: SearchResult[], nets: Nets): SearchResult[] {
  const bad = (id: string) => !!nets.get(id)?.problem;
  const out = results.filter((r) => !bad(r.site.id));
  for (const r of out) {
    if (!r.sources) continue;
    r.sources = r.sources.filter((x) => !bad(x.site.id));
    if (r.sources.length < 2) delete r.sources;
  }
  return out;
}

/** One line per site asked: its first failure (down, slow, broken), else `ok` when any of its
 * indexes answered, else `no-language`. */
export function siteReport(report: SiteStatus[], order: Candidate[]): SiteStatus[] {
  const weight = (s: string) => (s === 'no-language' ? 0 : s === 'ok' ? 1 : 2);
  const out = new Map<string, SiteStatus>();
  for (const r of report) {
    const prev = out.get(r.site.id);
    if (!prev || weight(r.status) > weight(prev.status)) out.set(r.site.id, { ...r });
  }
  for (const r of out.values()) r.total = order.filter((c) => c.src.site.id === r.site.id).length;
  return [...out.values()];
}
