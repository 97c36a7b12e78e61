/** Mongolian text lint problems (src/lib/mongolian/fold.ts) located in a translation file. */
import type { Problem } from '../../lib/errors.ts';
import { formatCodePoint, lintMongolian } from '../../lib/mongolian/fold.ts';

/** Printable context around `index`: invisible format characters shown as ⟨U+XXXX⟩, the offending one marked. */
function lintContext(text: string, index: number, width = 6): string {
  const chars = Array.from(text.slice(Math.max(0, index - 3 * width), index + 3 * width));
  const startOffset = Math.max(0, index - 3 * width);
  let offset = startOffset;
  let at = 0;
  const cps = chars.map((c, k) => {
    if (offset === index) at = k;
    offset += c.length;
    return c;
  });
  const show = (c: string, mark: boolean): string => {
    const cp = c.codePointAt(0)!;
    if (mark) return `⟦${formatCodePoint(cp)}⟧`;
    if (c === '\n') return '⏎';
    if (/[\u180A-\u180F\u200B-\u200F\u202F\u034F\uE000-\uF8FF]/.test(c)) return `⟨${formatCodePoint(cp)}⟩`;
    return c;
  };
  const from = Math.max(0, at - width);
  const to = Math.min(cps.length, at + width + 1);
  return cps
    .slice(from, to)
    .map((c, k) => show(c, from + k === at))
    .join('');
}

/** Lint problems for one Mongolian text field; `line(index)` gives the file line of an offset. */
export function mongolianLintProblems(text: string, ctx: { file: string; field: string; label: string; line: (index: number) => number | undefined }): Problem[] {
  return lintMongolian(text).map((issue) => {
    const lineStart = text.lastIndexOf('\n', issue.index - 1) + 1;
    const column = Array.from(text.slice(lineStart, issue.index)).length + 1;
    const p: Problem = {
      file: ctx.file,
      field: ctx.field,
      label: ctx.label,
      reason:
        `蒙古文字符 ${formatCodePoint(issue.codePoint)}（${issue.rule}）位于该行第 ${column} 字，` +
        `上下文 “${lintContext(text, issue.index)}”：${issue.message}`,
      severity: 'error',
    };
    const line = ctx.line(issue.index);
    if (line !== undefined) p.line = line;
    return p;
  });
}
