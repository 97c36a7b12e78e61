/**
 * The one HTML sanitizer: every piece of content that becomes HTML (documents, translations,
 * content/open/ pages, consultations, report text, JSON-lines bodies) passes through
 * sanitizeHtml() after Markdown rendering. It is an allowlist (sanitize-html, a maintained library
 * that parses like a browser): what official documents need — headings, lists, tables, links,
 * images from this site, sub/sup, line breaks — and nothing that can run code, navigate, load from
 * elsewhere or style the page (script, event handlers, javascript:/data: URLs in any encoding,
 * meta, base, iframe/object/embed, forms, style).
 *
 * removedBySanitizer() tells what the sanitizer would take out of a piece of HTML, so `check` and
 * the build can report it as an error instead of stripping it silently (src/lib/html-policy.ts).
 */
import sanitize, { type IOptions } from 'sanitize-html';
import { parseDocument } from 'htmlparser2';
import { VOID_ELEMENTS } from './html-void.ts';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

export const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 's', 'small', 'span',
  'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
] as const;

const CELL = ['colspan', 'rowspan', 'scope', 'headers', 'align'];
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  // no `dir`: rtl could show a 文号 or date reversed
  '*': ['title', 'lang'],
  a: ['href', 'rel', 'class'],
  img: ['src', 'alt', 'width', 'height'],
  th: CELL,
  td: CELL,
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'type', 'reversed'],
  li: ['value'],
  code: ['class'],
  span: ['class'],
};

/** Classes the renderer itself adds: external-link marker and its hidden label, code languages. */
const ALLOWED_CLASSES: Record<string, (string | RegExp)[]> = {
  a: ['external'],
  span: ['visually-hidden'],
  code: [/^language-[a-z0-9+#-]{1,20}$/],
};

/** Links may leave the site; images may not (no third-party requests at run time). */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

const OPTIONS: IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedClasses: ALLOWED_CLASSES,
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // removed elements' text stays (a <font> keeps its words); script/style bodies go entirely
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'svg', 'math', 'object'],
  parseStyleAttributes: false,
};

/** The same parse and serialization with nothing filtered: the yardstick for "was anything removed". */
const PASSTHROUGH: IOptions = {
  allowedTags: false,
  allowedAttributes: false,
  allowVulnerableTags: true,
  allowedSchemesAppliedToAttributes: [],
  allowProtocolRelative: true,
  disallowedTagsMode: 'discard',
  nonTextTags: [],
  parseStyleAttributes: false,
};

/** HTML for an element's content (set:html into the page body); not for XML, attributes or scripts. */
export function sanitizeHtml(html: string): string {
  // attribute-free allowlisted tags only: nothing to filter (the parse would only reserialize it)
  return plainAllowedHtml(html, true) ? html : sanitize(html, OPTIONS);
}

const ALLOWED_TAG_SET = new Set<string>(ALLOWED_TAGS);
/** Attributes the sanitizer keeps without a value: alt="" marks a decorative image. */
const EMPTY_OK = new Set(['alt', 'reversed']);

function attributeAllowed(tag: string, name: string): boolean {
  return (ALLOWED_ATTRIBUTES['*'] ?? []).includes(name) || (ALLOWED_ATTRIBUTES[tag] ?? []).includes(name);
}

/** Scheme of a URL as a browser reads it: control characters and whitespace inside are ignored. */
export function urlScheme(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]+/g, '').toLowerCase();
  if (compact.startsWith('//') || compact.startsWith('\\\\') || compact.startsWith('/\\')) return '//';
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

function urlProblem(tag: string, url: string): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined) return undefined;
  const allowed: readonly string[] = tag === 'img' ? [] : LINK_SCHEMES;
  if (allowed.includes(scheme)) return undefined;
  return tag === 'img'
    ? `图片只能引用本站文件，如 files/…（image must be a file of this site, found "${url.slice(0, 40)}"）`
    : `不允许的链接协议 “${scheme}:”（unsafe URL scheme）；允许 https:、http:、mailto:、tel: 或站内路径`;
}

function classProblem(tag: string, value: string): string | undefined {
  const allowed = ALLOWED_CLASSES[tag] ?? [];
  const bad = value.split(/\s+/).filter((c) => c && !allowed.some((a) => (typeof a === 'string' ? a === c : a.test(c))));
  return bad.length ? `不允许的 class “${bad.join(' ')}”（class not allowed）` : undefined;
}

