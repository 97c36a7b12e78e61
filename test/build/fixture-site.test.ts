/**
 * Builds the fixture site under a sub-path and checks the contract of the build: every content
 * file became a page (drafts excepted, and listed), pages carry the 信息表 and relations, links
 * honour `base`, and every document is a search record found by its title.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteExpectingFailure, ROOT } from '../helpers/build-site.ts';
import { brokenLinks, htmlFiles } from '../helpers/links.ts';
import { collectSite } from '../../src/content/load.ts';
import type { SiteData } from '../../src/lib/model.ts';
import { loadEngine, type Engine } from '../search/helpers.ts';
import { pathToFileURL } from 'node:url';

const FIXTURE = 'test/fixtures/content/ok';
const BASE = '/zwgk/';
let outDir: string;
let data: SiteData;
let drafts: { id: string }[];
let engine: Engine;

const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');

beforeAll(async () => {
  const result = await collectSite({ root: ROOT, source: FIXTURE });
  data = result.data!;
  drafts = result.drafts;
  outDir = buildSite({ content: FIXTURE, base: BASE }).outDir;
  engine = await loadEngine(outDir);
  // result URLs carry the deployment base, as in the browser
  await engine.options({ basePath: pathToFileURL(join(outDir, 'search/')).href, baseUrl: BASE });
});

describe('a fixture site built under a sub-path', () => {
  it('makes a page for every policy and interpretation', () => {
    expect(data.policies.length).toBeGreaterThan(0);
    for (const p of data.policies) expect(existsSync(join(outDir, 'policies', p.id, 'index.html')), p.id).toBe(true);
    for (const i of data.interpretations) expect(existsSync(join(outDir, 'interpretations', i.id, 'index.html')), i.id).toBe(true);
  });

  it('leaves drafts out of the site but reports them', () => {
    expect(drafts.map((d) => d.id)).toContain('draft-d');
    expect(existsSync(join(outDir, 'policies', 'draft-d'))).toBe(false);
  });

  it('shows the 信息表 with every gov.cn field on a document page', () => {
    const html = page('policies/policy-b');
    for (const label of ['索引号', '主题分类', '发文机关', '成文日期', '标题', '发文字号', '发布日期', '有效性']) {
      expect(html).toContain(`<th scope="row">${label}</th>`);
    }
    expect(html).toContain('示政办发[2024]第12号');
  });

  it('shows repeal relations both ways and the validity banner', () => {
    const repealed = page('policies/policy-a');
    expect(repealed).toContain('banner--已废止');
    expect(repealed).toContain(`href="${BASE}policies/policy-b/"`);
    const repealing = page('policies/policy-b');
    expect(repealing).toContain(`href="${BASE}policies/policy-a/"`);
  });

  it('links a policy to its interpretation and back', () => {
    const interp = data.interpretations[0]!;
    const target = interp.interprets[0]!;
    expect(page(`policies/${target}`)).toContain(`href="${BASE}interpretations/${interp.id}/"`);
    expect(page(`interpretations/${interp.id}`)).toContain(`href="${BASE}policies/${target}/"`);
  });

  it('lists every policy in the library and in its facet pages', () => {
    const listing = page('policies');
    for (const p of data.policies) expect(listing).toContain(`href="${BASE}policies/${p.id}/"`);
    for (const p of data.policies) {
      expect(page(`policies/year/${p.year}`)).toContain(`href="${BASE}policies/${p.id}/"`);
      for (const issuer of p.issuers) expect(page(`policies/issuer/${issuer}`)).toContain(`href="${BASE}policies/${p.id}/"`);
    }
  });

  it('writes a 404 page', () => {
    expect(existsSync(join(outDir, '404.html'))).toBe(true);
  });

  it('has no broken internal link or asset under the base', () => {
    expect(htmlFiles(outDir).length).toBeGreaterThan(5);
    expect(brokenLinks(outDir, BASE)).toEqual([]);
  });

  it('makes every document a search record found by its own title', async () => {
    const docs = [
      ...data.policies.map((p) => ({ title: p.title, url: `${BASE}policies/${p.id}/` })),
      ...data.interpretations.map((i) => ({ title: i.title, url: `${BASE}interpretations/${i.id}/` })),
    ];
    for (const doc of docs) {
      const res = await engine.search(doc.title, { limit: 10 });
      expect(res.results.map((r) => r.url), doc.title).toContain(doc.url);
    }
  });
});

describe('builds with bad content', () => {
  // one after another: concurrent astro builds of one project share its .astro/.prerender/
  let failed: Record<'date' | 'dangling' | 'html', { status: number | null; output: string }>;
  beforeAll(async () => {
    const build = (d: string) => buildSiteExpectingFailure(`test/fixtures/content/${d}`);
    failed = { date: await build('bad-date'), dangling: await build('bad-dangling'), html: await build('bad-html') };
  });

  it('fails with one line per problem naming file, field, reason and allowed values', () => {
    const { status, output } = failed.date;
    expect(status).not.toBe(0);
    expect(output).toContain('test/fixtures/content/bad-date/policies/policy-x.md:6 written（成文日期）: 日期格式错误 "2023/1/5"');
    expect(output).toContain('允许值：YYYY-MM-DD');
  });

  it('fails on a dangling reference', () => {
    const { status, output } = failed.dangling;
    expect(status).not.toBe(0);
    expect(output).toMatch(/bad-dangling\/.*\.md:\d+ (interprets|repeals|amends)/);
  });

  it('fails on unsafe HTML in a body and names the line and the construct', () => {
    const { status, output } = failed.html;
    expect(status).not.toBe(0);
    expect(output).toContain('test/fixtures/content/bad-html/policies/policy-h.md:11 body（正文）: 含不安全或不允许的 HTML onclick=');
    expect(output).toContain('policy-h.md:13 body（正文）: 含不安全或不允许的 HTML <script>');
    // one line per problem, no stack trace pointing into our code
    expect(output).not.toMatch(/Stack trace|^\s+at .+:\d+:\d+\)?$/m);
  });
});
