/**
 * 索引号 / index number, e.g. `000014349/2018-00222` (issuer code / year-serial).
 * Formats differ between governments, so only non-empty text without whitespace is required.
 */
import { z } from 'zod';

export const indexNumberSchema = z
  .string()
  .trim()
  .min(1)
  .regex(/^\S+$/, { error: '索引号不能包含空格（no whitespace），如 000014349/2018-00222' });
