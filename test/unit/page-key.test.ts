import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/lib/page-key.ts';

const doc = (body: string) => ({ id: 'a', source: 'policies/a.md', title: '标题', body, tags: new Set(['x']) });

describe('pageKey', () => {
  it('is equal for equal content and changes with any field a page shows, documents inside props included', () => {
    const a = doc('正文');
    const k = pageKey('shell', 'zh-CN', { model: { policy: a, related: [a] } });
    // the same content in other objects (another build) gives the same key
    expect(pageKey('shell', 'zh-CN', { model: { policy: doc('正文'), related: [doc('正文')] } })).toBe(k);
    // a changed body of a document inside the props, a changed Set, shell or locale change it
    expect(pageKey('shell', 'zh-CN', { model: { policy: doc('正文改'), related: [a] } })).not.toBe(k);
    expect(pageKey('shell', 'zh-CN', { model: { policy: a, related: [doc('正文改')] } })).not.toBe(k);
    expect(pageKey('shell', 'zh-CN', { model: { policy: { ...a, tags: new Set(['y']) }, related: [a] } })).not.toBe(k);
    expect(pageKey('shell2', 'zh-CN', { model: { policy: a, related: [a] } })).not.toBe(k);
    expect(pageKey('shell', 'mn-Mong', { model: { policy: a, related: [a] } })).not.toBe(k);
    // a document as the whole props, and a Map of documents
    expect(pageKey('s', 'zh-CN', a)).not.toBe(pageKey('s', 'zh-CN', doc('别的')));
    expect(pageKey('s', 'zh-CN', new Map([['a', a]]))).not.toBe(pageKey('s', 'zh-CN', new Map([['a', doc('别的')]])));
  });
});
