/**
 * Small shared field schemas: ids (used in URLs), non-empty text, id lists and string lists.
 */
import { z } from 'zod';
import { hiddenCharacter } from '../../lib/hidden-characters.ts';

export { hiddenCharacter };

/** 标识 / id: lowercase ASCII letters, digits and single hyphens; used in URLs. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_RULE = '只能包含小写英文字母、数字和连字符（lowercase a-z, 0-9, hyphen）';

export function isValidId(s: string): boolean {
  return ID_PATTERN.test(s);
}

/** 标识 / id (`fuyu-2024-01`). */
export const idSchema = z.string().trim().min(1).regex(ID_PATTERN, { error: ID_RULE });

/** Non-empty text, trimmed. */
export const textSchema = z
  .string()
  .trim()
  .min(1)
  .refine((s) => hiddenCharacter(s) === undefined, { error: (iss) => `含不可见的控制字符 ${hiddenCharacter(String(iss.input))}（control or bidi-override character not allowed）` });

/**
 * A list of ids; a single string is accepted as a one-item list (editor shorthand,
 * normalized here so consumers only see arrays).
 */
export function idListSchema(min = 0) {
  return z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(idSchema).min(min));
}

/**
 * A list of short strings; a single string is split on 、，,；; and whitespace
 * (`keywords: 金融、征信` → ['金融', '征信']).
 */
export const stringListSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[、，,；;\s]+/).filter(Boolean) : v),
  z.array(textSchema),
);
