/**
 * The lines of an imported official document (GB/T 9704 layout) and the patterns of the parts
 * that more than one stage of the extraction looks for (src/lib/import/extract.ts).
 */

/** line that is (the start of) an organization name */
export const ORG_SUFFIX =
  /(?:人民政府|政府|办公厅|办公室|委员会|领导小组|小组|管委会|管理委员会|行政公署|厅|局|委|办|部|署|院|中心|会|所|站|队|处|科|街道|苏木|嘎查|乡|镇)$/u;
export const ATTACHMENTS = /^附\s*件\s*[:：]\s*(.*)$/u;
export const OPENNESS_NOTE = /^[（(]\s*此件(公开发布|主动公开|依申请公开|不予公开|不公开)\s*[）)]$/u;
export const SIGNER = /^签\s*发\s*人\s*[:：]/u;

export interface Line {
  /** trimmed, spaces collapsed between CJK characters */
  text: string;
  /** trimmed, spaces kept (token boundaries in the 版头) */
  raw: string;
  /** index in the normalized text */
  n: number;
  /** a blank line precedes it */
  gap: boolean;
}

export function toLines(text: string): Line[] {
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

export function endsSentence(s: string): boolean {
  return /[。；;！!？?：:）)」”’》〕】]$/u.test(s);
}
