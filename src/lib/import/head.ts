/**
 * The 版头 of an imported document, down to the 主送机关: 发文字号, 标题 and 发文机关标志
 * (src/lib/import/extract.ts has the layout).
 */
import { DOC_TYPES } from '../model.ts';
import { formatDocNumber, parseDocNumber } from '../docnumber.ts';
import type { Extracted } from './extract.ts';
import { ATTACHMENTS, ORG_SUFFIX, SIGNER, type Line } from './layout.ts';
import { collapseCjkSpaces } from './normalize.ts';

const OPEN_BRACKETS = '〔\\[(（【［〖';
const CLOSE_BRACKETS = '〕\\])）】］〗';
/** a whole token that is a 文号: 内政公办字〔2016〕5号, 银发[2015]305号, 国务院令第656号 */
const DOC_NUMBER_TOKEN = new RegExp(
  `^[\\p{Script=Han}A-Za-z]{1,20}(?:[${OPEN_BRACKETS}]\\s*(?:19|20)\\d{2}\\s*[${CLOSE_BRACKETS}]\\s*第?\\s*\\d{1,5}\\s*号|令?第\\s*\\d{1,5}\\s*号)$`,
  'u',
);
/** 文种 and other words a title ends with, optionally followed by （试行） or similar */
const TITLE_END = new RegExp(
  `(?:${[...DOC_TYPES, '办法', '规定', '细则', '规则', '条例', '方案', '规划', '要点', '制度', '措施', '指引', '指南', '标准', '复函', '答复', '令'].join('|')})(?:[（(][^（）()]{1,12}[）)])?$`,
  'u',
);
const RECIPIENTS_END = /[:：]$/;

/**
 * 主送机关: the first short line ending with a colon, near the top; -1 when there is none. Web
 * transcripts put the first paragraph on the same line (`各盟市……：　　经……`): it is split off
 * (in `lines`).
 */
export function findRecipients(lines: Line[]): number {
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const joined = /^([^。：:]{2,200}?[：:])\s+(\S.*)$/u.exec(lines[i]!.raw);
    if (joined && (joined[1]!.startsWith('各') || ORG_SUFFIX.test(joined[1]!.slice(0, -1)))) {
      const l = lines[i]!;
      lines.splice(i, 1, { ...l, raw: joined[1]!, text: collapseCjkSpaces(joined[1]!) }, { ...l, raw: joined[2]!, text: collapseCjkSpaces(joined[2]!), gap: false });
    }
    const t = lines[i]!.text;
    if (RECIPIENTS_END.test(t) && t.length <= 200 && !/[。]/u.test(t) && !ATTACHMENTS.test(t) && !SIGNER.test(t)) return i;
    if (/[。]/u.test(t) && t.length > 60) break;
  }
  return -1;
}

/** 题注 under a law's or regulation's name: （1995年5月10日…通过　根据…修正）. */
const LAW_NOTE = /^[（(][^（）()]*\d{4}\s*年[^（）()]*(?:通过|修正|修订|公布|发布)[^（）()]*[）)]$/u;

/**
 * A law or regulation as published (no 版头, no 主送机关): its name on the first line and the 题注
 * on the second. Then the name is the title and the text has no 主送机关 to look for — a
 * 第…条 line ending with a colon is not one, and the body must start at the 题注, not there.
 */
export function readLawTitle(lines: readonly Line[], out: Extracted): { start: number; end: number } | undefined {
  const [name, note] = lines;
  if (!name || !note || !LAW_NOTE.test(note.text) || name.text.length > 60 || /[。；;：:]/u.test(name.text)) return undefined;
  out.title = name.text;
  return { start: 0, end: 0 };
}

/** Where the 版头 ends: at the 主送机关, else at the first sentence or long line (at most 8 lines). */
export function headEnd(lines: readonly Line[], recipients: number): number {
  if (recipients !== -1) return recipients;
  const end = lines.findIndex((l) => /[。]/u.test(l.text) || l.text.length > 80);
  return end === -1 ? Math.min(lines.length, 8) : end;
}

/** The 版头's lines with the 文号 taken out of them. */
export interface Head {
  lines: readonly Line[];
  /** each line's text without its 文号 token */
  text: string[];
  /** lines that held nothing but the 文号 */
  docNumberLines: Set<number>;
  /** not a 文号 line, not 签发人, not empty */
  usable(i: number): boolean;
}

