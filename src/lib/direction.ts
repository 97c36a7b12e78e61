/**
 * How non-Mongolian runs are presented inside vertical (writing-mode: vertical-lr) Mongolian text.
 * The one place that decides it (MONGOLIAN.md §1 "Digits/Latin", "Chinese"; checklist 10, 11):
 *
 * - ASCII digit runs of 1–2 characters (page numbers, days, months, 第5条) are set upright in one
 *   em: wrapped in `<span class="tcy">` (mongolian.css gives it `text-combine-upright: all`).
 *   Chromium does not support `text-combine-upright: digits 2`, so this has to happen in the HTML.
 * - Longer Latin/digit runs (years, phone numbers, ICP numbers, URLs, e-mail addresses, "3.5",
 *   "A4") stay sideways, as vertical-lr sets them by default; they are never split into pieces.
 * - Han runs (Chinese names, 文号 such as 内政公办字〔2016〕5号) that are not already inside an
 *   element with a Chinese `lang` are wrapped in `<span lang="zh-CN">`, so they get a CJK font,
 *   stay upright and are read as Chinese by screen readers. Their 1–2 digit runs get `tcy` too.
 * - A Han run of more than ZH_INLINE_MAX Han characters (a list of place names, a quoted Chinese
 *   sentence) is not a name any more: set upright in the column it would wrap into several
 *   columns, which run left to right, the wrong way for Chinese. Its span also gets class
 *   `zh-island` (mongolian-zh.css): a horizontal inline block of limited width inside the
 *   Mongolian line, read left to right like the Chinese page. Same text, same order, so copy,
 *   search index and excerpts see exactly what they saw before.
 *
 * Pure string functions, no DOM: used at build time on rendered HTML and in the browser on text.
 */
import { VOID_ELEMENTS } from './html-void.ts';

/** A maximal run of ASCII letters/digits, joined by URL/number punctuation between them. */
const LATIN_RUN = /(?:[a-z][a-z0-9+.-]*:\/\/[^\s<>"'\u3000-\u303F\uFF00-\uFFEF]*[^\s<>"'.,;:!?)\]\u3000-\u303F\uFF00-\uFFEF]|[A-Za-z0-9]+(?:[.,:/@%_+#&=?~-]+[A-Za-z0-9]+)*%?)/g;
/** A Han run: starts and ends with a Han character or closing CJK punctuation; may contain CJK punctuation, fullwidth forms and ASCII digits/letters. */
const HAN_RUN = /[\p{Script=Han}\u3006\u3007〔（《〈【「『“‘][\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2018-\u201D·0-9A-Za-z]*(?<=[\p{Script=Han}\u3001-\u3011\u3014-\u301F\uFF01-\uFF0F\uFF1A-\uFF20\u201D\u2019])/gu;
const HAS_HAN = /\p{Script=Han}/u;
const ZH_LANG = /^(?:zh|cmn|yue|wuu|hak|nan|lzh)(?:-|$)/i;

/** Elements whose content is never rewritten. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'plaintext', 'noembed', 'noframes']);
const SKIP = new Set(['head', 'option', 'optgroup', 'select', 'svg', 'math', 'pre', 'code', 'kbd', 'samp', 'template']);

export type RunPresentation = 'tcy' | 'sideways';

/**
 * The longest Han run (in Han characters) that stays upright inline: a 文号, a person's, place's
 * or office's name (内蒙古自治区人民政府 is 10; with 办公厅, 13, it is already an island of two
 * short lines). The e2e rule for document pages uses the same number
 * (test/e2e/mongolian-chinese.test.ts): 12 is also where its tolerance for runs split across columns ends.
 */
export const ZH_INLINE_MAX = 12;
const HAN_CHAR = /\p{Script=Han}/gu;

/** Does this Han run leave the vertical flow as a horizontal island (span.zh-island)? */
export function isChineseIsland(run: string): boolean {
  return (run.match(HAN_CHAR)?.length ?? 0) > ZH_INLINE_MAX;
}

/** How a Latin/digit run is set in vertical text: 1–2 ASCII digits upright combined, everything else sideways. */
export function latinRunPresentation(run: string): RunPresentation {
  return /^[0-9]{1,2}$/.test(run) ? 'tcy' : 'sideways';
}

/** A UI string of a page in another language that is still Chinese (its translation awaits a
 * translator, docs/mn-terminology.md): shown as a Chinese block, lang="zh-CN". */
export function awaitsTranslation(locale: string, text: string): boolean {
  return !isChineseLang(locale) && HAS_HAN.test(text);
}

export function isChineseLang(lang: string | undefined): boolean {
  return lang !== undefined && ZH_LANG.test(lang.trim());
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeText = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

const ENTITY = /(&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)/;

/** Wraps the ≤2-digit runs of one text node (HTML-escaped text, no tags); character references are left whole. */
function tcyText(text: string): string {
  return text
    .split(ENTITY)
    .map((part, k) => (k % 2 === 1 ? part : part.replace(LATIN_RUN, (run) => (latinRunPresentation(run) === 'tcy' ? `<span class="tcy">${run}</span>` : run))))
    .join('');
}

/** One text node (already HTML-escaped) in Mongolian context: Han runs get lang, short digits tcy. */
function presentText(text: string, inChinese: boolean, options: Required<PresentOptions>): string {
  if (inChinese || !options.markChinese || !HAS_HAN.test(text)) return options.combineDigits ? tcyText(text) : text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (!HAS_HAN.test(m[0])) continue; // punctuation alone (《》 around Mongolian) stays Mongolian
    const before = text.slice(last, m.index);
    out += options.combineDigits ? tcyText(before) : before;
    const island = isChineseIsland(m[0]) ? ' class="zh-island"' : '';
    out += `<span lang="${options.chineseLang}"${island}>${options.combineDigits ? tcyText(m[0]) : m[0]}</span>`;
    last = m.index + m[0].length;
  }
  const rest = text.slice(last);
  return out + (options.combineDigits ? tcyText(rest) : rest);
}

/** A piece of plain text: a Han run (zh), a long one to be set as a horizontal island, or the rest. */
export interface ChineseRun {
  text: string;
  zh: boolean;
  island?: true;
}

/**
 * Plain text split into its Han runs (zh: true) and the rest, by the rule presentVerticalHtml
 * uses: for the search page's script, which builds nodes (no HTML) from a Mongolian result's title.
 */
export function splitChineseRuns(text: string): ChineseRun[] {
  const out: ChineseRun[] = [];
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (!HAS_HAN.test(m[0])) continue; // punctuation alone stays with its context
    if (m.index > last) out.push({ text: text.slice(last, m.index), zh: false });
    out.push(isChineseIsland(m[0]) ? { text: m[0], zh: true, island: true } : { text: m[0], zh: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), zh: false });
  return out;
}

export interface PresentOptions {
  /** language of the fragment's context when no element says otherwise (default 'mn-Mong') */
  lang?: string;
  /** wrap 1–2 digit runs in span.tcy (default true) */
  combineDigits?: boolean;
  /** wrap Han runs outside Chinese-language elements in span[lang] (default true) */
  markChinese?: boolean;
  /** the lang given to those spans (default 'zh-CN', the site's Chinese tag) */
  chineseLang?: string;
}

interface Open {
  name: string;
  lang: string | undefined;
  skip: boolean;
}

/** Reads a start or end tag at `i` (html[i] === '<'); returns its end index (after '>') or -1. */
function tagEnd(html: string, i: number): number {
  let q: string | null = null;
  for (let j = i + 1; j < html.length; j++) {
    const c = html[j];
    if (q) {
      if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j + 1;
  }
  return -1;
}

/**
 * Rewrites the text (never tags, attributes, comments, scripts, styles, <head>, form options,
 * <pre>/<code>) of rendered HTML for vertical Mongolian pages: see the module comment.
 * Idempotent: text already inside span.tcy or a Chinese-lang element is not wrapped again.
 */
export function presentVerticalHtml(html: string, opts: PresentOptions = {}): string {
  const options: Required<PresentOptions> = { lang: 'mn-Mong', combineDigits: true, markChinese: true, chineseLang: 'zh-CN', ...opts };
  const stack: Open[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      const text = html.slice(i, textEnd);
      out += stack.some((o) => o.skip) ? text : presentText(text, isChineseLang(langOf(stack, options.lang)), options);
      i = textEnd;
      continue;
    }
    const step = markupAt(html, i, stack);
    out += step.out;
    i = step.next;
  }
  return out;
}

/** The innermost lang of the open elements, else the fragment's. */
function langOf(stack: readonly Open[], fallback: string): string | undefined {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.lang !== undefined) return stack[k]!.lang;
  return fallback;
}

