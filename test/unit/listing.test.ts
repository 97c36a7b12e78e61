import { describe, expect, it } from 'vitest';
import { byPublishedDesc, pageWindow, paginate, statusFromSlug, STATUS_SLUGS, topicPath } from '../../src/lib/listing.ts';
import { joinBase, routes } from '../../src/lib/paths.ts';
import type { PolicyView } from '../../src/lib/model.ts';

const p = (id: string, published: string) => ({ id, published }) as PolicyView;

describe('listing rules', () => {
  it('sorts newest first and breaks ties by id, so builds are stable', () => {
    const sorted = [p('b', '2020-01-01'), p('a', '2020-01-01'), p('c', '2024-05-01')].sort(byPublishedDesc);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('paginates into pages that know their position and the total', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((pg) => pg.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages[2]).toMatchObject({ current: 3, last: 3, total: 5 });
  });

  it('gives an empty library one empty page rather than none', () => {
    expect(paginate([], 20)).toEqual([{ items: [], current: 1, last: 1, total: 0 }]);
  });

  it('rejects a page size below one', () => {
    expect(() => paginate([1], 0)).toThrow(/pageSize/);
  });

  it('shows a short page window with gaps on long listings', () => {
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });

  it('maps every 有效性 to an ASCII slug and back', () => {
    for (const [status, slug] of Object.entries(STATUS_SLUGS)) expect(statusFromSlug(slug)).toBe(status);
    expect(statusFromSlug('nope')).toBeUndefined();
  });

  it('shows two-level 主题分类 as 一级\\二级', () => {
    const topics = [{ id: 'zh', name: '综合政务' }, { id: 'gk', name: '政务公开', parent: 'zh' }];
    expect(topicPath(topics, 'gk')).toBe('综合政务\\政务公开');
    expect(topicPath(topics, 'zh')).toBe('综合政务');
  });
});

describe('links honour base', () => {
  it('joins a base with or without a trailing slash', () => {
    expect(joinBase('/', routes.policy('a'))).toBe('/policies/a/');
    expect(joinBase('/zwgk', routes.policy('a'))).toBe('/zwgk/policies/a/');
    expect(joinBase('/zwgk/', '/search/')).toBe('/zwgk/search/');
  });

  it('puts page 1 of a listing at the listing root', () => {
    expect(routes.policiesPage(1)).toBe('policies/');
    expect(routes.policiesPage(3)).toBe('policies/page/3/');
    expect(routes.facet('issuer', 'nmg-gov', 2)).toBe('policies/issuer/nmg-gov/2/');
  });
});

describe('summarizeFacets (listing page props)', () => {
  it('keeps values, labels and counts but no member documents, so a page key does not grow with the library', async () => {
    const { summarizeFacets } = await import('../../src/lib/facets.ts');
    const member = { id: 'a', body: 'x'.repeat(10_000) } as unknown as PolicyView;
    const facets = [{ name: 'year' as const, entries: [{ value: '2024', label: '2024', policies: [member, member, member] }] }];
    const summary = summarizeFacets(facets);
    expect(summary).toEqual([{ name: 'year', entries: [{ value: '2024', label: '2024', count: 3 }] }]);
    expect(JSON.stringify(summary).length).toBeLessThan(200);
  });
});
