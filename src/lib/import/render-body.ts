/**
 * The body of an imported document as Markdown (src/lib/import/extract.ts): headings from the
 * 公文 numbering, lines broken mid-sentence joined, imported text escaped so it stays text.
 */
import { isDateLine } from './dates.ts';
import { endsSentence, OPENNESS_NOTE, type Line } from './layout.ts';
import { collapseCjkSpaces } from './normalize.ts';

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
