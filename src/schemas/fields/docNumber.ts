/**
 * 发文字号 / document number, e.g. 内政公办字〔2016〕5号. Kept as the editor wrote it (trimmed);
 * it must be recognizable by src/lib/docnumber.ts so it can be compared and searched.
 */
import { z } from 'zod';
import { parseDocNumber } from '../../lib/docnumber.ts';

export const docNumberSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((s, ctx) => {
    if (!parseDocNumber(s)) {
      ctx.addIssue({
        code: 'custom',
        message: `无法识别的发文字号 "${s}"（unrecognized document number）`,
        params: { allowed: ['机关代字〔年份〕序号号，如 内政公办字〔2016〕5号', '机关代字第序号号，如 国务院令第656号'] },
      });
    }
  });
