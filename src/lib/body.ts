/**
 * Document bodies to HTML (for pages) and to plain text (for search records).
 * Markdown goes through marked; JSON-lines imports are plain paragraphs, one per line.
 */
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type BodyFormat = 'markdown' | 'text';

export function bodyToHtml(body: string, format: BodyFormat): string {
  if (format === 'text') {
    return body
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('\n');
  }
  return marked.parse(body) as string;
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
