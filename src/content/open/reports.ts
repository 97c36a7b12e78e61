/**
 * content/open/reports/<year>.yaml: 政府信息公开工作年度报告 (national template). Each report is
 * checked on its own and against the previous year's (src/lib/open/report-check.ts); its 行政规范性文件
 * counts come from the policy library.
 */
import path from 'node:path';
import type { SiteData } from '../../lib/model.ts';
import type { AnnualReport, NormativeCounts } from '../../lib/open/model.ts';
import { normativeCounts } from '../../lib/open/report.ts';
import { checkReport, type ReportInput } from '../../lib/open/report-check.ts';
import { flatResults, reportFileSchema, labels as reportLabels, toAnnualReport, type ReportFile } from '../../schemas/open/report.ts';
import { listFiles, relPath as rel, type LineOf } from '../files.ts';
import { fieldHtmlProblems } from '../html-problems.ts';
import { at, baseName, readYaml, type OpenContext } from './context.ts';

type Checked = { input: ReportInput; rel: string; lineOf: LineOf };

export async function collectReports(ctx: OpenContext): Promise<{ reports: AnnualReport[]; normative: Record<number, NormativeCounts> }> {
  const reports: AnnualReport[] = [];
  const normative: Record<number, NormativeCounts> = {};
  const inputs = new Map<number, Checked>();
  for (const file of await listFiles(path.join(ctx.dir, 'reports'), /\.ya?ml$/i)) {
    const y = await readReport(ctx, file);
    if (!y) continue;
    const d = y.data;
    inputs.set(d.year, { input: reportInput(d), rel: y.rel, lineOf: y.lineOf });
    for (const field of ['overview', 'problems', 'other'] as const) {
      ctx.problems.push(...fieldHtmlProblems(d[field], y.rel, field, reportLabels[field], y.lineOf([field])));
    }
    reports.push(toAnnualReport(d, y.rel));
    if (ctx.refs.lib) normative[d.year] = normativeFor(ctx, ctx.refs.lib, d.year);
  }
  reports.sort((a, b) => b.year - a.year);
  for (const [year, { input, rel: relFile, lineOf }] of inputs) {
    ctx.problems.push(...checkReport(input, { file: relFile, lineOf }, inputs.get(year - 1)?.input));
  }
  return { reports, normative };
}

/** A published report whose year matches its file name; scheduled ones go to ctx.scheduled. */
async function readReport(ctx: OpenContext, file: string): Promise<{ data: ReportFile; rel: string; lineOf: LineOf } | undefined> {
  const base = baseName(file);
  if (!/^\d{4}$/.test(base)) {
    ctx.problems.push(at(rel(ctx.r.root, file), undefined, '(文件名)', '报告年度', `年度报告文件名应为四位年份，如 2024.yaml，实际为 "${base}"（file name must be the year）`));
    return undefined;
  }
  const y = await readYaml(file, ctx, reportFileSchema, reportLabels);
  if (!y.data) return undefined;
  const d = y.data;
  if (d.published && d.published > ctx.r.today) {
    ctx.scheduled.push({ source: y.rel, title: `${d.year} 年度政府信息公开工作年度报告`, scheduled: d.published });
    return undefined;
  }
  if (d.year !== Number(base)) {
    ctx.problems.push(at(y.rel, y.lineOf(['year']), 'year', reportLabels.year, `报告年度 ${d.year} 与文件名 ${base}.yaml 不符（year does not match file name）`));
    return undefined;
  }
  return { data: d, rel: y.rel, lineOf: y.lineOf };
}

/** What the checks read: the rows as written, 总计 cells included. */
function reportInput(d: ReportFile): ReportInput {
  const a = d.applications;
  return {
    year: d.year,
    applications: { received: a.received, carriedOver: a.carriedOver, results: flatResults(a.results), total: a.results.total, carryForward: a.carryForward },
    review: d.review,
    litigation: d.litigation,
  };
}

/** The year's 行政规范性文件 counts; a repealed policy whose repeal cannot be dated is a warning on it. */
function normativeFor(ctx: OpenContext, lib: SiteData, year: number): NormativeCounts {
  const { undated, ...rest } = normativeCounts(lib.policies, year);
  for (const id of undated) {
    const p = lib.policies.find((x) => x.id === id)!;
    ctx.problems.push({
      file: p.source,
      field: 'status',
      label: '有效性',
      reason: `规范性文件声明为"${p.status}"，但库中没有废止它的文件，也没有有效期至，无法计入 ${year} 年度报告的本年废止件数（cannot date the repeal）`,
      hint: '请填写 expires（有效期至），或把废止它的文件收入政策文件库并在其 repeals 中列出',
      severity: 'warning',
    });
  }
  return rest;
}
