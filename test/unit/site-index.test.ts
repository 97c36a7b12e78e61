/**
 * Small files of a site's index (文号 buckets, sort order) are cached per engine, but a
 * request that failed (a peer's timeout) is asked again by the next query.
 */
import { describe, expect, it } from 'vitest';
import { loadBucket, type SiteIndex } from '../../src/search/site-index.ts';

describe('loadBucket', () => {
  it('retries after a failed request and caches a successful one', async () => {
    let calls = 0;
    const ix = {
      base: 'https://peer.example/search/',
      manifest: { docnum: { dir: 'pagefind/abc/docnum/', buckets: 1 } },
      files: new Map(),
      get: async () => {
        calls++;
        if (calls === 1) throw new DOMException('timeout', 'TimeoutError');
        return new Response(JSON.stringify({ '银发|2015|305': [['x1', '银发〔2015〕305号']] }), { status: 200 });
      },
    } as unknown as SiteIndex;
    expect(await loadBucket(ix, 0)).toEqual({});
    expect(await loadBucket(ix, 0)).toEqual({ '银发|2015|305': [['x1', '银发〔2015〕305号']] });
    await loadBucket(ix, 0);
    expect(calls).toBe(2);
  });
});
