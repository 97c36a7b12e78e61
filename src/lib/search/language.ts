/**
 * Search languages: the index keys ('zh', 'mn') and the BCP 47 tags a page or a caller may
 * give for them (a Mongolian page says lang="mn-Mong"). A tag for any other language is an
 * error naming the languages there are, never a search of nothing.
 */
export const SEARCH_LANGUAGES = ['zh', 'mn'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

/** language, optional script, optional region, as the portal's pages and callers write them */
const TAGS: Record<SearchLanguage, RegExp> = {
  zh: /^zh(?:-hans)?(?:-cn)?$/,
  mn: /^mn(?:-mong)?(?:-cn)?$/,
};
const FORMS: Record<SearchLanguage, string> = { zh: 'zh, zh-CN, zh-Hans, zh-Hans-CN', mn: 'mn, mn-Mong, mn-CN, mn-Mong-CN' };

/** The index key for a language tag (case and `_` or `-` as separator do not matter). */
export function searchLanguage(tag: unknown): SearchLanguage {
  const t = typeof tag === 'string' ? tag.trim().toLowerCase().replace(/_/g, '-') : '';
  const hit = SEARCH_LANGUAGES.find((l) => TAGS[l].test(t));
  if (hit) return hit;
  const shown = typeof tag === 'string' ? JSON.stringify(tag.slice(0, 40)) : String(tag);
  throw new RangeError(`search language ${shown} is not available: the languages are ${SEARCH_LANGUAGES.map((l) => `${l} (${FORMS[l]})`).join(' and ')}`);
}
