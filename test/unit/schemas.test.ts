import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { policySchema, labels as policyLabels } from '../../src/schemas/policy.ts';
import { interpretationSchema } from '../../src/schemas/interpretation.ts';
import { siteSchema, labels as siteLabels } from '../../src/schemas/site.ts';
import { organizationsSchema } from '../../src/schemas/organizations.ts';
import { topicsSchema } from '../../src/schemas/topics.ts';
import { isoDateSchema, isIsoDate } from '../../src/schemas/fields/dates.ts';
import { formatProblem, issuesToProblems, type Labels } from '../../src/lib/errors.ts';

const minimal = { title: '关于印发要点的通知', issuers: 'sl-zfb', indexNumber: '111501020000000001/2020-00001', topic: 'zwgk', published: '2020-03-05' };

function lines(schema: z.ZodType, value: unknown, labels: Labels): string[] {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? [] : issuesToProblems(r.error.issues, { file: 'x.md', labels }).map(formatProblem);
}

describe('policy schema', () => {
  it('applies defaults and normalizes shorthand', () => {
    expect(policySchema.parse({ ...minimal, keywords: '金融、征信 支付' })).toEqual({
      ...minimal,
      issuers: ['sl-zfb'],
      category: '其他文件',
      repeals: [],
      amends: [],
      attachments: [],
      keywords: ['金融', '征信', '支付'],
      openness: '主动公开',
      draft: false,
    });
  });
  it('accepts YAML Date objects and converts them to YYYY-MM-DD', () => {
    const d = policySchema.parse({ ...minimal, published: new Date('2020-03-05T00:00:00Z'), written: new Date('2020-03-01T00:00:00Z') });
    expect(d.published).toBe('2020-03-05');
    expect(d.written).toBe('2020-03-01');
  });
  it('docType is optional (laws are not 公文) but must be one of the 15 kinds', () => {
    expect(policySchema.safeParse(minimal).success).toBe(true);
    expect(lines(policySchema, { ...minimal, docType: '条例' }, policyLabels)).toEqual([
      'x.md docType（公文种类）: 不是允许的值 "条例"（invalid enum value）；允许值：决议、决定、命令、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要',
    ]);
  });
  it('rejects unknown keys, bad ids, bad 文号 and bad attachment paths', () => {
    expect(lines(policySchema, { ...minimal, issuers: ['SL_ZFB'], docNumber: '第五号', attachments: [{ title: 'a', file: '../x.pdf' }], summery: 'x' }, policyLabels)).toMatchInlineSnapshot(`
      [
        "x.md docNumber（发文字号）: 无法识别的发文字号 "第五号"（unrecognized document number）；允许值：机关代字〔年份〕序号号，如 内政公办字〔2016〕5号、机关代字第序号号，如 国务院令第656号",
        "x.md issuers[0]（发文机关）: 格式不符 "SL_ZFB"：只能包含小写英文字母、数字和连字符（lowercase a-z, 0-9, hyphen）（invalid format）",
        "x.md attachments[0].file（附件文件）: 附件路径无效 "../x.pdf"（invalid attachment path）；允许值：public/ 下的相对路径（不以 / 开头，不含 ..）或 https:// 网址（relative path under public/ or https URL）",
        "x.md summery: 未知字段（unrecognized key）；是否应为 "summary"（摘要）？",
      ]
    `);
  });
  it('lists every label key as a schema key', () => {
    const keys = Object.keys(policySchema.shape);
    for (const k of Object.keys(policyLabels)) expect(keys).toContain(k.split('.')[0]);
    for (const k of keys) expect(policyLabels).toHaveProperty(k);
  });
});

describe('dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-5', '2023/01/05'])('rejects %s', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(isoDateSchema.safeParse(d).success).toBe(false);
  });
});

describe('interpretation schema', () => {
  it('needs ≥1 interprets and a known form', () => {
    const ok = interpretationSchema.parse({ title: '解读', interprets: 'policy-b', published: '2024-02-05', form: '问答' });
    expect(ok.interprets).toEqual(['policy-b']);
    expect(interpretationSchema.safeParse({ title: '解读', interprets: [], published: '2024-02-05', form: '漫画' }).success).toBe(false);
  });
});