/** What is wrong with one element: its tag, then each attribute. */
function elementProblems(el: Element): { found: string; reason: string }[] {
  const tag = el.name.toLowerCase();
  if (!ALLOWED_TAG_SET.has(tag)) {
    return [{ found: `<${tag}>`, reason: `不允许的 HTML 标签（disallowed tag）；允许：${ALLOWED_TAGS.join(' ')}` }];
  }
  const out: { found: string; reason: string }[] = [];
  for (const [rawName, value] of Object.entries(el.attribs)) {
    const name = rawName.toLowerCase();
    if (/^on/.test(name)) out.push({ found: `${name}=`, reason: '不允许事件处理属性（inline event handler）' });
    else if (name === 'style') out.push({ found: 'style=', reason: '不允许 style 属性，请使用 Markdown 或允许的标签（inline style not allowed）' });
    else if (!attributeAllowed(tag, name)) out.push({ found: `<${tag} ${name}=`, reason: `不允许的属性（disallowed attribute）；<${tag}> 允许：${[...(ALLOWED_ATTRIBUTES['*'] ?? []), ...(ALLOWED_ATTRIBUTES[tag] ?? [])].join(' ')}` });
    else if (value === '' && !EMPTY_OK.has(name)) out.push({ found: `<${tag} ${name}>`, reason: '属性值为空，该属性会被去掉（empty attribute value is dropped）' });
    else if (name === 'href' || name === 'src') {
      const reason = urlProblem(tag, value);
      if (reason) out.push({ found: `${name}="${value.slice(0, 40)}"`, reason });
    } else if (name === 'class') {
      const reason = classProblem(tag, value);
      if (reason) out.push({ found: `class="${value.slice(0, 40)}"`, reason });
    }
  }
  return out;
}

export interface Removal {
  /** what was found, e.g. `<script>`, `onclick=`, `href="javascript:…"` */
  found: string;
  reason: string;
}

/**
 * What sanitizeHtml() would remove from `html`, described for an editor. Every element is checked
 * against the allowlist (some removals, such as CDATA or an empty attribute, happen in the parser
 * and would not show as a difference); then the sanitizer's own output is the judge: if it differs
 * from an unfiltered pass and nothing more precise was found, the change itself is reported.
 */
export function removedBySanitizer(html: string): Removal[] {
  // most blocks of an official document are <p>, <h2>, <li>… without attributes: nothing to remove
  return plainAllowedHtml(html) ? [] : fullRemovalCheck(html);
}

/** removedBySanitizer without the shortcut for plain HTML (the unit tests hold the two equal). */
export function fullRemovalCheck(html: string): Removal[] {
  const out = walkProblems(html);
  if (out.length === 0 && sanitize(html, OPTIONS) !== sanitize(html, PASSTHROUGH)) {
    out.push({ found: html.slice(0, 60).replace(/\s+/g, ' '), reason: 'HTML 会被安全过滤修改（sanitizer would change this HTML）' });
  }
  return out;
}


/**
 * True when every tag of `html` is an allowlisted tag without attributes (no comment, declaration
 * or stray "<"): the filtered and the unfiltered pass then serialize it alike, and the element walk
 * finds nothing, so the check skips two parses and two sanitizer passes (they were most of the time
 * spent loading a library). With `balanced`, every end tag must also close the element opened last
 * and none stay open, so the HTML can be used as it is: a stray </div> would close the page's own
 * containers, which the sanitizer's parse drops.
 */
export function plainAllowedHtml(html: string, balanced = false): boolean {
  const open: string[] = [];
  for (let i = html.indexOf('<'); i !== -1; ) {
    const j = html.indexOf('>', i);
    if (j === -1) return false;
    const end = html[i + 1] === '/';
    const name = html.slice(end ? i + 2 : i + 1, j);
    if (!ALLOWED_TAG_SET.has(name)) return false;
    if (balanced && end && open.pop() !== name) return false;
    if (balanced && !end && !VOID_ELEMENTS.has(name)) open.push(name);
    i = html.indexOf('<', j + 1);
  }
  return open.length === 0;
}

function walkProblems(html: string): Removal[] {
  const out: Removal[] = [];
  const stack: ChildNode[] = [...parseDocument(html, { decodeEntities: true, recognizeCDATA: true }).children];
  while (stack.length) {
    const node = stack.shift()!;
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const el = node as Element;
      const problems = elementProblems(el);
      out.push(...problems);
      if (problems.some((p) => p.found.startsWith('<') && p.found.endsWith('>') && !p.found.includes(' '))) continue;
      stack.unshift(...el.children);
    } else if (node.type === 'directive' || node.type === 'cdata') {
      out.push({ found: '<!…>', reason: '不允许的 HTML 声明或 CDATA，其中的文字不会显示（declaration or CDATA not allowed）' });
    }
  }
  return out;
}
