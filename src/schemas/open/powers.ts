/**
 * 权力清单和责任清单 / one department's list (content/open/powers/<dept>.yaml). The file name is
 * the URL slug (/open/powers/<dept>/).
 */
import { z } from 'zod';
import { POWER_TYPES } from '../../lib/open/model.ts';
import { idSchema, stringListSchema, textSchema } from '../fields/common.ts';
import { isoDateSchema } from '../fields/dates.ts';
import { textListSchema } from './catalog.ts';

export const powerItemSchema = z.strictObject({
  /** 权力编码 / code (optional) */
  code: textSchema.optional(),
  /** 事项名称 / power name */
  name: textSchema,
  /** 权力类型 / type */
  type: z.enum(POWER_TYPES),
  /** 设定依据 / legal basis */
  basis: textListSchema,
  /** 实施主体 / implementing body (default: the department) */
  subject: textSchema.optional(),
  /** 责任事项 / responsibilities */
  responsibilities: textListSchema,
  /** 追责情形 / accountability */
  accountability: stringListSchema.default([]),
  /** 备注 / note */
  note: textSchema.optional(),
});

export const powerFileSchema = z.strictObject({
  /** 部门名称 / department */
  department: textSchema,
  /** 发文机关标识 / organization id in organizations.yaml (optional) */
  org: idSchema.optional(),
  /** 更新日期 / last updated */
  updated: isoDateSchema.optional(),
  /** 权责事项 / items */
  items: z.array(powerItemSchema).min(1),
});

export type PowerFile = z.output<typeof powerFileSchema>;
/** One 权责事项 as written, with 权力编码 always set. */
export type PowerItem = Omit<PowerFile['items'][number], 'code'> & { code: string };
/** One department's list: the file's output plus id (file name = URL slug) and source. */
export type PowerList = Omit<PowerFile, 'items'> & { id: string; source: string; items: PowerItem[] };

/** The model of a validated list; an item without 权力编码 gets `<dept>-<nnn>` by its position. */
export function toPowerList(d: PowerFile, id: string, source: string): PowerList {
  const items = d.items.map((it, n) => ({ ...it, code: it.code ?? `${id}-${String(n + 1).padStart(3, '0')}` }));
  return { id, source, ...d, items };
}

export const labels = {
  department: '部门名称',
  org: '发文机关标识',
  updated: '更新日期',
  items: '权责事项',
  'items.code': '权力编码',
  'items.name': '事项名称',
  'items.type': '权力类型',
  'items.basis': '设定依据',
  'items.subject': '实施主体',
  'items.responsibilities': '责任事项',
  'items.accountability': '追责情形',
  'items.note': '备注',
} as const satisfies Record<string, string>;
