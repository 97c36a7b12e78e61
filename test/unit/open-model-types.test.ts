/**
 * The open platform's model (src/lib/open/model.ts) is the schemas' outputs plus what the loader
 * adds: the expectTypeOf lines fail `npm run typecheck` if a type is restated by hand and drifts.
 * The to* builders are the one place a file's fields become the model; values derived from the
 * file alone (序号, 权力编码 by position, rows without their 总计 cells) are checked here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { collectOpenData } from '../../src/content/open-data.ts';
import type {
  AnnualReport, ApplicantRow, BestBet, CatalogArea, CatalogItem, Consultation, ConsultationStatus, ConsultationView,
  GazetteEntry, GazetteIssue, PowerItem, PowerList, ReviewRow, RuleEntry, SpecialTopic, SpecialView, TextPage,
} from '../../src/lib/open/model.ts';
import type { bestBetSchema } from '../../src/schemas/open/best-bets.ts';
import { catalogFileSchema, toCatalogArea, type catalogItemSchema, type CatalogFile } from '../../src/schemas/open/catalog.ts';
import { consultationSchema, toConsultation, type ConsultationFile } from '../../src/schemas/open/consultation.ts';
import { gazetteFileSchema, toGazetteIssue, type gazetteEntrySchema, type GazetteFile } from '../../src/schemas/open/gazette.ts';
import type { ruleSchema, specialSchema, textPageSchema } from '../../src/schemas/open/pages.ts';
import { powerFileSchema, toPowerList, type powerItemSchema, type PowerFile } from '../../src/schemas/open/powers.ts';
import { reportFileSchema, toAnnualReport, type ReportFile } from '../../src/schemas/open/report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('open model types are the schemas’ outputs', () => {
  it('types read as written are the outputs themselves', () => {
    expectTypeOf<RuleEntry>().toEqualTypeOf<z.output<typeof ruleSchema>>();
    expectTypeOf<SpecialTopic>().toEqualTypeOf<z.output<typeof specialSchema>>();
    expectTypeOf<BestBet>().toEqualTypeOf<z.output<typeof bestBetSchema>>();
    expectTypeOf<GazetteEntry>().toEqualTypeOf<z.output<typeof gazetteEntrySchema>>();
    expectTypeOf<Omit<SpecialView, 'members'>>().toEqualTypeOf<z.output<typeof specialSchema>>();
  });

  it('types with loader fields are the outputs plus exactly those fields', () => {
    expectTypeOf<Omit<TextPage, 'source' | 'body'>>().toEqualTypeOf<z.output<typeof textPageSchema>>();
    expectTypeOf<Omit<CatalogItem, 'n'>>().toEqualTypeOf<z.output<typeof catalogItemSchema>>();
    expectTypeOf<CatalogItem['n']>().toEqualTypeOf<number>();
    expectTypeOf<Omit<CatalogArea, 'id' | 'name' | 'source'>>().toEqualTypeOf<Omit<CatalogFile, 'area'>>();
    expectTypeOf<Omit<PowerItem, 'code'>>().toEqualTypeOf<Omit<z.output<typeof powerItemSchema>, 'code'>>();
    expectTypeOf<PowerItem['code']>().toEqualTypeOf<string>();
    expectTypeOf<Omit<PowerList, 'id' | 'source' | 'items'>>().toEqualTypeOf<Omit<PowerFile, 'items'>>();
    expectTypeOf<Omit<GazetteIssue, 'id' | 'source' | 'entries'>>().toEqualTypeOf<Omit<GazetteFile, 'contents'>>();
    expectTypeOf<GazetteIssue['entries']>().toEqualTypeOf<GazetteFile['contents']>();
    expectTypeOf<Omit<Consultation, 'id' | 'source' | 'body'>>().toEqualTypeOf<Omit<ConsultationFile, 'id' | 'draft'>>();
    expectTypeOf<Omit<ConsultationView, 'status'>>().toEqualTypeOf<Omit<Consultation, never>>();
    expectTypeOf<ConsultationView['status']>().toEqualTypeOf<ConsultationStatus>();
  });

  it('a report is its file with rows cut to their parts', () => {
    type Cut = 'source' | 'applications' | 'review' | 'litigation';
    expectTypeOf<Omit<AnnualReport, Cut>>().toEqualTypeOf<Omit<ReportFile, Cut>>();
    expectTypeOf<keyof AnnualReport['applications']>().toEqualTypeOf<keyof ReportFile['applications']>();
    expectTypeOf<AnnualReport['applications']['received']>().toEqualTypeOf<ApplicantRow>();
    expectTypeOf<keyof AnnualReport['litigation']>().toEqualTypeOf<keyof ReportFile['litigation']>();
    expectTypeOf<AnnualReport['review']>().toEqualTypeOf<ReviewRow>();
  });
});

describe('values the schemas and builders derive', () => {
  const item = { group: '政策文件', name: '就业政策', content: '政策文件', basis: '《就业促进法》', deadline: '20个工作日内', subject: '人社局', channels: '政府网站', audience: '全社会', mode: '主动', levels: '县级' };

  it('catalog items carry their 序号 from the schema; the area drops `area` and keeps absent fields absent', () => {
    const d = catalogFileSchema.parse({ area: '就业', items: [item, { ...item, name: '补贴名单' }] });
    expect(d.items.map((i) => [i.n, i.name])).toEqual([[1, '就业政策'], [2, '补贴名单']]);
    const area = toCatalogArea(d, 'jiuye', '就业', 'content/open/catalog/jiuye.yaml');
    expect(Object.keys(area)).toEqual(['id', 'name', 'source', 'items']);
  });

  it('an item without 权力编码 is numbered by its position in the department’s list', () => {
    const power = { name: '许可', type: '行政许可', basis: '《法》', responsibilities: '受理' };
    const list = toPowerList(powerFileSchema.parse({ department: '民政局', items: [power, { ...power, code: 'A1' }, power] }), 'minzheng', 'p.yaml');
    expect(list.items.map((i) => i.code)).toEqual(['minzheng-001', 'A1', 'minzheng-003']);
    expect(list).toMatchObject({ id: 'minzheng', source: 'p.yaml', department: '民政局' });
    expect('org' in list || 'subject' in list.items[0]!).toBe(false);
  });

  it('a gazette issue is named <year>-<number> and lists its contents as entries', () => {
    const d = gazetteFileSchema.parse({ year: 2024, number: 2, published: '2024-02-01', contents: [{ policy: 'a' }, { title: '人事任免', page: 3 }] });
    expect(toGazetteIssue(d, 'g.yaml')).toEqual({ id: '2024-2', source: 'g.yaml', year: 2024, number: 2, published: '2024-02-01', entries: [{ policy: 'a' }, { title: '人事任免', page: 3 }] });
  });

  it('a consultation takes the loader’s id and drops `draft`', () => {
    const d = consultationSchema.parse({ id: 'x', title: '征求意见', department: '司法局', opens: '2024-01-01', closes: '2024-01-31', contact: { phone: '1' } });
    const c = toConsultation(d, 'from-file', 'c.md', '正文');
    expect(c).toEqual({ title: '征求意见', department: '司法局', opens: '2024-01-01', closes: '2024-01-31', contact: { phone: '1' }, id: 'from-file', source: 'c.md', body: '正文' });
  });

  it('a report’s rows lose their written 总计 cells; every result row is present', () => {
    const d = reportFileSchema.parse({
      year: 2024, overview: '示例。', problems: '示例。', active: {},
      applications: { received: [2, 1, 0, 0, 0, 0, 3], results: { granted: [1, 1, 0, 0, 0, 0, 2], unable: { notHeld: [2, 0, 0, 0, 0, 0] } } },
      review: [1, 0, 0, 0, 1],
    });
    const r = toAnnualReport(d, 'r.yaml');
    expect(Object.keys(r).slice(0, 2)).toEqual(['year', 'source']);
    expect('published' in r).toBe(false);
    expect(r.applications.received).toEqual([2, 1, 0, 0, 0, 0]);
    expect(r.applications.results['granted']).toEqual([1, 1, 0, 0, 0, 0]);
    expect(r.applications.results['unable.notHeld']).toEqual([2, 0, 0, 0, 0, 0]);
    expect(Object.keys(r.applications.results)).toHaveLength(21);
    expect(r.review).toEqual([1, 0, 0, 0]);
    expect(r.litigation).toEqual({ direct: [0, 0, 0, 0], afterReview: [0, 0, 0, 0] });
  });

  it('loaded open content has no undefined-valued keys (absent stays absent)', async () => {
    for (const source of ['content', 'test/fixtures/open/lib']) {
      const r = await collectOpenData({ root, source, today: '2025-06-01' });
      const undefinedAt: string[] = [];
      const walk = (v: unknown, at: string): void => {
        if (v === undefined) undefinedAt.push(at);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
      };
      walk(r.data, source);
      expect(undefinedAt).toEqual([]);
      expect(r.data!.catalog.length).toBeGreaterThan(0);
    }
  });
});
