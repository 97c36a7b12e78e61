/**
 * Numbers and dates as Inner Mongolian government pages write them (../shared/MONGOLIAN-TERMS.md
 * §B "文号" and §E): "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17", "19 ᠳ᠋ᠦᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ". Digits stay ASCII;
 * the ordinal suffix after a number follows the vowel harmony of the last numeral word read
 * aloud. Pure and dependency-free: static pages (through src/lib/format.ts) and the search
 * page's script import it alike.
 */

/** Back-vowel ordinal suffix, FVS1 after ᠳ as on the pages (V: wlht, kyzq, jyt, nmg). */
export const ORDINAL_BACK = 'ᠳ\u180Bᠤᠭᠠᠷ';
/** Front-vowel ordinal suffix (V: "19 ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ", wlht; "9 ᠳ᠋ᠦ᠋ᠭᠡᠷ ᠰᠠᠷᠠ", hg3355oo). */
export const ORDINAL_FRONT = 'ᠳ\u180Bᠦᠭᠡᠷ';

/**
 * Whether the last numeral word of `n` read aloud has front vowels. Units: 1 ᠨᠢᠭᠡ, 4 ᠳᠥᠷᠪᠡ,
 * 9 ᠶᠢᠰᠦ are front, the rest back (MONGOLIAN-TERMS.md §E, V). A number ending in 0 is read with
 * its last non-zero word: tens 40 ᠳᠥᠴᠢ and 90 ᠶᠡᠷᠡ are front, 10 ᠠᠷᠪᠠ, 20 ᠬᠣᠷᠢ … 80 ᠨᠠᠶᠠ back;
 * whole hundreds ᠵᠠᠭᠤ and thousands ᠮᠢᠩᠭ᠎ᠠ back; whole ten thousands ᠲᠦᠮᠡᠨ (万, counted as
 * Chinese does) front. The tens and above are dictionary forms, not seen on a page: a
 * translator should confirm them (docs/mn-terminology.md).
 */
export function ordinalIsFront(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`ordinal of ${n}: a whole number ≥ 0 is required`);
  if (n === 0) return false;
  const unit = n % 10;
  if (unit !== 0) return unit === 1 || unit === 4 || unit === 9;
  const tens = Math.floor(n / 10) % 10;
  if (tens !== 0) return tens === 4 || tens === 9;
  return n % 10_000 === 0; // ᠲᠦᠮᠡᠨ front; ᠵᠠᠭᠤ, ᠮᠢᠩᠭ᠎ᠠ back
}

/** The ordinal suffix for `n`: ᠳ᠋ᠤᠭᠠᠷ or ᠳ᠋ᠦᠭᠡᠷ. */
export function ordinalSuffix(n: number): string {
  return ordinalIsFront(n) ? ORDINAL_FRONT : ORDINAL_BACK;
}

/** "5 ᠳ᠋ᠤᠭᠠᠷ": the number, a space, its ordinal suffix. */
export function ordinal(n: number): string {
  return `${n} ${ordinalSuffix(n)}`;
}

/**
 * The Mongolian date pattern for src/lib/format.ts `formatDateWith`: `{m:ord}` is the month's
 * ordinal suffix. As on the pages ("2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷᠠ ᠶᠢᠨ 17"), with U+202F before the
 * suffixes ᠤ and ᠶᠢᠨ and the MVS of ᠰᠠᠷ᠎ᠠ that the stored page copies lose (MONGOLIAN-TERMS.md caveat 1).
 */
export const MN_DATE_PATTERN = '{y} ᠣᠨ\u202Fᠤ {m} {m:ord} ᠰᠠᠷ\u180Eᠠ\u202Fᠶᠢᠨ {d}';

/** Fills `{y}`, `{m}`, `{d}` and `{m:ord}` (and `{d:ord}`) of a date pattern; '' for no date, other text as is. */
export function fillDatePattern(iso: string | undefined, pattern: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const parts: Record<string, number> = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return pattern.replace(/\{([ymd])(:ord)?\}/g, (_, k: string, ord?: string) => (ord ? ordinalSuffix(parts[k]!) : k === 'y' ? m[1]! : String(parts[k])));
}

/** 2023-05-17 → "2023 ᠣᠨ ᠤ 5 ᠳ᠋ᠤᠭᠠᠷ ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 17". */
export function formatMongolianDate(iso: string | undefined): string {
  return fillDatePattern(iso, MN_DATE_PATTERN);
}

/** A piece of text for vertical Mongolian: `tcy` pieces are 1–2 ASCII digits, set upright in one em. */
export interface VerticalRun {
  text: string;
  tcy: boolean;
}

/**
 * Splits text into runs the way static pages present it (src/lib/direction.ts): a digit run of
 * 1–2 characters that is not part of a longer Latin/digit run is upright (span.tcy), everything
 * else (years, 3.5, A4) sideways. For scripts that build DOM nodes instead of HTML.
 */
export function verticalRuns(text: string): VerticalRun[] {
  const out: VerticalRun[] = [];
  let last = 0;
  for (const m of text.matchAll(/[A-Za-z0-9]+(?:[.,:/@%_+#&=?~-]+[A-Za-z0-9]+)*%?/g)) {
    if (!/^[0-9]{1,2}$/.test(m[0])) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index), tcy: false });
    out.push({ text: m[0], tcy: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), tcy: false });
  return out;
}
