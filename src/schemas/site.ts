/**
 * 网站配置 / site identity (content/site.yaml). The top level and every nested object are
 * strict, so a misspelt key is an error that names the nearest valid key.
 */
import { z } from 'zod';
import { LEVELS } from '../lib/model.ts';
import { textSchema } from './fields/common.ts';

/** A name in Chinese with an optional Mongolian form; a plain string means `{zh}`. */
export const bilingualName = z.preprocess(
  (v) => (typeof v === 'string' ? { zh: v } : v),
  z.strictObject({
    /** 中文名称 / Chinese name */
    zh: textSchema,
    /** 蒙古文名称 / Mongolian name (traditional script) */
    mn: textSchema.optional(),
  }),
);

/**
 * A peer portal searched together with this one (issue 9): its search bundle is at
 * `<url>search/`. `url` is a path on this host (`/baotou/`) or an absolute http(s) URL.
 */
export const peerSchema = z.strictObject({
  /** 站点标识 / peer id: letters, digits, - or _ (its 网站标识码 is a good choice) */
  id: z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/, { error: '应为字母、数字、- 或 _（letters, digits, - or _），如 1502000001 或 baotou' }),
  /** 站点名称 / name {zh, mn?} shown beside its results */
  name: bilingualName,
  /** 行政层级 / level */
  level: z.enum(LEVELS),
  /** 行政区划代码 / 6-digit administrative division code */
  region: z.string().trim().regex(/^\d{6}$/, { error: '应为 6 位数字的行政区划代码（6-digit code），如 150200' }),
  /** 网址 / site root: a path on this host or an absolute http(s) URL, ending in / */
  url: z
    .string()
    .trim()
    .refine((u) => /^\/(?!\/)/.test(u) || /^https?:\/\/[^/]/.test(u), { error: '应为以 / 开头的本站路径或 http(s):// 网址（a path like /baotou/ or an http(s) URL）' })
    .refine((u) => !/^https?:/.test(u) || URL.canParse(u), { error: '不是有效的网址（not a valid URL）' })
    .refine((u) => !/[?#]/.test(u), { error: '不能包含 ? 或 #（no query or fragment）' })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
});

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
  /**
   * 党政机关网站标识 / the mark a 机构编制 office issues to a government site, shown bottom-centre
   * on every page (国办发〔2017〕47号): `url` is the site's record on the issuer's site (e.g.
   * https://bszs.conac.cn/sitename?method=show&id=…), `image` the mark as a file of this site under
   * public/ (PNG, JPEG, GIF or WebP; no request to another host), `alt` its text.
   */
  conac: z
    .strictObject({
      /** 标识链接 / the site's record, http(s) */
      url: z.url({ protocol: /^https?$/, error: '应为 http:// 或 https:// 开头的网址（http(s) URL）' }),
      /** 标识图片 / image under public/, e.g. images/conac-placeholder.png */
      image: z
        .string()
        .trim()
        .regex(/^(?![/\\])(?!.*\.\.)[A-Za-z0-9_\-/.]+\.(png|jpe?g|gif|webp)$/i, { error: '应为 public/ 下的图片路径（PNG、JPEG、GIF 或 WebP），如 images/conac.png（an image path under public/）' }),
      /** 替代文字 / text alternative, default 党政机关网站标识 */
      alt: textSchema.default('党政机关网站标识'),
    })
    .optional(),
  /**
   * 我为政府网站找错 / the error-report link: an https URL in which `{siteCode}` and `{url}` become
   * this site's 网站标识码 and the page's address, e.g.
   * https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={siteCode}&url={url}
   */
  errorReport: z
    .string()
    .trim()
    .refine((u) => /^https:\/\//.test(u) && URL.canParse(u.replace(/\{(siteCode|url)\}/g, 'x')), { error: '应为 https:// 开头的网址，可含 {siteCode} 和 {url}（https URL template）' })
    .optional(),
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
  /** 联合检索 / peer portals searched together with this one (issue 9) */
  federation: z.array(peerSchema).optional(),
  /**
   * 不发布的文件 / files under content/ that are not content (README.md, notes): patterns relative
   * to content/ (`*` within a folder, `**` across folders). Any other unknown file is an error.
   */
  ignore: z.array(z.string().trim().min(1).max(200).regex(/^[^/\\]/, { error: '应为相对于 content/ 的路径（relative to content/）' })).max(100).optional(),
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
}).superRefine((site, ctx) => {
  const seen = new Map<string, number>();
  site.federation?.forEach((p, i) => {
    if (p.id === site.siteCode) ctx.addIssue({ code: 'custom', path: ['federation', i, 'id'], message: `与本站网站标识码相同（same as this site's siteCode ${site.siteCode}）` });
    const j = seen.get(p.id);
    if (j !== undefined) ctx.addIssue({ code: 'custom', path: ['federation', i, 'id'], message: `与第 ${j + 1} 个站点重复（duplicate of peer ${j + 1}）` });
    else seen.set(p.id, i);
  });
});

export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema>;
/** A federated peer portal (site.yaml `federation:`). */
export type Peer = z.output<typeof peerSchema>;

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
  conac: '党政机关网站标识',
  'conac.url': '标识链接',
  'conac.image': '标识图片',
  'conac.alt': '标识替代文字',
  errorReport: '我为政府网站找错链接',
  contacts: '联系方式',
  'contacts.address': '地址',
  'contacts.postcode': '邮政编码',
  'contacts.phone': '电话',
  'contacts.email': '电子邮箱',
  'contacts.hours': '办公时间',
  pageSize: '每页条数',
  ignore: '不发布的文件',
  federation: '联合检索站点',
  'federation.id': '站点标识',
  'federation.name': '站点名称',
  'federation.name.zh': '站点中文名称',
  'federation.name.mn': '站点蒙古文名称',
  'federation.level': '行政层级',
  'federation.region': '行政区划代码',
  'federation.url': '网址',
  apply: '依申请公开',
  'apply.endpoint': '在线申请提交地址',
  'apply.office': '受理机构',
  'apply.email': '申请电子邮箱',
  'apply.postcode': '申请邮编',
  'apply.address': '申请通信地址',
  'apply.phone': '申请咨询电话',
  'apply.hours': '受理时间',
} as const satisfies Record<string, string>;
