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
 * Reads files with the helpers it shares with src/content/load.ts (src/content/files.ts), so
 * that `npm run check` and the build's content check can call it next to collectSite(). References
 * into the policy library (policy ids, topics, organizations) are checked against loadSite();
 * when the library itself is invalid those checks use whatever collectSite() could read, and
 * the library's own problems are left to the library check (not repeated here).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ContentError, nearest, type Labels, type Problem } from '../lib/errors.ts';
import type { SiteData } from '../lib/model.ts';
import { buildDate } from '../lib/validity.ts';
import { AREA_IDS, allAreaNames, areaById, areaByName } from '../lib/open/areas.ts';
import { consultationStatus, STATUS_ORDER } from '../lib/open/consultation.ts';
import type {
  AnnualReport,
  ApplicantRow,
  CatalogArea,
  ConsultationView,
  GazetteIssue,
  NormativeCounts,
  OpenData,
  PowerList,
  ReviewRow,
  RuleEntry,
  SpecialTopic,
  TextPage,
} from '../lib/open/model.ts';
import { checkReport, normativeCounts, RESULT_ROWS, type ReportInput } from '../lib/open/report.ts';
import { aggregateSpecials } from '../lib/open/specials.ts';
import { isValidId, ID_RULE } from '../schemas/fields/common.ts';
import { catalogFileSchema, labels as catalogLabels } from '../schemas/open/catalog.ts';
import { powerFileSchema, labels as powerLabels } from '../schemas/open/powers.ts';
import { reportFileSchema, labels as reportLabels } from '../schemas/open/report.ts';
import { gazetteFileSchema, labels as gazetteLabels } from '../schemas/open/gazette.ts';
import { consultationSchema, labels as consultationLabels } from '../schemas/open/consultation.ts';
import { rulesFileSchema, rulesLabels, specialsFileSchema, specialsLabels, textPageLabels, textPageSchema } from '../schemas/open/pages.ts';
import { compact, listFiles, orderProblems, readUtf8, readYamlText, relPath as rel, splitFrontmatter, validate, type LineOf } from './files.ts';
import { bodyHtmlProblems, fieldHtmlProblems } from './html-problems.ts';
import { processCache, traceLoad } from './process-cache.ts';
import { collectSiteOnce } from './load.ts';
import { collectBestBets } from './best-bets.ts';

export interface OpenLoadOptions {
  /** project root; default process.cwd() */
  root?: string;
  /** content directory (its open/ subdirectory is read), relative to root; default PORTAL_CONTENT or `content` */
  source?: string;
  /** build date for consultation status; default PORTAL_TODAY, else today in Asia/Shanghai */
  today?: string;
  /** the policy library, if the caller has it (skips loadSite) */
  site?: SiteData;
}

export interface OpenLoadResult {
  data?: OpenData;
  problems: Problem[];
  /** gazette issues and reports dated after the build date: not published yet */
  scheduled?: { source: string; title: string; scheduled: string; files?: string[] }[];
}

interface Resolved {
  root: string;
  /** the content directory */
  content: string;
  /** as given (relative to root), so loadSite() shares its cache with getSite() */
  source: string;
  /** a JSON-lines corpus build (benchmarks): the open platform is left empty */
  corpus: boolean;
  today: string;
}

