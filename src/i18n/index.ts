import { zhCN, type UiKey, type UiStrings } from './zh-CN.ts';
import { mnMong } from './mn-Mong.ts';
import type { Locale } from './locales.ts';

export type { UiKey, UiStrings };
const dictionaries: Record<Locale, UiStrings> = { 'zh-CN': zhCN, 'mn-Mong': mnMong };

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/** Typed lookup: a missing key fails tsc; a missing placeholder value is left visible. */
export function useTranslations(locale: Locale = 'zh-CN'): Translate {
  const dict = dictionaries[locale];
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}
