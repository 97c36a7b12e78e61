import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import matter from 'gray-matter';
import mammoth from 'mammoth';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeGb18030, isValidUtf8, MIN_CONFIDENCE } from '../../src/lib/import/decode.ts';
import { chineseNumber, isDateLine, parseChineseDate } from '../../src/lib/import/dates.ts';
import { collapseCjkSpaces, normalizeText } from '../../src/lib/import/normalize.ts';
import { extractDocument, matchIssuers, type OrgRef } from '../../src/lib/import/extract.ts';
import { buildPolicyFrontmatter, importId, renderPolicyFile } from '../../src/lib/import/policy.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { makeDocx, NOTICE_PARAGRAPHS } from '../fixtures/import/make-docx.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIX = path.join(ROOT, 'test/fixtures/import');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const organizations = parseYaml(readFileSync(path.join(ROOT, 'content/organizations.yaml'), 'utf8')) as OrgRef[];

describe('decodeText', () => {
  const sample = '内蒙古自治区政务公开领导小组办公室关于印发2016年全区政务公开工作要点的通知\n内政公办字〔2016〕5号\n';
  it('reads UTF-8 without BOM', () => {
    const d = decodeText(Buffer.from(sample, 'utf8'));
    expect(d).toEqual({ text: sample, encoding: 'UTF-8', confidence: 100 });
  });
  it('reads UTF-8 with BOM and drops the BOM', () => {
    const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]));
    expect(d.encoding).toBe('UTF-8 BOM');
    expect(d.text).toBe(sample);
  });
  it('reads UTF-16LE with BOM', () => {
    const d = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
    expect(d.encoding).toBe('UTF-16LE BOM');
    expect(d.text).toBe(sample);
  });
  it('reads GB18030 and GBK (strict UTF-8 fails first)', () => {
    const gb = encodeGb18030(sample, true);
    expect(isValidUtf8(gb)).toBe(false);
    const d = decodeText(gb);
    expect(d.encoding).toBe('GB18030');
    expect(d.text).toBe(sample.replace(/\n/g, '\r\n'));
    expect(decodeText(iconv.encode(sample, 'gbk')).text).toBe(sample);
  });
  it('reads the committed GBK fixture', () => {
    const d = decodeText(readFileSync(path.join(FIX, 'gbk-notice.txt')));
    expect(d.encoding).toBe('GB18030');
    expect(d.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(d.text.startsWith('乌鲁木齐市人民政府办公厅文件\r\n')).toBe(true);
  });
});

describe('normalizeText and dates', () => {
  it('normalizes line ends, full-width spaces and Word bookmarks', () => {
    expect(normalizeText('\uFEFF　　标题\r\n正文\r[bookmark: _GoBack]关于\u00A0x  \n')).toBe('  标题\n正文\n关于 x\n');
    expect(collapseCjkSpaces('内蒙古自治区政务公开领导小组办公室 关于印发 A B 通知')).toBe('内蒙古自治区政务公开领导小组办公室关于印发A B通知');
    expect(collapseCjkSpaces('文  件')).toBe('文件');
  });
  it('parses Arabic, Chinese-numeral and full-width dates', () => {
    expect(parseChineseDate('2016年5月18日')).toBe('2016-05-18');
    expect(parseChineseDate('2016 年 5 月 18 日')).toBe('2016-05-18');
    expect(parseChineseDate('二〇一六年五月十八日')).toBe('2016-05-18');
    expect(parseChineseDate('二○二○年十二月三十一日')).toBe('2020-12-31');
    expect(parseChineseDate('二〇二二年三月十日')).toBe('2022-03-10');
    expect(parseChineseDate('２０２４年１０月８日')).toBe('2024-10-08');
    expect(parseChineseDate('2023年2月30日')).toBeUndefined();
    expect(chineseNumber('二十')).toBe(20);
    expect(chineseNumber('十一')).toBe(11);
    expect(isDateLine('（2016年5月18日）')).toBe(true);
    expect(isDateLine('2016年5月18日印发')).toBe(false);
  });
  it('matches issuers longest-first and reports unknown names', () => {
    expect(matchIssuers('内蒙古自治区政务公开领导小组办公室', organizations)).toEqual({ ids: ['nmg-zwgk-bgs'], unknown: [] });
    expect(matchIssuers('内蒙古自治区政务公开领导小组 示例旗财政局', organizations)).toEqual({ ids: ['nmg-zwgk-ldxz'], unknown: ['示例旗财政局'] });
  });
});

