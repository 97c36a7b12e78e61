/**
 * 发文字号 / document number, e.g. 内政公办字〔2016〕5号. The editor's text (trimmed) is kept as
 * `raw` for display; the schema parses it once (src/lib/docnumber.ts) into {raw, key, agency,
 * year, serial}, so no later code parses a document's 文号 again. Unrecognizable text is an error.
 */
import { z } from 'zod';
import { toDocNumber, type DocNumber } from '../../lib/docnumber.ts';

export const DOC_NUMBER_ALLOWED = ['机关代字〔年份〕序号号，如 内政公办字〔2016〕5号', '机关代字第序号号，如 国务院令第656号'];

export const docNumberSchema = z
  .string()
  .trim()
  .min(1)
  .transform((s, ctx): DocNumber => {
    const parsed = toDocNumber(s);
    if (parsed) return parsed;
    ctx.addIssue({
      code: 'custom',
      input: s,
      message: `无法识别的发文字号 "${s}"（unrecognized document number）`,
      params: { allowed: DOC_NUMBER_ALLOWED },
    });
    return z.NEVER;
  });
