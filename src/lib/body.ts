/**
 * Document bodies to HTML (for pages) and to plain text (for search records).
 * Markdown goes through marked; JSON-lines imports are plain paragraphs, one per line.
 */
import { Marked, type Tokens } from 'marked';

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

export function isExternal(href: string): boolean {
  return /^https?:\/\//i.test(href);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type BodyFormat = 'markdown' | 'text';

export function bodyToHtml(body: string, format: BodyFormat, opts: { externalLabel?: string } = {}): string {
  if (format === 'text') {
    return body
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
  }
  return markedFor(opts.externalLabel).parse(body) as string;
}

const DECODE: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Plain text, one block per line: what the search index and excerpts are built from. */
export function bodyToText(body: string, format: BodyFormat): string {
  if (format === 'text') return body.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  const html = marked.parse(body) as string;
  return html
    .replace(/<\/(p|h[1-6]|li|tr|div|blockquote|pre|table)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#?\w+);/g, (m, e: string) => DECODE[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
