/**
 * Field extraction from the text of a Chinese official document (党政机关公文格式 GB/T 9704
 * layout, as it survives a copy to .txt or a .docx → raw text conversion):
 *
 *   内蒙古自治区政务公开领导小组办公室文件        ← 发文机关标志 (…文件; may span lines: “文  件”)
 *   内政公办字〔2016〕5号                         ← 发文字号 (any bracket kind; may follow the title)
 *   内蒙古自治区政务公开领导小组办公室             ← 标题, possibly over several lines,
 *   关于印发2016年全区政务公开工作要点的通知        ←   ending with the 文种 (通知, 意见, 办法…)
 *   各盟市政务公开领导小组，……：                  ← 主送机关
 *   正文……
 *   附件：1. ……                                   ← 附件说明
 *         2. ……
 *   内蒙古自治区政务公开领导小组办公室             ← 落款 (signature)
 *   2016年5月18日 / 二〇一六年五月十八日           ← 成文日期
 *   （此件公开发布）                               ← 附注 → 公开方式
 *   抄送：……  ……印发                             ← 版记 (dropped from the body)
 *
 * Issuers are matched against organizations.yaml names; names not found there are reported,
 * never turned into invented ids. Pure: the text and the organizations are passed in.
 */
import type { DocType, Openness } from '../model.ts';
import { DOC_TYPES } from '../model.ts';
import { formatDocNumber, parseDocNumber } from '../docnumber.ts';
import { isDateLine, parseChineseDate } from './dates.ts';
import { collapseCjkSpaces, normalizeText } from './normalize.ts';

export interface OrgRef {
  id: string;
  name: string;
  code?: string;
}

/** A field the extractor looked for and did not find (or found but could not use). */
export interface Missing {
  field: 'title' | 'docNumber' | 'issuers' | 'written' | 'recipients';
  label: string;
  reason: string;
}

export interface Extracted {
  title?: string;
  /** 发文字号 in canonical form (〔〕 brackets), e.g. 内政公办字〔2016〕5号 */
  docNumber?: string;
  /** 发文字号 as printed, when it differs from the canonical form */
  docNumberRaw?: string;
  /** 发文机关标志 as printed (spaces removed), e.g. 乌鲁木齐市人民政府办公厅文件 */
  issuerMark?: string;
  /** where the issuer names came from */
  issuerSource?: '发文机关标志' | '标题' | '落款';
  /** issuer ids from organizations.yaml, in the order printed */
  issuers: string[];
  /** issuer names printed but not in organizations.yaml */
  unknownIssuers: string[];
  /** 主送机关 without the trailing colon */
  recipients?: string;
  /** 落款 (signature line above the date) */
  signature?: string;
  /** 成文日期 YYYY-MM-DD */
  written?: string;
  /** 成文日期 as printed */
  writtenRaw?: string;
  /** 附件 names from the 附件说明 */
  attachments: string[];
  /** 公开方式 from the 附注 （此件公开发布） / （此件依申请公开） */
  openness?: Openness;
  /** 附注 as printed */
  opennessNote?: string;
  docType?: DocType;
  /** the body as Markdown, from the 主送机关 on, without the 版记 */
  body: string;
  missing: Missing[];
  /** things the editor should know (title completed from the 标志, web title line ignored…) */
  notes: string[];
}

export interface ExtractOptions {
  organizations: readonly OrgRef[];
  /** complete a title that starts with 关于 with the issuer name (GB/T 9704: 发文机关+事由+文种); default true */
  completeTitle?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Patterns

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
/** line that is (the start of) an organization name */
const ORG_SUFFIX =
  /(?:人民政府|政府|办公厅|办公室|委员会|领导小组|小组|管委会|管理委员会|行政公署|厅|局|委|办|部|署|院|中心|会|所|站|队|处|科|街道|苏木|嘎查|乡|镇)$/u;
const RECIPIENTS_END = /[:：]$/;
const ATTACHMENTS = /^附\s*件\s*[:：]\s*(.*)$/u;
const NUMBERED = /^(\d{1,2})\s*[.．、,，]\s*(.+)$/u;
const COPY_TO = /^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]/u;
const PRINTED = /印发$/u;
const OPENNESS_NOTE = /^[（(]\s*此件(公开发布|主动公开|依申请公开|不予公开|不公开)\s*[）)]$/u;
const SIGNER = /^签\s*发\s*人\s*[:：]/u;