describe('site schema', () => {
  const site = { name: { zh: '示例旗人民政府' }, region: '150102', level: '旗县', siteCode: '150102000A', organizer: '办公室', contacts: {} };
  it('defaults pageSize to 20 and accepts a plain-string name', () => {
    expect(siteSchema.parse({ ...site, name: '示例旗人民政府' })).toMatchObject({ name: { zh: '示例旗人民政府' }, pageSize: 20 });
  });
  it('rejects typos, bad region and site codes', () => {
    expect(lines(siteSchema, { ...site, region: '15010', siteCode: '150102000a', pagesize: 10, contacts: { emial: 'a@b.c' } }, siteLabels)).toMatchInlineSnapshot(`
      [
        "x.md region（行政区划代码）: 格式不符 "15010"：应为 6 位数字的行政区划代码（6-digit code），如 150000（invalid format）",
        "x.md siteCode（网站标识码）: 格式不符 "150102000a"：应为 10 位数字或大写字母（10 digits/uppercase letters），如 1500000001（invalid format）",
        "x.md contacts.emial: 未知字段（unrecognized key）；是否应为 "email"（电子邮箱）？",
        "x.md pagesize: 未知字段（unrecognized key）；是否应为 "pageSize"（每页条数）？",
      ]
    `);
  });
});

describe('site schema: federation peers (issue 9)', () => {
  const site = { name: { zh: '内蒙古自治区人民政府' }, region: '150000', level: '自治区', siteCode: '1500000001', organizer: '办公厅', contacts: {} };
  const peer = { id: '1502000001', name: { zh: '包头市人民政府' }, level: '盟市', region: '150200', url: 'https://www.baotou.example.gov.cn/zwgk' };
  it('accepts a path on this host or an absolute URL, and ends it with /', () => {
    const r = siteSchema.parse({ ...site, federation: [peer, { ...peer, id: 'guyang', name: '固阳县人民政府', level: '旗县', region: '150222', url: '/guyang/' }] });
    expect(r.federation!.map((p) => p.url)).toEqual(['https://www.baotou.example.gov.cn/zwgk/', '/guyang/']);
    expect(r.federation![1]!.name).toEqual({ zh: '固阳县人民政府' });
  });
  it('rejects bad peers with the field, the reason and the allowed values', () => {
    const bad = [
      { ...peer, level: '地级市', url: 'ftp://x.example/' },
      { ...peer, id: '1500000001', region: '1502', url: '//cdn.example/' },
      { ...peer, id: 'a b', url: '/x/?q=1' },
      peer,
    ];
    expect(lines(siteSchema, { ...site, federation: bad }, siteLabels)).toMatchInlineSnapshot(`
      [
        "x.md federation[0].level（行政层级）: 不是允许的值 "地级市"（invalid enum value）；允许值：国家、自治区、盟市、旗县、苏木乡镇",
        "x.md federation[0].url（网址）: 应为以 / 开头的本站路径或 http(s):// 网址（a path like /baotou/ or an http(s) URL）",
        "x.md federation[1].region（行政区划代码）: 格式不符 "1502"：应为 6 位数字的行政区划代码（6-digit code），如 150200（invalid format）",
        "x.md federation[1].url（网址）: 应为以 / 开头的本站路径或 http(s):// 网址（a path like /baotou/ or an http(s) URL）",
        "x.md federation[2].id（站点标识）: 格式不符 "a b"：应为字母、数字、- 或 _（letters, digits, - or _），如 1502000001 或 baotou（invalid format）",
        "x.md federation[2].url（网址）: 不能包含 ? 或 #（no query or fragment）",
      ]
    `);
    // cross-peer rules run once every peer is well-formed
    expect(lines(siteSchema, { ...site, federation: [peer, { ...peer, id: '1500000001' }, peer] }, siteLabels)).toMatchInlineSnapshot(`
      [
        "x.md federation[1].id（站点标识）: 与本站网站标识码相同（same as this site's siteCode 1500000001）",
        "x.md federation[2].id（站点标识）: 与第 1 个站点重复（duplicate of peer 1）",
      ]
    `);
  });
});

describe('organizations and topics', () => {
  it('reject duplicate ids and unknown parents', () => {
    expect(organizationsSchema.safeParse([{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }]).success).toBe(false);
    const r = topicsSchema.safeParse([{ id: 'caizheng', name: '财政' }, { id: 'shuiwu', name: '税务', parent: 'caizhen' }], { reportInput: true });
    expect(r.success).toBe(false);
    expect(issuesToProblems(r.error!.issues, { file: 'topics.yaml', labels: { id: '标识', name: '名称', parent: '上级分类' } }).map(formatProblem)).toEqual([
      'topics.yaml [1].parent（上级分类）: 上级分类不存在 "caizhen"（unknown parent topic）；是否应为 "caizheng"？',
    ]);
  });
});
