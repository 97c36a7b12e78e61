/**
 * The loaded, validated content of the 政府信息公开 platform (content/open/): what the /open/,
 * /gazette/, /consultations/ and /special/ pages and their search records read. Produced by
 * src/content/open-data.ts; every derived value (consultation status, report counts, catalog
 * filters, special-topic members) is computed by the pure rules in src/lib/open/.
 *
 * The shapes of validated content are the schemas' outputs plus what the loader adds, defined next
 * to each schema (src/schemas/open/*) and re-exported here, never restated: the vocabularies below
 * are the schemas' enums, and only values computed from the whole library (normative counts,
 * consultation status by build date, special-topic members) are declared here.
 *
 * Content is Chinese only; Mongolian pages show it marked lang="zh-CN" with Mongolian chrome.
 */
import type { IsoDate } from '../model.ts';
import type { AnnualReport } from '../../schemas/open/report.ts';
import type { BestBet } from '../../schemas/open/best-bets.ts';
import type { CatalogArea } from '../../schemas/open/catalog.ts';
import type { Consultation } from '../../schemas/open/consultation.ts';
import type { GazetteIssue } from '../../schemas/open/gazette.ts';
import type { RuleEntry, SpecialTopic, TextPage } from '../../schemas/open/pages.ts';
import type { PowerList } from '../../schemas/open/powers.ts';

export type { CatalogArea, CatalogItem } from '../../schemas/open/catalog.ts';
export type { PowerItem, PowerList } from '../../schemas/open/powers.ts';
export type { AnnualReport, ApplicantRow, ReportApplications, ReviewRow } from '../../schemas/open/report.ts';
export type { GazetteEntry, GazetteIssue } from '../../schemas/open/gazette.ts';
export type { Consultation } from '../../schemas/open/consultation.ts';
export type { RuleEntry, SpecialTopic, TextPage } from '../../schemas/open/pages.ts';
export type { BestBet } from '../../schemas/open/best-bets.ts';

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

// ---------------------------------------------------------------------------------------------
// 权力清单和责任清单

export const POWER_TYPES = [
  '行政许可', '行政处罚', '行政强制', '行政征收', '行政给付', '行政检查', '行政确认', '行政奖励', '行政裁决', '其他行政权力',
] as const;
export type PowerType = (typeof POWER_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// 政府信息公开工作年度报告 (国办公开办函〔2021〕30号 template)

/** 行政规范性文件 counts computed from the policy library. */
export interface NormativeCounts {
  issued: number;
  repealed: number;
  inForce: number;
  /** ids behind each number, for the page and for checks */
  ids: { issued: string[]; repealed: string[]; inForce: string[] };
}

// ---------------------------------------------------------------------------------------------
// 意见征集

export const CONSULTATION_STATUSES = ['未开始', '征集中', '已结束'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const ADOPTION = ['采纳', '部分采纳', '未采纳'] as const;
export type Adoption = (typeof ADOPTION)[number];

/** A consultation with its status on the build date. */
export type ConsultationView = Consultation & { status: ConsultationStatus };

// ---------------------------------------------------------------------------------------------
// 重点领域专题

/** A special topic with the policies it gathers from the library. */
export type SpecialView = SpecialTopic & {
  /** member policy ids, newest first */
  members: string[];
};

// ---------------------------------------------------------------------------------------------

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