interface Line {
  /** trimmed, spaces collapsed between CJK characters */
  text: string;
  /** trimmed, spaces kept (token boundaries in the 版头) */
  raw: string;
  /** index in the normalized text */
  n: number;
  /** a blank line precedes it */
  gap: boolean;
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  let gap = false;
  text.split('\n').forEach((raw, n) => {
    const t = raw.trim();
    if (!t) {
      gap = true;
      return;
    }
    out.push({ text: t, raw: t, n, gap: out.length > 0 && gap });
    gap = false;
  });
  // Double-spaced text (Word raw text puts a blank line after every paragraph; some PDF copies
  // too): blank lines then say nothing about structure, so ignore them.
  const gaps = out.filter((l) => l.gap).length;
  if (out.length > 4 && gaps >= (out.length - 1) * 0.8) for (const l of out) l.gap = false;
  return out;
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

/** Organization ids whose names occur in `text` (longest names first, no overlaps) and the rest. */
export function matchIssuers(text: string, organizations: readonly OrgRef[]): { ids: string[]; unknown: string[] } {
  const sorted = [...organizations].sort((a, b) => b.name.length - a.name.length);
  const hits: { at: number; id: string; len: number }[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const org of sorted) {
    if (!org.name) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(org.name, from);
      if (at === -1) break;
      from = at + 1;
      if (taken.slice(at, at + org.name.length).some(Boolean)) continue;
      for (let i = at; i < at + org.name.length; i++) taken[i] = true;
      if (!hits.some((h) => h.id === org.id)) hits.push({ at, id: org.id, len: org.name.length });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  let rest = '';
  for (let i = 0; i < text.length; i++) rest += taken[i] ? ' ' : text[i];
  const unknown = rest
    .split(/[\s、，,和与及]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && /\p{Script=Han}/u.test(s));
  return { ids: hits.map((h) => h.id), unknown };
}

/** 公文种类 from the title's ending (`…的通知` → 通知), ignoring a trailing （试行）. */
export function docTypeOf(title: string): DocType | undefined {
  const t = title.trim().replace(/(?:[（(][^（）()]*[）)])+$/u, '');
  let best: DocType | undefined;
  for (const k of DOC_TYPES) if (t.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

function endsSentence(s: string): boolean {
  return /[。；;！!？?：:）)」”’》〕】]$/u.test(s);
}

// ---------------------------------------------------------------------------------------------

export function extractDocument(input: string, options: ExtractOptions): Extracted {
  const text = normalizeText(input);
  const lines = toLines(text).map((l) => ({ ...l, text: collapseCjkSpaces(l.text) }));
  const out: Extracted = { issuers: [], unknownIssuers: [], attachments: [], body: '', missing: [], notes: [] };

  // 主送机关: the first short line ending with a colon, near the top. Web transcripts put the
  // first paragraph on the same line (`各盟市……：　　经……`): split it off.
  let r = -1;
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const joined = /^([^。：:]{2,200}?[：:])\s+(\S.*)$/u.exec(lines[i]!.raw);
    if (joined && (joined[1]!.startsWith('各') || ORG_SUFFIX.test(joined[1]!.slice(0, -1)))) {
      const l = lines[i]!;
      lines.splice(i, 1, { ...l, raw: joined[1]!, text: collapseCjkSpaces(joined[1]!) }, { ...l, raw: joined[2]!, text: collapseCjkSpaces(joined[2]!), gap: false });
    }
    const t = lines[i]!.text;
    if (RECIPIENTS_END.test(t) && t.length <= 200 && !/[。]/u.test(t) && !ATTACHMENTS.test(t) && !SIGNER.test(t)) {
      r = i;
      break;
    }
    if (/[。]/u.test(t) && t.length > 60) break;
  }
  let headEnd = r;
  if (headEnd === -1) {
    headEnd = lines.findIndex((l) => /[。]/u.test(l.text) || l.text.length > 80);
    if (headEnd === -1) headEnd = Math.min(lines.length, 8);
  }
  const head = lines.slice(0, headEnd);

  // 发文字号 (a line of its own, or a token after the title).
  const headText: string[] = head.map((l) => l.text);
  const docNumberLines = new Set<number>();
  for (let i = 0; i < head.length; i++) {
    const found = findDocNumber(head[i]!.raw);
    if (!found) continue;
    if (!out.docNumber) {
      out.docNumber = found.canonical;
      if (found.raw !== found.canonical) out.docNumberRaw = found.raw;
    }
    headText[i] = collapseCjkSpaces(found.rest);
    if (!headText[i]) docNumberLines.add(i);
  }
  const usable = (i: number) => !docNumberLines.has(i) && !SIGNER.test(headText[i]!) && headText[i] !== '';

  // 标题: from the line with 关于 (or the issuer line just above it) to the line ending with the 文种.
  let k = -1;
  for (let i = 0; i < head.length; i++) if (usable(i) && headText[i]!.includes('关于')) { k = i; break; }
  if (k === -1) for (let i = 0; i < head.length; i++) if (usable(i) && TITLE_END.test(headText[i]!) && !/文件$/u.test(headText[i]!)) { k = i; break; }
  let s = k;
  let e = k;
  if (k !== -1) {
    const prev = k - 1;
    if (headText[k]!.startsWith('关于') && prev >= 0 && usable(prev) && !head[k]!.gap && ORG_SUFFIX.test(headText[prev]!) && !/文件$/u.test(headText[prev]!)) s = prev;
    for (let j = k; j < Math.min(head.length, k + 5); j++) {
      if (j > k && (head[j]!.gap || !usable(j))) break;
      if (TITLE_END.test(headText[j]!)) {
        e = j;
        break;
      }
    }
    const parts: string[] = [];
    for (let j = s; j <= e; j++) if (usable(j)) parts.push(headText[j]!);
    out.title = collapseCjkSpaces(parts.join(''));
  } else {
    out.missing.push({ field: 'title', label: '标题', reason: '未找到标题：版头中没有含“关于”或以文种（通知、意见……）结尾的行' });
  }

  // 发文机关标志: lines above the title that end with 文件 or look like an organization name.
  const markParts: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < (s === -1 ? head.length : s); i++) {
    if (!usable(i)) continue;
    const t = headText[i]!;
    if (/^文件$/u.test(t) || /文件$/u.test(t) || ORG_SUFFIX.test(t)) markParts.push(t);
    else ignored.push(t);
  }
  if (ignored.length) out.notes.push(`版头中未识别的行已忽略（如网页标题）：${ignored.join('；')}`);
  let issuerText: string | undefined;
  if (markParts.length) {
    out.issuerMark = markParts.join('');
    issuerText = out.issuerMark.replace(/文件$/u, '');
    out.issuerSource = '发文机关标志';
  } else if (out.title && out.title.indexOf('关于') > 0) {
    issuerText = out.title.slice(0, out.title.indexOf('关于'));
    out.issuerSource = '标题';
  }

  // Body region: from the 主送机关 (or the first line after the title) to the 版记.
  const bodyStart = r !== -1 ? r : Math.max(e, ...[...docNumberLines]) + 1;
  if (r !== -1) out.recipients = lines[r]!.text.replace(/[:：]$/u, '');
  else out.missing.push({ field: 'recipients', label: '主送机关', reason: '未找到主送机关（以冒号结尾的一行）' });
  let bodyEnd = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (COPY_TO.test(t) || (i > bodyStart && PRINTED.test(t) && /\d{4}\s*年/u.test(t) && t.length < 60)) {
      bodyEnd = i;
      break;
    }
  }

