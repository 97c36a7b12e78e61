/**
 * The loaded, validated content of one portal: what pages, search records and exports read.
 * Produced by src/content/load.ts (files or a JSON-lines export). The per-document types are
 * the schemas' outputs (src/schemas, re-exported here); every rule that derives a field from the
 * whole library (status, inverse relations) lives in src/lib, never in components. A 文号 is
 * parsed once, by the schema: `docNumber.raw` is the text shown, `docNumber.key` compares.
 *
 * Dates are ISO strings `YYYY-MM-DD` (calendar dates in China Standard Time; no Date objects,
 * so no time-zone shifts between build machines).
 */

import type { Problem } from './errors.ts';
import type { Policy } from '../schemas/policy.ts';
import type { Interpretation } from '../schemas/interpretation.ts';
import type { Organization } from '../schemas/organizations.ts';
import type { Topic } from '../schemas/topics.ts';
import type { Site as SiteConfig } from '../schemas/site.ts';
import type { Translation } from '../schemas/translation.ts';
import type { Redirect } from '../schemas/redirects.ts';

export type IsoDate = string;

export const DOC_TYPES = [
  '决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const CATEGORIES = ['规范性文件', '其他文件'] as const;
export type Category = (typeof CATEGORIES)[number];

export const STATUSES = ['现行有效', '已修改', '已废止', '已失效', '尚未生效'] as const;
export type Status = (typeof STATUSES)[number];

export const INTERPRETATION_FORMS = ['文字', '图解', '视频', '音频', '问答', '专家解读', '新闻发布会', '媒体解读'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

export const OPENNESS = ['主动公开', '依申请公开'] as const;
export type Openness = (typeof OPENNESS)[number];

export const LEVELS = ['国家', '自治区', '盟市', '旗县', '苏木乡镇'] as const;
export type Level = (typeof LEVELS)[number];

// The shapes of validated content come from the schemas (z.output), never restated here.
export type { Attachment } from '../schemas/fields/attachments.ts';
export type { DocNumber } from './docnumber.ts';
export type { Policy } from '../schemas/policy.ts';
export type { Interpretation } from '../schemas/interpretation.ts';
export type { Organization } from '../schemas/organizations.ts';
export type { Topic } from '../schemas/topics.ts';
export type { Peer, Site as SiteConfig } from '../schemas/site.ts';
export type { Translation } from '../schemas/translation.ts';

/** A policy with everything derived from the whole library. */
export interface PolicyView extends Policy {
  status: Status;
  repealedBy: string[];
  amendedBy: string[];
  interpretations: string[];
  /** year of `published` (else `written`); 0 only for `undated` lenient rows */
  year: number;
}

/** A document left out of SiteData because it has `draft: true` (listed so nothing disappears silently). */
export interface DraftRef {
  kind: 'policy' | 'interpretation';
  id: string;
  source: string;
  title: string;
  /** set for a draft translation (content/mn/…): the original itself is published */
  lang?: 'mn-Mong';
  /** 发布日期 after the build date: published by the first build on or after it (not a draft) */
  scheduled?: string;
  /** its attachment files under public/: removed from dist/ while the document is unpublished */
  attachments?: string[];
}

export interface Translations {
  policies: Record<string, Translation>;
  interpretations: Record<string, Translation>;
  /** translations of earlier versions (content/mn/policies/<path>/versions/<date>.md): by id, then version date */
  policyVersions?: Record<string, Record<string, Translation>>;
}

export interface SiteData {
  site: SiteConfig;
  organizations: Organization[];
  topics: Topic[];
  policies: PolicyView[];
  interpretations: Interpretation[];
  /** problems that do not stop the build (e.g. lenient-import fallbacks), in file order */
  warnings: Problem[];
  /** documents excluded because they are drafts */
  drafts: DraftRef[];
  /** Mongolian versions (content/mn/), by original id */
  translations: Translations;
  /** content/redirects.yaml: old addresses kept working (src/lib/redirects.ts) */
  redirects?: Redirect[];
}
