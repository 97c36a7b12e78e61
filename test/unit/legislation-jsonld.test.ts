import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearSiteCache, loadSite } from '../../src/content/load.ts';
import type { PolicyView, SiteData } from '../../src/lib/model.ts';
import { LEGAL_FORCE, legislationJsonLd, serializeJsonLd, type JsonLdContext } from '../../src/lib/legislation-jsonld.ts';
import { policyExportRows, toCsv, EXPORT_FIELDS } from '../../src/lib/exports.ts';
import { servedEli } from '../../src/lib/eli-lookup.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const today = '2025-06-01';
let data: SiteData;
let ctx: JsonLdContext;
const get = (id: string) => data.policies.find((p) => p.id === id)!;

beforeAll(async () => {
  clearSiteCache();
  data = await loadSite({ root, source: 'test/fixtures/content/versions-ok', today });
  ctx = { siteUrl: 'https://gov.example/zwgk/', lang: 'zh-CN', prefix: '', issuerNames: ['示例旗人民政府办公室'], library: new Map(data.policies.map((p) => [p.id, p])), today };
});

describe('schema.org Legislation JSON-LD', () => {
  it('a document with versions: dates, legal force, identifiers, what it is based on and consolidates', () => {
    const ld = legislationJsonLd(get('banfa'), ctx);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      '@id': 'https://gov.example/zwgk/policies/banfa/',
      legislationIdentifier: '示政发〔2021〕10号',
      legislationDate: '2021-07-20',
      datePublished: '2021-07-20',
      legislationDateVersion: '2021-07-20',
      legislationDateOfApplicability: '2021-09-01',
      legislationLegalForce: { '@id': LEGAL_FORCE[get('banfa').status] },
      legislationPassedBy: [{ '@type': 'GovernmentOrganization', name: '示例旗人民政府办公室' }],
    });
    // the 2012 amendment outside the library (文号 and title), the 2021 one in it (linked)
    expect(ld.isBasedOn).toEqual([
      { '@type': 'Legislation', name: '示例旗人民政府关于修改《示例旗政务公开办法》的决定', legislationIdentifier: '示政发〔2012〕3号' },
      { '@type': 'Legislation', '@id': 'https://gov.example/zwgk/policies/xiugai-jueding/', name: get('xiugai-jueding').title, legislationIdentifier: '示政发〔2021〕9号' },
    ]);
    expect((ld.legislationConsolidates as { '@id'?: string }[]).map((n) => n['@id'])).toEqual([
      'https://gov.example/zwgk/policies/banfa/v/2004-10-18/', 'https://gov.example/zwgk/policies/banfa/v/2012-03-01/', undefined, 'https://gov.example/zwgk/policies/xiugai-jueding/',
    ]);
  });

  it('before the latest text applies, the version shown is the one in force and later amendments are not counted', () => {
    const ld = legislationJsonLd(get('banfa'), { ...ctx, today: '2021-08-01' });
    expect(ld.legislationDateVersion).toBe('2012-03-01');
    expect((ld.isBasedOn as unknown[]).length).toBe(1);
  });

  it('the amending document names what it changes; the ELI path is a second identifier', () => {
    const ld = legislationJsonLd(get('xiugai-jueding'), { ...ctx, eli: 'eli/示政发/2021/9/' });
    expect(ld.legislationIdentifier).toEqual(['示政发〔2021〕9号', `https://gov.example/zwgk/eli/${encodeURIComponent('示政发')}/2021/9/`]);
    expect('isBasedOn' in ld).toBe(false);
  });

  it('the ELI path is the one the site serves for the whole document (not a version of it)', () => {
    expect(servedEli(data.policies, 'banfa', false)).toBe('eli/示政发/2021/10/');
    expect(servedEli(data.policies, 'nope', false)).toBeUndefined();
  });

  it('maps every 有效性 to a LegalForceStatus', () => {
    expect(LEGAL_FORCE).toEqual({
      现行有效: 'https://schema.org/InForce', 已修改: 'https://schema.org/PartiallyInForce',
      已废止: 'https://schema.org/NotInForce', 已失效: 'https://schema.org/NotInForce', 尚未生效: 'https://schema.org/NotInForce',
    });
  });

  it('a hostile title cannot leave the <script> element, and the JSON reads back unchanged', () => {
    const title = '</script><script>alert(1)</script><!-- & \u2028 </SCRIPT >';
    const hostile: PolicyView = { ...get('single'), title };
    const text = serializeJsonLd(legislationJsonLd(hostile, ctx));
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect((JSON.parse(text) as { name: string }).name).toBe(title);
  });
});

describe('open data: versions', () => {
  it('lists every version as parallel lists (date, start, 文号, amendment, URL), empty for a single text', () => {
    const rows = policyExportRows(data, 'https://gov.example/zwgk/');
    const banfa = rows.find((r) => r.id === 'banfa')!;
    expect(banfa.versionDates).toEqual(['2004-10-18', '2012-03-01', '2021-07-20']);
    expect(banfa.versionEffective).toEqual(['2004-11-01', '2012-03-01', '2021-09-01']);
    expect(banfa.versionDocNumbers).toEqual(['示政发〔2004〕12号', '', '示政发〔2021〕10号']);
    expect(banfa.versionAmendments).toEqual(['', '示政发〔2012〕3号 示例旗人民政府关于修改《示例旗政务公开办法》的决定', 'xiugai-jueding']);
    expect(banfa.versionUrls).toEqual(['2004-10-18', '2012-03-01', '2021-07-20'].map((d) => `https://gov.example/zwgk/policies/banfa/v/${d}/`));
    expect(rows.find((r) => r.id === 'single')!.versionDates).toEqual([]);
    const csv = toCsv([banfa]).split('\r\n');
    const header = csv[0]!.replace('\uFEFF', '').split(',');
    expect(header.slice(-5)).toEqual(['versionDates', 'versionEffective', 'versionDocNumbers', 'versionAmendments', 'versionUrls']);
    expect(EXPORT_FIELDS.length).toBe(header.length);
    expect(csv[1]).toContain('2004-10-18;2012-03-01;2021-07-20');
  });
});
