/**
 * A peer's search result is data (SECURITY.md): its 有效性 text becomes the badge's label, never
 * extra classes on the badge (src/lib/search-page/result-meta.ts badgeClass, used by
 * src/scripts/search/render.ts, which builds text nodes only).
 */
import { describe, expect, it } from 'vitest';
import { badgeClass } from '../../src/lib/search-page/result-meta.ts';

describe('the status badge of a search result', () => {
  it('has the modifier of each 有效性 value', () => {
    expect(badgeClass('已废止')).toBe('badge badge--已废止');
  });
  it('gets no class from a status it does not know (a hostile peer)', () => {
    for (const hostile of ['现行有效 visually-hidden', 'x" onclick="y', '__proto__', 'toString', 'badge--现行有效']) expect(badgeClass(hostile)).toBe('badge');
  });
});
