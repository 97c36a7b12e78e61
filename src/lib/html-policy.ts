/**
 * What HTML a document body may contain. Editors write Markdown; raw HTML is allowed only for
 * simple structure (tables, line breaks, sub/superscript). Anything that can run code or load
 * from elsewhere is rejected at build time with a clear message, never silently stripped:
 * script, iframe and other embeds, forms, inline event handlers, style attributes (the CSP
 * forbids inline styles), and javascript:/vbscript:/data: URLs.
 */

export const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 's', 'small', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]);

const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'scope', 'id', 'class', 'lang', 'dir', 'start', 'type', 'headers', 'width', 'height']);
const URL_ATTRS = new Set(['href', 'src']);

export interface HtmlViolation {
  /** 1-based line in the Markdown body */
  line: number;
  /** what was found, e.g. `<script>`, `onclick=`, `javascript:` */
  found: string;
  reason: string;
}

/** Scans the raw HTML an editor wrote in Markdown (tags outside code spans and fences). */
export function htmlViolations(markdown: string): HtmlViolation[] {
  const out: HtmlViolation[] = [];
  const lines = markdown.split('\n');
  let fenced = false;
  lines.forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced) return;
    const text = raw.replace(/`[^`]*`/g, '');
    // opening tags only: a closing tag adds nothing the opening one has not reported
    for (const m of text.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      const tag = m[1]!.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) {
        out.push({ line: i + 1, found: `<${tag}>`, reason: `不允许的 HTML 标签（disallowed tag）；允许：${[...ALLOWED_TAGS].join(' ')}` });
        continue;
      }
      for (const a of m[2]!.matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
        const name = a[1]!.toLowerCase();
        const value = (a[2] ?? '').replace(/^["']|["']$/g, '').trim();
        if (/^on/.test(name)) out.push({ line: i + 1, found: `${name}=`, reason: '不允许事件处理属性（inline event handler）' });
        else if (name === 'style') out.push({ line: i + 1, found: 'style=', reason: '不允许 style 属性，请使用 Markdown 或允许的标签（inline style is blocked by the CSP）' });
        else if (!ALLOWED_ATTRS.has(name)) out.push({ line: i + 1, found: `${name}=`, reason: `不允许的属性（disallowed attribute）；允许：${[...ALLOWED_ATTRS].join(' ')}` });
        else if (URL_ATTRS.has(name) && unsafeUrl(value)) out.push({ line: i + 1, found: value.slice(0, 40), reason: '不允许的链接协议（unsafe URL scheme）；允许 https:、http:、mailto:、tel: 或站内路径' });
      }
    }
    // Markdown links and images: [text](javascript:…)
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
      if (unsafeUrl(m[1]!)) out.push({ line: i + 1, found: m[1]!.slice(0, 40), reason: '不允许的链接协议（unsafe URL scheme）；允许 https:、http:、mailto:、tel: 或站内路径' });
    }
  });
  return out;
}

export function unsafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme: java\tscript: still runs.
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  return scheme !== undefined && !['http', 'https', 'mailto', 'tel'].includes(scheme);
}