  // 成文日期 and 落款: the first line that is only a date; the short line above it is the signature.
  let dateAt = -1;
  for (let i = Math.max(bodyStart, 0); i < bodyEnd; i++) {
    if (isDateLine(lines[i]!.text)) {
      dateAt = i;
      break;
    }
  }
  if (dateAt !== -1) {
    const raw = lines[dateAt]!.text.replace(/^[（(]|[）)]$/gu, '');
    const iso = parseChineseDate(raw);
    if (iso) {
      out.written = iso;
      out.writtenRaw = raw;
    } else out.missing.push({ field: 'written', label: '成文日期', reason: `日期无效 "${raw}"（invalid date）` });
    const above = dateAt - 1 > bodyStart ? lines[dateAt - 1]!.text : undefined;
    if (above && above.length <= 60 && !/[。，；：:]/u.test(above) && ORG_SUFFIX.test(above.split(/\s+/).pop() ?? '')) out.signature = above;
  } else {
    out.missing.push({ field: 'written', label: '成文日期', reason: '未找到成文日期（落款处单独一行的日期，如 2016年5月18日 或 二〇一六年五月十八日）' });
  }
  if (!issuerText && out.signature) {
    issuerText = out.signature;
    out.issuerSource = '落款';
  }

  // 发文机关 ids.
  if (issuerText) {
    const m = matchIssuers(issuerText, options.organizations);
    out.issuers = m.ids;
    out.unknownIssuers = m.unknown;
    if (!m.ids.length && !m.unknown.length) out.unknownIssuers = [issuerText];
    if (out.unknownIssuers.length) {
      out.missing.push({
        field: 'issuers',
        label: '发文机关',
        reason: `发文机关 ${out.unknownIssuers.map((u) => `"${u}"`).join('、')} 不在 organizations.yaml 中（unknown organization）：请先在 organizations.yaml 中添加，或用 --issuer 指定`,
      });
    }
  } else {
    out.missing.push({ field: 'issuers', label: '发文机关', reason: '未找到发文机关（发文机关标志、标题中“关于”之前的机关名称或落款均没有）' });
  }

