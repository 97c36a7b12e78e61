/**
 * 政府信息公开工作年度报告 rules (template: 国办公开办函〔2021〕30号; GOV-REFERENCE §4):
 *  - the template's rows and columns (one definition shared by the page, the tests and checks);
 *  - 行政规范性文件 本年制发 / 本年废止 / 现行有效 computed from the policy library;
 *  - the consistency checks people run on published reports are in report-check.ts.
 * Pure: no file system.
 */
import type { IsoDate, PolicyView } from '../model.ts';
import type { AnnualReport, ApplicantRow, NormativeCounts, ReviewRow } from './model.ts';

// ---------------------------------------------------------------------------------------------
// Template

/** 申请人情况 columns: 自然人 | 法人或其他组织 (5) | 总计 */
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export const LEGAL_PERSON_HEADER = '法人或其他组织';
export const TOTAL_HEADER = '总计';

export interface ResultRowDef {
  /** key in the report file: `granted`, `denied.secret` … */
  key: string;
  /** （三）不予公开 etc. for rows inside a sub-group */
  group?: string;
  label: string;
}

/** 三、本年度办理结果: the template's rows in order (total last). */
export const RESULT_ROWS: readonly ResultRowDef[] = [
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'denied.secret', group: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'denied.forbidden', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'denied.security', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'denied.thirdParty', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'denied.internal', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'denied.process', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'denied.enforcement', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'denied.query', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unable.notHeld', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable.needsCreation', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unable.unclear', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'notProcessed.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'notProcessed.repeated', group: '（五）不予处理', label: '2.重复申请' },
  { key: 'notProcessed.publication', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'notProcessed.massive', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'notProcessed.confirmation', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  { key: 'other.noCorrection', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other.unpaid', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other.other', group: '（六）其他处理', label: '3.其他' },
];
export const RESULT_TOTAL_LABEL = '（七）总计';

export const APPLICATION_SECTION_ROWS = {
  received: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  carryForward: '四、结转下年度继续办理',
} as const;

/** 二、主动公开政府信息情况: the four sub-tables. */
export const ACTIVE_TABLES = {
  documents: { item: '第二十条第（一）项', columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], rows: ['规章', '行政规范性文件'] },
  licensing: { item: '第二十条第（五）项', columns: ['信息内容', '本年处理决定数量'], rows: ['行政许可'] },
  punishment: { item: '第二十条第（六）项', columns: ['信息内容', '本年处理决定数量'], rows: ['行政处罚', '行政强制'] },
  fees: { item: '第二十条第（八）项', columns: ['信息内容', '本年收费金额（单位：万元）'], rows: ['行政事业性收费'] },
} as const;

/** 四: 行政复议 and 行政诉讼 (未经复议直接起诉 | 复议后起诉) × these columns. */
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const LITIGATION_GROUPS = ['未经复议直接起诉', '复议后起诉'] as const;

export const REPORT_SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** A 6-column row with its 总计 appended. */
export function withTotal(row: readonly number[]): number[] {
  return [...row, sum(row)];
}

/** Column-wise sum of rows. */
export function addRows<T extends readonly number[]>(rows: readonly T[], width: number): number[] {
  const out = new Array<number>(width).fill(0);
  for (const r of rows) for (let i = 0; i < width; i++) out[i] = out[i]! + (r[i] ?? 0);
  return out;
}

/** （七）总计 of the results, 6 columns. */
export function resultsTotal(results: Record<string, ApplicantRow>): ApplicantRow {
  return addRows(RESULT_ROWS.map((r) => results[r.key] ?? [0, 0, 0, 0, 0, 0]), 6) as ApplicantRow;
}

export function reviewWithTotal(row: ReviewRow): number[] {
  return [...row, sum(row)];
}

// ---------------------------------------------------------------------------------------------
// 行政规范性文件 counts from the library

type CountInput = Pick<PolicyView, 'id' | 'category' | 'published' | 'effective' | 'expires' | 'status' | 'repealedBy'>;

export interface EndDate {
  /** the day it stopped being in force (repealer in force, or 有效期至) */
  date?: IsoDate;
  /** declared 已废止/已失效 with nothing in the library to date it */
  undated?: boolean;
}

/** When a policy stopped being in force, from the library's evidence. */
export function endOf(p: CountInput, byId: ReadonlyMap<string, Pick<PolicyView, 'published' | 'effective'>>): EndDate {
  const dates: IsoDate[] = [];
  for (const r of p.repealedBy) {
    const rp = byId.get(r);
    const d = rp ? (rp.effective ?? rp.published) : undefined;
    if (d) dates.push(d);
  }
  if (p.expires) dates.push(p.expires);
  if (dates.length) return { date: dates.sort()[0]! };
  if (p.status === '已废止' || p.status === '已失效') return { undated: true };
  return {};
}

/**
 * 本年制发 = 规范性文件 published in `year`; 本年废止 = 规范性文件 whose end (repeal by a document
 * in force, or 有效期至) falls in `year`; 现行有效 = 规范性文件 published by 31 December and not
 * ended by then. So 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) holds by construction, except
 * for documents declared 已废止/已失效 that the library cannot date (`undated`; never in force).
 */
export function normativeCounts(policies: readonly CountInput[], year: number): NormativeCounts & { undated: string[] } {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const y = String(year);
  const end = `${y}-12-31`;
  const ids: NormativeCounts['ids'] = { issued: [], repealed: [], inForce: [] };
  const undated: string[] = [];
  for (const p of policies) {
    if (p.category !== '规范性文件' || !p.published) continue;
    if (p.published.slice(0, 4) === y) ids.issued.push(p.id);
    const e = endOf(p, byId);
    if (e.date && e.date.slice(0, 4) === y && p.published <= end) ids.repealed.push(p.id);
    if (e.undated) {
      if (p.published <= end) undated.push(p.id);
      continue;
    }
    if (p.published <= end && !(e.date && e.date <= end)) ids.inForce.push(p.id);
  }
  return { issued: ids.issued.length, repealed: ids.repealed.length, inForce: ids.inForce.length, ids, undated };
}

/** Rows of the 三 table in template order, with 总计 column appended: for the page and tests. */
export function applicationTable(a: AnnualReport['applications']): { key: string; section?: string; group?: string; label: string; values: number[] }[] {
  const total = resultsTotal(a.results);
  return [
    { key: 'received', label: APPLICATION_SECTION_ROWS.received, values: withTotal(a.received) },
    { key: 'carriedOver', label: APPLICATION_SECTION_ROWS.carriedOver, values: withTotal(a.carriedOver) },
    ...RESULT_ROWS.map((d) => ({ key: d.key, section: APPLICATION_SECTION_ROWS.results, ...(d.group ? { group: d.group } : {}), label: d.label, values: withTotal(a.results[d.key] ?? [0, 0, 0, 0, 0, 0]) })),
    { key: 'total', section: APPLICATION_SECTION_ROWS.results, label: RESULT_TOTAL_LABEL, values: withTotal(total) },
    { key: 'carryForward', label: APPLICATION_SECTION_ROWS.carryForward, values: withTotal(a.carryForward) },
  ];
}
