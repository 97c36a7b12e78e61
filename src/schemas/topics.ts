/**
 * 主题分类 / topics (content/topics.yaml): a list of {id, name, parent?, nameMn?}; `parent` must be the id
 * of another topic in the list (two-level classification such as 卫生、体育\医药管理).
 */
import { z } from 'zod';
import { nearest } from '../lib/errors.ts';
import { idSchema, textSchema } from './fields/common.ts';

export const topicSchema = z.strictObject({
  /** 标识 / id referenced by policies' `topic` */
  id: idSchema,
  /** 名称 / name, e.g. 财政、金融、审计 */
  name: textSchema,
  /** 上级分类 / parent topic id */
  parent: idSchema.optional(),
  /** 蒙古文名称 / Mongolian name (required for the topic of every translated policy) */
  nameMn: textSchema.optional(),
});

export const topicsSchema = z.array(topicSchema).superRefine((list, ctx) => {
  const ids = new Map<string, number>();
  list.forEach((t, i) => {
    const first = ids.get(t.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `重复的标识 "${t.id}"，与第 ${first + 1} 项相同（duplicate id）` });
    } else ids.set(t.id, i);
  });
  list.forEach((t, i) => {
    if (t.parent === undefined) return;
    if (t.parent === t.id) {
      ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `上级分类不能是自身 "${t.id}"（self parent）` });
    } else if (!ids.has(t.parent)) {
      const near = nearest(t.parent, ids.keys());
      ctx.addIssue({
        code: 'custom',
        path: [i, 'parent'],
        message: `上级分类不存在 "${t.parent}"（unknown parent topic）`,
        params: near ? { hint: `是否应为 "${near}"？` } : { allowed: [...ids.keys()] },
      });
    }
  });
});

export type TopicInput = z.input<typeof topicSchema>;
export type Topic = z.output<typeof topicSchema>;

export const labels = {
  id: '标识',
  name: '名称',
  parent: '上级分类',
  nameMn: '蒙古文名称',
} as const satisfies Record<string, string>;
