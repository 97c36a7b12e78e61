/**
 * Scrolling for vertical (writing-mode: vertical-lr) Mongolian pages. Loaded from Base.astro on
 * those pages only, and a no-op anywhere the root is not vertical-lr.
 *
 * Chromium scrolls a vertical-lr page with deltaX, ArrowLeft/ArrowRight and Space, but a plain
 * mouse wheel (deltaY) does nothing there (MONGOLIAN.md §1 "Scrolling", csswg-drafts#4380 open).
 * Direction: mlreq §Mouse pointer: "wheel forward → text moves right (scrollbar left), backward →
 * scrollbar right". Rolling the wheel backward (towards the reader) gives deltaY > 0, the same
 * gesture that advances reading on a horizontal page, so deltaY > 0 scrolls right (scrollLeft
 * grows) and the next columns come into view; deltaY < 0 goes back left. Reading starts at the left.
 *
 * Left to the browser: Ctrl+wheel (zoom), Shift+wheel and trackpad gestures that are mostly
 * horizontal (the browser scrolls horizontally itself), and any wheel over an element that can
 * still scroll vertically in that direction (a tall table in its own container, a textarea, a select).
 */

const root = document.documentElement;
const vertical = () => getComputedStyle(root).writingMode === 'vertical-lr';
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const LINE = 40;

function scroller(): Element {
  return document.scrollingElement ?? root;
}

/** Can `el` scroll on the y axis in the direction of `dy`? */
function canScrollY(el: Element, dy: number): boolean {
  if (el.scrollHeight <= el.clientHeight + 1) return false;
  const style = getComputedStyle(el);
  if (el !== scroller() && !/(auto|scroll|overlay)/.test(style.overflowY)) return false;
  return dy > 0 ? el.scrollTop + el.clientHeight < el.scrollHeight - 1 : el.scrollTop > 0;
}

/** The nearest element (target first, then ancestors, the page last) that can scroll horizontally. */
function horizontalScroller(start: Element | null): Element | null {
  for (let el = start; el && el !== root && el !== document.body; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1 && /(auto|scroll|overlay)/.test(getComputedStyle(el).overflowX)) return el;
  }
  const page = scroller();
  return page.scrollWidth > page.clientWidth + 1 ? page : null;
}

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** Smooth scrolling that accumulates (each wheel notch adds to the running target). */
const targets = new WeakMap<Element, number>();
function scrollByX(el: Element, dx: number, smooth: boolean): void {
  const max = el.scrollWidth - el.clientWidth;
  const from = targets.get(el) ?? el.scrollLeft;
  const to = Math.max(0, Math.min(max, from + dx));
  if (!smooth || reducedMotion.matches) {
    targets.delete(el);
    el.scrollLeft = to;
    return;
  }
  targets.set(el, to);
  el.scrollTo({ left: to, behavior: 'smooth' });
}
document.addEventListener('scrollend', () => targets.delete(scroller()), { passive: true });

function onWheel(e: WheelEvent): void {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.shiftKey || !vertical()) return;
  if (e.deltaY === 0 || Math.abs(e.deltaX) >= Math.abs(e.deltaY)) return;
  const target = e.target instanceof Element ? e.target : null;
  for (let el = target; el; el = el.parentElement) {
    if (canScrollY(el, e.deltaY)) return; // let that element scroll natively
    if (el === root) break;
  }
  const el = horizontalScroller(target);
  if (!el) return;
  const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? LINE : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? el.clientWidth * 0.9 : 1;
  const dx = e.deltaY * unit;
  const atEdge = dx > 0 ? el.scrollLeft >= el.scrollWidth - el.clientWidth - 1 : el.scrollLeft <= 0;
  if (atEdge) return;
  e.preventDefault();
  // discrete wheel notches (line/page mode, or ≥ 100 px) glide; fine-grained trackpad deltas follow the finger
  scrollByX(el, dx, e.deltaMode !== WheelEvent.DOM_DELTA_PIXEL || Math.abs(dx) >= 100);
}

/**
 * Keys. Chromium already scrolls a vertical-lr page right/left with ArrowRight/ArrowLeft and Space/Shift+Space
 * (measured in Chromium 156), but PageDown/PageUp, Home/End and ArrowDown/ArrowUp act on the y axis, where a
 * vertical page has nothing to scroll: they are mapped to the reading direction (Down/PageDown/End = right).
 */
function onKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !vertical()) return;
  if (isEditable(e.target instanceof Element ? e.target : null)) return;
  const active = document.activeElement;
  if (active && active !== document.body && active !== root) {
    // a focused scroll container (e.g. a table wrapper) keeps its own keys
    for (let el: Element | null = active; el && el !== root; el = el.parentElement) {
      if (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) return;
    }
  }
  const page = scroller();
  const step = page.clientWidth * 0.9;
  let dx: number | null = null;
  let to: number | null = null;
  switch (e.key) {
    case 'ArrowDown':
      dx = e.shiftKey ? null : LINE;
      break;
    case 'ArrowUp':
      dx = e.shiftKey ? null : -LINE;
      break;
    case 'PageDown':
      dx = e.shiftKey ? null : step;
      break;
    case 'PageUp':
      dx = e.shiftKey ? null : -step;
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = page.scrollWidth - page.clientWidth;
      break;
    default:
      return;
  }
  if (dx === null && to === null) return;
  e.preventDefault();
  if (to !== null) {
    targets.delete(page);
    page.scrollTo({ left: to, behavior: reducedMotion.matches ? 'instant' : 'smooth' });
  } else scrollByX(page, dx!, Math.abs(dx!) > LINE);
}

/**
 * Tables that are taller than the screen scroll inside their own box (mongolian.css). Such a box must
 * be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable): give it tabindex=0 and, when
 * it has no name, role=region named after the table caption. The markup should ideally carry this
 * itself; this covers every table the stylesheet makes scrollable.
 */
const SCROLL_BOXES = '.open-table-wrap, .info-table, .doc-body table';
function markScrollRegions(): void {
  for (const el of document.querySelectorAll<HTMLElement>(SCROLL_BOXES)) {
    const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    const ours = el.dataset.scrollRegion === '';
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.scrollRegion = '';
      if (!el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby') && el.tagName !== 'TABLE') {
        const caption = el.querySelector('caption')?.textContent?.trim();
        if (caption) {
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', caption);
        }
      }
    } else if (!scrolls && ours) {
      el.removeAttribute('tabindex');
      delete el.dataset.scrollRegion;
      if (el.getAttribute('role') === 'region') {
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    }
  }
}

if (vertical()) {
  window.addEventListener('wheel', onWheel, { passive: false });
  window.addEventListener('keydown', onKey);
  markScrollRegions();
  document.fonts?.ready.then(markScrollRegions);
  let pending = 0;
  const later = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(markScrollRegions);
  };
  window.addEventListener('resize', later);
  // the 适老化 font size (public/preferences.js) changes which tables overflow
  new MutationObserver(later).observe(root, { attributes: true, attributeFilter: ['data-font-size'] });
}
