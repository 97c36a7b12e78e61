/**
 * Document bodies to HTML (for pages) and to plain text (for search records).
 * Markdown goes through marked, then the one sanitizer (src/lib/sanitize.ts); JSON-lines imports
 * are plain paragraphs, one per line.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { decodeHTML } from 'entities';
import { sanitizeHtml } from './sanitize.ts';
import { plainParagraphsHtml } from './markdown-plain.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * Links to other sites are marked: rel=noopener, class "external" (an icon in CSS) and a
 * visually hidden label such as （外部链接） so screen-reader users hear it too.
 */
const markedWithLabels = new Map<string, Marked>();
function markedFor(externalLabel: string | undefined): Marked {
  if (!externalLabel) return marked;
  let m = markedWithLabels.get(externalLabel);
  if (!m) {
    m = new Marked({ gfm: true, breaks: false, async: false });
    m.use({
      renderer: {
        link(this: { parser: { parseInline(tokens: Tokens.Link['tokens']): string } }, token: Tokens.Link) {
          const text = this.parser.parseInline(token.tokens);
          const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
          if (!isExternal(token.href)) return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
          return `<a href="${escapeHtml(token.href)}"${title} class="external" rel="noopener noreferrer">${text}<span class="visually-hidden">${escapeHtml(externalLabel)}</span></a>`;
        },
      },
    });
    markedWithLabels.set(externalLabel, m);
  }
  return m;
}

/** marked's rendering, known without marked for plain paragraphs (./markdown-plain.ts). */
function markdownHtml(body: string, m: Marked): string {
  return plainParagraphsHtml(body) ?? (m.parse(body) as string);
}

export function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type BodyFormat = 'markdown' | 'text';

/** The HTML of a body, sanitized (the check renders it unsanitized with renderForCheck). */
export function bodyToHtml(body: string, format: BodyFormat, opts: { externalLabel?: string } = {}): string {
  const html =
    format === 'text'
      ? body
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) => `<p>${escapeHtml(line)}</p>`)
          .join('\n')
      : markdownHtml(body, markedFor(opts.externalLabel));
  return sanitizeHtml(html);
}

/** Any label: the check only needs the page renderer's shape of links. */
const CHECK_LABEL = '（外部链接）';

export interface MarkdownBlock {
  /** 1-based line of the block's first line */
  line: number;
  raw: string;
  /** the block rendered as a page renders it, before sanitizing */
  html: string;
}

/** Each top-level Markdown block with its line and unsanitized HTML (for the HTML check). */
export function markdownBlocks(body: string): MarkdownBlock[] {
  // the renderer pages use (its link renderer differs from marked's default)
  const renderer = markedFor(CHECK_LABEL);
  const tokens = renderer.lexer(body);
  const out: MarkdownBlock[] = [];
  let line = 1;
  for (const token of tokens as Token[]) {
    if (token.type !== 'space') {
      const one = Object.assign([token], { links: tokens.links });
      out.push({ line, raw: token.raw, html: renderer.parser(one) });
    }
    line += token.raw.match(/\n/g)?.length ?? 0;
  }
  return out;
}

/**
 * The plain text of Markdown bodies the content check rendered (renderForCheck), by body: the
 * search records take it from here instead of rendering every body a second time (a third of an
 * unchanged 10,000-document build's content time). Bounded for the dev server, which re-checks
 * edited files for as long as it runs.
 */
const checkedText = new Map<string, string>();
const CHECKED_TEXT_MAX = 200_000;

/** A Markdown body rendered whole as pages render it, unsanitized (the HTML check's input); its
 * plain text is kept for bodyToText. */
export function renderForCheck(body: string): string {
  const plain = plainParagraphsHtml(body);
  const html = plain ?? (marked.parse(body) as string);
  if (checkedText.size >= CHECKED_TEXT_MAX) checkedText.clear();
  // plain paragraphs' text is their lines
  checkedText.set(body, plain === null ? htmlToText(html) : linesText(body));
  return html;
}

/** Plain text, one block per line: what the search index and excerpts are built from. */
export function bodyToText(body: string, format: BodyFormat): string {
  if (format === 'text') return linesText(body);
  return checkedText.get(body) ?? htmlToText(markdownHtml(body, marked));
}

/** The non-blank lines, trimmed. */
const linesText = (body: string): string => body.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');

function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|tr|div|blockquote|pre|table)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    // every HTML entity, including &#x41; and out-of-range numbers (replaced, never thrown)
    .replace(/&[#\w]+;/g, (m) => decodeHTML(m).replace(/\u00a0/g, ' '))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