/** 发文字号 (a line of its own, or a token after the title): the first one found goes to `out`. */
export function readDocNumber(lines: readonly Line[], out: Extracted): Head {
  const text: string[] = lines.map((l) => l.text);
  const docNumberLines = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const found = findDocNumber(lines[i]!.raw);
    if (!found) continue;
    if (!out.docNumber) {
      out.docNumber = found.canonical;
      if (found.raw !== found.canonical) out.docNumberRaw = found.raw;
    }
    text[i] = collapseCjkSpaces(found.rest);
    if (!text[i]) docNumberLines.add(i);
  }
  return { lines, text, docNumberLines, usable: (i) => !docNumberLines.has(i) && !SIGNER.test(text[i]!) && text[i] !== '' };
}

/** The 文号 token of a line (canonical and raw) and the line without it. */
function findDocNumber(line: string): { canonical: string; raw: string; rest: string } | undefined {
  const tokens = line.split(/\s{2,}|\s(?=[\p{Script=Han}A-Za-z]{1,20}[〔[(（【［〖])/u);
  for (const tok of tokens) {
    const t = tok.trim();
    if (!DOC_NUMBER_TOKEN.test(t)) continue;
    const parsed = parseDocNumber(t);
    if (!parsed) continue;
    return { canonical: formatDocNumber(parsed), raw: t.replace(/\s+/g, ''), rest: line.replace(tok, ' ').trim() };
  }
  return undefined;
}

/**
 * 标题: from the line with 关于 (or the issuer line just above it) to the line ending with the
 * 文种. Returns its first and last line (-1 when there is no title, reported in out.missing).
 */
export function readTitle(h: Head, out: Extracted): { start: number; end: number } {
  const { lines, text, usable } = h;
  let k = -1;
  for (let i = 0; i < lines.length; i++) if (usable(i) && text[i]!.includes('关于')) { k = i; break; }
  if (k === -1) for (let i = 0; i < lines.length; i++) if (usable(i) && TITLE_END.test(text[i]!) && !/文件$/u.test(text[i]!)) { k = i; break; }
  if (k === -1) {
    out.missing.push({ field: 'title', label: '标题', reason: '未找到标题：版头中没有含“关于”或以文种（通知、意见……）结尾的行' });
    return { start: -1, end: -1 };
  }
  let s = k;
  let e = k;
  const prev = k - 1;
  if (text[k]!.startsWith('关于') && prev >= 0 && usable(prev) && !lines[k]!.gap && ORG_SUFFIX.test(text[prev]!) && !/文件$/u.test(text[prev]!)) s = prev;
  for (let j = k; j < Math.min(lines.length, k + 5); j++) {
    if (j > k && (lines[j]!.gap || !usable(j))) break;
    if (TITLE_END.test(text[j]!)) {
      e = j;
      break;
    }
  }
  const parts: string[] = [];
  for (let j = s; j <= e; j++) if (usable(j)) parts.push(text[j]!);
  out.title = collapseCjkSpaces(parts.join(''));
  return { start: s, end: e };
}

/**
 * 发文机关标志: lines above the title that end with 文件 or look like an organization name.
 * Returns the issuer text it names (or the title's words before 关于), other lines are noted.
 */
export function readIssuerMark(h: Head, titleStart: number, out: Extracted): string | undefined {
  const markParts: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < (titleStart === -1 ? h.lines.length : titleStart); i++) {
    if (!h.usable(i)) continue;
    const t = h.text[i]!;
    if (/^文件$/u.test(t) || /文件$/u.test(t) || ORG_SUFFIX.test(t)) markParts.push(t);
    else ignored.push(t);
  }
  if (ignored.length) out.notes.push(`版头中未识别的行已忽略（如网页标题）：${ignored.join('；')}`);
  if (markParts.length) {
    out.issuerMark = markParts.join('');
    out.issuerSource = '发文机关标志';
    return out.issuerMark.replace(/文件$/u, '');
  }
  if (out.title && out.title.indexOf('关于') > 0) {
    out.issuerSource = '标题';
    return out.title.slice(0, out.title.indexOf('关于'));
  }
  return undefined;
}
