import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docNumberKey, formatDocNumber, parseDocNumber } from '../../src/lib/docnumber.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const hasCorpus = existsSync(new URL('policies.jsonl', CORPUS));

describe('parseDocNumber', () => {
  it.each([
    ['银发〔2015〕305号', { agency: '银发', year: 2015, serial: '305' }],
    ['国务院令第656号', { agency: '国务院令', serial: '656', ordinal: true }],
    ['中国人民银行公告(2015)第13号', { agency: '中国人民银行公告', year: 2015, serial: '13', ordinal: true }],
    ['中国人民银行令2025第9号', { agency: '中国人民银行令', year: 2025, serial: '9', ordinal: true }],
    ['高检发释字[2025]1号', { agency: '高检发释字', year: 2025, serial: '1' }],
    ['内政公办字〔2016〕5号', { agency: '内政公办字', year: 2016, serial: '5' }],
    ['银发2015 305', { agency: '银发', year: 2015, serial: '305' }],
    ['银发2015305', { agency: '银发', year: 2015, serial: '305' }],
    ['国务院令1999', { agency: '国务院令', serial: '1999' }],
    ['法释〔2022〕2', { agency: '法释', year: 2022, serial: '2' }],
    ['银发〔2014〕344号文', { agency: '银发', year: 2014, serial: '344' }],
    ['ｘ发〔２０１５〕００７号', { agency: 'X发', year: 2015, serial: '7' }],
  ])('%s', (input, expected) => {
    expect(parseDocNumber(input)).toEqual(expected);
  });

  it.each(['', '   ', '银发', '2015 305', '〔2015〕305号', '第5号', 'hello world'])('rejects %j', (input) => {
    expect(parseDocNumber(input)).toBeNull();
  });
});

describe('docNumberKey: every way of typing maps to one key', () => {
  const groups: [string, string[]][] = [
    ['银发|2015|305', ['银发〔2015〕305号', '银发[2015]305号', '银发(2015)305号', '银发（2015）305号', '银发【2015】305号', '银发［2015］305号', '银发〈2015〉305号', '银发2015 305', '银发 〔2015〕 305 号', '银发〔2015〕第305号', '银发〔２０１５〕３０５号', '银发 2015 305', '银发〔2015〕0305号']],
    ['国务院令||656', ['国务院令第656号', '国务院令656号', '国务院令 第 656 号', '国务院令656', '国务院令（第656号）'.replace('（', '').replace('）', '')]],
    ['中国人民银行令|2025|9', ['中国人民银行令〔2025〕第9号', '中国人民银行令2025第9号', '中国人民银行令[2025]9号', '中国人民银行令(2025)第9']],
    ['中国人民银行中国银行业监督管理委员会公告|2013|1', ['中国人民银行 中国银行业监督管理委员会公告〔2013〕第1号', '中国人民银行中国银行业监督管理委员会公告(2013)1号']],
  ];
  for (const [key, variants] of groups) {
    it(key, () => {
      for (const v of variants) expect(docNumberKey(v), v).toBe(key);
    });
  }
  it('different documents have different keys', () => {
    expect(docNumberKey('银发〔2015〕305号')).not.toBe(docNumberKey('银发〔2016〕305号'));
    expect(docNumberKey('银发〔2015〕305号')).not.toBe(docNumberKey('银办发〔2015〕305号'));
    expect(docNumberKey('国务院令第656号')).not.toBe(docNumberKey('国务院令第65号'));
  });
});

describe('formatDocNumber', () => {
  it('writes 〔〕 and 号, keeps 第 where the source had it, always 第 without a year', () => {
    const f = (s: string) => formatDocNumber(parseDocNumber(s)!);
    expect(f('银发[2015]305')).toBe('银发〔2015〕305号');
    expect(f('中国人民银行公告(2015)第13号')).toBe('中国人民银行公告〔2015〕第13号');
    expect(f('国务院令 656')).toBe('国务院令第656号');
  });
});

describe.skipIf(!hasCorpus)('real corpus 文号 (../shared/corpus)', () => {
  const rows = hasCorpus
    ? readFileSync(new URL('policies.jsonl', CORPUS), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; docNumber: string })
        .filter((r) => r.docNumber)
    : [];

  it('parses all 1,037 and round-trips the canonical form', () => {
    expect(rows.length).toBe(1037);
    for (const r of rows) {
      const p = parseDocNumber(r.docNumber);
      expect(p, r.docNumber).not.toBeNull();
      expect(formatDocNumber(p!), r.docNumber).toBe(r.docNumber.replace(/\s+/g, ''));
    }
  });

  it('retyped variants map to the same key', () => {
    const retype = [
      (s: string) => s.replace('〔', '[').replace('〕', ']'),
      (s: string) => s.replace('〔', '(').replace('〕', ')'),
      (s: string) => s.replace('〔', '（').replace('〕', '）'),
      (s: string) => s.replace('〔', '【').replace('〕', '】'),
      (s: string) => s.replace('〔', '').replace('〕', ' '),
      (s: string) => s.replace(/号$/, ''),
      (s: string) => s.replace(/第(\d+)/, '$1'),
      (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      (s: string) => s.split('').join(' '),
    ];
    for (const r of rows) {
      const key = docNumberKey(r.docNumber);
      for (const f of retype) expect(docNumberKey(f(r.docNumber)), f(r.docNumber)).toBe(key);
    }
  });

  it('the docNumber queries of queries-dev.jsonl find their document by key', () => {
    const byId = new Map(rows.map((r) => [r.id, r.docNumber]));
    const queries = readFileSync(new URL('queries-dev.jsonl', CORPUS), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { query: string; kind: string; expect: string[] })
      .filter((q) => q.kind === 'docNumber');
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      const dn = byId.get(q.expect[0]!);
      expect(dn, q.query).toBeDefined();
      expect(docNumberKey(q.query), q.query).toBe(docNumberKey(dn!));
    }
  });
});