describe('extractDocument on committed fixtures', () => {
  it('GBK .txt with CRLF: 标志, [] 文号, two-line title, numbered 附件, Chinese-numeral date', () => {
    const text = decodeText(readFileSync(path.join(FIX, 'gbk-notice.txt'))).text;
    const ex = extractDocument(text, { organizations });
    expect(ex.issuerMark).toBe('乌鲁木齐市人民政府办公厅文件');
    expect(ex.issuers).toEqual(['wlmq-zfbgt']);
    expect(ex.unknownIssuers).toEqual([]);
    expect(ex.docNumber).toBe('乌政办〔2016〕123号');
    expect(ex.docNumberRaw).toBe('乌政办[2016]123号');
    expect(ex.title).toBe('乌鲁木齐市人民政府办公厅关于做好2017年元旦春节期间政务公开工作的通知');
    expect(ex.docType).toBe('通知');
    expect(ex.recipients).toBe('各区（县）人民政府，市属各委、局、办');
    expect(ex.written).toBe('2016-12-26');
    expect(ex.writtenRaw).toBe('二〇一六年十二月二十六日');
    expect(ex.signature).toBe('乌鲁木齐市人民政府办公厅');
    expect(ex.attachments).toEqual(['政务公开工作安排表', '联系人名单']);
    expect(ex.openness).toBe('主动公开');
    expect(ex.missing).toEqual([]);
    expect(ex.body).toContain('### 一、及时发布节日期间便民信息');
  });

  it('UTF-8 BOM .txt: （） 文号, title with （试行）, unknown issuer reported, 版记 dropped', () => {
    const text = decodeText(readFileSync(path.join(FIX, 'utf8-bom-opinion.txt'))).text;
    const ex = extractDocument(text, { organizations });
    expect(ex.docNumber).toBe('示财发〔2024〕7号');
    expect(ex.title).toBe('示例旗财政局关于进一步规范预算公开的实施意见（试行）');
    expect(ex.docType).toBe('意见');
    expect(ex.issuers).toEqual([]);
    expect(ex.unknownIssuers).toEqual(['示例旗财政局']);
    expect(ex.missing.map((m) => m.field)).toEqual(['issuers']);
    expect(ex.written).toBe('2024-10-08');
    expect(ex.openness).toBe('依申请公开');
    expect(ex.attachments).toEqual([]);
    expect(ex.body).not.toContain('抄送');
    expect(ex.body).not.toContain('印发');
    // never an invented id: the frontmatter has no issuers and the schema says so
    const draft = buildPolicyFrontmatter(ex, { topic: 'caizheng', indexNumber: 'X/2024-00001' });
    expect(draft.data.issuers).toBeUndefined();
    const r = policySchema.safeParse(draft.data);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['issuers']);
  });

  it('.docx through mammoth raw text (committed fixture and an in-memory one)', async () => {
    const committed = await mammoth.extractRawText({ buffer: readFileSync(path.join(FIX, 'notice.docx')) });
    const fresh = await mammoth.extractRawText({ buffer: makeDocx(NOTICE_PARAGRAPHS) });
    expect(fresh.value).toBe(committed.value);
    const ex = extractDocument(committed.value, { organizations });
    expect(ex.issuers).toEqual(['kbs-zwgk-bgs']);
    expect(ex.docNumber).toBe('康政公办发〔2022〕3号');
    expect(ex.docNumberRaw).toBe('康政公办发【2022】3号');
    expect(ex.title).toBe('康巴什区政务公开领导小组办公室关于开展2022年政府网站和政务新媒体检查的通知');
    expect(ex.recipients).toBe('各街道办事处，区直各部门');
    expect(ex.written).toBe('2022-03-15');
    expect(ex.attachments).toEqual(['检查指标', '自查情况报告模板']);
    expect(ex.openness).toBe('主动公开');
  });
});

