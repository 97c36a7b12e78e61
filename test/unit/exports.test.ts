import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { EXPORT_FIELDS, neutralizeFormula, policyExportRows, toCsv, toJson, type ExportRow } from '../../src/lib/exports.ts';
import { feedItems, htmlText, xmlText } from '../../src/lib/feed.ts';
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

/** Minimal RFC 4180 reader (quoted cells, doubled quotes) to look at cells as a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+cmd', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '   =1+1', '\u3000=1+1', '＝1+1', "=cmd|' /C calc'!A0"];

describe('CSV formula neutralisation (OWASP CSV injection)', () => {
  const hostileRow = (title: string): ExportRow => ({ ...rows[0]!, title, summary: title, keywords: ['正常', title] });

  it.each(HOSTILE)('prefixes %j with a single quote in every cell and list item', (value) => {
    const [, cells] = parseCsv(toCsv([hostileRow(value)]).slice(1));
    const at = (f: string) => cells![EXPORT_FIELDS.indexOf(f as never)]!;
    expect(at('title')).toBe(`'${value}`);
    expect(at('summary')).toBe(`'${value}`);
    expect(at('keywords')).toBe(`正常;'${value}`);
  });

  it('leaves ordinary text, inner signs and the header alone', () => {
    for (const v of ['关于印发《办法》的通知', 'a=b', '2025-01-01', '内政办发〔2016〕5号', '', "'已有引号"]) expect(neutralizeFormula(v)).toBe(v);
    expect(toCsv([]).startsWith(`\uFEFF${EXPORT_FIELDS.join(',')}\r\n`)).toBe(true);
  });

  it('quotes cells holding ; so a semicolon-separated locale cannot start a new cell', () => {
    const csv = toCsv([{ ...rows[0]!, keywords: ['甲', '=1+1'] }]);
    expect(csv).toContain(`"甲;'=1+1"`);
  });

  it('keeps JSON untouched', () => {
    const json = JSON.parse(toJson([hostileRow('=HYPERLINK("http://evil","x")')], { siteName: '示例', generated: '2025-01-01' }));
    expect(json.items[0].title).toBe('=HYPERLINK("http://evil","x")');
  });
});

describe('feed items (plain text)', () => {
  const hostile = {
    policies: [{ ...data.policies[0]!, id: 'p1', title: '<img src=x onerror=alert(1)>通知\u0001', docNumber: '文号', summary: '<script>alert(1)</script> & <b>粗</b>\u0008', published: '2025-01-02' }],
    interpretations: [{ ...data.interpretations[0]!, id: 'i1', title: '解读 </title><x>', summary: '<a href="javascript:alert(1)">点</a>', published: '2025-01-01' }],
  };
  const items = feedItems(hostile, 'https://gov.example/zwgk/');

  it('HTML-escapes descriptions and strips C0 controls', () => {
    expect(items.map((i) => i.description)).toEqual([
      '文号 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;粗&lt;/b&gt;',
      '&lt;a href=&quot;javascript:alert(1)&quot;&gt;点&lt;/a&gt;',
    ]);
    expect(items[0]!.title).toBe('<img src=x onerror=alert(1)>通知');
    expect(items[0]!.link).toBe('https://gov.example/zwgk/policies/p1/');
  });

  it('produces well-formed XML whose description decodes to text, never to markup', async () => {
    const xml = await getRssString({ title: xmlText('站\u0002'), description: 'd', site: 'https://gov.example/zwgk/', items });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain('content:encoded');
    expect(xml).not.toMatch(/<(script|img|a|b|x)[\s>]/);
    // XML-decoding a description once gives HTML-escaped text: no tag survives into the reader's HTML
    const desc = [...xml.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    expect(desc.slice(1).every((d) => !/<[a-z/]/i.test(d))).toBe(true);
    expect(desc[1]).toContain('&lt;script&gt;');
  });

  it('removes only what XML 1.0 cannot carry', () => {
    expect(xmlText('a\tb\nc\rd\u0000\u001F\uFFFE\uD800e😀')).toBe('a\tb\nc\rde😀');
    expect(htmlText(`'"&`)).toBe('&#39;&quot;&amp;');
  });
});
