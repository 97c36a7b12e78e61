import { describe, expect, it } from 'vitest';
import { EXPORT_FIELDS, policyExportRows, toCsv, toJson } from '../../src/lib/exports.ts';
import { collectSite } from '../../src/content/load.ts';
import { ROOT } from '../helpers/build-site.ts';

const data = (await collectSite({ root: ROOT, source: 'test/fixtures/content/ok', today: '2025-01-01' })).data!;
const rows = policyExportRows(data, 'https://gov.example/zwgk/');

describe('open data exports', () => {
  it('has one row per policy with absolute URLs under the base', () => {
    expect(rows).toHaveLength(data.policies.length);
    expect(rows.map((r) => r.url)).toContain('https://gov.example/zwgk/policies/policy-a/');
  });

  it('gives relations both ways', () => {
    const a = rows.find((r) => r.id === 'policy-a')!;
    const b = rows.find((r) => r.id === 'policy-b')!;
    expect(b.repeals).toEqual(['policy-a']);
    expect(a.repealedBy).toEqual(['policy-b']);
    expect(a.status).toBe('已废止');
  });

  it('writes CSV with a BOM, the documented header and quoted cells', () => {
    const csv = toCsv([{ ...rows[0]!, title: '关于"标题",含逗号', keywords: ['甲', '乙'] }]);
    expect(csv.startsWith('\uFEFF' + EXPORT_FIELDS.join(','))).toBe(true);
    expect(csv).toContain('"关于""标题"",含逗号"');
    expect(csv).toContain('甲;乙');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes JSON with the schema name, field list and count', () => {
    const json = JSON.parse(toJson(rows, { siteName: '示例', generated: '2025-01-01' }));
    expect(json).toMatchObject({ schema: 'gov-open-portal/policies@1', count: rows.length, fields: [...EXPORT_FIELDS] });
  });
});
