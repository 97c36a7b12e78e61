/**
 * 推荐结果 / best bets (content/open/best-bets.yaml): questions and common phrasings that
 * editors map to one page, shown above the search results when a query matches (issue 16).
 *
 *   - title: 依申请公开政府信息
 *     page: open/apply/                 # a page of this site (path without base and language), or
 *     # policy: nmg-2016-zwgk-yaodian   # a policy in the library
 *     queries: [信息公开申请, 依申请公开, 申请政府信息公开]
 */
import { z } from 'zod';
import { idSchema, textSchema } from '../fields/common.ts';
import { bilingualName } from '../site.ts';

/** The sections a best bet may point into (first path segment); '' is the home page. */
export const BEST_BET_SECTIONS = ['', 'policies', 'interpretations', 'search', 'open', 'gazette', 'consultations', 'special', 'sitemap'] as const;

/** A page of this site: a path without base and language prefix, ending in /, e.g. `open/apply/`. */
const pagePath = z
  .string()
  .trim()
  .refine((p) => p === '' || /^(?!\/)(?!.*\.\.)[A-Za-z0-9_\-/%.]+\/$/.test(p), { error: '应为本站页面路径，不以 / 开头、以 / 结尾，如 open/apply/（a site path such as open/apply/）', abort: true })
  .refine((p) => (BEST_BET_SECTIONS as readonly string[]).includes(p.split('/')[0]!), {
    error: `应在本站栏目之下（a page of this site）：${BEST_BET_SECTIONS.filter(Boolean).join('/、')}/`,
  });

export const bestBetSchema = z
  .strictObject({
    /** 标题 / title {zh, mn?} shown above the results */
    title: bilingualName,
    /** 页面 / a page of this site, e.g. open/apply/ */
    page: pagePath.optional(),
    /** 政策文件 / a policy id in the library, instead of `page` */
    policy: idSchema.optional(),
    /** 问法 / questions and phrasings that show this page first (two characters or more each) */
    queries: z.array(textSchema.refine((q) => [...q].length >= 2, { error: '至少两个字（two characters or more）' })).min(1),
  })
  .refine((b) => (b.page === undefined) !== (b.policy === undefined), { error: '请填写 page 或 policy 之一（exactly one of page, policy）', path: ['page'] });

export const bestBetsFileSchema = z.array(bestBetSchema);
/** 推荐结果: phrasings that show one page (or policy) above the search results. */
export type BestBet = z.output<typeof bestBetSchema>;

export const bestBetsLabels = {
  title: '标题',
  'title.zh': '中文标题',
  'title.mn': '蒙古文标题',
  page: '页面',
  policy: '政策文件标识',
  queries: '问法',
} as const satisfies Record<string, string>;
