/**
 * Does decoded text look like a Chinese official document? Used after every decode whose
 * encoding was guessed (legacy code pages, UTF-16 without BOM), because a wrong guess still
 * "decodes": Shift-JIS read as GB18030 gives a page of rare characters (搶嫗搒偼丄…), random
 * bytes give private-use and control characters. Real documents are almost only common Han
 * characters, CJK and ASCII punctuation, digits and Latin letters. Pure.
 */
import iconv from 'iconv-lite';

/** Share of non-space characters that must be Han, CJK/ASCII punctuation, digits or letters. */
export const MIN_EXPECTED_SHARE = 0.95;
/** Share of Han characters that must be common ones (GB2312 or Big5 level 1). */
export const MIN_COMMON_HAN_SHARE = 0.9;

/** Characters a decoded file must never contain: U+FFFD, C0 controls but tab/LF/CR/FF, DEL and C1 controls. */
const BROKEN = /[\uFFFD\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/gu;
/** What Chinese official documents are written with (besides whitespace). */
const EXPECTED =
  /[\p{Script=Han}\u3000-\u303F\uFF01-\uFF5E\uFF61-\uFF65\u2010-\u2027\u2030-\u205E\x21-\x7E\u00A7\u00B0\u00B1\u00B7\u00D7\u00F7\u2103\u2116\u2160-\u217F\u2190-\u2199\u2460-\u24FF\u2500-\u257F\u25A0-\u25CF\u2605\u2606\u3220-\u3243\u3280-\u32B0]/u;

/** U+FFFD and control characters, as `U+0001` style names (at most 3) and a count; undefined if none. */
export function brokenCharacters(text: string): { count: number; examples: string[] } | undefined {
  const found = text.match(BROKEN);
  if (!found) return undefined;
  const examples = [...new Set(found)].slice(0, 3).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return { count: found.length, examples };
}

/**
 * A common character: GB2312 hanzi (levels 1 and 2, rows B0–F7) or Big5 常用字 (A440–C67E).
 * Either set, whatever the source encoding: traditional texts are also saved as GBK (the
 * corpus has a 1954 report written so), simplified ones as UTF-16.
 */
function isCommonHan(ch: string): boolean {
  const gb = iconv.encode(ch, 'gbk');
  if (gb.length === 2 && gb[0]! >= 0xb0 && gb[0]! <= 0xf7 && gb[1]! >= 0xa1) return true;
  const b5 = iconv.encode(ch, 'big5');
  return b5.length === 2 && b5[0]! >= 0xa4 && (b5[0]! < 0xc6 || (b5[0] === 0xc6 && b5[1]! <= 0x7e));
}

export interface Plausibility {
  ok: boolean;
  /** share of non-space characters that are expected in a Chinese document */
  expectedShare: number;
  /** share of Han characters that are common ones (1 when there are none) */
  commonHanShare: number;
}

/** Measures `text` (private-use characters count as unexpected: legacy decoders map unknown codes there). */
export function chinesePlausibility(text: string): Plausibility {
  let total = 0;
  let expected = 0;
  const han = new Map<string, number>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    total++;
    if (!EXPECTED.test(ch)) continue;
    expected++;
    if (/\p{Script=Han}/u.test(ch)) han.set(ch, (han.get(ch) ?? 0) + 1);
  }
  let hanTotal = 0;
  let common = 0;
  // distinct characters only: iconv per character is slow, documents repeat the same few thousand
  for (const [ch, n] of han) {
    hanTotal += n;
    if (isCommonHan(ch)) common += n;
  }
  const expectedShare = total ? expected / total : 1;
  const commonHanShare = hanTotal ? common / hanTotal : 1;
  const ok = !brokenCharacters(text) && expectedShare >= MIN_EXPECTED_SHARE && commonHanShare >= MIN_COMMON_HAN_SHARE;
  return { ok, expectedShare, commonHanShare };
}
