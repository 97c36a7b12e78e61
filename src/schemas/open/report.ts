/**
 * 政府信息公开工作年度报告 / annual report (content/open/reports/<year>.yaml), the national template
 * of 国办公开办函〔2021〕30号. 行政规范性文件 counts are NOT written here: they are computed from the
 * policy library (src/lib/open/report.ts). Applicant rows are 6 numbers (自然人, 商业企业, 科研机构,
 * 社会公益组织, 法律服务机构, 其他) with an optional 7th 总计 that is checked; omitted rows are 0.
 */
import { z } from 'zod';
import { textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';
import { RESULT_ROWS } from '../../lib/open/report.ts';

const count = z.int().min(0);
const row = z.array(count).min(6).max(7);
const zero = () => [0, 0, 0, 0, 0, 0];
const optRow = row.default(zero);
/** 行政复议 / 行政诉讼: 结果维持, 结果纠正, 其他结果, 尚未审结 [, 总计] */
const reviewRow = z.array(count).min(4).max(5);

export const reportFileSchema = z.strictObject({
  /** 报告年度 / year (must match the file name) */
  year: z.int().min(2008).max(2100),
  /** 发布日期 / publication date */
  published: isoDateSchema.optional(),
  /** 示例数据 / the hand-entered numbers are sample data */
  sample: z.boolean().default(false),
  /** 一、总体情况 */
  overview: textSchema,
  /** 二、主动公开政府信息情况 (行政规范性文件 computed) */
  active: z.strictObject({
    /** 规章 */
    rules: z.strictObject({ issued: count, repealed: count, inForce: count }).default({ issued: 0, repealed: 0, inForce: 0 }),
    /** 行政许可 本年处理决定数量 */
    licensing: count.default(0),
    /** 行政处罚 本年处理决定数量 */
    punishment: count.default(0),
    /** 行政强制 本年处理决定数量 */
    enforcement: count.default(0),
    /** 行政事业性收费 本年收费金额（万元） */
    fees: z.number().min(0).default(0),
  }),
  /** 三、收到和处理政府信息公开申请情况 */
  applications: z.strictObject({
    received: row,
    carriedOver: optRow,
    results: z.strictObject({
      granted: optRow,
      partial: optRow,
      denied: z
        .strictObject({ secret: optRow, forbidden: optRow, security: optRow, thirdParty: optRow, internal: optRow, process: optRow, enforcement: optRow, query: optRow })
        .prefault({}),
      unable: z.strictObject({ notHeld: optRow, needsCreation: optRow, unclear: optRow }).prefault({}),
      notProcessed: z.strictObject({ petition: optRow, repeated: optRow, publication: optRow, massive: optRow, confirmation: optRow }).prefault({}),
      other: z.strictObject({ noCorrection: optRow, unpaid: optRow, other: optRow }).prefault({}),
      /** （七）总计 as written (checked) */
      total: row.optional(),
    }),
    carryForward: optRow,
  }),
  /** 四、行政复议 */
  review: reviewRow.default([0, 0, 0, 0]),
  /** 四、行政诉讼 */
  litigation: z
    .strictObject({ direct: reviewRow.default([0, 0, 0, 0]), afterReview: reviewRow.default([0, 0, 0, 0]) })
    .prefault({}),
  /** 五、存在的主要问题及改进情况 */
  problems: textSchema,
  /** 六、其他需要报告的事项 */
  other: textSchema.default('无。'),
});

export type ReportFile = z.output<typeof reportFileSchema>;

/** 6 applicant columns: 自然人, then 法人或其他组织 ×5; 总计 is computed. */
export type ApplicantRow = [number, number, number, number, number, number];
/** 结果维持, 结果纠正, 其他结果, 尚未审结 (总计 computed) */
export type ReviewRow = [number, number, number, number];

/** 三、收到和处理申请情况 as pages show it: the file's rows without their checked 总计 cells. */
export type ReportApplications = { [K in Exclude<keyof ReportFile['applications'], 'results'>]: ApplicantRow } & {
  /** 三、本年度办理结果: every template row keyed as in RESULT_ROWS (`granted`, `denied.secret`, …) */
  results: Record<string, ApplicantRow>;
};

/** A published report: the file's output with rows cut to their parts (总计 computed), plus source. */
export type AnnualReport = Omit<ReportFile, 'applications' | 'review' | 'litigation'> & {
  source: string;
  applications: ReportApplications;
  review: ReviewRow;
  litigation: { [K in keyof ReportFile['litigation']]: ReviewRow };
};

/** 办理结果 rows keyed as in RESULT_ROWS (`denied.secret`, `unable.notHeld`, …), as written (a 7th 总计 cell kept for the checks). */
export function flatResults(res: ReportFile['applications']['results']): Record<string, number[]> {
  const prefixed = (prefix: string, rows: Record<string, number[]>) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [`${prefix}.${k}`, v]));
  return {
    granted: res.granted,
    partial: res.partial,
    ...prefixed('denied', res.denied),
    ...prefixed('unable', res.unable),
    ...prefixed('notProcessed', res.notProcessed),
    ...prefixed('other', res.other),
  };
}

const six = (row: readonly number[]): ApplicantRow => row.slice(0, 6) as ApplicantRow;
const four = (row: readonly number[]): ReviewRow => row.slice(0, 4) as ReviewRow;

/** The model of a validated report: the one place its fields are carried over. */
export function toAnnualReport(d: ReportFile, source: string): AnnualReport {
  const a = d.applications;
  const flat = flatResults(a.results);
  const applications: ReportApplications = {
    received: six(a.received),
    carriedOver: six(a.carriedOver),
    results: Object.fromEntries(RESULT_ROWS.map((row) => [row.key, six(flat[row.key] ?? [0, 0, 0, 0, 0, 0])])),
    carryForward: six(a.carryForward),
  };
  const litigation = { direct: four(d.litigation.direct), afterReview: four(d.litigation.afterReview) };
  const { year, ...fields } = d;
  return { year, source, ...fields, applications, review: four(d.review), litigation };
}

export const labels = {
  year: '报告年度',
  published: '发布日期',
  sample: '示例数据',
  overview: '总体情况',
  active: '主动公开政府信息情况',
  'active.rules': '规章',
  'active.rules.issued': '规章本年制发件数',
  'active.rules.repealed': '规章本年废止件数',
  'active.rules.inForce': '规章现行有效件数',
  'active.licensing': '行政许可本年处理决定数量',
  'active.punishment': '行政处罚本年处理决定数量',
  'active.enforcement': '行政强制本年处理决定数量',
  'active.fees': '行政事业性收费本年收费金额（万元）',
  applications: '收到和处理政府信息公开申请情况',
  'applications.received': '本年新收政府信息公开申请数量',
  'applications.carriedOver': '上年结转政府信息公开申请数量',
  'applications.results': '本年度办理结果',
  'applications.results.granted': '予以公开',
  'applications.results.partial': '部分公开',
  'applications.results.denied': '不予公开',
  'applications.results.unable': '无法提供',
  'applications.results.notProcessed': '不予处理',
  'applications.results.other': '其他处理',
  'applications.results.total': '总计',
  'applications.carryForward': '结转下年度继续办理',
  review: '行政复议',
  litigation: '行政诉讼',
  'litigation.direct': '未经复议直接起诉',
  'litigation.afterReview': '复议后起诉',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
} as const satisfies Record<string, string>;
