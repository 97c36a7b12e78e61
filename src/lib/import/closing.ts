/**
 * The body region of an imported document, after the 版头: where the 版记 starts, 成文日期 and
 * 落款, 附件说明 and the 附注 that says the 公开方式 (src/lib/import/extract.ts has the layout).
 */
import type { Extracted } from './extract.ts';
import { isDateLine, parseChineseDate } from './dates.ts';
import { ATTACHMENTS, OPENNESS_NOTE, ORG_SUFFIX, type Line } from './layout.ts';

const NUMBERED = /^(\d{1,2})\s*[.．、,，]\s*(.+)$/u;
const COPY_TO = /^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]/u;
const PRINTED = /印发$/u;

/** The 版记 (抄送 …, … 印发) ends the body: its first line, or lines.length. */
export function bodyEndOf(lines: readonly Line[], bodyStart: number): number {
  for (let i = bodyStart; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (COPY_TO.test(t) || (i > bodyStart && PRINTED.test(t) && /\d{4}\s*年/u.test(t) && t.length < 60)) return i;
  }
  return lines.length;
}

/**
 * 成文日期 and 落款: the first line that is only a date; the short line above it is the
 * signature. Returns the date's line (-1 when there is none, reported in out.missing).
 */
export function readDate(lines: readonly Line[], bodyStart: number, bodyEnd: number, out: Extracted): number {
  let dateAt = -1;
  for (let i = Math.max(bodyStart, 0); i < bodyEnd; i++) {
    if (isDateLine(lines[i]!.text)) {
      dateAt = i;
      break;
    }
  }
  if (dateAt === -1) {
    out.missing.push({ field: 'written', label: '成文日期', reason: '未找到成文日期（落款处单独一行的日期，如 2016年5月18日 或 二〇一六年五月十八日）' });
    return -1;
  }
  const raw = lines[dateAt]!.text.replace(/^[（(]|[）)]$/gu, '');
  const iso = parseChineseDate(raw);
  if (iso) {
    out.written = iso;
    out.writtenRaw = raw;
  } else out.missing.push({ field: 'written', label: '成文日期', reason: `日期无效 "${raw}"（invalid date）` });
  const above = dateAt - 1 > bodyStart ? lines[dateAt - 1]!.text : undefined;
  if (above && above.length <= 60 && !/[。，；：:]/u.test(above) && ORG_SUFFIX.test(above.split(/\s+/).pop() ?? '')) out.signature = above;
  return dateAt;
}

/** 附件说明 names in the body (附件：1. …  2. … or a single name), each once. */
export function attachmentsOf(lines: readonly Line[], bodyStart: number, bodyEnd: number): string[] {
  const out: string[] = [];
  for (let i = bodyStart; i < bodyEnd; i++) {
    const m = ATTACHMENTS.exec(lines[i]!.text);
    if (!m) continue;
    for (const it of attachmentItems(lines, i, m[1]!.trim(), bodyEnd)) {
      const clean = it.replace(/[。；;，,]$/u, '').trim();
      if (clean && !out.includes(clean)) out.push(clean);
    }
  }
  return out;
}

/** The items of the 附件说明 at line i: numbered ones continue on the next lines while the numbers run on. */
function attachmentItems(lines: readonly Line[], i: number, first: string, limit: number): string[] {
  const numbered = NUMBERED.exec(first);
  if (!numbered && first) return [first];
  const items: string[] = [];
  if (numbered) items.push(numbered[2]!);
  let expect = numbered ? Number(numbered[1]) + 1 : 1;
  for (let j = i + 1; j < limit; j++) {
    const n = NUMBERED.exec(lines[j]!.text);
    if (!n || Number(n[1]) !== expect) break;
    items.push(n[2]!);
    expect++;
  }
  return items;
}

/** 附注 → 公开方式: the first （此件…） line of the body. */
export function readOpenness(lines: readonly Line[], bodyStart: number, bodyEnd: number, out: Extracted): void {
  for (let i = bodyStart; i < bodyEnd; i++) {
    const m = OPENNESS_NOTE.exec(lines[i]!.text);
    if (!m) continue;
    out.opennessNote = lines[i]!.text;
    if (m[1] === '依申请公开') out.openness = '依申请公开';
    else if (m[1] === '公开发布' || m[1] === '主动公开') out.openness = '主动公开';
    else out.notes.push(`附注为“${lines[i]!.text}”：不予公开的文件不应发布在政府信息公开栏目，请核实`);
    return;
  }
}