/**
 * The markup at html[i] === '<', copied unchanged (a raw-text element with its content), and
 * the index after it; start and end tags update the stack of open elements.
 */
function markupAt(html: string, i: number, stack: Open[]): { out: string; next: number } {
  if (html.startsWith('<!--', i)) {
    const end = html.indexOf('-->', i + 4);
    const stop = end === -1 ? html.length : end + 3;
    return { out: html.slice(i, stop), next: stop };
  }
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(i, i + 64));
  if (!m) {
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      const stop = end === -1 ? html.length : end + 1;
      return { out: html.slice(i, stop), next: stop };
    }
    // a literal '<' in text (invalid but tolerated)
    return { out: '<', next: i + 1 };
  }
  const end = tagEnd(html, i);
  if (end === -1) return { out: html.slice(i), next: html.length };
  const tag = html.slice(i, end);
  const name = m[2]!.toLowerCase();
  if (m[1]) {
    const k = stack.map((o) => o.name).lastIndexOf(name);
    if (k !== -1) stack.length = k;
    return { out: tag, next: end };
  }
  if (RAW_TEXT.has(name)) {
    const close = html.toLowerCase().indexOf(`</${name}`, end);
    const stop = close === -1 ? html.length : close;
    return { out: tag + html.slice(end, stop), next: stop };
  }
  if (!VOID_ELEMENTS.has(name) && !tag.endsWith('/>')) stack.push(openElement(name, tag));
  return { out: tag, next: end };
}

/** An element's lang (undefined when it has none) and whether its text is left alone. */
function openElement(name: string, tag: string): Open {
  const langAttr = /\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const classAttr = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const classes = (classAttr?.[1] ?? classAttr?.[2] ?? classAttr?.[3] ?? '').split(/\s+/);
  return {
    name,
    lang: langAttr ? (langAttr[1] ?? langAttr[2] ?? langAttr[3] ?? '') : undefined,
    skip: SKIP.has(name) || classes.includes('tcy') || classes.includes('no-vertical-present'),
  };
}

/** Only the digit part of presentVerticalHtml: wraps 1–2 digit runs in span.tcy, leaves tags and attributes alone. */
export function wrapShortDigits(html: string): string {
  return presentVerticalHtml(html, { markChinese: false });
}

/** Plain text (e.g. a search result title in the browser) to safe HTML presented for vertical Mongolian. */
export function presentVerticalText(text: string, opts: PresentOptions = {}): string {
  return presentVerticalHtml(escapeText(text), opts);
}
