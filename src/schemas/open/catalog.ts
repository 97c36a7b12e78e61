/**
 * 政务公开事项标准目录 / one pilot area's catalog (content/open/catalog/<area>.yaml). The file name
 * is the area id (src/lib/open/areas.ts); `area` may repeat its Chinese name or an alias.
 * Columns follow GOV-REFERENCE §5 (基层政务公开标准目录 as published by 赛罕区, 锡林浩特).
 */
import { z } from 'zod';
import { AUDIENCES, CATALOG_LEVELS, CHANNELS, MODES } from '../../lib/open/model.ts';
import { textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';

/** A list of enum values; a single value or a 、-separated string is accepted. */
export function enumListSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[、，,；;]+/).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.enum(values)).min(1),
  );
}

/** Text or a list of texts (公开依据 often lists several laws). */
export const textListSchema = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(textSchema).min(1));

export const catalogItemSchema = z.strictObject({
  /** 一级事项 / first-level item, e.g. 政策文件 */
  group: textSchema,
  /** 二级事项（公开事项名称）/ item name */
  name: textSchema,
  /** 公开内容（要素）/ what is published */
  content: textSchema,
  /** 公开依据 / legal basis, one entry per document */
  basis: textListSchema,
  /** 公开时限 / deadline, e.g. 信息形成或变更之日起20个工作日内 */
  deadline: textSchema,
  /** 公开主体 / responsible body */
  subject: textSchema,
  /** 公开渠道和载体 / channels (controlled vocabulary) */
  channels: enumListSchema(CHANNELS),
  /** 公开对象 / audience: 全社会|特定群众 */
  audience: z.enum(AUDIENCES),
  /** 公开方式 / mode: 主动|依申请 */
  mode: z.enum(MODES),
  /** 公开层级 / levels: 县级、乡级 */
  levels: enumListSchema(CATALOG_LEVELS),
});

export const catalogFileSchema = z.strictObject({
  /** 领域名称 / area name or alias (optional; the file name decides the area) */
  area: textSchema.optional(),
  /** 更新日期 / last updated */
  updated: isoDateSchema.optional(),
  /** 编制说明 / note */
  note: textSchema.optional(),
  /** 目录事项 / items, numbered in file order (序号 `n`, 1-based) */
  items: z.array(catalogItemSchema).min(1).transform(numbered),
});

/** 序号 is the position in the file, so the schema derives it (pages and facet filters show it). */
function numbered<T extends object>(items: T[]): ({ n: number } & T)[] {
  return items.map((item, i) => ({ n: i + 1, ...item }));
}

export type CatalogFile = z.output<typeof catalogFileSchema>;
/** One 目录事项: the row as written plus its 序号 `n`. */
export type CatalogItem = CatalogFile['items'][number];
/** One pilot area's catalog: the file's output plus what the loader adds (id = file name, the area's standard name, source). */
export type CatalogArea = Omit<CatalogFile, 'area'> & { id: string; name: string; source: string };

/** The model of a validated catalog file: the one place its fields are carried over. */
export function toCatalogArea(d: CatalogFile, id: string, name: string, source: string): CatalogArea {
  const { area: _area, ...fields } = d;
  return { id, name, source, ...fields };
}

export const labels = {
  area: '领域名称',
  updated: '更新日期',
  note: '编制说明',
  items: '目录事项',
  'items.group': '一级事项',
  'items.name': '公开事项名称',
  'items.content': '公开内容（要素）',
  'items.basis': '公开依据',
  'items.deadline': '公开时限',
  'items.subject': '公开主体',
  'items.channels': '公开渠道和载体',
  'items.audience': '公开对象',
  'items.mode': '公开方式',
  'items.levels': '公开层级',
} as const satisfies Record<string, string>;

