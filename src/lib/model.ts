/**
 * The loaded, validated content of one portal: what pages, search records and exports read.
 * Produced by src/content/load.ts (files or a JSON-lines export); every rule that derives a
 * field (status, inverse relations) lives in src/lib, never in components.
 *
 * Dates are ISO strings `YYYY-MM-DD` (calendar dates in China Standard Time; no Date objects,
 * so no time-zone shifts between build machines).
 */

import type { Problem } from './errors.ts';

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

export interface Attachment {
  title: string;
  /** path under public/ (site-relative, no leading slash) or an absolute https URL */
  file: string;
}

export interface Policy {
  id: string;
  /** source file relative to the project root (or `FILE.jsonl:LINE`) for error messages */
  source: string;
  title: string;
  docNumber?: string;
  issuers: string[];
  indexNumber: string;
  topic: string;
  /** one of the 15 statutory 公文 kinds; absent for laws, regulations and other non-公文 */
  docType?: DocType;
  category: Category;
  written?: IsoDate;
  /**
   * Always a real date for content files. Only a lenient JSON-lines import (corpus build) can
   * produce a row with no date at all: then `published` is '' and `undated` is true (and a
   * warning says so). Sort such rows last.
   */
  published: IsoDate;
  /** true only for lenient JSON-lines rows that have neither a written nor a published date */
  undated?: boolean;
  effective?: IsoDate;
  expires?: IsoDate;
  /** declared by the editor; the effective status is derived (see src/lib/validity.ts) */
  status?: Status;
  repeals: string[];
  amends: string[];
  attachments: Attachment[];
  keywords: string[];
  summary?: string;
  openness: Openness;
  /** Markdown body (content files) or plain paragraphs, one per line (JSON-lines import) */
  body: string;
  bodyFormat: 'markdown' | 'text';
}

export interface Interpretation {
  id: string;
  source: string;
  title: string;
  interprets: string[];
  published: IsoDate;
  form: InterpretationForm;
  interpreter?: { org?: string; person?: string; phone?: string };
  summary?: string;
  body: string;
  bodyFormat: 'markdown' | 'text';
}

export interface Organization {
  id: string;
  name: string;
  /** 组织机构代码 / 统一社会信用代码 prefix used in 索引号 */
  code?: string;
  nameMn?: string;
}

export interface Topic {
  id: string;
  /** 主题分类 name, e.g. 财政、金融、审计 */
  name: string;
  parent?: string;
  /** 蒙古文名称 / Mongolian name */
  nameMn?: string;
}

/** A federated peer portal (content/site.yaml `federation:`). */
export interface Peer {
  id: string;
  name: { zh: string; mn?: string };
  level: Level;
  /** 6-digit 行政区划代码 */
  region: string;
  /** site root: a path on this host or an absolute URL, ending in / */
  url: string;
}

export interface SiteConfig {
  name: { zh: string; mn?: string };
  shortName?: { zh: string; mn?: string };
  /** 6-digit 行政区划代码 */
  region: string;
  level: Level;
  /** 政府网站标识码 */
  siteCode: string;
  icp?: string;
  /** 公安机关备案号 */
  psb?: string;
  /** 党政机关网站标识: record link and the mark's image under public/ */
  conac?: { url: string; image: string; alt: string };
  /** 我为政府网站找错 link template ({siteCode}, {url}) */
  errorReport?: string;
  organizer: string;
  contacts: { address?: string; postcode?: string; phone?: string; email?: string; hours?: string };
  /** documents per page in the 政策文件库 listings */
  pageSize: number;
  /** 联合检索 / peer portals searched together with this one (issue 9) */
  federation?: Peer[];
  /** files under content/ that are not content (site.yaml `ignore`) */
  ignore?: string[];
  /** 依申请公开: online endpoint (https, POST) and paper/email routes (issue 4) */
  apply?: { endpoint?: string; office?: string; email?: string; address?: string; postcode?: string; phone?: string; hours?: string };
}

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

/**
 * A Mongolian (mn-Mong) version of a policy or interpretation: content/mn/<same relative path>.
 * Only the text is translated; 文号, dates, issuers and relations come from the Chinese original.
 */
export interface Translation {
  id: string;
  source: string;
  title: string;
  summary?: string;
  keywords: string[];
  /** date the translation was published, if different from the original's */
  published?: IsoDate;
  /** 译者 / translator */
  translator?: string;
  body: string;
  bodyFormat: 'markdown' | 'text';
}

export interface Translations {
  policies: Record<string, Translation>;
  interpretations: Record<string, Translation>;
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
}