  // Title completion: 发文机关 + 事由 + 文种.
  if (out.title && out.title.startsWith('关于') && issuerText && options.completeTitle !== false) {
    out.title = `${issuerText}${out.title}`;
    out.notes.push(`原文标题无发文机关名称，已按发文机关标志补为“${issuerText}关于……”，请核对`);
  }
  if (out.title) out.docType = docTypeOf(out.title);
  if (!out.docNumber) out.missing.push({ field: 'docNumber', label: '发文字号', reason: '未找到发文字号（如 内政公办字〔2016〕5号）；原文没有印发文号时可不填' });

  // 附件说明 (only before the date / signature, or anywhere in the body when there is no date).
  const attachmentLimit = bodyEnd;
  for (let i = bodyStart; i < attachmentLimit; i++) {
    const m = ATTACHMENTS.exec(lines[i]!.text);
    if (!m) continue;
    const first = m[1]!.trim();
    const items: string[] = [];
    const numbered = NUMBERED.exec(first);
    if (numbered || !first) {
      if (numbered) items.push(numbered[2]!);
      let expect = numbered ? Number(numbered[1]) + 1 : 1;
      for (let j = i + 1; j < attachmentLimit; j++) {
        const n = NUMBERED.exec(lines[j]!.text);
        if (!n || Number(n[1]) !== expect) break;
        items.push(n[2]!);
        expect++;
      }
    } else items.push(first);
    for (const it of items) {
      const clean = it.replace(/[。；;，,]$/u, '').trim();
      if (clean && !out.attachments.includes(clean)) out.attachments.push(clean);
    }
  }

