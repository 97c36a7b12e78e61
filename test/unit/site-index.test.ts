/**
 * Reading a site's index files safely (issue: federation peers are untrusted). Small files of
 * an index (文号 buckets, sort order) are cached per engine, but a request that failed (a
 * peer's timeout) is asked again by the next query. Every file is checked against its shape
 * and the peer bounds (src/lib/search/validate*.ts), CBOR decoding is bounded, and a peer's
 * budget (src/lib/search/peer-budget.ts) caps requests, bytes, inflated bytes, requests in
 * flight and the peer's own time, aborting what is pending when it trips.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBucket, type SiteIndex } from '../../src/search/site-index.ts';
import { decodeCbor, encodeCbor } from '../../src/lib/search/cbor.ts';
import { PeerBudget } from '../../src/lib/search/peer-budget.ts';
import { NO_LIMITS, PEER_LIMITS, PeerError, type Limits } from '../../src/lib/search/validate.ts';
import { indexChecks } from '../../src/lib/search/validate-index.ts';
import { buildExcerpt, highlight } from '../../src/lib/search/excerpt.ts';
import { queryTokens } from '../../src/lib/search/tokenize.ts';

afterEach(() => vi.unstubAllGlobals());

/** what a check throws: its problem, or 'ok' */
function verdict(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (e) {
    if (e instanceof PeerError) return e.problem;
    throw e;
  }
}

const shard = { language: 's0-zh', pages: 3, tag: 'ab', avgLength: 12.5, groupSize: 128, groups: ['一'], dirs: ['Qx3_aZ09-k'], filters: 'f0', sort: 's0' };
const manifest = (o: Record<string, unknown> = {}) => ({
  version: 3,
  titleSlot: 128,
  positionCap: 48,
  sectionTokens: 600,
  bundle: 'pagefind/0123456789abcdef/',
  languages: { zh: { shards: [shard], pages: 3 } },
  docnum: { buckets: 1, dir: 'pagefind/0123456789abcdef/docnum/', yearBuckets: 1, list: 'L0' },
  common: '政府',
  agencies: ['内政发'],
  ...o,
});
const fragment = (o: Record<string, unknown> = {}) => ({ url: '/policies/a/', content: '正文', sections: 1, filters: { kind: ['政策文件'] }, meta: { title: '标题', docNumber: '内政发〔2024〕1号' }, ...o });

describe('loadBucket', () => {
  it('retries after a failed request and caches a successful one', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.endsWith('/L0.json')) return new Response(JSON.stringify({ files: ['b0'], yearFiles: ['y0'] }), { status: 200 });
      calls++;
      if (calls === 1) throw new DOMException('timeout', 'TimeoutError');
      expect(url).toBe('https://peer.example/search/pagefind/abc/docnum/b0.json');
      return new Response(JSON.stringify({ '银发|2015|305': [['x1', '银发〔2015〕305号']] }), { status: 200 });
    });
    const ix = {
      base: 'https://peer.example/search/',
      manifest: { docnum: { dir: 'pagefind/abc/docnum/', buckets: 1, yearBuckets: 1, list: 'L0' } },
      files: new Map(),
      net: new PeerBudget(PEER_LIMITS, 0),
      checks: indexChecks(PEER_LIMITS),
    } as unknown as SiteIndex;
    expect(await loadBucket(ix, 0)).toEqual({});
    expect(await loadBucket(ix, 0)).toEqual({ '银发|2015|305': [['x1', '银发〔2015〕305号']] });
    await loadBucket(ix, 0);
    expect(calls).toBe(2);
  });
});

describe('bounded CBOR', () => {
  it('decodes what the indexer writes', () => {
    const v = [[['草原', [-33, 0, 130, 5]], ['政府', [-100_000, 2, -40, 1, 7, 128]]]];
    expect(decodeCbor(encodeCbor(v))).toEqual(v);
  });

  it('rejects deep nesting, lengths beyond the input, truncation and inexact integers', () => {
    expect(() => decodeCbor(Uint8Array.from([...Array(10_000).fill(0x81), 0]))).toThrow(/nested too deep/);
    // a list of 2^32-1 items in 5 bytes: never allocated
    expect(() => decodeCbor(Uint8Array.from([0x9a, 0xff, 0xff, 0xff, 0xff]))).toThrow(/items in 0 bytes/);
    expect(() => decodeCbor(Uint8Array.from([0x7a, 0x00, 0x10, 0x00, 0x00, 0x61]))).toThrow(/truncated/);
    expect(() => decodeCbor(Uint8Array.from([0x82, 0x01, 0x61]))).toThrow(/truncated/);
    expect(() => decodeCbor(Uint8Array.from([0x1b, 0xff, 0, 0, 0, 0, 0, 0, 0]))).toThrow(/integer too large/);
    expect(() => decodeCbor(Uint8Array.from([0xa1, 0x01, 0x02]))).toThrow(/major type 5/);
  });
});

