/**
 * The loaded, validated content of the 政府信息公开 platform (content/open/): what the /open/,
 * /gazette/, /consultations/ and /special/ pages and their search records read. Produced by
 * src/content/open-data.ts; every derived value (consultation status, report counts, catalog
 * filters, special-topic members) is computed by the pure rules in src/lib/open/.
 *
 * Content is Chinese only; Mongolian pages show it marked lang="zh-CN" with Mongolian chrome.
 */
import type { IsoDate } from '../model.ts';

// ---------------------------------------------------------------------------------------------
// 政务公开事项标准目录

/** 公开渠道和载体 (GOV-REFERENCE §5, seen on Inner Mongolia 标准目录). */
export const CHANNELS = [
  '政府网站', '政府公报', '两微一端', '发布会/听证会', '广播电视', '纸质媒体', '公开查阅点',
  '政务服务中心', '便民服务站', '入户/现场', '村务公示栏', '精准推送', '其他',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** 公开对象 */
export const AUDIENCES = ['全社会', '特定群众'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 公开方式 */
export const MODES = ['主动', '依申请'] as const;
export type Mode = (typeof MODES)[number];

/** 公开层级 */
export const CATALOG_LEVELS = ['县级', '乡级'] as const;
export type CatalogLevel = (typeof CATALOG_LEVELS)[number];

export interface CatalogItem {
  /** 序号 within the area, 1-based, in file order */
  n: number;
  /** 公开事项 一级事项 */
  group: string;
  /** 公开事项 二级事项（公开事项名称） */
  name: string;
  /** 公开内容（要素） */
  content: string;
  /** 公开依据 (one entry per law/regulation) */
  basis: string[];
  /** 公开时限 */
  deadline: string;
  /** 公开主体 */
  subject: string;
  /** 公开渠道和载体 */
  channels: Channel[];
  /** 公开对象 */
  audience: Audience;
  /** 公开方式 */
  mode: Mode;
  /** 公开层级 */
  levels: CatalogLevel[];
}

export interface CatalogArea {
  /** pilot-area id (src/lib/open/areas.ts) = file name */
  id: string;
  /** 领域名称 */
  name: string;
  source: string;
  /** 目录更新日期 */
  updated?: IsoDate;
  /** 编制说明 */
  note?: string;
  items: CatalogItem[];
}

// ---------------------------------------------------------------------------------------------
// 权力清单和责任清单

export const POWER_TYPES = [
  '行政许可', '行政处罚', '行政强制', '行政征收', '行政给付', '行政检查', '行政确认', '行政奖励', '行政裁决', '其他行政权力',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];

export interface PowerItem {
  /** 权力编码 (optional; else generated `<dept>-<n>`) */
  code: string;
  /** 权力事项名称 */
  name: string;
  type: PowerType;
  /** 设定依据 */
  basis: string[];
  /** 实施主体 (default: the department) */
  subject?: string;
  /** 责任事项 */
  responsibilities: string[];
  /** 追责情形 */
  accountability: string[];
  /** 备注 */
  note?: string;
}

export interface PowerList {
  /** file name = URL slug */
  id: string;
  source: string;
  /** 部门名称 */
  department: string;
  /** organization id in organizations.yaml, if the department issues policies */
  org?: string;
  updated?: IsoDate;
  items: PowerItem[];
}

// ---------------------------------------------------------------------------------------------
// 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 template)

/** 6 applicant columns: 自然人, then 法人或其他组织 ×5; 总计 is computed. */
export type ApplicantRow = [number, number, number, number, number, number];

export interface ReportApplications {
  received: ApplicantRow;
  carriedOver: ApplicantRow;
  /** 三、本年度办理结果: rows keyed by the template row keys (src/lib/open/report.ts RESULT_ROWS) */
  results: Record<string, ApplicantRow>;
  carryForward: ApplicantRow;
}

/** 结果维持, 结果纠正, 其他结果, 尚未审结 (总计 computed) */
export type ReviewRow = [number, number, number, number];

export interface AnnualReport {
  year: number;
  source: string;
  published?: IsoDate;
  /** all hand-entered numbers are sample data (shown as a notice) */
  sample: boolean;
  /** 一、总体情况 (Markdown) */
  overview: string;
  active: {
    /** 规章: 本年制发, 本年废止, 现行有效 */
    rules: { issued: number; repealed: number; inForce: number };
    /** 行政许可 本年处理决定数量 */
    licensing: number;
    /** 行政处罚 */
    punishment: number;
    /** 行政强制 */
    enforcement: number;
    /** 行政事业性收费 本年收费金额（万元） */
    fees: number;
  };
  applications: ReportApplications;
  review: ReviewRow;
  litigation: { direct: ReviewRow; afterReview: ReviewRow };
  /** 五、存在的主要问题及改进情况 (Markdown) */
  problems: string;
  /** 六、其他需要报告的事项 (Markdown) */
  other: string;
}

/** 行政规范性文件 counts computed from the policy library. */
export interface NormativeCounts {
  issued: number;
  repealed: number;
  inForce: number;
  /** ids behind each number, for the page and for checks */
  ids: { issued: string[]; repealed: string[]; inForce: string[] };
}

// ---------------------------------------------------------------------------------------------
// 政府公报

export interface GazetteEntry {
  /** 栏目, e.g. 自治区人民政府文件 */
  section?: string;
  /** policy id (links to /policies/<id>/) */
  policy?: string;
  /** title for entries that are not in the library (e.g. 人事任免) */
  title?: string;
  page?: number;
}

export interface GazetteIssue {
  /** `<year>-<number>` (file name) */
  id: string;
  source: string;
  year: number;
  /** 期 within the year */
  number: number;
  /** 总期数 */
  total?: number;
  published: IsoDate;
  /** PDF or other file of the whole issue (public/ path or https URL) */
  file?: string;
  entries: GazetteEntry[];
}

// ---------------------------------------------------------------------------------------------
// 意见征集

export const CONSULTATION_STATUSES = ['未开始', '征集中', '已结束'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const ADOPTION = ['采纳', '部分采纳', '未采纳'] as const;
export type Adoption = (typeof ADOPTION)[number];

export interface Consultation {
  id: string;
  source: string;
  title: string;
  /** 征集单位 */
  department: string;
  opens: IsoDate;
  closes: IsoDate;
  /** 征求意见稿 attachment */
  document?: { title: string; file: string };
  /** 意见反馈渠道 */
  contact: { email?: string; phone?: string; address?: string; fax?: string };
  summary?: string;
  /** 征集说明 and draft text (Markdown) */
  body: string;
  /** 采纳情况 feedback, once published */
  feedback?: {
    published: IsoDate;
    received: number;
    adopted: number;
    summary?: string;
    items: { opinion: string; adoption: Adoption; response: string }[];
  };
  /** the policy finally issued from this draft */
  result?: string;
}

export interface ConsultationView extends Consultation {
  status: ConsultationStatus;
}

// ---------------------------------------------------------------------------------------------
// 公开指南, 公开制度, 依申请公开, 重点领域专题

export interface TextPage {
  source: string;
  title: string;
  updated?: IsoDate;
  body: string;
}

export interface RuleEntry {
  title: string;
  /** policy id in the library */
  policy?: string;
  /** external https URL (e.g. the 条例 on gov.cn) */
  url?: string;
  note?: string;
}

export interface SpecialTopic {
  id: string;
  title: string;
  summary?: string;
  /** 主题分类 ids (children included) */
  topics: string[];
  /** matched against policy keywords, titles and summaries */
  keywords: string[];
  /** policy ids always included */
  policies: string[];
  /** related 标准目录 areas */
  areas: string[];
}

export interface SpecialView extends SpecialTopic {
  /** member policy ids, newest first */
  members: string[];
}

/** 推荐结果 (content/open/best-bets.yaml): phrasings that show one page above the search results. */
export interface BestBet {
  title: { zh: string; mn?: string };
  /** a page of this site (path without base and language), or */
  page?: string;
  /** a policy id */
  policy?: string;
  queries: string[];
}

export interface OpenData {
  guide?: TextPage;
  apply?: TextPage;
  rules: RuleEntry[];
  catalog: CatalogArea[];
  powers: PowerList[];
  reports: AnnualReport[];
  /** 行政规范性文件 counts by report year */
  normative: Record<number, NormativeCounts>;
  gazette: GazetteIssue[];
  consultations: ConsultationView[];
  specials: SpecialView[];
  /** 推荐结果 (best bets) for the search page */
  bestBets?: BestBet[];
  /** build date used for consultation status */
  today: IsoDate;
}
