import { zhCN, type UiKey, type UiStrings } from './zh-CN.ts';
import { mnMong } from './mn-Mong.ts';
import type { Locale } from './locales.ts';
import { ordinalSuffix } from '../lib/mongolian/numbers.ts';

export type { UiKey, UiStrings };
const dictionaries: Record<Locale, UiStrings> = { 'zh-CN': zhCN, 'mn-Mong': mnMong };

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

/**
 * Typed lookup: a missing key fails tsc; a missing placeholder value is left visible.
 * `{name:ord}` is the Mongolian ordinal suffix of the number `name` (ᠳ᠋ᠤᠭᠠᠷ / ᠳ᠋ᠦᠭᠡᠷ, chosen by
 * its last numeral word: src/lib/mongolian/numbers.ts), so "{n} {n:ord}" reads "5 ᠳ᠋ᠤᠭᠠᠷ", "9 ᠳ᠋ᠦᠭᠡᠷ".
 */
export function useTranslations(locale: Locale = 'zh-CN'): Translate {
  const dict = dictionaries[locale];
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)(:ord)?\}/g, (m, name: string, ord?: string) => {
      if (!(name in vars)) return m;
      return ord ? ordinalSuffix(Number(vars[name])) : String(vars[name]);
    });
  };
}
