/**
 * Loader of the 政府信息公开 platform content (content/open/, issue 4):
 *
 *   guide.md                  政府信息公开指南 (frontmatter title, updated; Markdown body)
 *   apply.md                  依申请公开 说明 (same shape)
 *   rules.yaml                政府信息公开制度: [{title, policy?, url?, note?}]
 *   catalog/<area>.yaml       政务公开事项标准目录, one file per pilot area (src/lib/open/areas.ts)
 *   powers/<dept>.yaml        权力清单和责任清单, one file per department
 *   reports/<year>.yaml       政府信息公开工作年度报告 (national template)
 *   gazette/<year>-<no>.yaml  政府公报 issues
 *   consultations/<id>.md     意见征集 (frontmatter + draft text)
 *   specials.yaml             重点领域专题 definitions
 *   best-bets.yaml            推荐结果: phrasings → a page, shown first in search (src/content/best-bets.ts)
 *
 *   collectOpenData({root?, source?, today?})  → {data?, problems}   never throws for content
 *   getOpenData()                              → OpenData (memoized; throws ContentError)
 *
 * One module per section in src/content/open/ (context.ts holds the shared readers and the
 * library's ids). Reads files with the helpers it shares with src/content/load.ts (src/content/files.ts), so
 * that `npm run check` and the build's content check can call it next to collectSite(). References
 * into the policy library (policy ids, topics, organizations) are checked against loadSite();
 * when the library itself is invalid those checks use whatever collectSite() could read, and
 * the library's own problems are left to the library check (not repeated here).
 */
import path from 'node:path';
import { ContentError, type Problem } from '../lib/errors.ts';
import type { SiteData } from '../lib/model.ts';
import type { OpenData } from '../lib/open/model.ts';
import { compact, orderProblems } from './files.ts';
import { processCache, traceLoad } from './process-cache.ts';
import { collectSiteOnce } from './load.ts';
import { collectBestBets } from './best-bets.ts';
import { exists, libraryRefs, resolve, type OpenContext, type OpenLoadOptions, type Resolved, type Scheduled } from './open/context.ts';
import { collectRules, collectTextPage } from './open/pages.ts';
import { collectCatalog } from './open/catalog.ts';
import { collectPowers } from './open/powers.ts';
import { collectReports } from './open/reports.ts';
import { collectGazette } from './open/gazette.ts';
import { collectConsultations } from './open/consultations.ts';
import { collectSpecials } from './open/specials.ts';

export type { OpenLoadOptions } from './open/context.ts';

export interface OpenLoadResult {
  data?: OpenData;
  problems: Problem[];
  /** gazette issues and reports dated after the build date: not published yet */
  scheduled?: Scheduled[];
}

const collected = processCache<OpenLoadResult>('open-collected');
const loaded = processCache<OpenData>('open-loaded');

/** collectOpenData once per process for the same root/source/today (see collectSiteOnce). */
export function collectOpenDataOnce(options: OpenLoadOptions = {}): Promise<OpenLoadResult> {
  const key = JSON.stringify(resolve(options));
  let p = collected.get(key);
  if (!p) {
    p = collectOpenData(options);
    p.catch(() => collected.delete(key));
    collected.set(key, p);
  }
  return p;
}

/** The platform content for pages (memoized per root/source/today); throws ContentError on errors. */
export function getOpenData(options: OpenLoadOptions = {}): Promise<OpenData> {
  const key = JSON.stringify(resolve(options));
  let p = loaded.get(key);
  if (!p) {
    p = collectOpenDataOnce(options).then((res) => {
      if (!res.data || res.problems.some((x) => x.severity === 'error')) throw new ContentError(res.problems);
      return res.data;
    });
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

export function clearOpenDataCache(): void {
  collected.clear();
  loaded.clear();
}

// ---------------------------------------------------------------------------------------------

/** Reads and checks everything under <content>/open/; never throws for content problems. */
export async function collectOpenData(options: OpenLoadOptions = {}): Promise<OpenLoadResult> {
  const r = resolve(options);
  const dir = path.join(r.content, 'open');
  const problems: Problem[] = [];
  traceLoad('open', r.source);

  const empty: OpenData = { rules: [], catalog: [], powers: [], reports: [], normative: {}, gazette: [], consultations: [], specials: [], today: r.today };
  // A corpus build has no content/open of its own (content/open's references point at
  // content/policies, not at the corpus), so it gets the empty platform.
  if (r.corpus) return { data: empty, problems };

  // The policy library, for references. Its own problems belong to the library check.
  const lib = options.site ?? (await libraryOf(r));
  const ctx: OpenContext = { r, dir, problems, refs: libraryRefs(lib), scheduled: [] };
  if (!(await exists(dir))) return { data: empty, problems };

  // One section after another: problems keep the order they are found in (orderProblems ties).
  const guide = await collectTextPage(ctx, 'guide.md');
  const apply = await collectTextPage(ctx, 'apply.md');
  const rules = await collectRules(ctx);
  const catalog = await collectCatalog(ctx);
  const powers = await collectPowers(ctx);
  const { reports, normative } = await collectReports(ctx);
  const gazette = await collectGazette(ctx);
  const consultations = await collectConsultations(ctx);
  const specials = await collectSpecials(ctx);
  // -- best-bets.yaml (推荐结果, src/content/best-bets.ts)
  const bestBets = await collectBestBets(dir, r.root, ctx.refs.checkRefs ? ctx.refs.policyIds : undefined, problems);

  const data: OpenData = compact({ guide, apply, rules, catalog, powers, reports, normative, gazette, consultations, specials, bestBets, today: r.today });
  return { data, problems: orderProblems(problems), scheduled: ctx.scheduled };
}

async function libraryOf(r: Resolved): Promise<SiteData | undefined> {
  const libOpts = { root: r.root, source: r.source, lenient: process.env.PORTAL_LENIENT === '1', today: r.today };
  return (await collectSiteOnce(libOpts)).data;
}