describe('frontmatter, id and file', () => {
  it('builds a schema-valid policy and a stable ascii id', () => {
    const text = decodeText(readFileSync(path.join(FIX, 'gbk-notice.txt'))).text;
    const ex = extractDocument(text, { organizations });
    const draft = buildPolicyFrontmatter(ex, { topic: 'zwgk', indexNumber: '116501000107685157/2016-00002', sourceName: 'gbk-notice.txt' });
    const r = policySchema.safeParse(draft.data);
    expect(r.success).toBe(true);
    expect(draft.data).toMatchObject({ written: '2016-12-26', published: '2016-12-26', openness: '主动公开' });
    const id = importId(ex, normalizeText(text));
    expect(id).toMatch(/^imp-2016-1226-[0-9a-f]{6}$/);
    expect(importId(ex, normalizeText(text))).toBe(id);
    expect(importId({ docNumber: '内政公办字〔2009〕1号' }, 'x')).toMatch(/^imp-2009-[0-9a-f]{6}$/);
    const file = renderPolicyFile(draft, ex.body);
    const parsed = matter(file);
    expect(policySchema.safeParse(parsed.data).success).toBe(true);
    expect(file).toMatch(/^---\n# 由 npm run import 从 gbk-notice\.txt 导入/);
    expect(file).toContain('# 原文列有附件：政务公开工作安排表；联系人名单。');
  });
});

// ---------------------------------------------------------------------------------------------
// The seeds, re-encoded as GB18030 with CRLF, against the metadata the team extracted by hand.

interface Expected {
  seed: string;
  handMade: string;
  title: string;
  docNumber?: string;
  issuers: string[];
  written?: string;
  recipients: string;
  attachments: string[];
  missing: string[];
}

const EXPECTED: Expected[] = [
  {
    seed: '000_4c4a230be481027f.txt',
    handMade: 'nmg-2016-zwgk-yaodian.md',
    title: '内蒙古自治区政务公开领导小组办公室关于印发2016年全区政务公开工作要点的通知',
    docNumber: '内政公办字〔2016〕5号',
    issuers: ['nmg-zwgk-bgs'],
    written: '2016-05-18',
    recipients: '各盟市政务公开领导小组，自治区各委、办、厅、局政务公开领导小组，各大企业、事业单位办事公开领导小组',
    attachments: [],
    missing: [],
  },
  {
    seed: '001_1eeedb9c8bfcb3fb.txt',
    handMade: 'kbs-2021-zwgk-yaodian.md',
    title: '康巴什区政务公开领导小组办公室关于印发康巴什区2021年政务公开工作要点的通知',
    issuers: ['kbs-zwgk-bgs'],
    written: '2021-07-30',
    recipients: '各街道办事处，各部门，各垂直管理部门，各企事业单位',
    attachments: ['康巴什区2021年政务公开工作要点任务台账'],
    missing: ['docNumber'],
  },
  {
    seed: '002_d31d703f79363ab1.txt',
    handMade: 'nmg-2009-zwgk-yaodian.md',
    title: '内蒙古自治区政务公开领导小组办公室关于印发《2009年全区政务公开工作要点》的通知',
    docNumber: '内政公办字〔2009〕1号',
    issuers: ['nmg-zwgk-bgs'],
    recipients: '各盟市政务公开领导小组，自治区各委、办、厅、局政务公开领导小组，各大企业、事业单位办事公开领导小组',
    attachments: [],
    missing: ['written'],
  },
  {
    seed: '003_1dee01c489262a4c.txt',
    handMade: 'nmg-2020-jczwgk-shishi-yijian.md',
    title: '内蒙古自治区政务公开领导小组关于印发全面推进基层政务公开标准化规范化工作实施意见的通知',
    docNumber: '内政公发〔2020〕2号',
    issuers: ['nmg-zwgk-ldxz'],
    written: '2020-05-18',
    recipients: '各盟市政务公开领导小组、自治区政务公开领导小组各成员单位',
    attachments: ['基层政务公开标准化规范化重点工作任务分解表'],
    missing: [],
  },
  {
    seed: '004_d0a25807877b3249.txt',
    handMade: 'wlmq-2016-zwgk-yaodian-fangan.md',
    title: '乌鲁木齐市人民政府办公厅关于印发乌鲁木齐市2016年政务公开工作要点实施方案的通知',
    issuers: ['wlmq-zfbgt'],
    written: '2016-08-31',
    recipients:
      '乌鲁木齐县、各区人民政府，乌鲁木齐经济技术开发区（头屯河区）、高新技术产业开发区（新市区）、甘泉堡经济技术开发区管委会，市属各委、局、办',
    attachments: [],
    missing: ['docNumber'],
  },
];

const haveSeeds = existsSync(SEEDS);

describe.skipIf(!haveSeeds)('seeds re-encoded as GB18030 + CRLF', () => {
  it('covers every seed', () => {
    expect(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()).toEqual(EXPECTED.map((e) => e.seed));
  });
  for (const e of EXPECTED) {
    it(`${e.seed} → ${e.handMade}`, () => {
      const bytes = encodeGb18030(readFileSync(path.join(SEEDS, e.seed), 'utf8'), true);
      expect(bytes.includes(0x0d)).toBe(true);
      const decoded = decodeText(bytes);
      expect(decoded.encoding).toBe('GB18030');
      const ex = extractDocument(decoded.text, { organizations });
      expect(ex.title).toBe(e.title);
      expect(ex.docNumber).toBe(e.docNumber);
      expect(ex.issuers).toEqual(e.issuers);
      expect(ex.unknownIssuers).toEqual([]);
      expect(ex.written).toBe(e.written);
      expect(ex.recipients).toBe(e.recipients);
      expect(ex.attachments).toEqual(e.attachments);
      expect(ex.missing.map((m) => m.field)).toEqual(e.missing);
      expect(ex.docType).toBe('通知');
      expect(ex.body.startsWith(e.recipients)).toBe(true);

      // the hand-made metadata agrees on every field the importer fills
      const hand = matter(readFileSync(path.join(ROOT, 'content/policies', e.handMade), 'utf8')).data as Record<string, unknown>;
      const asIso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
      expect(ex.title).toBe(hand.title);
      expect(ex.docNumber).toBe(hand.docNumber);
      expect(ex.issuers).toEqual(hand.issuers);
      expect(ex.written).toBe(asIso(hand.written));
      expect(ex.docType).toBe(hand.docType);
    });
  }
});
