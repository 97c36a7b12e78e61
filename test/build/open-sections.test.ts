/**
 * Builds the sample site (content/) and checks every 政府信息公开 section (issue 4) in both
 * locales: landing structure, 标准目录 tables (nine template columns, static filters), 年度报告
 * template tables, 依申请公开 without a form when no endpoint is configured, 公报 contents linking
 * to existing policy pages, consultation status, 专题, 网站地图. A second, small build (the fixture
 * library in test/fixtures/open/lib) has an endpoint and so an online form. The build date is
 * pinned with PORTAL_TODAY so consultation statuses do not drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TEST_TODAY } from '../helpers/build-site.ts';
import { collectOpenData } from '../../src/content/open-data.ts';
import { PILOT_AREAS } from '../../src/lib/open/areas.ts';
import { RESULT_ROWS, REPORT_SECTIONS } from '../../src/lib/open/report.ts';
import { APPLICATION_FORM_FILE } from '../../src/lib/open/apply-form.ts';
import type { OpenData } from '../../src/lib/open/model.ts';

let outDir: string;
let libOut: string;
let open: OpenData;

beforeAll(async () => {
  open = (await collectOpenData({ root: ROOT, source: 'content', today: TEST_TODAY })).data!;
  outDir = buildSite().outDir;
  libOut = buildSite({ content: 'test/fixtures/open/lib', base: '/zwgk/' }).outDir;
});

const html = (dir: string, path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');
const page = (path: string) => html(outDir, path);
const LOCALES = ['', 'mn/'];

describe('sample site: every open-platform page exists in both locales', () => {
  it('builds the section pages', () => {
    const paths = [
      'open/', 'open/guide/', 'open/rules/', 'open/catalog/', 'open/powers/', 'open/reports/', 'open/apply/', 'open/apply/form/',
      'gazette/', 'consultations/', 'special/', 'sitemap/',
      ...PILOT_AREAS.map((a) => `open/catalog/${a.id}/`),
      ...open.powers.map((p) => `open/powers/${p.id}/`),
      ...open.reports.map((r) => `open/reports/${r.year}/`),
      ...open.gazette.map((g) => `gazette/${g.year}/${g.number}/`),
      ...open.consultations.map((c) => `consultations/${c.id}/`),
      ...open.specials.map((s) => `special/${s.id}/`),
    ];
    for (const prefix of LOCALES) for (const p of paths) expect(existsSync(join(outDir, prefix + p, 'index.html')), prefix + p).toBe(true);
  });
  it('has sample content for at least 3 catalog areas, a report, a gazette issue, consultations and specials', () => {
    expect(open.catalog.length).toBeGreaterThanOrEqual(3);
    expect(open.reports.length).toBeGreaterThanOrEqual(1);
    expect(open.gazette.length).toBeGreaterThanOrEqual(1);
    expect(open.specials.length).toBeGreaterThanOrEqual(5);
  });
});

describe('/open/ landing', () => {
  it('has the six blocks of 政府网站发展指引 in order, in both locales', () => {
    for (const prefix of LOCALES) {
      const sections = [...page(`${prefix}open`).matchAll(/data-section="([a-z]+)"/g)].map((m) => m[1]);
      expect(sections).toEqual(['guide', 'rules', 'active', 'catalog', 'reports', 'apply']);
    }
    const zh = page('open');
    for (const label of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政务公开事项标准目录', '政府信息公开工作年度报告', '依申请公开']) expect(zh).toContain(label);
  });
});

describe('政务公开事项标准目录', () => {
  const area = () => open.catalog[0]!;
  it('renders the nine template columns with caption and th scope', () => {
    const h = page(`open/catalog/${area().id}`);
    for (const col of ['公开事项', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '公开方式', '公开层级']) {
      expect(h).toMatch(new RegExp(`<th scope="col(group)?"[^>]*>${col.replace(/[()（）]/g, '.')}</th>`));
    }
    expect(h).toMatch(/<caption[^>]*>[^<]*领域基层政务公开标准目录<\/caption>/);
    expect((h.match(/<tr data-mode=/g) ?? []).length).toBe(area().items.length);
  });
  it('filters without JavaScript: a static page per filter value, linked from the area page', () => {
    const h = page(`open/catalog/${area().id}`);
    expect(h).toContain(`href="/open/catalog/${area().id}/mode/zhudong/"`);
    const filtered = page(`open/catalog/${area().id}/mode/zhudong`);
    const rows = (filtered.match(/<tr data-mode="([^"]+)"/g) ?? []);
    expect(rows.length).toBe(area().items.filter((i) => i.mode === '主动').length);
    expect(rows.every((r) => r.includes('"主动"'))).toBe(true);
  });
  it('lists all 26 pilot areas and marks the ones without a catalog', () => {
    const h = page('open/catalog');
    for (const a of PILOT_AREAS) expect(h).toContain(`href="/open/catalog/${a.id}/"`);
    expect(h).toContain('目录编制中');
  });
  it('keeps table semantics on the Mongolian page', () => {
    const h = page(`mn/open/catalog/${area().id}`);
    expect(h).toMatch(/<caption[^>]*>/);
    expect(h).toContain('<tbody lang="zh-CN">');
    expect(h).toMatch(/<th scope="row">/);
  });
});

describe('政府信息公开工作年度报告', () => {
  const r = () => open.reports[0]!;
  it('has the six parts and the template tables', () => {
    const h = page(`open/reports/${r().year}`);
    for (const s of REPORT_SECTIONS) expect(h).toContain(s);
    for (const t of ['documents', 'licensing', 'punishment', 'fees', 'applications', 'review']) expect(h).toContain(`data-report-table="${t}"`);
  });
  it('lists the 三 rows of the template in order', () => {
    const h = page(`open/reports/${r().year}`);
    const rows = [...h.matchAll(/<tr data-row="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['received', 'carriedOver', ...RESULT_ROWS.map((x) => x.key), 'total', 'carryForward']);
    for (const c of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']) expect(h).toContain(`>${c}</th>`);
  });
  it('shows the 行政规范性文件 counts computed from the library and marks sample data', () => {
    const h = page(`open/reports/${r().year}`);
    const n = open.normative[r().year]!;
    expect(h).toMatch(new RegExp(`<tr data-computed><th scope="row">行政规范性文件</th><td class="num">${n.issued}</td><td class="num">${n.repealed}</td><td class="num">${n.inForce}</td></tr>`));
    expect(h).toContain('data-sample');
  });
});

describe('依申请公开', () => {
  it('has no application <form> without an endpoint, but the printable form and the download', () => {
    for (const prefix of LOCALES) {
      const h = page(`${prefix}open/apply`);
      const forms = h.match(/<form[^>]*>/g) ?? [];
      expect(forms.every((f) => f.includes('role="search"')), prefix).toBe(true);
      expect(h).toContain('data-no-online');
      expect(h).toContain(`href="/${APPLICATION_FORM_FILE}"`);
    }
    expect(existsSync(join(outDir, APPLICATION_FORM_FILE))).toBe(true);
    expect(page('open/apply/form')).toContain('class="paper-form"');
  });
  it('posts to the configured endpoint when site.yaml names one (and the CSP allows it)', () => {
    const h = html(libOut, 'open/apply');
    expect(h).toContain('<form class="apply-form" method="post" action="https://apply.example.org/zwgk/submit"');
    expect(h).toContain('form-action \'self\' https://apply.example.org');
    expect(h).not.toContain('data-no-online');
  });
});

describe('政府公报', () => {
  it('lists issues by year and links contents to existing policy pages', () => {
    const index = page('gazette');
    for (const g of open.gazette) expect(index).toContain(`href="/gazette/${g.year}/${g.number}/"`);
    for (const prefix of LOCALES) {
      for (const g of open.gazette) {
        const h = page(`${prefix}gazette/${g.year}/${g.number}`);
        for (const e of g.entries.filter((x) => x.policy)) {
          const m = h.match(new RegExp(`href="/((?:mn/)?policies/${e.policy}/)"`));
          expect(m, `${prefix}${g.id} → ${e.policy}`).not.toBeNull();
          expect(existsSync(join(outDir, m![1]!, 'index.html'))).toBe(true);
        }
      }
    }
  });
});

describe('意见征集', () => {
  it('derives 征集中 / 已结束 from the dates and the build date', () => {
    const open1 = open.consultations.find((c) => c.status === '征集中')!;
    const closed = open.consultations.find((c) => c.status === '已结束')!;
    expect(open1).toBeDefined();
    expect(closed).toBeDefined();
    expect(page(`consultations/${open1.id}`)).toContain('data-status="征集中"');
    expect(page(`consultations/${closed.id}`)).toContain('data-status="已结束"');
    expect(page(`consultations/${closed.id}`)).toContain('意见采纳情况');
    expect(page('consultations').indexOf(open1.id)).toBeLessThan(page('consultations').indexOf(closed.id));
  });
});

describe('重点领域专题 and 网站地图', () => {
  it('lists each special topic’s member policies', () => {
    for (const s of open.specials) {
      const h = page(`special/${s.id}`);
      for (const id of s.members) expect(h).toContain(`href="/policies/${id}/"`);
    }
  });
  it('the sitemap links every section and page type, in both locales', () => {
    for (const prefix of LOCALES) {
      const h = page(`${prefix}sitemap`);
      for (const p of ['', 'policies/', 'interpretations/', 'search/', 'open/', 'open/guide/', 'open/rules/', 'open/catalog/', 'open/powers/', 'open/reports/', 'open/apply/', 'open/apply/form/', 'gazette/', 'consultations/', 'special/']) {
        expect(h, prefix + p).toContain(`href="/${prefix}${p}"`);
      }
      for (const a of PILOT_AREAS) expect(h).toContain(`href="/${prefix}open/catalog/${a.id}/"`);
    }
  });
});