describe('file shapes and declared counts', () => {
  const peer = indexChecks(PEER_LIMITS);
  const own = indexChecks(NO_LIMITS);

  it('accepts a real manifest and reports absurd declared counts as over a limit', () => {
    expect(verdict(() => peer.manifest(manifest(), 'manifest.json'))).toBe('ok');
    const many = manifest({ languages: { zh: { pages: 3, shards: Array(100_000).fill(shard) } } });
    expect(verdict(() => peer.manifest(many, 'manifest.json'))).toBe('limit');
    expect(verdict(() => own.manifest(many, 'manifest.json'))).toBe('ok');
    expect(verdict(() => peer.manifest(manifest({ languages: { zh: { pages: 1e12, shards: [shard] } } }), 'm'))).toBe('limit');
    expect(verdict(() => peer.manifest(manifest({ languages: { zh: { pages: 3, shards: [{ ...shard, groups: Array(100_000).fill('a') }] } } }), 'm'))).toBe('limit');
    expect(verdict(() => peer.manifest(manifest({ docnum: { buckets: 1e9, dir: 'd/', yearBuckets: 1, list: 'L0' } }), 'm'))).toBe('limit');
  });

  it('reports a manifest of the wrong shape as invalid, another version as unreadable', () => {
    expect(verdict(() => peer.manifest(manifest({ languages: 'zh' }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ bundle: '../../../etc/' }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ bundle: 'https://evil.example/' }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ languages: { zh: { pages: 3, shards: [{ ...shard, tag: '../x' }] } } }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ titleSlot: '128' }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ languages: { zh: { pages: 3, shards: [{ ...shard, dirs: [] }] } } }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ languages: { zh: { pages: 3, shards: [{ ...shard, sort: '../s' }] } } }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.manifest(manifest({ docnum: { buckets: 2, dir: 'd/', yearBuckets: 1, list: '../L0' } }), 'm'))).toBe('invalid');
    expect(verdict(() => peer.docnumList({ files: ['a'], yearFiles: ['b/c'] }, 'l'))).toBe('invalid');
    expect(verdict(() => peer.docnumList({ files: Array(1e6).fill('a'), yearFiles: [] }, 'l'))).toBe('limit');
    expect(verdict(() => peer.manifest(manifest({ version: 1 }), 'm'))).toBe('broken');
    expect(verdict(() => peer.manifest(manifest({ version: 2 }), 'm'))).toBe('broken');
    expect(verdict(() => peer.manifest(null, 'm'))).toBe('broken');
  });

  it('keeps only the known keys of a fragment and bounds its text', () => {
    const f = peer.fragment({ ...fragment(), onload: 'x', meta: { title: 't', extra: 1 } }, 'f');
    expect(f).toEqual({ url: '/policies/a/', content: '正文', sections: 1, filters: { kind: ['政策文件'] }, meta: { title: 't' } });
    expect(verdict(() => peer.fragment(fragment({ content: '字'.repeat(100_000) }), 'f'))).toBe('limit');
    expect(verdict(() => peer.fragment(fragment({ meta: { title: 7 } }), 'f'))).toBe('invalid');
    expect(verdict(() => peer.fragment(fragment({ filters: JSON.parse('{"__proto__": ["x"]}') }), 'f'))).toBe('invalid');
  });

  it('accepts only a path of the peer as a result URL', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x', 'https://evil.example/', '/a\\b', '/a\nb', 'policies/a/']) {
      expect(verdict(() => peer.fragment(fragment({ url }), 'f')), url).toBe('invalid');
    }
    expect(verdict(() => peer.fragment(fragment({ url: '/policies/草原/' }), 'f'))).toBe('ok');
  });

  it('checks chunks, directories, filters, 文号 buckets and sort files', () => {
    expect(verdict(() => peer.chunk([[['草原', [-33, 0, 130]]]], 'c'))).toBe('ok');
    expect(verdict(() => peer.chunk([[['草原', [-33]]]], 'c'))).toBe('invalid');
    expect(verdict(() => peer.chunk([[['草原', [5, -33, 0]]]], 'c'))).toBe('invalid');
    expect(verdict(() => peer.chunk([[[7, [-33, 0]]]], 'c'))).toBe('invalid');
    expect(verdict(() => peer.dir([['一', '丁', 300, 'Qx3_aZ09-k']], 'd'))).toBe('ok');
    expect(verdict(() => peer.dir([['一', '丁', 300, '../x']], 'd'))).toBe('invalid');
    expect(verdict(() => peer.dir([['一', '丁', 300]], 'd'))).toBe('invalid');
    expect(verdict(() => peer.dir(Array(5000).fill(['一', '丁', 1, 'a']), 'd'))).toBe('limit');
    expect(verdict(() => peer.filterValues({ kind: [['政策文件', 3, 'a1']] }, 'v'))).toBe('ok');
    expect(verdict(() => peer.filterValues({ kind: [['政策文件', -3, 'a1']] }, 'v'))).toBe('invalid');
    expect(verdict(() => peer.filterValues({ kind: [['政策文件', 3, 'a/b']] }, 'v'))).toBe('invalid');
    expect(verdict(() => peer.filterPages([0, 1, 1], 'p'))).toBe('ok');
    expect(verdict(() => peer.filterPages([0, -1], 'p'))).toBe('invalid');
    expect(verdict(() => peer.bucket({ '银发|2015|305': [['x1', '银发〔2015〕305号']] }, 'b'))).toBe('ok');
    expect(verdict(() => peer.bucket({ k: [['x1']] }, 'b'))).toBe('invalid');
    expect(verdict(() => peer.sort(['ab0', 'ab1'], 's'))).toBe('ok');
    expect(verdict(() => peer.sort({ ids: ['ab0'], dates: [['2024-01-01', 1]] }, 's'))).toBe('ok');
    expect(verdict(() => peer.sort({ ids: ['../x'] }, 's'))).toBe('invalid');
    expect(verdict(() => peer.sort(Array(300_000).fill('ab0'), 's'))).toBe('limit');
  });
});

