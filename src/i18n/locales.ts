/**
 * The portal's languages. zh-CN is the default at the site root; Mongolian (traditional
 * script) lives under /mn/. Writing mode cannot be inferred from the language tag
 * (Intl.Locale('mn-Mong').getTextInfo() says only ltr), so it is declared here.
 */
export const LOCALES = ['zh-CN', 'mn-Mong'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  code: Locale;
  /** html lang */
  lang: string;
  /** URL prefix under base: '' or 'mn/' */
  prefix: string;
  /** route param value for src/pages/[...lang]/ (undefined = root) */
  param: string | undefined;
  writingMode: 'horizontal-tb' | 'vertical-lr';
  /** the language's own name */
  selfName: string;
  /**
   * The language switch label shown on the other language's pages. Mongolian is labelled in
   * Chinese there: Chinese pages do not load the Mongolian web font, and readers' systems
   * rarely have one, so "ᠮᠣᠩᠭᠣᠯ" would show as empty boxes.
   */
  switchLabel: { text: string; lang: string };
  /** search index language */
  searchLanguage: 'zh' | 'mn';
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  'zh-CN': { code: 'zh-CN', lang: 'zh-CN', prefix: '', param: undefined, writingMode: 'horizontal-tb', selfName: '中文', switchLabel: { text: '中文', lang: 'zh-CN' }, searchLanguage: 'zh' },
  'mn-Mong': { code: 'mn-Mong', lang: 'mn-Mong', prefix: 'mn/', param: 'mn', writingMode: 'vertical-lr', selfName: 'ᠮᠣᠩᠭᠣᠯ', switchLabel: { text: '蒙古文', lang: 'zh-CN' }, searchLanguage: 'mn' },
};

export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function localeFromParam(param: string | undefined): Locale {
  const found = LOCALES.find((l) => LOCALE_INFO[l].param === param);
  if (!found) throw new Error(`unknown locale path segment: ${param}`);
  return found;
}

/** Locale of a site-relative path (without base): mn/… is Mongolian, the rest Chinese. */
export function localeFromPath(path: string): Locale {
  return /^\/?mn(\/|$)/.test(path) ? 'mn-Mong' : 'zh-CN';
}

/** getStaticPaths helper: one entry per locale. */
export function localeParams(): { lang: string | undefined; locale: Locale }[] {
  return LOCALES.map((locale) => ({ lang: LOCALE_INFO[locale].param, locale }));
}
