/**
 * src/content/mn-page-records.ts on small inputs: which Mongolian non-document pages get records.
 * The sample-site behaviour (every page found by a word of its heading) is test/build/mn-page-records.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mnPageRecords } from '../../src/content/mn-page-records.ts';
import type { LocalizedSite } from '../../src/lib/localize.ts';
import type { OpenData } from '../../src/lib/open/model.ts';

/** The fields the record producers read; the rest of a LocalizedSite does not matter here. */
function site(locale: 'zh-CN' | 'mn-Mong'): LocalizedSite {
  const data = { site: { level: '自治区' }, policies: [], interpretations: [], organizations: [], topics: [] };
  return { ...data, locale, siteName: '示例', original: data } as unknown as LocalizedSite;
}

const EMPTY: OpenData = { rules: [], catalog: [], powers: [], reports: [], normative: {}, gazette: [], consultations: [], specials: [], today: '2025-06-01' } as unknown as OpenData;
const WITH_RULES = { ...EMPTY, rules: [{ title: '政府信息公开保密审查制度' }] } as unknown as OpenData;

describe('mnPageRecords', () => {
  it('gives a site without 政务公开 content no Mongolian records (no Mongolian index, as federation expects)', () => {
    expect(mnPageRecords(site('mn-Mong'), site('zh-CN'), EMPTY)).toEqual([]);
  });

  it('gives the Chinese site none: its pages are open-records.ts records', () => {
    expect(mnPageRecords(site('zh-CN'), site('zh-CN'), WITH_RULES)).toEqual([]);
  });

  it('indexes the landing and 公开制度 under mn/ in the Mongolian index, with Mongolian titles and Chinese filter keys', () => {
    const records = mnPageRecords(site('mn-Mong'), site('zh-CN'), WITH_RULES);
    expect(records.map((r) => r.path)).toEqual(['mn/open/', 'mn/open/rules/']);
    for (const r of records) {
      expect(r.language).toBe('mn');
      expect(r.title).toMatch(/^[\u1820-\u18AF\u180B-\u180F\u202F ]+$/u);
      expect(r.body).toMatch(/[\u1820-\u18AF]/u);
      expect(r.filters).toEqual({ kind: ['公开指南'], level: ['自治区'] });
    }
  });
});
