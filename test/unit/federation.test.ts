import { describe, expect, it } from 'vitest';
import { duplicateKey, isSafeUrl, matchesFilter, resolveSiteUrl, selectSites, sitesFile } from '../../src/lib/search/federation.ts';
import { indexChecks } from '../../src/lib/search/validate-index.ts';
import { NO_LIMITS, PEER_LIMITS, PeerError } from '../../src/lib/search/validate.ts';
import { cspOptions, contentSecurityPolicy } from '../../src/lib/csp.ts';

const sites = [
  { id: 'nmg', level: '自治区' },
  { id: 'baotou', level: '盟市' },
  { id: 'guyang', level: '旗县' },
  { id: 'tumed', level: '旗县' },
];

describe('federation rules', () => {
  it('chooses sites by id and by level, in any filter form', () => {
    expect(selectSites(sites).map((s) => s.id)).toEqual(['nmg', 'baotou', 'guyang', 'tumed']);
    expect(selectSites(sites, { level: '旗县' }).map((s) => s.id)).toEqual(['guyang', 'tumed']);
    expect(selectSites(sites, { level: ['自治区', '盟市'] }).map((s) => s.id)).toEqual(['nmg', 'baotou']);
    expect(selectSites(sites, { level: { none: ['旗县'] } }).map((s) => s.id)).toEqual(['nmg', 'baotou']);
    expect(selectSites(sites, { site: 'guyang', level: '旗县' }).map((s) => s.id)).toEqual(['guyang']);
    expect(selectSites(sites, { site: 'guyang', level: '盟市' })).toEqual([]);
    expect(matchesFilter('x', '')).toBe(true);
    expect(matchesFilter('x', { not: 'x' })).toBe(false);
  });

  it('treats a 文号 written with other brackets by the same issuers as the same document', () => {
    const a = duplicateKey('内政发〔2024〕15号', ['内蒙古自治区人民政府']);
    expect(a).toBeDefined();
    expect(duplicateKey('内政发[2024]15号', ['内蒙古自治区人民政府'])).toBe(a);
    expect(duplicateKey('内政发（2024）第15号', ['内蒙古自治区人民政府'])).toBe(a);
    // another issuer, another serial, no 文号: different documents
    expect(duplicateKey('内政发〔2024〕15号', ['包头市人民政府'])).not.toBe(a);
    expect(duplicateKey('内政发〔2024〕16号', ['内蒙古自治区人民政府'])).not.toBe(a);
    expect(duplicateKey(undefined, ['内蒙古自治区人民政府'])).toBeUndefined();
    // joint issuance: the order of issuers does not matter
    expect(duplicateKey('内政发〔2024〕1号', ['甲', '乙'])).toBe(duplicateKey('内政发〔2024〕1号', ['乙', '甲']));
  });

  it('resolves a peer path on this host and keeps absolute URLs', () => {
    expect(resolveSiteUrl('/guyang/', 'https://www.nmg.example.gov.cn/zwgk/search/')).toBe('https://www.nmg.example.gov.cn/guyang/');
    expect(resolveSiteUrl('https://baotou.example.gov.cn/zwgk', 'https://www.nmg.example.gov.cn/')).toBe('https://baotou.example.gov.cn/zwgk/');
  });

  it('describes the site with its document counts, languages and build time', () => {
    const f = sitesFile({ id: '1500000001', name: { zh: '内蒙古自治区人民政府' }, level: '自治区', region: '150000', url: 'https://www.nmg.example.gov.cn/zwgk' }, { zh: 120, mn: 8 }, [], new Date('2026-11-23T08:00:00Z'));
    expect(f).toEqual({
      version: 1,
      site: { id: '1500000001', name: { zh: '内蒙古自治区人民政府' }, level: '自治区', region: '150000', url: 'https://www.nmg.example.gov.cn/zwgk/', documents: { zh: 120, mn: 8 }, languages: ['mn', 'zh'], built: '2026-11-23T08:00:00.000Z' },
      peers: [],
    });
  });

  it('lets the search connect to exactly the absolute peers (a path peer is this host)', () => {
    const o = cspOptions({ federation: [{ url: 'https://baotou.example.gov.cn/zwgk/' }, { url: '/guyang/' }, { url: 'http://10.1.2.3:8080/tumed/' }] });
    expect(o.connect).toEqual(['https://baotou.example.gov.cn/zwgk/', 'http://10.1.2.3:8080/tumed/']);
    expect(contentSecurityPolicy(o)).toContain("connect-src 'self' https://baotou.example.gov.cn http://10.1.2.3:8080;");
    expect(contentSecurityPolicy(cspOptions({}))).toContain("connect-src 'self';");
  });

  it('links results only to http(s) or a path of this host (file: only where allowed)', () => {
    for (const u of ['/zwgk/policies/a/', 'https://baotou.example.gov.cn/zwgk/policies/a/', 'http://10.1.2.3:8080/a/']) expect(isSafeUrl(u), u).toBe(true);
    for (const u of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', '//evil.example/a', 'vbscript:x', 'policies/a/', '/a\\b', 'http:/x', ' /a', '/a\nb']) expect(isSafeUrl(u), u).toBe(false);
    expect(isSafeUrl('file:///srv/site-01/policies/a/')).toBe(false);
    expect(isSafeUrl('file:///srv/site-01/policies/a/', true)).toBe(true);
  });

  it('checks sites.json: peer entries with a script URL are left out, too many peers refused', () => {
    const check = indexChecks(PEER_LIMITS).sites;
    const f = sitesFile({ id: '1500000001', name: { zh: '内蒙古自治区人民政府' }, level: '自治区', region: '150000', url: 'https://www.nmg.example.gov.cn/zwgk' }, { zh: 1 }, [{ id: 'guyang', name: { zh: '固阳县人民政府' }, level: '旗县', region: '150222', url: '/guyang/' }], new Date());
    expect(check(JSON.parse(JSON.stringify(f)), 'sites.json')).toEqual(f);
    const problem = (x: unknown) => {
      try {
        check(x, 'sites.json');
        return 'ok';
      } catch (e) {
        return (e as PeerError).problem;
      }
    };
    // a peer entry of the wrong form is left out, the others kept
    const bad = [{ ...f.peers[0], url: 'javascript:alert(1)' }, { ...f.peers[0], name: { zh: 5 } }, { ...f.peers[0], id: '../x' }];
    expect(check({ ...f, peers: [...bad, f.peers[0]] }, 'sites.json').peers).toEqual(f.peers);
    expect(problem({ ...f, site: { ...f.site, url: 'javascript:alert(1)' } })).toBe('invalid');
    expect(problem({ ...f, peers: Array(1000).fill(f.peers[0]) })).toBe('limit');
    expect(indexChecks(NO_LIMITS).sites({ ...f, peers: Array(1000).fill(f.peers[0]) }, 'sites.json').peers).toHaveLength(1000);
  });
});
