/** Search records of the open platform: one per content page, with its `kind` filter. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectOpenData } from '../../src/content/open-data.ts';
import { loadSite } from '../../src/content/load.ts';
import { localize } from '../../src/lib/localize.ts';
import { openDataToRecords, OPEN_KINDS } from '../../src/content/open-records.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';

describe('openDataToRecords', () => {
  it('makes one Chinese record per open-platform page with the right kind', async () => {
    const site = await loadSite({ root, source: 'test/fixtures/open/lib', today });
    const open = (await collectOpenData({ root, source: 'test/fixtures/open/lib', today, site })).data!;
    const records = openDataToRecords(localize(site, 'zh-CN'), open);
    expect(records.map((r) => [r.path, r.filters.kind[0]])).toEqual([
      ['open/catalog/jiuye/', OPEN_KINDS.catalog],
      ['open/reports/2024/', OPEN_KINDS.report],
      ['open/reports/2023/', OPEN_KINDS.report],
      ['gazette/2024/1/', OPEN_KINDS.gazette],
      ['consultations/open-one/', OPEN_KINDS.consultation],
      ['consultations/closed-one/', OPEN_KINDS.consultation],
      ['special/yujuesuan/', OPEN_KINDS.special],
      ['special/zwgk/', OPEN_KINDS.special],
    ]);
    const gazette = records.find((r) => r.path === 'gazette/2024/1/')!;
    expect(gazette).toMatchObject({ language: 'zh', published: '2024-01-20', filters: { year: ['2024'], level: ['旗县'] } });
    expect(gazette.body).toContain('示例旗人民政府关于n-2024-e的通知');
    expect(records.find((r) => r.path === 'open/reports/2024/')!.body).toContain('行政规范性文件 本年制发 1 件 本年废止 1 件 现行有效 2 件');
  });
  it('adds nothing to the Mongolian index (the platform content is Chinese only)', async () => {
    const site = await loadSite({ root, source: 'test/fixtures/open/lib', today });
    const open = (await collectOpenData({ root, source: 'test/fixtures/open/lib', today, site })).data!;
    expect(openDataToRecords(localize(site, 'mn-Mong'), open)).toEqual([]);
  });
});
