/**
 * The rule for Chinese inside vertical Mongolian pages (issue 17 item 4), measured in the page:
 * see test/e2e/mongolian-chinese.test.ts for the rule and what it covers. Every page it applies to
 * is checked in the visit of every /mn/ page in mongolian.test.ts (checklist 1, 15), at the
 * sizes below, so those pages are loaded once for both.
 */

/** the /mn/ sections the rule covers: 政务公开 (open/, consultations/, gazette/, special/) and
 * every document and interpretation page; the library's 时点查询 form shows Chinese strings until a
 * translator supplies them */
export const CHINESE_SECTIONS = ['open', 'consultations', 'gazette', 'special', 'policies', 'interpretations'];
export const MAX_RUN = 40;
export const WRAP_RUN = 12;
/**
 * On document and interpretation pages (/mn/policies/…, /mn/interpretations/…) the body is a
 * translation whose Chinese is inline: no vertical Han run there may be longer than a name or a
 * 文号 (src/lib/direction.ts ZH_INLINE_MAX); anything longer is a horizontal island.
 */
export const DOC_MAX_RUN = 12;
const DOC_PAGE = /^mn\/(?:policies|interpretations)\//;
/** the sizes the rule is checked at: desktop and phone */
export const CHINESE_SIZES: [number, number][] = [[1280, 900], [375, 812]];

/** Whether the rule applies to a site-relative `path` (mn/…), and its limits there. */
export function chineseLimitsFor(path: string): { maxRun: number; wrapRun: number } | null {
  if (!CHINESE_SECTIONS.some((d) => path.startsWith(`mn/${d}/`))) return null;
  return { maxRun: DOC_PAGE.test(path) ? DOC_MAX_RUN : MAX_RUN, wrapRun: WRAP_RUN };
}

export /** Runs in the page: the problems of the current document under the rule above. */
function chineseProblems(limits: { maxRun: number; wrapRun: number }): string[] {
  const HAN = /\p{Script=Han}/gu;
  const RUN = /\p{Script=Han}[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF0-9]*/gu;
  const MONG = /[\u1820-\u18AF]/;
  const vertical = (el: Element) => /^(vertical|sideways)/.test(getComputedStyle(el).writingMode);
  const where = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/)[0]}` : ''}>`;
  const problems: string[] = [];
  const main = document.querySelector('main');
  if (!main) return ['no <main>'];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement!;
    if (!vertical(el) || el.closest('.visually-hidden, [hidden], script, style, template')) continue;
    for (const m of (n.textContent ?? '').matchAll(RUN)) {
      const han = m[0].match(HAN)!.length;
      const range = document.createRange();
      range.setStart(n, m.index!);
      range.setEnd(n, m.index! + m[0].length);
      // one column per distinct line: glyph boxes of one column differ in x by a pixel or two
      const lefts = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => r.left).sort((a, b) => a - b);
      const columns = lefts.filter((x, i) => i === 0 || x - lefts[i - 1]! > 8).length;
      if (han > limits.maxRun) problems.push(`${where(el)} vertical Han run of ${han} characters: ${m[0].slice(0, 20)}…`);
      else if (han > limits.wrapRun && columns > 1) problems.push(`${where(el)} vertical Han run of ${han} characters in ${columns} columns: ${m[0].slice(0, 20)}…`);
    }
  }
  for (const table of main.querySelectorAll('table')) {
    const cells = [...table.querySelectorAll('tbody td, tbody th')].map((c) => c.textContent ?? '').filter((t) => /\p{Script=Han}|[\u1820-\u18AF]/u.test(t));
    const chinese = cells.filter((t) => /\p{Script=Han}/u.test(t) && !MONG.test(t)).length;
    if (chinese > cells.length - chinese && vertical(table)) problems.push(`${where(table)} ${table.querySelector('caption')?.textContent?.trim().slice(0, 20) ?? ''}: a Chinese table (${chinese}/${cells.length} cells) set vertically`);
  }
  const root = document.documentElement;
  for (const block of document.querySelectorAll('[data-zh-block]')) {
    const body = block.querySelector('.zh-block__body');
    const note = block.querySelector('.zh-block__note');
    const link = note?.querySelector('a[hreflang="zh-CN"]');
    if (!body || getComputedStyle(body).writingMode !== 'horizontal-tb') problems.push('ZhBlock body is not horizontal-tb');
    if (body && body.getAttribute('lang') !== 'zh-CN') problems.push(`ZhBlock body lang=${body.getAttribute('lang')}`);
    if (body && body.getAttribute('tabindex') !== '0') problems.push('ZhBlock body cannot be reached with the keyboard');
    if (!note || !MONG.test(note.textContent ?? '') || !vertical(note)) problems.push('ZhBlock without a vertical Mongolian note');
    const target = link ? new URL((link as HTMLAnchorElement).href).pathname : '';
    if (!link || target.includes('/mn/') || target !== location.pathname.replace('/mn/', '/')) problems.push(`ZhBlock link to the Chinese page is ${target || 'missing'}`);
    if (body && body.getBoundingClientRect().height > root.clientHeight) problems.push(`ZhBlock body ${Math.round(body.getBoundingClientRect().height)}px taller than the page ${root.clientHeight}px`);
  }
  return problems;
}