function resolve(o: OpenLoadOptions): Resolved {
  const root = path.resolve(o.root ?? process.cwd());
  const source = o.source ?? process.env.PORTAL_CONTENT ?? 'content';
  // PORTAL_TODAY pins the build date (tests, reproducible rebuilds); default: today in Asia/Shanghai
  return { root, content: path.resolve(root, source), source, corpus: source.endsWith('.jsonl'), today: o.today ?? buildDate() };
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
// File helpers (src/content/files.ts: posix paths relative to root, 1-based lines)

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function readYaml<S extends z.ZodType>(
  file: string,
  r: Resolved,
  schema: S,
  labels: Labels,
  problems: Problem[],
): Promise<{ data?: z.output<S>; lineOf: LineOf; rel: string }> {
  const relFile = rel(r.root, file);
  const text = await readUtf8(file, relFile, problems);
  if (text === undefined) return { lineOf: () => undefined, rel: relFile };
  return { ...readYamlText(text, relFile, schema, labels, problems), rel: relFile };
}

interface Md<T> {
  data?: T;
  body: string;
  lineOf: LineOf;
  rel: string;
}

async function readMarkdown<S extends z.ZodType>(file: string, r: Resolved, schema: S, labels: Labels, problems: Problem[]): Promise<Md<z.output<S>>> {
  const relFile = rel(r.root, file);
  const text = await readUtf8(file, relFile, problems);
  if (text === undefined) return { body: '', lineOf: () => undefined, rel: relFile };
  const { body, yaml: y, problem } = splitFrontmatter(text, relFile);
  problems.push(...bodyHtmlProblems(text, body, relFile));
  if (problem || !y) {
    if (problem) problems.push(problem);
    return { body, lineOf: () => undefined, rel: relFile };
  }
  if (y.problems.length) {
    problems.push(...y.problems);
    return { body, lineOf: y.lineOf, rel: relFile };
  }
  const v = validate(schema, y.value ?? {}, { file: relFile, labels, lineOf: y.lineOf });
  problems.push(...v.problems);
  return v.data === undefined ? { body, lineOf: y.lineOf, rel: relFile } : { data: v.data, body, lineOf: y.lineOf, rel: relFile };
}

function at(file: string, line: number | undefined, field: string, label: string, reason: string, extra: Partial<Problem> = {}): Problem {
  const p: Problem = { file, field, label, reason, severity: 'error', ...extra };
  if (line !== undefined) p.line = line;
  return p;
}

/** A reference to a policy id that does not exist: one line with the nearest id as a hint. */
function policyRef(file: string, line: number | undefined, field: string, label: string, id: string, ids: ReadonlySet<string>): Problem {
  const near = nearest(id, ids);
  return at(file, line, field, label, `找不到政策文件 "${id}"（unknown policy id）`, near ? { hint: `是否应为 "${near}"？` } : { hint: '请填写 content/policies/ 下政策文件的标识（文件名）' });
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
  let lib: SiteData | undefined = options.site;
  if (!lib) {
    const libOpts = { root: r.root, source: r.source, lenient: process.env.PORTAL_LENIENT === '1', today: r.today };
    lib = (await collectSiteOnce(libOpts)).data;
  }
  const policyIds = new Set(lib?.policies.map((p) => p.id) ?? []);
  const scheduledIds = new Set(lib?.drafts.filter((d) => d.scheduled && d.kind === 'policy' && !d.lang).map((d) => d.id) ?? []);
  const scheduled: NonNullable<OpenLoadResult['scheduled']> = [];
  const topicIds = new Set(lib?.topics.map((t) => t.id) ?? []);
  const orgIds = new Set(lib?.organizations.map((o) => o.id) ?? []);
  const checkRefs = lib !== undefined;

  if (!(await exists(dir))) return { data: empty, problems };

  // -- guide.md, apply.md
  const textPage = async (name: string): Promise<TextPage | undefined> => {
    const file = path.join(dir, name);
    if (!(await exists(file))) return undefined;
    const md = await readMarkdown(file, r, textPageSchema, textPageLabels, problems);
    if (!md.data) return undefined;
    if (!md.body.trim()) {
      problems.push(at(md.rel, undefined, 'body', '正文', '正文为空（empty body）'));
      return undefined;
    }
    const page: TextPage = { source: md.rel, title: md.data.title, body: md.body };
    if (md.data.updated) page.updated = md.data.updated;
    return page;
  };
  const guide = await textPage('guide.md');
  const apply = await textPage('apply.md');

  // -- rules.yaml
  const rules: RuleEntry[] = [];
  if (await exists(path.join(dir, 'rules.yaml'))) {
    const y = await readYaml(path.join(dir, 'rules.yaml'), r, rulesFileSchema, rulesLabels, problems);
    y.data?.forEach((rule, i) => {
      if (rule.policy && checkRefs && !policyIds.has(rule.policy)) problems.push(policyRef(y.rel, y.lineOf([i, 'policy']), `[${i}].policy`, rulesLabels.policy, rule.policy, policyIds));
      rules.push(compact({ title: rule.title, policy: rule.policy, url: rule.url, note: rule.note }));
    });
  }

  // -- catalog/<area>.yaml
  const catalog: CatalogArea[] = [];
  for (const file of await listFiles(path.join(dir, 'catalog'), /\.ya?ml$/i)) {
    const id = path.basename(file).replace(/\.ya?ml$/i, '');
    const relFile = rel(r.root, file);
    const area = areaById(id);
    if (!area) {
      const near = nearest(id, AREA_IDS);
      const byName = areaByName(id);
      problems.push(
        at(relFile, undefined, '(文件名)', '领域', `文件名 "${id}" 不是 26 个试点领域之一（unknown pilot area）`, {
          allowed: AREA_IDS,
          ...(near ? { hint: `是否应为 "${near}.yaml"？` } : byName ? { hint: `请改名为 ${byName.id}.yaml` } : {}),
        }),
      );
      continue;
    }
    const y = await readYaml(file, r, catalogFileSchema, catalogLabels, problems);
    if (!y.data) continue;
    if (y.data.area !== undefined && areaByName(y.data.area)?.id !== area.id) {
      problems.push(
        at(y.rel, y.lineOf(['area']), 'area', catalogLabels.area, `领域名称 "${y.data.area}" 与文件名 ${id}.yaml（${area.name}）不符（area does not match file name）`, {
          allowed: [area.name, ...area.aliases],
        }),
      );
      continue;
    }
    catalog.push(
      compact({
        id,
        name: area.name,
        source: y.rel,
        updated: y.data.updated,
        note: y.data.note,
        items: y.data.items.map((it, n) => ({ n: n + 1, ...it })),
      }),
    );
  }
  catalog.sort((a, b) => AREA_IDS.indexOf(a.id) - AREA_IDS.indexOf(b.id));

  // -- powers/<dept>.yaml
  const powers: PowerList[] = [];
  for (const file of await listFiles(path.join(dir, 'powers'), /\.ya?ml$/i)) {
    const id = path.basename(file).replace(/\.ya?ml$/i, '');
    const relFile = rel(r.root, file);
    if (!isValidId(id)) {
      problems.push(at(relFile, undefined, '(文件名)', '标识', `文件名 "${id}" 不能用作标识（file name is not a valid id）：${ID_RULE}`));
      continue;
    }
    const y = await readYaml(file, r, powerFileSchema, powerLabels, problems);
    if (!y.data) continue;
    const d = y.data;
    if (d.org && checkRefs && !orgIds.has(d.org)) {
      const near = nearest(d.org, orgIds);
      problems.push(at(y.rel, y.lineOf(['org']), 'org', powerLabels.org, `organizations.yaml 中没有机构 "${d.org}"（unknown organization）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: [...orgIds] }));
    }
    const seen = new Map<string, number>();
    d.items.forEach((it, i) => {
      if (!it.code) return;
      const first = seen.get(it.code);
      if (first !== undefined) problems.push(at(y.rel, y.lineOf(['items', i, 'code']), `items[${i}].code`, powerLabels['items.code'], `权力编码 "${it.code}" 与第 ${first + 1} 项重复（duplicate code）`));
      else seen.set(it.code, i);
    });
    powers.push(
      compact({
        id,
        source: y.rel,
        department: d.department,
        org: d.org,
        updated: d.updated,
        items: d.items.map((it, n) => compact({ ...it, code: it.code ?? `${id}-${String(n + 1).padStart(3, '0')}`, subject: it.subject, note: it.note })),
      }),
    );
  }
  powers.sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));

  // -- reports/<year>.yaml
  const reports: AnnualReport[] = [];
  const normative: Record<number, NormativeCounts> = {};
  const reportInputs = new Map<number, { input: ReportInput; rel: string; lineOf: LineOf }>();
  for (const file of await listFiles(path.join(dir, 'reports'), /\.ya?ml$/i)) {
    const base = path.basename(file).replace(/\.ya?ml$/i, '');
    const relFile = rel(r.root, file);
    if (!/^\d{4}$/.test(base)) {
      problems.push(at(relFile, undefined, '(文件名)', '报告年度', `年度报告文件名应为四位年份，如 2024.yaml，实际为 "${base}"（file name must be the year）`));
      continue;
    }
    const y = await readYaml(file, r, reportFileSchema, reportLabels, problems);
    if (!y.data) continue;
    const d = y.data;
    if (d.published && d.published > r.today) {
      scheduled.push({ source: y.rel, title: `${d.year} 年度政府信息公开工作年度报告`, scheduled: d.published });
      continue;
    }
    if (d.year !== Number(base)) {
      problems.push(at(y.rel, y.lineOf(['year']), 'year', reportLabels.year, `报告年度 ${d.year} 与文件名 ${base}.yaml 不符（year does not match file name）`));
      continue;
    }
    const res = d.applications.results;
    const flat: Record<string, number[]> = {
      granted: res.granted,
      partial: res.partial,
      ...prefixed('denied', res.denied),
      ...prefixed('unable', res.unable),
      ...prefixed('notProcessed', res.notProcessed),
      ...prefixed('other', res.other),
    };
    const input: ReportInput = {
      year: d.year,
      applications: { received: d.applications.received, carriedOver: d.applications.carriedOver, results: flat, total: res.total, carryForward: d.applications.carryForward },
      review: d.review,
      litigation: d.litigation,
    };
    reportInputs.set(d.year, { input, rel: y.rel, lineOf: y.lineOf });
    for (const field of ['overview', 'problems', 'other'] as const) {
      problems.push(...fieldHtmlProblems(d[field], y.rel, field, reportLabels[field], y.lineOf([field])));
    }
    const six = (row: number[]): ApplicantRow => row.slice(0, 6) as ApplicantRow;
    const four = (row: number[]): ReviewRow => row.slice(0, 4) as ReviewRow;
    reports.push(
      compact({
        year: d.year,
        source: y.rel,
        published: d.published,
        sample: d.sample,
        overview: d.overview,
        active: d.active,
        applications: {
          received: six(d.applications.received),
          carriedOver: six(d.applications.carriedOver),
          results: Object.fromEntries(RESULT_ROWS.map((row) => [row.key, six(flat[row.key] ?? [0, 0, 0, 0, 0, 0])])),
          carryForward: six(d.applications.carryForward),
        },
        review: four(d.review),
        litigation: { direct: four(d.litigation.direct), afterReview: four(d.litigation.afterReview) },
        problems: d.problems,
        other: d.other,
      }),
    );
    if (lib) {
      const counts = normativeCounts(lib.policies, d.year);
      const { undated, ...rest } = counts;
      normative[d.year] = rest;
      for (const id of undated) {
        const p = lib.policies.find((x) => x.id === id)!;
        problems.push({
          file: p.source,
          field: 'status',
          label: '有效性',
          reason: `规范性文件声明为"${p.status}"，但库中没有废止它的文件，也没有有效期至，无法计入 ${d.year} 年度报告的本年废止件数（cannot date the repeal）`,
          hint: '请填写 expires（有效期至），或把废止它的文件收入政策文件库并在其 repeals 中列出',
          severity: 'warning',
        });
      }
    }
  }
  reports.sort((a, b) => b.year - a.year);
  for (const [year, { input, rel: relFile, lineOf }] of reportInputs) {
    problems.push(...checkReport(input, { file: relFile, lineOf }, reportInputs.get(year - 1)?.input));
  }

  // -- gazette/<year>-<number>.yaml
  const gazette: GazetteIssue[] = [];
  for (const file of await listFiles(path.join(dir, 'gazette'), /\.ya?ml$/i)) {
    const base = path.basename(file).replace(/\.ya?ml$/i, '');
    const relFile = rel(r.root, file);
    const m = /^(\d{4})-(\d{1,2})$/.exec(base);
    if (!m) {
      problems.push(at(relFile, undefined, '(文件名)', '期号', `公报文件名应为 "年份-期号"，如 2024-1.yaml，实际为 "${base}"（file name must be <year>-<number>）`));
      continue;
    }
    const y = await readYaml(file, r, gazetteFileSchema, gazetteLabels, problems);
    if (!y.data) continue;
    const d = y.data;
    if (d.year !== Number(m[1]) || d.number !== Number(m[2])) {
      problems.push(at(y.rel, y.lineOf(['year']), 'year', gazetteLabels.year, `年份/期号 ${d.year}-${d.number} 与文件名 ${base}.yaml 不符（year/number do not match file name）`));
      continue;
    }
    if (d.published.slice(0, 4) !== String(d.year)) {
      problems.push(at(y.rel, y.lineOf(['published']), 'published', gazetteLabels.published, `出版日期 ${d.published} 不在 ${d.year} 年（published outside the issue's year）`));
    }
    const future = d.published > r.today;
    d.contents.forEach((e, i) => {
      if (e.policy && checkRefs && !policyIds.has(e.policy) && !(future && scheduledIds.has(e.policy))) {
        problems.push(policyRef(y.rel, y.lineOf(['contents', i, 'policy']), `contents[${i}].policy`, gazetteLabels['contents.policy'], e.policy, policyIds));
      }
    });
    if (future) {
      scheduled.push(compact({ source: y.rel, title: `政府公报 ${d.year} 年第 ${d.number} 期`, scheduled: d.published, files: d.file && !/^https:/.test(d.file) ? [d.file] : undefined }));
      continue;
    }
    gazette.push(compact({ id: `${d.year}-${d.number}`, source: y.rel, year: d.year, number: d.number, total: d.total, published: d.published, file: d.file, entries: d.contents.map((e) => compact({ ...e })) }));
  }
  gazette.sort((a, b) => b.year - a.year || b.number - a.number);

  // -- consultations/<id>.md
  const consultations: ConsultationView[] = [];
  for (const file of await listFiles(path.join(dir, 'consultations'), /\.md$/i)) {
    const md = await readMarkdown(file, r, consultationSchema, consultationLabels, problems);
    const base = path.basename(file).replace(/\.md$/i, '');
    const id = md.data?.id ?? base;
    if (!isValidId(id)) {
      problems.push(at(md.rel, undefined, 'id', consultationLabels.id, `文件名 "${base}" 不能用作标识（file name is not a valid id）：${ID_RULE}`, { hint: '请改文件名，或在前置元数据中写 id' }));
      continue;
    }
    if (!md.data || md.data.draft) continue;
    const d = md.data;
    let ok = true;
    if (d.closes < d.opens) {
      problems.push(at(md.rel, md.lineOf(['closes']), 'closes', consultationLabels.closes, `截止日期 ${d.closes} 早于开始日期 ${d.opens}（closes before opens）`));
      ok = false;
    }
    if (d.feedback) {
      if (d.feedback.adopted > d.feedback.received) {
        problems.push(at(md.rel, md.lineOf(['feedback', 'adopted']), 'feedback.adopted', consultationLabels['feedback.adopted'], `采纳条数 ${d.feedback.adopted} 多于收到意见条数 ${d.feedback.received}（adopted > received）`));
        ok = false;
      }
      if (d.feedback.published < d.closes) {
        problems.push(at(md.rel, md.lineOf(['feedback', 'published']), 'feedback.published', consultationLabels['feedback.published'], `反馈日期 ${d.feedback.published} 早于征集截止日期 ${d.closes}（feedback before the period closed）`));
        ok = false;
      }
    }
    if (d.result && checkRefs && !policyIds.has(d.result)) {
      problems.push(policyRef(md.rel, md.lineOf(['result']), 'result', consultationLabels.result, d.result, policyIds));
    }
    if (!md.body.trim()) {
      problems.push(at(md.rel, undefined, 'body', '正文', '正文为空：请写明征求意见说明或意见稿全文（empty body）'));
      ok = false;
    }
    if (!ok) continue;
    const { draft: _draft, id: _id, ...rest } = d;
    consultations.push(compact({ ...rest, id, source: md.rel, body: md.body, status: consultationStatus(d.opens, d.closes, r.today) }));
  }
  consultations.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.opens < b.opens ? 1 : a.opens > b.opens ? -1 : a.id.localeCompare(b.id)));

  // -- specials.yaml
  const specialDefs: SpecialTopic[] = [];
  if (await exists(path.join(dir, 'specials.yaml'))) {
    const y = await readYaml(path.join(dir, 'specials.yaml'), r, specialsFileSchema, specialsLabels, problems);
    const seen = new Set<string>();
    y.data?.forEach((s, i) => {
      if (seen.has(s.id)) problems.push(at(y.rel, y.lineOf([i, 'id']), `[${i}].id`, specialsLabels.id, `重复的专题标识 "${s.id}"（duplicate id）`));
      seen.add(s.id);
      if (checkRefs) {
        s.topics.forEach((t, j) => {
          if (!topicIds.has(t)) {
            const near = nearest(t, topicIds);
            problems.push(at(y.rel, y.lineOf([i, 'topics', j]), `[${i}].topics[${j}]`, specialsLabels.topics, `topics.yaml 中没有主题分类 "${t}"（unknown topic）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: [...topicIds] }));
          }
        });
        s.policies.forEach((p, j) => {
          if (!policyIds.has(p)) problems.push(policyRef(y.rel, y.lineOf([i, 'policies', j]), `[${i}].policies[${j}]`, specialsLabels.policies, p, policyIds));
        });
      }
      s.areas.forEach((a, j) => {
        if (!areaById(a)) {
          const near = nearest(a, AREA_IDS) ?? areaByName(a)?.id;
          problems.push(at(y.rel, y.lineOf([i, 'areas', j]), `[${i}].areas[${j}]`, specialsLabels.areas, `"${a}" 不是试点领域标识（unknown pilot area）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: AREA_IDS }));
        }
      });
      if (!s.topics.length && !s.keywords.length && !s.policies.length) {
        problems.push(at(y.rel, y.lineOf([i, 'id']), `[${i}]`, '专题', `专题 "${s.id}" 没有 topics、keywords 或 policies，无法汇集文件（special topic selects nothing）`));
      }
      specialDefs.push(compact({ id: s.id, title: s.title, summary: s.summary, topics: s.topics, keywords: s.keywords, policies: s.policies, areas: s.areas }));
    });
  }
  const specials = aggregateSpecials(specialDefs, lib?.policies ?? [], lib?.topics ?? []);
  // -- best-bets.yaml (推荐结果, src/content/best-bets.ts)
  const bestBets = await collectBestBets(dir, r.root, checkRefs ? policyIds : undefined, problems);

  const data: OpenData = compact({ guide, apply, rules, catalog, powers, reports, normative, gazette, consultations, specials, bestBets, today: r.today });
  return { data, problems: orderProblems(problems), scheduled };
}

function prefixed(prefix: string, rows: Record<string, number[]>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(rows).map(([k, v]) => [`${prefix}.${k}`, v]));
}

// Keep the list of accepted area names reachable for `npm run check --help` style output.
export const ACCEPTED_AREA_NAMES = allAreaNames;
