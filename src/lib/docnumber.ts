/**
 * 发文字号 (document number) parsing and normalization. Pure; shared by the schemas, the
 * cross-file rules (unique 文号) and the search engine (exact 文号 lookup), so every way
 * people type a 文号 maps to one key:
 *
 *   银发〔2015〕305号 = 银发[2015]305号 = 银发(2015)305 = 银发【2015】第305号 = 银发 2015 305
 *     → { agency: '银发', year: 2015, serial: '305' } → key `银发|2015|305`
 *   国务院令第656号 = 国务院令656号 = 国务院令 第 656 号 → key `国务院令||656`
 *
 * Normalization: Unicode NFKC (full-width digits, letters, brackets and spaces become ASCII),
 * every bracket kind (〔〕 [] () （） 【】 ［］ 〈〉 〖〗 ｛｝ {}) is treated alike, whitespace is dropped
 * anywhere except that a space after a 4-digit run followed by digits separates year and
 * serial (`银发2015 305`; but `2 0 1 4` is 2014), `第` before the serial and `号` (or `号文`) after it are optional, leading
 * zeros of the serial are ignored, and ASCII letters in the agency are upper-cased.
 *
 * Year without brackets (`中国人民银行令2025第9号`, `银发2015305`) is recognized only for
 * 1949–2099 and only when a serial follows; otherwise the digits are the serial.
 */

export interface ParsedDocNumber {
  /** 机关代字, e.g. 银发, 国务院令, 中国人民银行公告 (whitespace removed) */
  agency: string;
  /** 年份 */
  year?: number;
  /** 发文顺序号 without leading zeros, as a string of ASCII digits */
  serial: string;
  /**
   * the source wrote 第 before the serial (令 and 公告 numbers: 中国人民银行令〔2025〕第9号).
   * Only used by formatDocNumber; the key ignores it.
   */
  ordinal?: boolean;
}

const OPEN = '〔[(【〈〖{⟨';
const CLOSE = '〕])】〉〗}⟩';
const OPEN_RE = new RegExp(`[${OPEN.replace(/[[\](){}]/g, '\\$&')}]`, 'g');
const CLOSE_RE = new RegExp(`[${CLOSE.replace(/[[\](){}]/g, '\\$&')}]`, 'g');

// After normalization: brackets are 〔〕, a space between digit runs is '|'.
const PATTERN =
  /^(?<agency>.*?[^\d|〔〕第])(?:〔(?<y1>\d{4})〕|(?<y2>19[4-9]\d|20\d\d)\|?(?=第|\d))?\|?(?<di>第)?(?<serial>\d+)(?:号文?)?$/u;

function normalize(input: string): string {
  let s = input.normalize('NFKC');
  s = s.replace(OPEN_RE, '〔').replace(CLOSE_RE, '〕');
  // a space after a 4-digit run separates year and serial (银发2015 305); elsewhere spaces
  // between digits are typing noise (2 0 1 4 → 2014)
  s = s.replace(/(\d+)\s+(?=\d)/g, (_m, run: string) => (run.length === 4 ? `${run}|` : run));
  s = s.replace(/[\s\u200b\u3000]+/g, '');
  return s;
}

/** Parse a 发文字号; null when it is not recognizable as 机关代字 + (年份) + 序号. */
export function parseDocNumber(input: string): ParsedDocNumber | null {
  if (typeof input !== 'string') return null;
  const s = normalize(input);
  if (!s) return null;
  const m = PATTERN.exec(s);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const agency = (g.agency ?? '').replace(/〔+$/, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  if (!agency || /[〔〕|]/.test(agency) || !/\p{L}/u.test(agency)) return null;
  const serial = (g.serial ?? '').replace(/^0+(?=\d)/, '');
  const out: ParsedDocNumber = { agency, serial };
  const year = g.y1 ?? g.y2;
  if (year !== undefined) out.year = Number(year);
  if (g.di) out.ordinal = true;
  return out;
}

/** Canonical comparison key `机关代字|年份|序号` (year empty when absent), or null. */
export function docNumberKey(input: string): string | null {
  const p = parseDocNumber(input);
  return p ? keyOf(p) : null;
}

export function keyOf(p: ParsedDocNumber): string {
  return `${p.agency}|${p.year ?? ''}|${p.serial}`;
}

/**
 * A document's 文号 as the model carries it: the text the editor wrote (`raw`, shown on pages)
 * with its parts and comparison key, parsed once by the schema (src/schemas/fields/docNumber.ts).
 */
export interface DocNumber {
  /** as written, trimmed: 内政公办字〔2016〕5号 */
  raw: string;
  /** `机关代字|年份|序号` (see keyOf) */
  key: string;
  agency: string;
  year?: number;
  serial: string;
}

/** The model value of a 文号 as written; null when it is not recognizable. */
export function toDocNumber(raw: string): DocNumber | null {
  const p = parseDocNumber(raw);
  if (!p) return null;
  const out: DocNumber = { raw: raw.trim(), key: keyOf(p), agency: p.agency, serial: p.serial };
  if (p.year !== undefined) out.year = p.year;
  return out;
}

/**
 * Canonical display form (GB/T 9704: year in 六角括号〔〕, serial followed by 号):
 *   银发〔2015〕305号, 中国人民银行公告〔2015〕第13号, 国务院令第656号.
 * `第` is written when the source had it, and always when there is no year
 * (令 numbers without a year are written 第N号 by convention).
 */
export function formatDocNumber(p: ParsedDocNumber): string {
  const di = p.ordinal || p.year === undefined ? '第' : '';
  const year = p.year === undefined ? '' : `〔${p.year}〕`;
  return `${p.agency}${year}${di}${p.serial}号`;
}