/** A fetch answering `body(url)`; records the requests and the most in flight at once. */
function fakeFetch(body: (url: string, signal: AbortSignal) => BodyInit | Response, delayMs = 0) {
  const seen = { urls: [] as string[], inFlight: 0, most: 0, aborted: 0 };
  vi.stubGlobal('fetch', async (url: string, init: { signal: AbortSignal }) => {
    seen.urls.push(url);
    seen.most = Math.max(seen.most, ++seen.inFlight);
    init.signal.addEventListener('abort', () => seen.aborted++);
    try {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      init.signal.throwIfAborted();
      const b = body(url, init.signal);
      return b instanceof Response ? b : new Response(b);
    } finally {
      seen.inFlight--;
    }
  });
  return seen;
}

const limits = (o: Partial<Limits>): Limits => ({ ...PEER_LIMITS, ...o });
async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as PeerError).problem ?? String(e);
  }
}

describe('a peer’s budget per query', () => {
  it('stops at the request cap, and every later request fails at once', async () => {
    const seen = fakeFetch(() => '{}');
    const net = new PeerBudget(limits({ requests: 2 }));
    await net.fetch('https://peer.example/a');
    await net.fetch('https://peer.example/b');
    expect(await problemOf(net.fetch('https://peer.example/c'))).toBe('limit');
    expect(await problemOf(net.fetch('https://peer.example/d'))).toBe('limit');
    expect(net.problem).toBe('limit');
    expect(seen.urls).toHaveLength(2);
  });

  it('caps bytes received per file (declared or streamed) and per query', async () => {
    fakeFetch(() => new Uint8Array(5 * 2 ** 20));
    expect(await problemOf(new PeerBudget(PEER_LIMITS).fetch('https://peer.example/big'))).toBe('limit');
    // no content-length: counted while streaming
    fakeFetch(() => new Response(new Blob([new Uint8Array(5 * 2 ** 20)]).stream()));
    expect(await problemOf(new PeerBudget(PEER_LIMITS).fetch('https://peer.example/big'))).toBe('limit');
    fakeFetch(() => new Uint8Array(2 ** 20));
    const net = new PeerBudget(limits({ bytes: 3 * 2 ** 20 }));
    for (let i = 0; i < 3; i++) await net.fetch(`https://peer.example/${i}`);
    expect(await problemOf(net.fetch('https://peer.example/3'))).toBe('limit');
  });

  it('inflates a gzip bomb only up to the cap, streamed', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 2 ** 20));
    expect(bomb.length).toBeLessThan(100_000);
    fakeFetch(() => bomb);
    const before = process.memoryUsage().arrayBuffers;
    const net = new PeerBudget(PEER_LIMITS);
    expect(await problemOf(net.fetch('https://peer.example/bomb.pf_index'))).toBe('limit');
    expect(net.inflated).toBeLessThanOrEqual(PEER_LIMITS.fileInflated + 2 ** 20);
    expect((process.memoryUsage().arrayBuffers - before) / 2 ** 20).toBeLessThan(32);
    // a real gzipped file still inflates; a broken one is unreadable
    fakeFetch(() => gzipSync(Buffer.from('{"a":1}')));
    expect(new TextDecoder().decode((await new PeerBudget(PEER_LIMITS).fetch('https://peer.example/ok')).bytes)).toBe('{"a":1}');
    fakeFetch(() => Uint8Array.from([0x1f, 0x8b, 1, 2, 3]));
    expect(await problemOf(new PeerBudget(PEER_LIMITS).fetch('https://peer.example/bad'))).toBe('broken');
  });

  it('times out a dripping body after the peer’s own time, aborting what is pending', async () => {
    let cancelled = false;
    const seen = fakeFetch(
      () =>
        new Response(
          new ReadableStream({
            async pull(c) {
              await new Promise((r) => setTimeout(r, 100));
              c.enqueue(new Uint8Array([32]));
            },
            cancel() {
              cancelled = true;
            },
          }),
        ),
    );
    const net = new PeerBudget(PEER_LIMITS, 300);
    const t0 = Date.now();
    const [a, b] = await Promise.all([problemOf(net.fetch('https://peer.example/drip1')), problemOf(net.fetch('https://peer.example/drip2'))]);
    expect([a, b]).toEqual(['timeout', 'timeout']);
    expect(Date.now() - t0).toBeLessThan(900);
    expect(seen.aborted).toBe(2);
    expect(cancelled).toBe(true);
  });

  it('charges only the time its own requests are in flight, not the time spent waiting for others', async () => {
    fakeFetch(() => '{}', 150);
    const net = new PeerBudget(PEER_LIMITS, 400);
    await net.fetch('https://peer.example/a');
    // the engine waits for another peer meanwhile: not this one's time
    await new Promise((r) => setTimeout(r, 500));
    await net.fetch('https://peer.example/b');
    expect(net.problem).toBeUndefined();
    // 300 of its 400 ms used: the next 150 ms request is cut at 100
    expect(await problemOf(net.fetch('https://peer.example/c'))).toBe('timeout');
  });

  it('keeps at most `parallel` requests in flight', async () => {
    const seen = fakeFetch(() => '{}', 30);
    const net = new PeerBudget(limits({ parallel: 2 }));
    await Promise.all(Array.from({ length: 7 }, (_, i) => net.fetch(`https://peer.example/${i}`)));
    expect(seen.most).toBe(2);
    expect(seen.urls).toHaveLength(7);
  });
});

describe('excerpts of any source', () => {
  it('hold no markup but <mark>: a peer’s HTML stays escaped text', () => {
    const text = '<script>alert(1)</script>为落实草原生态保护补助奖励政策<img src=x onerror=alert(2)>，现通知如下。';
    const toks = queryTokens('草原生态保护', 'zh');
    for (const html of [buildExcerpt(text, toks, 80), buildExcerpt(text, [], 80), highlight('<b>标题</b>', [[0, 3]])]) {
      expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    expect(buildExcerpt(text, toks, 80)).toContain('<mark>草原生态保护</mark>');
  });
});