  // 附注 → 公开方式.
  for (let i = bodyStart; i < bodyEnd; i++) {
    const m = OPENNESS_NOTE.exec(lines[i]!.text);
    if (!m) continue;
    out.opennessNote = lines[i]!.text;
    if (m[1] === '依申请公开') out.openness = '依申请公开';
    else if (m[1] === '公开发布' || m[1] === '主动公开') out.openness = '主动公开';
    else out.notes.push(`附注为“${lines[i]!.text}”：不予公开的文件不应发布在政府信息公开栏目，请核实`);
    break;
  }

  out.body = renderBody(lines.slice(Math.max(bodyStart, 0), bodyEnd), dateAt === -1 ? -1 : dateAt - Math.max(bodyStart, 0));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Body → Markdown

const H3 = /^(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]/u;
const H4 = /^[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]/u;

/**
 * Imported text is data, never markup: `<` cannot open HTML, `](` cannot make a link or image,
 * `[x]:` cannot define a link target (npm run check refuses what the sanitizer would remove).
 */
function escapeInline(t: string): string {
  return t.replace(/</g, '&lt;').replace(/\]\(/g, ']\\(').replace(/^(\[[^\]]*\]:)/u, '\\$1');
}

function escapeMarkdown(t: string): string {
  return escapeInline(t).replace(/^([#>*+-]|\d+[.)](?=\s))/u, '\\$1');
}

/** A short line used as a heading: no sentence punctuation inside, at most one at the end. */
function headingLike(t: string, max: number): boolean {
  const inner = t.replace(/[。.]$/u, '');
  return t.length <= max && !/[。；;，,：:]/u.test(inner.replace(/^[（(][^）)]*[）)]/u, ''));
}

/**
 * Lines → Markdown paragraphs: long lines broken mid-sentence (PDF page breaks, hard-wrapped
 * text) are joined; 一、 headings become ###, short （一） headings ####, and the title of the
 * attached text after the 落款 date (possibly over two or three lines) ##.
 */
export function renderBody(lines: readonly Line[], dateIndex: number): string {
  const paras: string[] = [];
  let i = 0;
  const push = (s: string) => paras.push(s);
  while (i < lines.length) {
    const l = lines[i]!;
    const t = l.text;
    // title of the attached text: short unpunctuated lines right after the date / 附注
    if (dateIndex !== -1 && i > dateIndex && !paras.some((p) => p.startsWith('## '))) {
      const prevIsDateOrNote = lines.slice(dateIndex, i).every((x) => isDateLine(x.text) || OPENNESS_NOTE.test(x.text));
      if (prevIsDateOrNote && !endsSentence(t) && t.length <= 30 && !H3.test(t) && !H4.test(t)) {
        const parts = [t];
        let j = i + 1;
        while (j < lines.length && j < i + 3 && !lines[j]!.gap && !endsSentence(lines[j]!.text) && lines[j]!.text.length <= 30 && !H3.test(lines[j]!.text)) {
          parts.push(lines[j]!.text);
          j++;
        }
        push(`## ${escapeInline(collapseCjkSpaces(parts.join('')))}`);
        i = j;
        continue;
      }
    }
    if (H3.test(t) && headingLike(t, 40)) {
      push(`### ${escapeInline(t)}`);
      i++;
      continue;
    }
    if (H4.test(t) && headingLike(t, 40)) {
      push(`#### ${escapeInline(t)}`);
      i++;
      continue;
    }
    // join lines broken mid-sentence
    let para = t;
    let j = i + 1;
    while (j < lines.length && para.length >= 40 && !endsSentence(para) && !H3.test(lines[j]!.text) && !H4.test(lines[j]!.text) && !isDateLine(lines[j]!.text)) {
      para += lines[j]!.text;
      j++;
    }
    push(escapeMarkdown(para));
    i = j;
  }
  return paras.join('\n\n') + (paras.length ? '\n' : '');
}
