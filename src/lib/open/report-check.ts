/**
 * Consistency checks people run on a published 政府信息公开工作年度报告, reported as Problems
 * (template and computations: report.ts):
 *    总计 = sum of its parts; （七）总计 = sum of the results;
 *    新收 + 上年结转 = 办理结果总计 + 结转下年度; 结转下年度(Y−1) = 上年结转(Y).
 * Pure: no file system.
 */
import type { Problem } from '../errors.ts';
import { addRows, APPLICANT_COLUMNS, APPLICATION_SECTION_ROWS, RESULT_ROWS, RESULT_TOTAL_LABEL, sum } from './report.ts';

/** A report as written in the file: rows may carry a 7th 总计 cell, checked here. */
export interface ReportInput {
  year: number;
  applications: {
    received: number[];
    carriedOver: number[];
    results: Record<string, number[]>;
    /** optional （七）总计 row as written */
    total?: number[] | undefined;
    carryForward: number[];
  };
  review: number[];
  litigation: { direct: number[]; afterReview: number[] };
}

export interface CheckContext {
  file: string;
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

const ROW_LABELS: Record<string, string> = {
  received: APPLICATION_SECTION_ROWS.received,
  carriedOver: APPLICATION_SECTION_ROWS.carriedOver,
  carryForward: APPLICATION_SECTION_ROWS.carryForward,
  total: RESULT_TOTAL_LABEL,
  ...Object.fromEntries(RESULT_ROWS.map((r) => [r.key, `${r.group ?? ''}${r.label}`])),
};

function problem(ctx: CheckContext, path: PropertyKey[], label: string, reason: string, hint?: string): Problem {
  const p: Problem = { file: ctx.file, field: path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${String(s)}` : String(s))).join(''), label, reason, severity: 'error' };
  const line = ctx.lineOf?.(path);
  if (line !== undefined) p.line = line;
  if (hint) p.hint = hint;
  return p;
}

function rowPath(key: string): PropertyKey[] {
  if (key === 'received' || key === 'carriedOver' || key === 'carryForward' || key === 'total') return ['applications', key];
  return ['applications', 'results', ...key.split('.')];
}

function six(row: readonly number[] | undefined): number[] {
  return (row ?? []).slice(0, 6).concat(new Array(Math.max(0, 6 - (row?.length ?? 0))).fill(0));
}

/** Every arithmetic rule of one report (and continuity with the previous year's, if given). */
export function checkReport(r: ReportInput, ctx: CheckContext, previous?: ReportInput): Problem[] {
  const a = r.applications;
  // （七）总计 as the sum of （一）…（六）: the balance uses it, not the row as written
  const computedTotal = addRows(RESULT_ROWS.map((d) => six(a.results[d.key])), 6);
  return [
    ...rowTotals(a, ctx),
    ...resultsTotalRow(a, computedTotal, ctx),
    ...balance(a, computedTotal, ctx),
    ...reviewTotals(r, ctx),
    ...continuity(r, ctx, previous),
  ];
}

/** 总计 column = 自然人 + 法人或其他组织 (5 columns), on every row that writes it. */
function rowTotals(a: ReportInput['applications'], ctx: CheckContext): Problem[] {
  const out: Problem[] = [];
  const rows: [string, number[] | undefined][] = [
    ['received', a.received],
    ['carriedOver', a.carriedOver],
    ...RESULT_ROWS.map((d): [string, number[] | undefined] => [d.key, a.results[d.key]]),
    ['total', a.total],
    ['carryForward', a.carryForward],
  ];
  for (const [key, row] of rows) {
    if (!row || row.length < 7) continue;
    const expected = sum(row.slice(0, 6));
    if (row[6] !== expected) {
      out.push(problem(ctx, [...rowPath(key), 6], `${ROW_LABELS[key]} 总计`, `总计应为各列之和 ${expected}，实际填写 ${row[6]}（total ≠ sum of columns）`, '可删去第 7 列，由系统自动计算总计'));
    }
  }
  return out;
}

/** （七）总计 row as written = sum of （一）…（六）. */
function resultsTotalRow(a: ReportInput['applications'], computedTotal: number[], ctx: CheckContext): Problem[] {
  if (!a.total) return [];
  const out: Problem[] = [];
  six(a.total).forEach((v, i) => {
    if (v !== computedTotal[i]) {
      out.push(problem(ctx, ['applications', 'total', i], RESULT_TOTAL_LABEL, `第 ${i + 1} 列（${APPLICANT_COLUMNS[i]}）总计应为办理结果各项之和 ${computedTotal[i]}，实际填写 ${v}（total ≠ sum of results）`));
    }
  });
  return out;
}

/** 新收 + 上年结转 = 办理结果总计 + 结转下年度, per column. */
function balance(a: ReportInput['applications'], computedTotal: number[], ctx: CheckContext): Problem[] {
  const inflow = addRows([six(a.received), six(a.carriedOver)], 6);
  const outflow = addRows([computedTotal, six(a.carryForward)], 6);
  const out: Problem[] = [];
  inflow.forEach((v, i) => {
    if (v !== outflow[i]) {
      out.push(
        problem(
          ctx,
          ['applications', 'carryForward', i],
          APPLICATION_SECTION_ROWS.carryForward,
          `第 ${i + 1} 列（${APPLICANT_COLUMNS[i]}）不平衡：新收 + 上年结转 = ${v}，办理结果总计 + 结转下年度 = ${outflow[i]}（received + carried over ≠ handled + carried forward）`,
        ),
      );
    }
  });
  return out;
}

/** 行政复议 / 行政诉讼 总计 = sum of the four results, where written. */
function reviewTotals(r: ReportInput, ctx: CheckContext): Problem[] {
  const reviewRows: [PropertyKey[], string, number[]][] = [
    [['review'], '行政复议', r.review],
    [['litigation', 'direct'], '行政诉讼 未经复议直接起诉', r.litigation.direct],
    [['litigation', 'afterReview'], '行政诉讼 复议后起诉', r.litigation.afterReview],
  ];
  const out: Problem[] = [];
  for (const [path, label, row] of reviewRows) {
    if (row.length < 5) continue;
    const expected = sum(row.slice(0, 4));
    if (row[4] !== expected) {
      out.push(problem(ctx, [...path, 4], `${label} 总计`, `总计应为前四项之和 ${expected}，实际填写 ${row[4]}（total ≠ sum of parts）`, '可删去第 5 项，由系统自动计算总计'));
    }
  }
  return out;
}

/** 结转下年度(Y−1) = 上年结转(Y), when the previous year's report is the year before. */
function continuity(r: ReportInput, ctx: CheckContext, previous: ReportInput | undefined): Problem[] {
  if (!previous || previous.year !== r.year - 1) return [];
  const before = sum(six(previous.applications.carryForward));
  const now = sum(six(r.applications.carriedOver));
  if (before === now) return [];
  return [
    problem(ctx, ['applications', 'carriedOver'], APPLICATION_SECTION_ROWS.carriedOver, `上年结转 ${now} 与 ${previous.year} 年度报告的“结转下年度继续办理” ${before} 不一致（carried over ≠ last year's carried forward）`),
  ];
}
