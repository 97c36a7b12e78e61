/**
 * 修改依据 / the amending document that produced a version's text: a policy in this library
 * (`{id}`, linked on the page) or one outside it (`{docNumber, title}`, at least one of the two,
 * shown as text). A bare string is read as an id when it looks like one, else as a 文号.
 */
import { z } from 'zod';
import { docNumberSchema } from './docNumber.ts';
import { idSchema, isValidId, textSchema } from './common.ts';

export const amendmentSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (isValidId(v.trim()) ? { id: v } : { docNumber: v }) : v),
  z.union([
    z.strictObject({ id: idSchema }),
    z
      .strictObject({ docNumber: docNumberSchema.optional(), title: textSchema.optional() })
      .refine((a) => a.docNumber !== undefined || a.title !== undefined, {
        error: '修改依据须写 id（本站文件）或 docNumber/title（站外文件）（amendment needs an id, or a docNumber and/or title）',
      }),
  ]),
);

export type Amendment = z.output<typeof amendmentSchema>;
