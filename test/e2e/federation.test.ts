/**
 * Federated 一网通查 (issue 9): three fixture portals — a 自治区, a 盟市 and a 旗县, each with its
 * own documents and one document published by both the 自治区 and the 盟市 — are built and served
 * on 127.0.0.1 on three ports under three different paths. The 自治区 site names the other two in
 * its site.yaml. In Node (the engine module) and in Chromium (the search page) one query finds
 * documents of all three sites, labelled, filtered by level and site, the shared document once with
 * both sources; a peer that is stopped, slow or broken is skipped with a notice.
 *
 * Hostile peers (test/helpers/hostile-peer.ts, each on its own port) next to a healthy one: gzip
 * bombs, a manifest declaring 100,000 shards, absurd counts, a body dripped a byte per second,
 * files of the wrong shape, HTML and script in fragments, javascript: result URLs. Each is
 * skipped with its notice (limit, timeout, invalid) within the time limit, the healthy peer's
 * results stay and it is reported ok, memory grows by far less than 100 MB (Node: heap and
 * buffers; Chromium: the page's JS heap through CDP), and nothing of a peer runs as script.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, ROOT } from '../helpers/build-site.ts';
import { serveDist, type Served } from '../helpers/serve.ts';
import { ARTIFACTS, chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { axeViolations } from '../helpers/axe.ts';
import { gzipBomb, INJECTED, serveHostile, type HostileMode, type HostilePeer } from '../helpers/hostile-peer.ts';

/** the WCAG 2.1 A/AA rules of axe-core */
const WCAG = { runOnly: { type: 'tag' as const, values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

interface Fixture {
  dir: string;
  base: string;
  id: string;
  level: string;
  out: string;
  served: Served;
}
const SITES = {
  region: { base: '/zwgk/', id: '1500000001', level: '自治区' },
  league: { base: '/baotou/', id: '1502000001', level: '盟市' },
  banner: { base: '/guyang/zwgk/', id: '1502220001', level: '旗县' },
} as const;
type Name = keyof typeof SITES;
const f = {} as Record<Name, Fixture>;
const ids = (r: { results: { site: { id: string } }[] }) => [...new Set(r.results.map((x) => x.site.id))].sort();

/** The 自治区 engine in Node: its own index from disk, the peers over HTTP. */
async function regionEngine(o: object = {}): Promise<Engine> {
  const e = await loadEngine(f.region.out);
  await e.options({ basePath: pathToFileURL(join(f.region.out, 'search/')).href, baseUrl: SITES.region.base, ...o });
  return e;
}

beforeAll(async () => {
  // servers first: the 自治区 site.yaml needs the peers' addresses
  for (const name of Object.keys(SITES) as Name[]) {
    const out = mkdtempSync(join(tmpdir(), `portal-fed-${name}-`));
    const served = await serveDist(out, SITES[name].base, { cors: true });
    const dir = mkdtempSync(join(tmpdir(), `portal-fed-content-${name}-`));
    cpSync(join(ROOT, 'test/fixtures/federation', name), dir, { recursive: true });
    f[name] = { dir, out, served, ...SITES[name] };
  }
  const peer = (name: Name, zh: string, mn?: string) =>
    `  - id: "${SITES[name].id}"\n    name: { zh: ${zh}${mn ? `, mn: ${mn}` : ''} }\n    level: ${SITES[name].level}\n    region: "${name === 'league' ? '150200' : '150222'}"\n    url: ${f[name].served.url}\n`;
  writeFileSync(join(f.region.dir, 'site.yaml'), `${readFileSync(join(f.region.dir, 'site.yaml'), 'utf8')}federation:\n${peer('league', '包头市人民政府', 'ᠪᠣᠭᠣᠲᠣ ᠬᠣᠲᠠ')}${peer('banner', '固阳县人民政府')}`);
  for (const name of Object.keys(SITES) as Name[]) buildSite({ content: f[name].dir, base: f[name].base, outDir: f[name].out });
}, 300_000);

afterAll(async () => {
  for (const x of Object.values(f)) await x?.served.close().catch(() => {});
});

describe('federated search across a 自治区, a 盟市 and a 旗县 portal', () => {
  it('each site describes itself in search/sites.json, and lists its peers', () => {
    const region = JSON.parse(readFileSync(join(f.region.out, 'search/sites.json'), 'utf8'));
    expect(region.site).toMatchObject({ id: '1500000001', name: { zh: '内蒙古自治区人民政府' }, level: '自治区', region: '150000', documents: { zh: 3, mn: 1 }, languages: ['mn', 'zh'] });
    expect(region.site.url).toMatch(/\/zwgk\/$/);
    expect(Date.parse(region.site.built)).toBeGreaterThan(Date.now() - 3_600_000);
    expect(region.peers.map((p: { id: string; url: string }) => [p.id, p.url])).toEqual([
      ['1502000001', f.league.served.url],
      ['1502220001', f.banner.served.url],
    ]);
    const banner = JSON.parse(readFileSync(join(f.banner.out, 'search/sites.json'), 'utf8'));
    expect(banner.site).toMatchObject({ id: '1502220001', level: '旗县', documents: { zh: 2 }, languages: ['zh'] });
    expect(banner.peers).toEqual([]);
  });

  it('allows exactly the configured peers in the CSP of every page', () => {
    const html = readFileSync(join(f.region.out, 'search/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const origin = (u: string) => new URL(u).origin;
    expect(csp).toContain(`connect-src 'self' ${origin(f.league.served.url)} ${origin(f.banner.served.url)};`);
    expect(csp).toMatch(/script-src 'self';/);
    // a site without peers connects only to itself
    const own = readFileSync(join(f.banner.out, 'search/index.html'), 'utf8');
    expect(own).toMatch(/connect-src 'self';/);
  });

  it('finds documents of all three sites for one query, each labelled with its site', async () => {
    const e = await regionEngine();
    const r = await e.search('草原生态保护', { limit: 10 });
    expect(ids(r)).toEqual(['1500000001', '1502000001', '1502220001']);
    expect(r.notices).toEqual([]);
    const byId = new Map(r.results.map((x) => [x.site.id, x]));
    expect(byId.get('1500000001')!.url).toBe('/zwgk/policies/r-caoyuan/');
    expect(byId.get('1502000001')!.url).toBe(`${f.league.served.url}policies/l-caoyuan/`);
    expect(byId.get('1502220001')!.url).toBe(`${f.banner.served.url}policies/b-caoyuan/`);
    expect(byId.get('1502220001')!.site).toMatchObject({ level: '旗县', self: false, name: { zh: '固阳县人民政府' } });
    expect(r.sites.map((s) => [s.site.id, s.status])).toEqual([
      ['1500000001', 'ok'],
      ['1502000001', 'ok'],
      ['1502220001', 'ok'],
    ]);
  });

  it('gives the same answers to queries run at the same time as one by one', async () => {
    const queries = ['草原生态保护', '政务公开', '优化营商环境', '内政发〔2024〕8号', '补助奖励', '实施方案'];
    const one = await regionEngine();
    const sequential = [];
    for (const q of queries) sequential.push((await one.search(q)).results.map((r) => r.url));
    const two = await regionEngine();
    const parallel = await Promise.all(queries.map((q) => two.search(q)));
    expect(parallel.map((r) => r.results.map((x) => x.url))).toEqual(sequential);
  });

  it('filters by level and by site', async () => {
    const e = await regionEngine();
    expect(ids(await e.search('草原生态保护', { filters: { level: '旗县' } }))).toEqual(['1502220001']);
    expect(ids(await e.search('草原生态保护', { filters: { level: ['自治区', '盟市'] } }))).toEqual(['1500000001', '1502000001']);
    expect(ids(await e.search('草原生态保护', { filters: { site: '1502000001' } }))).toEqual(['1502000001']);
    // an empty query lists the filtered federation, newest first
    const listed = await e.search('', { filters: { level: ['盟市', '旗县'] } });
    expect(listed.total).toBe(4);
    expect(listed.results.map((x) => x.url.split('/').at(-2))).toEqual(['b-caoyuan', 'l-yingshang', 'l-caoyuan', 'b-zwgk']);
  });

  it('shows a document published by two sites once, with both sources', async () => {
    const e = await regionEngine();
    const r = await e.search('优化营商环境', { limit: 10 });
    const shared = r.results.filter((x) => x.title === '内蒙古自治区人民政府关于进一步优化营商环境的若干措施');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.sources!.map((s) => s.site.id).sort()).toEqual(['1500000001', '1502000001']);
    expect(r.total).toBe(r.results.length);
    // the 文号 typed another way finds it first, still once
    const d = await e.search('内政发2024 15', { limit: 10 });
    expect(d.results[0]!.title).toBe('内蒙古自治区人民政府关于进一步优化营商环境的若干措施');
    expect(d.results[0]!.sources).toHaveLength(2);
    expect(d.results.filter((x) => x.title === d.results[0]!.title)).toHaveLength(1);
  });

  it('ranks fairly: the same document scores the same on a 3-document and a 2-document site', async () => {
    const e = await regionEngine();
    const r = await e.search('营商环境若干措施', { debug: true });
    expect(r.ranked!.length).toBeGreaterThanOrEqual(2);
    const [a, b] = r.ranked!.slice(0, 2);
    expect(new Set([a!.site, b!.site])).toEqual(new Set(['1500000001', '1502000001']));
    expect(a!.tier).toBe(b!.tier);
    // Pagefind's own scores differ by site size (per-index IDF); rescaled to one global IDF they agree
    expect(Math.abs(a!.score - b!.score) / Math.max(a!.score, b!.score)).toBeLessThan(0.02);
  });

  it('searches the peers’ Mongolian indexes from a Mongolian page, and adds them on a Chinese one when asked', async () => {
    const mn = await regionEngine({ language: 'mn' });
    const r = await mn.search('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ');
    expect(ids(r)).toEqual(['1500000001', '1502000001']);
    expect(r.results.every((x) => x.language === 'mn')).toBe(true);
    // the 旗县 has no Mongolian pages: not an error, no notice
    expect(r.notices).toEqual([]);
    expect(r.sites.find((s) => s.site.id === '1502220001')?.status).toBe('no-language');
    const zh = await regionEngine();
    const mixed = await zh.search('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ', { languages: ['zh', 'mn'] });
    expect(mixed.results.filter((x) => x.language === 'mn').length).toBe(2);
    expect((await zh.search('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ')).total).toBe(0);
  });

  it('skips a stopped, a slow or a broken peer with a notice and still returns the rest', async () => {
    f.banner.served.mode = 'broken';
    const broken = await (await regionEngine()).search('草原生态保护');
    expect(ids(broken)).toEqual(['1500000001', '1502000001']);
    expect(broken.notices.map((n) => [n.site.id, n.problem])).toEqual([['1502220001', 'broken']]);
    f.banner.served.mode = 'up';

    f.league.served.mode = 'slow';
    f.league.served.delayMs = 2500;
    const t0 = Date.now();
    const slow = await (await regionEngine({ timeout: 800 })).search('草原生态保护');
    expect(Date.now() - t0).toBeLessThan(2400);
    expect(ids(slow)).toEqual(['1500000001', '1502220001']);
    expect(slow.notices.map((n) => [n.site.id, n.problem])).toEqual([['1502000001', 'timeout']]);
    f.league.served.mode = 'up';
    await new Promise((r) => setTimeout(r, 2600));

    await f.banner.served.close();
    const down = await (await regionEngine()).search('草原生态保护');
    expect(ids(down)).toEqual(['1500000001', '1502000001']);
    expect(down.notices.map((n) => [n.site.id, n.problem])).toEqual([['1502220001', 'unreachable']]);
    // back at the same address for the browser tests
    f.banner.served = await serveDist(f.banner.out, SITES.banner.base, { cors: true, port: Number(new URL(f.banner.served.url).port) });
  });
});

describe.skipIf(!chromiumAvailable)('federated search page in Chromium (Debian chromium; skipped when absent)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** a page in its own context (axe needs one; nothing cached between tests) */
  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  }

  async function open(query: string) {
    const page = await newPage();
    const origins = new Set<string>();
    const cspErrors: string[] = [];
    page.on('request', (r) => origins.add(new URL(r.url()).origin));

    page.on('console', (m) => {
      if (/Content.Security.Policy|CSP/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${f.region.served.url}search/?${query}`);
    await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
    const items = await page.$$eval('ol[data-search-results] > li', (lis) =>
      lis.map((li) => ({
        site: li.querySelector<HTMLElement>('[data-site]')?.dataset.site ?? '',
        label: li.querySelector('.doc-list__site')?.textContent ?? '',
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        sources: li.querySelector<HTMLElement>('[data-sources]')?.dataset.sources ?? '',
        lang: (li as HTMLElement).lang,
      })),
    );
    return { page, items, origins, cspErrors };
  }

  it('one query lists all three sites, labelled, contacting only them', async () => {
    const { page, items, origins, cspErrors } = await open(`q=${encodeURIComponent('草原生态保护')}`);
    expect([...new Set(items.map((i) => i.site))].sort()).toEqual(['1500000001', '1502000001', '1502220001']);
    expect(items.find((i) => i.site === '1502220001')!.label).toContain('固阳县人民政府');
    const allowed = new Set([f.region, f.league, f.banner].map((x) => new URL(x.served.url).origin));
    expect([...origins].filter((o) => !allowed.has(o))).toEqual([]);
    expect(cspErrors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'federation-search.png'), fullPage: true });
    await page.close();
  });

  it('filters by level from the form, and shows the shared document once', async () => {
    const level = await open(`q=${encodeURIComponent('草原生态保护')}&level=${encodeURIComponent('盟市')}`);
    expect([...new Set(level.items.map((i) => i.site))]).toEqual(['1502000001']);
    expect(await level.page.inputValue('#filter-level')).toBe('盟市');
    await level.page.close();
    const shared = await open(`q=${encodeURIComponent('优化营商环境')}`);
    const twice = shared.items.filter((i) => i.sources === '2');
    expect(twice).toHaveLength(1);
    await shared.page.close();
  });

  it('adds Mongolian results on the Chinese page when asked', async () => {
    const { page, items } = await open(`q=${encodeURIComponent('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ')}&mn=1`);
    expect(items.filter((i) => i.lang === 'mn-Mong')).toHaveLength(2);
    expect(await page.isChecked('#search-mn')).toBe(true);
    await page.close();
  });

  it('has no serious or critical axe violation with site labels, sources and Mongolian results (zh and mn pages)', async () => {
    const problems: string[] = [];
    for (const query of [`q=${encodeURIComponent('优化营商环境')}`, `q=${encodeURIComponent('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ')}&mn=1`]) {
      const { page } = await open(query);
      for (const v of await axeViolations(page, WCAG)) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`${query}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      await page.close();
    }
    const mn = await newPage();
    await mn.goto(`${f.region.served.url}mn/search/?q=${encodeURIComponent('ᠡᠷᠬᠡ ᠴᠢᠯᠥᠭᠡ')}`);
    await mn.waitForSelector('[data-search-total]', { state: 'attached', timeout: 20_000 });
    expect(await mn.$$eval('ol[data-search-results] .doc-list__site', (l) => l.length)).toBe(2);
    for (const v of await axeViolations(mn, WCAG)) if (v.impact === 'serious' || v.impact === 'critical') problems.push(`mn: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    await mn.screenshot({ path: join(ARTIFACTS, 'federation-search-mn.png') });
    await mn.close();
    expect(problems).toEqual([]);
  });

  it('says which peer is down and shows the others', async () => {
    await f.league.served.close();
    const { page, items } = await open(`q=${encodeURIComponent('草原生态保护')}`);
    expect([...new Set(items.map((i) => i.site))].sort()).toEqual(['1500000001', '1502220001']);
    const notice = await page.textContent('[data-search-notices]');
    expect(notice).toContain('包头市人民政府');
    expect(notice).toContain('无法连接');
    expect(await page.isVisible('[data-search-notices]')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'federation-peer-down.png'), fullPage: true });
    await page.close();
  });
});

/** The problem each hostile peer is reported with. */
const HOSTILE: Partial<Record<HostileMode, string>> = {
  bomb: 'limit',
  'encoded-bomb': 'limit',
  'huge-manifest': 'limit',
  absurd: 'limit',
  drip: 'timeout',
  'invalid-json': 'invalid',
  'invalid-cbor': 'invalid',
  'js-url': 'invalid',
};
const MODES = Object.keys(HOSTILE) as HostileMode[];
const hostileId = (mode: HostileMode) => `hostile-${mode}`;

/** A healthy copy of the 盟市 and every hostile copy of the 旗县, each on its own server. */
async function startPeers(): Promise<Record<HostileMode, HostilePeer>> {
  const zeros = await gzipBomb(256);
  const spaces = await gzipBomb(256, 0x20);
  const peers = {} as Record<HostileMode, HostilePeer>;
  peers.up = await serveHostile(f.league.out, SITES.league.base, 'up');
  for (const mode of [...MODES, 'html'] as HostileMode[]) peers[mode] = await serveHostile(f.banner.out, SITES.banner.base, mode, { bomb: mode === 'encoded-bomb' ? spaces : zeros });
  return peers;
}

function peerInfo(peers: Record<HostileMode, HostilePeer>, mode: HostileMode) {
  if (mode === 'up') return { id: SITES.league.id, name: { zh: '包头市人民政府' }, level: '盟市', region: '150200', url: peers.up.url };
  return { id: hostileId(mode), name: { zh: `${INJECTED.title}恶意站点 ${mode}` }, level: '旗县', region: '150222', url: peers[mode].url };
}

/** Peak growth (MB) of the heap and array buffers while `run` runs, sampled every 5 ms. */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ value: T; mb: number }> {
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = mem();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, mem())), 5);
  try {
    const value = await run();
    peak = Math.max(peak, mem());
    return { value, mb: (peak - base) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile federation peers (Node)', () => {
  let peers: Record<HostileMode, HostilePeer>;
  beforeAll(async () => {
    peers = await startPeers();
  });
  afterAll(async () => {
    for (const p of Object.values(peers ?? {})) await p.close();
  });

  /** '草原生态保护' from the 自治区 with the healthy 盟市 and the given hostile peers */
  async function against(modes: HostileMode[], timeout = 1500) {
    const e = await regionEngine({ peers: ['up' as HostileMode, ...modes].map((m) => peerInfo(peers, m)), timeout });
    const t0 = Date.now();
    const { value: r, mb } = await peakGrowth(() => e.search('草原生态保护', { limit: 20 }));
    return { r, ms: Date.now() - t0, mb };
  }
  const problems = (r: Awaited<ReturnType<Engine['search']>>) => Object.fromEntries(r.notices.map((n) => [n.site.id, n.problem]));
  const healthy = (r: Awaited<ReturnType<Engine['search']>>) => {
    expect(ids(r)).toEqual(expect.arrayContaining(['1500000001', SITES.league.id]));
    expect(r.sites.find((s) => s.site.id === SITES.league.id)?.status).toBe('ok');
  };

  it('skips a gzip bomb (index files, or a manifest sent gzip-encoded) with a limit notice, memory growing far less than 100 MB', async () => {
    for (const mode of ['bomb', 'encoded-bomb'] as HostileMode[]) {
      const { r, mb } = await against([mode]);
      expect(problems(r)).toEqual({ [hostileId(mode)]: 'limit' });
      healthy(r);
      expect(mb).toBeLessThan(100);
    }
  });

  it('skips a manifest declaring 100,000 shards or absurd counts without asking for any other file', async () => {
    for (const mode of ['huge-manifest', 'absurd'] as HostileMode[]) {
      peers[mode].requests.length = 0;
      const { r, ms, mb } = await against([mode]);
      expect(problems(r)).toEqual({ [hostileId(mode)]: 'limit' });
      healthy(r);
      expect(peers[mode].requests.filter((p) => !p.endsWith('/search/manifest.json'))).toEqual([]);
      expect(ms).toBeLessThan(1500);
      expect(mb).toBeLessThan(100);
    }
  });

  it('times out a peer dripping a byte a second after its own time limit, never the healthy peer next to it', async () => {
    const { r, ms } = await against(['drip'], 1000);
    expect(problems(r)).toEqual({ [hostileId('drip')]: 'timeout' });
    healthy(r);
    expect(ms).toBeLessThan(1000 + 1500);
  });

  it('reports files of the wrong shape as invalid: a manifest, deeply nested CBOR, a javascript: result URL', async () => {
    for (const mode of ['invalid-json', 'invalid-cbor', 'js-url'] as HostileMode[]) {
      const { r } = await against([mode]);
      expect(problems(r)).toEqual({ [hostileId(mode)]: 'invalid' });
      healthy(r);
      expect(r.results.every((x) => /^(\/|http:\/\/127\.0\.0\.1:)/.test(x.url))).toBe(true);
    }
  });

  it('keeps HTML and script in a peer’s titles, 文号 and text as text: excerpts hold no markup but <mark>', async () => {
    const { r } = await against(['html']);
    expect(r.notices).toEqual([]);
    healthy(r);
    const mine = r.results.filter((x) => x.site.id === hostileId('html'));
    expect(mine.length).toBeGreaterThan(0);
    for (const x of [...mine, ...r.results]) {
      expect(x.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(x.titleHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(x.url).toMatch(/^(\/|http:\/\/127\.0\.0\.1:\d+\/)/);
    }
    // the title is plain text (the page sets it as text); its markup arrives escaped in titleHtml
    expect(mine[0]!.title).toContain(INJECTED.title);
    expect(mine[0]!.titleHtml).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(mine[0]!.excerpt).toContain('&lt;/a&gt;');
  });

  it('with every hostile peer at once: each skipped with its notice, the healthy peer ok, all within about the time limit', async () => {
    const { r, ms, mb } = await against([...MODES, 'html'], 1500);
    expect(problems(r)).toEqual(Object.fromEntries(MODES.map((m) => [hostileId(m), HOSTILE[m]])));
    healthy(r);
    expect(ids(r)).toContain(hostileId('html'));
    expect(ms).toBeLessThan(1500 + 2000);
    expect(mb).toBeLessThan(100);
  });
});

describe.skipIf(!chromiumAvailable)('hostile federation peers in Chromium', () => {
  let browser: Browser;
  let peers: Record<HostileMode, HostilePeer>;
  let region: HostilePeer;
  beforeAll(async () => {
    peers = await startPeers();
    const listed = (['up', ...MODES, 'html'] as HostileMode[]).map((m) => peerInfo(peers, m));
    const origins = [...new Set(listed.map((p) => new URL(p.url).origin))].join(' ');
    // the 自治区 site as if built with these peers: its sites.json and its CSP name them
    region = await serveHostile(f.region.out, SITES.region.base, 'up', {
      rewrite: (file, body) => {
        if (file.endsWith('/search/sites.json')) return Buffer.from(JSON.stringify({ ...JSON.parse(body.toString('utf8')), peers: listed }));
        if (file.endsWith('.html')) return Buffer.from(body.toString('utf8').replace("connect-src 'self'", `connect-src 'self' ${origins}`));
        return body;
      },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const p of [...Object.values(peers ?? {}), region]) await p?.close();
  });

  it('skips every hostile peer with its notice, shows the healthy peer, runs no peer script, the JS heap growing < 100 MB', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number };
      return h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0);
    };
    // the search page without a query (nothing searched) is the baseline
    await page.goto(`${region.url}search/`);
    const base = await heap();
    let peak = base;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        peak = Math.max(peak, await heap().catch(() => peak));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const t0 = Date.now();
    await page.goto(`${region.url}search/?q=${encodeURIComponent('草原生态保护')}`);
    await page.waitForSelector('[data-search-total]', { state: 'attached', timeout: 30_000 });
    const ms = Date.now() - t0;
    polling = false;
    await poll;

    const notices = new Map(await page.$$eval('[data-search-notices] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.site ?? '', li.textContent ?? ''] as [string, string])));
    const label = { limit: /索引数据量超出限制|索引无法读取/, timeout: /响应超时/, invalid: /索引数据格式不正确|索引无法读取/ } as Record<string, RegExp>;
    for (const mode of MODES) expect(notices.get(hostileId(mode)), mode).toMatch(label[HOSTILE[mode]!]!);
    expect(notices.has(SITES.league.id)).toBe(false);
    expect(notices.size).toBe(MODES.length);
    // a hostile peer's name is shown as text
    expect(notices.get(hostileId('drip'))).toContain(INJECTED.title);

    const sites = await page.$$eval('ol[data-search-results] > li [data-site]', (l) => l.map((x) => (x as HTMLElement).dataset.site));
    expect(sites).toEqual(expect.arrayContaining(['1500000001', SITES.league.id, hostileId('html')]));
    const dom = await page.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned,
      elements: document.querySelectorAll('ol[data-search-results] img, ol[data-search-results] script, [data-search-notices] img').length,
      excerptTags: [...new Set([...document.querySelectorAll('.doc-list__excerpt *')].map((e) => e.tagName))],
      hrefs: [...document.querySelectorAll('ol[data-search-results] a')].map((a) => a.getAttribute('href') ?? ''),
      titles: [...document.querySelectorAll('ol[data-search-results] .doc-list__title')].map((a) => a.textContent ?? ''),
    }));
    expect(dom.pwned).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(dom.elements).toBe(0);
    expect(dom.excerptTags.filter((t) => t !== 'MARK')).toEqual([]);
    expect(dom.hrefs.every((h) => /^(\/|http:\/\/127\.0\.0\.1:)/.test(h))).toBe(true);
    expect(dom.titles.some((t) => t.includes(INJECTED.title))).toBe(true);

    // the drip peer holds the page about its time limit (5 s), no longer
    expect(ms).toBeLessThan(5000 + 4000);
    expect((peak - base) / 2 ** 20).toBeLessThan(100);
    await page.screenshot({ path: join(ARTIFACTS, 'federation-hostile-peers.png'), fullPage: true });
    await context.close();
  });
});
