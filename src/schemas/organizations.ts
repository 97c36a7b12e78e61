/**
 * 发文机关 / organizations (content/organizations.yaml): a list of {id, name, code?, nameMn?}.
 * Ids must be unique.
 */
import { z } from 'zod';
import { idSchema, textSchema } from './fields/common.ts';

export const organizationSchema = z.strictObject({
  /** 标识 / id referenced by policies' `issuers` */
  id: idSchema,
  /** 机关名称 / name */
  name: textSchema,
  /** 机构代码 / 统一社会信用代码 or 组织机构代码, the prefix of 索引号 */
  code: z.string().trim().regex(/^[0-9A-Z-]{1,18}$/, { error: '应为数字、大写字母或连字符，至多 18 位（digits/uppercase, ≤18）' }).optional(),
  /** 蒙古文名称 / Mongolian name */
  nameMn: textSchema.optional(),
});

export const organizationsSchema = z.array(organizationSchema).superRefine((list, ctx) => {
  const seen = new Map<string, number>();
  list.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `重复的标识 "${o.id}"，与第 ${first + 1} 项相同（duplicate id）` });
    } else seen.set(o.id, i);
  });
});

export type OrganizationInput = z.input<typeof organizationSchema>;
export type Organization = z.output<typeof organizationSchema>;

export const labels = {
  id: '标识',
  name: '机关名称',
  code: '机构代码',
  nameMn: '蒙古文名称',
} as const satisfies Record<string, string>;
