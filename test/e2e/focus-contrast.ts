/**
 * The keyboard focus indicator against what surrounds it (WCAG 1.4.11 non-text contrast, 3:1):
 * Tab through a page and, for each element reached, take the best contrast of its outline and
 * its box-shadow ring against the background behind the element.
 */
import type { Page } from 'playwright-core';

/** What fails on `page` after up to `presses` Tab presses: element and contrast. */
export async function focusIndicatorProblems(page: Page, presses: number): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const found = await focusedProblem(page);
    if (found === 'end') break;
    if (found) out.add(found);
  }
  return [...out];
}

/** The focused element's problem ('' when none, 'end' when nothing is focused). */
export const focusedProblem = (page: Page): Promise<string> => page.evaluate(measureFocused);

/** Runs in the page: '' when the focused element's indicator is fine, a description when not. */
function measureFocused(): string {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return 'end';
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r = 0, g = 0, b = 0]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a: number[], b: number[]) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  // the background the ring is drawn on: the parent's, up the tree to the first opaque one
  let bg = [255, 255, 255];
  for (let p = el.parentElement; p; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) { bg = c.slice(0, 3); break; }
  }
  const cs = getComputedStyle(el);
  const rings: number[][] = [];
  if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) rings.push(rgb(cs.outlineColor));
  const shadow = cs.boxShadow.match(/rgba?\([^)]*\)/);
  if (cs.boxShadow !== 'none' && shadow) rings.push(rgb(shadow[0]));
  const best = Math.max(0, ...rings.map((c) => ratio(c.slice(0, 3), bg)));
  if (best >= 3) return '';
  const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
  return `${name}: focus ring ${best.toFixed(2)}:1 on rgb(${bg.join(',')})`;
}
