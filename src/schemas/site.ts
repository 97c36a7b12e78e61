/**
 * 网站配置 / site identity (content/site.yaml). The top level and every nested object are
 * strict, so a misspelt key is an error that names the nearest valid key.
 */
import { z } from 'zod';
import { LEVELS } from '../lib/model.ts';
import { textSchema } from './fields/common.ts';

/** A name in Chinese with an optional Mongolian form; a plain string means `{zh}`. */
const bilingualName = z.preprocess(
  (v) => (typeof v === 'string' ? { zh: v } : v),
  z.strictObject({
    /** 中文名称 / Chinese name */
    zh: textSchema,
    /** 蒙古文名称 / Mongolian name (traditional script) */
    mn: textSchema.optional(),
  }),
);

export const siteSchema = z.strictObject({
  /** 网站名称 / site name {zh, mn?} */
  name: bilingualName,
  /** 简称 / short name {zh, mn?} */
  shortName: bilingualName.optional(),
  /** 行政区划代码 / 6-digit administrative division code, e.g. 150000 */
  region: z.string().trim().regex(/^\d{6}$/, { error: '应为 6 位数字的行政区划代码（6-digit code），如 150000' }),
  /** 行政层级 / level: 国家|自治区|盟市|旗县|苏木乡镇 */
  level: z.enum(LEVELS),
  /** 网站标识码 / site code: 10 digits or uppercase letters, e.g. 1500000001 */
  siteCode: z.string().trim().regex(/^[0-9A-Z]{10}$/, { error: '应为 10 位数字或大写字母（10 digits/uppercase letters），如 1500000001' }),
  /** ICP备案号 / ICP licence, e.g. 蒙ICP备05001234号 */
  icp: textSchema.optional(),
  /** 公安备案号 / public-security filing number, e.g. 蒙公网安备 15010502000001号 */
  psb: textSchema.optional(),
  /** 主办单位 / organizer */
  organizer: textSchema,
  /** 联系方式 / contacts */
  contacts: z.strictObject({
    /** 地址 / address */
    address: textSchema.optional(),
    /** 邮编 / postcode (6 digits) */
    postcode: z.string().trim().regex(/^\d{6}$/, { error: '应为 6 位数字的邮政编码（6-digit postcode）' }).optional(),
    /** 电话 / phone */
    phone: textSchema.optional(),
    /** 电子邮箱 / email */
    email: z.email().optional(),
    /** 办公时间 / office hours */
    hours: textSchema.optional(),
  }),
  /** 每页条数 / documents per listing page (default 20) */
  pageSize: z.number().int().min(1).max(500).default(20),
  /** 相关网站 / related or federated sites */
  federated: z.array(z.strictObject({ name: textSchema, url: z.url() })).optional(),
  /**
   * 依申请公开 / where applications go (issue 4). `endpoint` is an https URL that accepts the
   * online form (POST); without it the apply page shows no form, only the paper route.
   */
  apply: z
    .strictObject({
      /** 在线申请提交地址 / https URL the online form posts to */
      endpoint: z.url({ protocol: /^https$/, error: '应为 https:// 开头的网址（https URL）' }).optional(),
      /** 受理机构 / office that handles applications */
      office: textSchema.optional(),
      /** 电子邮箱 / email for applications */
      email: z.email().optional(),
      /** 通信地址 / postal address for applications */
      address: textSchema.optional(),
      /** 邮编 / postcode */
      postcode: z.string().trim().regex(/^\d{6}$/, { error: '应为 6 位数字的邮政编码（6-digit postcode）' }).optional(),
      /** 电话 / phone */
      phone: textSchema.optional(),
      /** 受理时间 / office hours */
      hours: textSchema.optional(),
    })
    .optional(),
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;

export const labels = {
  name: '网站名称',
  'name.zh': '中文名称',
  'name.mn': '蒙古文名称',
  shortName: '简称',
  'shortName.zh': '中文简称',
  'shortName.mn': '蒙古文简称',
  region: '行政区划代码',
  level: '行政层级',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  psb: '公安备案号',
  organizer: '主办单位',
  contacts: '联系方式',
  'contacts.address': '地址',
  'contacts.postcode': '邮政编码',
  'contacts.phone': '电话',
  'contacts.email': '电子邮箱',
  'contacts.hours': '办公时间',
  pageSize: '每页条数',
  federated: '相关网站',
  'federated.name': '网站名称',
  'federated.url': '网址',
  apply: '依申请公开',
  'apply.endpoint': '在线申请提交地址',
  'apply.office': '受理机构',
  'apply.email': '申请电子邮箱',
  'apply.postcode': '申请邮编',
  'apply.address': '申请通信地址',
  'apply.phone': '申请咨询电话',
  'apply.hours': '受理时间',
} as const satisfies Record<string, string>;
