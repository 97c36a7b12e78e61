/**
 * What HTML a document body may contain, reported to editors. Editors write Markdown; raw HTML
 * is allowed where the sanitizer (src/lib/sanitize.ts) keeps it. Everything the sanitizer would
 * remove is an error at its line, so nothing is ever stripped silently: each top-level Markdown
 * block is rendered exactly as the page renders it and checked against the sanitizer.
 */
import { markdownBlocks, renderForCheck } from './body.ts';
import { plainAllowedHtml, removedBySanitizer, urlScheme, LINK_SCHEMES } from './sanitize.ts';
import { hiddenCharacter } from './hidden-characters.ts';
import { VOID_ELEMENTS } from './html-void.ts';

export interface HtmlViolation {
  /** 1-based line in the Markdown text */
  line: number;
  /** what was found, e.g. `<script>`, `onclick=`, `href="javascript:…"` */
  found: string;
  reason: string;
}

/** Line of `found` inside a block (the tag or attribute name), else the block's first line. */
function lineWithin(raw: string, first: number, found: string): number {
  const needle = /^<?\/?([a-z][\w-]*)/i.exec(found.replace(/^<\w+\s/, ''))?.[1]?.toLowerCase();
  const at = needle ? raw.toLowerCase().indexOf(needle) : -1;
  return at === -1 ? first : first + (raw.slice(0, at).match(/\n/g)?.length ?? 0);
}

/** Every construct of `markdown` the sanitizer would remove, with its line; also hidden characters. */
export function htmlViolations(markdown: string): HtmlViolation[] {
  const out: HtmlViolation[] = hiddenCharacters(markdown);
  // the page renders the whole body: when that is attribute-free allowlisted HTML (most official
  // documents), nothing can be removed, and the blocks need not be rendered one by one for lines
  const whole = renderForCheck(markdown);
  out.push(...strayEndTags(whole, markdown));
  if (plainAllowedHtml(whole)) return out;
  const before = out.length;
  for (const block of markdownBlocks(markdown)) {
    for (const r of removedBySanitizer(block.html)) out.push({ line: lineWithin(block.raw, block.line, r.found), found: r.found, reason: r.reason });
  }
  // a construct spanning blocks (an unclosed tag) is judged on the whole rendering too
  if (out.length === before) {
    for (const r of removedBySanitizer(whole)) out.push({ line: 1, found: r.found, reason: r.reason });
  }
  return out;
}

/**
 * End tags that close nothing open (a pasted </div>): the sanitizer's parser drops them, so they
 * are reported rather than removed silently. Tags inside comments are not looked at.
 */
function strayEndTags(html: string, markdown: string): HtmlViolation[] {
  const open: string[] = [];
  const out: HtmlViolation[] = [];
  for (const m of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (!m[1]) {
      if (!VOID_ELEMENTS.has(name) && !m[0].endsWith('/>')) open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at === -1) {
      const i = markdown.toLowerCase().indexOf(`</${name}`);
      out.push({ line: i === -1 ? 1 : markdown.slice(0, i).split('\n').length, found: `</${name}>`, reason: '多余的结束标签，没有对应的开始标签，会被去掉（stray end tag）' });
    } else open.length = at;
  }
  return out;
}

/** True when a URL would be refused in a link (kept for callers that check single URLs). */
export function unsafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && !(LINK_SCHEMES as readonly string[]).includes(scheme);
}

/**
 * Control characters and bidirectional overrides in the text: they display a 文号 or date
 * reversed or hide text, and no official document needs them.
 */
function hiddenCharacters(markdown: string): HtmlViolation[] {
  const out: HtmlViolation[] = [];
  // one pass over the whole text first: tab and line breaks are not hidden characters, so a
  // text without any has no line with one
  if (!hiddenCharacter(markdown)) return out;
  markdown.split('\n').forEach((line, i) => {
    const bad = hiddenCharacter(line.replace(/\r$/, '').replace(/\t/g, ' '));
    if (bad) out.push({ line: i + 1, found: bad, reason: '不可见的控制字符或文字方向覆盖字符（control or bidi-override character）' });
  });
  return out;
}
