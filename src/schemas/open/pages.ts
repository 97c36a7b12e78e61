/**
 * 政府信息公开指南 (content/open/guide.md), 依申请公开说明 (content/open/apply.md), 公开制度
 * (content/open/rules.yaml) and 重点领域专题 (content/open/specials.yaml).
 */
import { z } from 'zod';
import { idListSchema, idSchema, stringListSchema, textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';

export const textPageSchema = z.strictObject({
  /** 标题 / title */
  title: textSchema,
  /** 更新日期 / last updated */
  updated: isoDateSchema.optional(),
});

/** 公开指南 / 依申请公开: the frontmatter's output plus source and the Markdown body. */
export type TextPage = z.output<typeof textPageSchema> & { source: string; body: string };

export const textPageLabels = { title: '标题', updated: '更新日期' } as const satisfies Record<string, string>;

export const ruleSchema = z
  .strictObject({
    /** 制度名称 / title */
    title: textSchema,
    /** 政策文件标识 / policy id in the library */
    policy: idSchema.optional(),
    /** 网址 / external https URL */
    url: z.url({ protocol: /^https$/ }).optional(),
    /** 说明 / note */
    note: textSchema.optional(),
  });

export const rulesFileSchema = z.array(ruleSchema);
/** One 公开制度 entry as written. */
export type RuleEntry = z.output<typeof ruleSchema>;

export const rulesLabels = {
  title: '制度名称',
  policy: '政策文件标识',
  url: '网址',
  note: '说明',
} as const satisfies Record<string, string>;

export const specialSchema = z.strictObject({
  /** 标识 / id used in /special/<id>/ */
  id: idSchema,
  /** 专题名称 / title */
  title: textSchema,
  /** 专题说明 / summary */
  summary: textSchema.optional(),
  /** 主题分类 / topic ids (children included) */
  topics: idListSchema().default([]),
  /** 关键词 / keywords matched in policy keywords, titles and summaries */
  keywords: stringListSchema.default([]),
  /** 指定文件 / policy ids always included */
  policies: idListSchema().default([]),
  /** 标准目录领域 / related 标准目录 area ids */
  areas: idListSchema().default([]),
});

export const specialsFileSchema = z.array(specialSchema);
/** One 重点领域专题 definition as written (defaults applied). */
export type SpecialTopic = z.output<typeof specialSchema>;

export const specialsLabels = {
  id: '标识',
  title: '专题名称',
  summary: '专题说明',
  topics: '主题分类',
  keywords: '关键词',
  policies: '指定文件',
  areas: '标准目录领域',
} as const satisfies Record<string, string>;
