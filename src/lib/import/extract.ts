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
 * A law or regulation as published — its name, then the 题注 （…通过　根据…修正） — has no 版头 and
 * no 主送机关: the name is the title and the body starts at the 题注 (head.ts readLawTitle).
 *
 * Issuers are matched against organizations.yaml names; names not found there are reported,
 * never turned into invented ids. Pure: the text and the organizations are passed in.
 *
 * Stages: layout.ts (lines, shared patterns), head.ts (版头: 主送机关, 文号, 标题, 发文机关标志),
 * closing.ts (版记, 成文日期/落款, 附件说明, 附注), issuers.ts (organizations.yaml), render-body.ts.
 */
import type { DocType, Openness } from '../model.ts';
import { DOC_TYPES } from '../model.ts';
import { attachmentsOf, bodyEndOf, readDate, readOpenness } from './closing.ts';
import { findRecipients, headEnd, readDocNumber, readIssuerMark, readLawTitle, readTitle } from './head.ts';
import { resolveIssuers } from './issuers.ts';
import { toLines } from './layout.ts';
import { collapseCjkSpaces, normalizeText } from './normalize.ts';
import { renderBody } from './render-body.ts';

export { matchIssuers } from './issuers.ts';
export { renderBody } from './render-body.ts';

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

/** 公文种类 from the title's ending (`…的通知` → 通知), ignoring a trailing （试行）. */
export function docTypeOf(title: string): DocType | undefined {
  const t = title.trim().replace(/(?:[（(][^（）()]*[）)])+$/u, '');
  let best: DocType | undefined;
  for (const k of DOC_TYPES) if (t.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

export function extractDocument(input: string, options: ExtractOptions): Extracted {
  const text = normalizeText(input);
  const lines = toLines(text).map((l) => ({ ...l, text: collapseCjkSpaces(l.text) }));
  const out: Extracted = { issuers: [], unknownIssuers: [], attachments: [], body: '', missing: [], notes: [] };

  const law = readLawTitle(lines, out);
  const r = law ? -1 : findRecipients(lines);
  const head = readDocNumber(lines.slice(0, law ? 1 : headEnd(lines, r)), out);
  const title = law ?? readTitle(head, out);
  let issuerText = readIssuerMark(head, title.start, out);

  // Body region: from the 主送机关 (or the first line after the title) to the 版记.
  const bodyStart = r !== -1 ? r : Math.max(title.end, ...[...head.docNumberLines]) + 1;
  if (r !== -1) out.recipients = lines[r]!.text.replace(/[:：]$/u, '');
  else out.missing.push({ field: 'recipients', label: '主送机关', reason: '未找到主送机关（以冒号结尾的一行）' });
  const bodyEnd = bodyEndOf(lines, bodyStart);
  const dateAt = readDate(lines, bodyStart, bodyEnd, out);
  if (!issuerText && out.signature) {
    issuerText = out.signature;
    out.issuerSource = '落款';
  }
  resolveIssuers(issuerText, options.organizations, out);

  // Title completion: 发文机关 + 事由 + 文种.
  if (out.title && out.title.startsWith('关于') && issuerText && options.completeTitle !== false) {
    out.title = `${issuerText}${out.title}`;
    out.notes.push(`原文标题无发文机关名称，已按发文机关标志补为“${issuerText}关于……”，请核对`);
  }
  if (out.title) out.docType = docTypeOf(out.title);
  if (!out.docNumber) out.missing.push({ field: 'docNumber', label: '发文字号', reason: '未找到发文字号（如 内政公办字〔2016〕5号）；原文没有印发文号时可不填' });

  // 附件说明 (anywhere in the body before the 版记).
  for (const a of attachmentsOf(lines, bodyStart, bodyEnd)) out.attachments.push(a);
  readOpenness(lines, bodyStart, bodyEnd, out);
  out.body = renderBody(lines.slice(Math.max(bodyStart, 0), bodyEnd), dateAt === -1 ? -1 : dateAt - Math.max(bodyStart, 0));
  return out;
}
