/**
 * 重定向 / content/redirects.yaml: old addresses that must keep working, e.g. after a document's
 * id was renamed. A list of {from, to}: site paths without the leading slash, ending in `/`
 * (`policies/old-id/` → `policies/new-id/`). Cross-file rules: src/lib/redirects.ts.
 */
import { z } from 'zod';

export const SITE_PATH_RULE = '本站路径，不带开头的 /，以 / 结尾，如 policies/old-id/（site path without leading slash, ending in /）';
const SITE_PATH = /^(?:[^/\s?#%\\]+\/)+$/u;

export const sitePathSchema = z
  .string()
  .trim()
  .refine((s) => SITE_PATH.test(s) && !s.split('/').some((seg) => seg === '.' || seg === '..'), { error: (iss) => `路径格式错误 "${String(iss.input)}"（invalid path）：${SITE_PATH_RULE}` });

export const redirectSchema = z.strictObject({
  /** 原地址 / the old path */
  from: sitePathSchema,
  /** 新地址 / the page it now leads to */
  to: sitePathSchema,
  /** 说明 / why (for editors; not shown) */
  note: z.string().trim().optional(),
});

export const redirectsSchema = z.array(redirectSchema);

export type Redirect = z.output<typeof redirectSchema>;

export const labels = {
  from: '原地址',
  to: '新地址',
  note: '说明',
} as const satisfies Record<string, string>;
