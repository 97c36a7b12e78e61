import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

/** Frontmatter and body, read as the content check reads them. */
function matter(text: string): { data: Record<string, unknown>; content: string } {
  const r = splitFrontmatter(text, 'test.md');
  return { data: (r.yaml?.value ?? {}) as Record<string, unknown>, content: r.body };
}
import mammoth from 'mammoth';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeGb18030, isValidUtf8, MIN_CONFIDENCE } from '../../src/lib/import/decode.ts';
import { chineseNumber, isDateLine, parseChineseDate } from '../../src/lib/import/dates.ts';
import { collapseCjkSpaces, normalizeText } from '../../src/lib/import/normalize.ts';
import { extractDocument, matchIssuers, type OrgRef } from '../../src/lib/import/extract.ts';
import { buildPolicyFrontmatter, importId, renderPolicyFile } from '../../src/lib/import/policy.ts';
import { canonicalZip, checkDocxZip, extractDocxText, listZipEntries } from '../../src/lib/import/docx.ts';
import { checkExtractedText, checkOutputSize, DOCX_MAX_ENTRIES, DOCX_MAX_INFLATED_BYTES, ImportRefusal, isBlank, MAX_OUTPUT_BYTES, MAX_TEXT_BYTES } from '../../src/lib/import/guards.ts';
import { chinesePlausibility, MIN_COMMON_HAN_SHARE } from '../../src/lib/import/plausible.ts';
import { validatePolicyOutput } from '../../src/lib/import/validate-output.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { makeDocx, NOTICE_PARAGRAPHS } from '../fixtures/import/make-docx.ts';
import {
  dataDescriptorDocx,
  HIDDEN_PARAGRAPH,
  hostileFiles,
  lyingZipBombDocx,
  nonCanonicalDocx,
  NOTICE_TEXT,
  supportedFiles,
  TRADITIONAL_TEXT,
  twoDirectoryDocx,
  zipBombDocx,
} from '../fixtures/import/make-hostile.ts';

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

describe('decodeText: encodings without BOM, traditional characters', () => {
  it('reads UTF-16LE without BOM and UTF-16BE with and without BOM', () => {
    const files = supportedFiles();
    const le = decodeText(files['utf16le-no-bom.txt']!);
    expect(le).toMatchObject({ encoding: 'UTF-16LE', text: NOTICE_TEXT.replace(/\n/g, '\r\n') });
    expect(decodeText(files['utf16be-bom.txt']!)).toEqual({ encoding: 'UTF-16BE BOM', text: NOTICE_TEXT, confidence: 100 });
    expect(decodeText(Buffer.from(NOTICE_TEXT, 'utf16le').swap16())).toMatchObject({ encoding: 'UTF-16BE', text: NOTICE_TEXT });
  });
  it('reads UTF-16 without BOM when zero low bytes (一 U+4E00, 最 U+6700) outnumber line breaks', () => {
    const text = '一一一一最最最最一一一一最最最最，一律按照最新规定执行。\n';
    expect(decodeText(Buffer.from(text, 'utf16le')).text).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf16le').swap16()).text).toBe(text);
  });
  it('reads Big5 as the traditional characters it holds', () => {
    const d = decodeText(supportedFiles()['big5.txt']!);
    expect(d.encoding).toBe('Big5');
    expect(d.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(d.text).toBe(TRADITIONAL_TEXT.replace(/\n/g, '\r\n'));
    expect(d.text).toContain('烏魯木齊市人民政府辦公廳關於');
  });
  it('reads traditional characters saved as GBK (the corpus has a 1954 report written so)', () => {
    expect(decodeText(iconv.encode(TRADITIONAL_TEXT, 'gbk'))).toMatchObject({ encoding: 'GB18030', text: TRADITIONAL_TEXT });
  });
});

describe('decodeText refuses what it cannot identify with confidence', () => {
  const refusal = (bytes: Uint8Array): string => {
    try {
      decodeText(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRefusal);
      return (e as Error).message;
    }
    throw new Error('decoded, expected a refusal');
  };
  it.each([
    ['shift-jis.txt', /最可能是 Shift_JIS（日文），可信度 \d+%/],
    ['euc-kr.txt', /最可能是 EUC-KR（韩文），可信度 \d+%/],
    ['koi8-r.txt', /最可能是 KOI8-R（俄文），可信度 \d+%/],
    ['windows-1251.txt', /最可能是 windows-1251（俄文），可信度 \d+%/],
    ['random.txt', /无法可靠识别文本编码.*可信度 \d+%/],
    ['binary.txt', /含 NUL 字节.*binary file/],
  ])('%s: names the best guess, its confidence and the fix', (name, pattern) => {
    const message = refusal(hostileFiles()[name]!);
    expect(message).toMatch(pattern);
    expect(message).toContain('另存为”时编码选 UTF-8');
  });
  it('refuses Chinese too short to tell from Korean or Latin-1 (chardet gives every candidate 10 %)', () => {
    expect(refusal(iconv.encode('内蒙古', 'gbk'))).toMatch(/无法可靠识别文本编码/);
  });
  it('refuses windows-1252, UTF-32, broken UTF-8 after a BOM, control characters and U+FFFD', () => {
    expect(refusal(iconv.encode('Café résumé naïve façade — “quoted” text here.', 'win1252'))).toMatch(/windows-125\d/);
    expect(refusal(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('通知', 'utf16le')]))).toContain('UTF-32');
    expect(refusal(Buffer.from([0xef, 0xbb, 0xbf, 0xc4, 0xe3]))).toContain('不合法的 UTF-8');
    expect(refusal(Buffer.from('通知\x1b[31m红色\n'))).toContain('U+001B');
    expect(refusal(Buffer.from('通知\uFFFD\n'))).toContain('U+FFFD');
  });
  it('Shift-JIS read as GB18030 is implausible (rare characters), real GB18030 is not', () => {
    const mojibake = iconv.decode(hostileFiles()['shift-jis.txt']!, 'gb18030');
    expect(chinesePlausibility(mojibake)).toMatchObject({ ok: false });
    expect(chinesePlausibility(mojibake).commonHanShare).toBeLessThan(MIN_COMMON_HAN_SHARE);
    expect(chinesePlausibility(NOTICE_TEXT)).toEqual({ ok: true, expectedShare: 1, commonHanShare: 1 });
  });
});

describe('.docx zip checks', () => {
  const refusal = async (bytes: Buffer): Promise<string> => {
    try {
      await extractDocxText(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRefusal);
      return (e as Error).message;
    }
    throw new Error('extracted, expected a refusal');
  };
  it('reads a deflated .docx like the stored one', async () => {
    const stored = await extractDocxText(makeDocx(NOTICE_PARAGRAPHS));
    expect((await extractDocxText(makeDocx(NOTICE_PARAGRAPHS, { deflate: true }))).text).toBe(stored.text);
    expect(listZipEntries(makeDocx(NOTICE_PARAGRAPHS)).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
  });
  it('refuses a zip bomb by its declared sizes, before inflating anything', async () => {
    const bomb = zipBombDocx();
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await refusal(bomb)).toMatch(/解压后共 2\d\.\d MB，上限 20\.0 MB（zip bomb/);
    expect(DOCX_MAX_INFLATED_BYTES).toBe(20 * 1024 * 1024);
  });
  it('refuses a zip bomb whose directory lies about the size', async () => {
    expect(await refusal(lyingZipBombDocx())).toMatch(/word\/document\.xml 解压后超过目录记录的 4\.0 KB（zip bomb/);
  });
  it('refuses what is not a .docx: text, an old OLE .doc, a truncated zip, absurd entry counts', async () => {
    const files = hostileFiles();
    expect(await refusal(files['not-a-zip.docx']!)).toContain('不是有效的 .docx 文件');
    expect(await refusal(files['old-word.docx']!)).toContain('旧版 Word/WPS 文件（.doc/.wps，OLE 格式）');
    expect(await refusal(files['truncated.docx']!)).toContain('truncated zip');
    expect(await refusal(files['many-entries.docx']!)).toContain(`有 3000 个条目，上限 ${DOCX_MAX_ENTRIES}`);
  });
});

describe('.docx parser differential: the checker and JSZip must see the same archive', () => {
  const refusal = async (bytes: Buffer): Promise<string> => {
    try {
      await extractDocxText(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRefusal);
      return (e as Error).message;
    }
    throw new Error('extracted, expected a refusal');
  };
  const DIFFERENTIAL = /^\.docx 的 zip 结构异常.*目录与目录结尾记录之间有 \d+ 字节未说明的数据.*central directory does not end at the end record/;

  it('the fixture is real: JSZip (inside mammoth) reads the hidden directory of the two-directory zip', async () => {
    const crafted = twoDirectoryDocx(makeDocx([HIDDEN_PARAGRAPH]));
    expect((await mammoth.extractRawText({ buffer: crafted })).value).toContain(HIDDEN_PARAGRAPH);
    expect(await refusal(crafted)).toMatch(DIFFERENTIAL);
  });

  it('refuses a bomb behind a harmless directory with one line, from the directory alone (nothing inflated)', async () => {
    const bomb = hostileFiles()['two-directories.docx']!;
    expect(bomb.length).toBeLessThan(200 * 1024);
    // listZipEntries reads headers only and inflates nothing: the refusal comes from there
    let structural = '';
    try {
      listZipEntries(bomb);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRefusal);
      structural = (e as Error).message;
    }
    expect(structural).toMatch(DIFFERENTIAL);
    const before = process.memoryUsage().arrayBuffers;
    const message = await refusal(bomb);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
    expect(message).toBe(structural);
    expect(message).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['prepended-unadjusted', 'central directory does not end at the end record'],
    ['prepended-adjusted', 'data before the first entry'],
    ['gap-between-entries', 'gap between entries'],
    ['trailing-bytes', 'data after the end record'],
    ['second-end-record', 'two end-of-central-directory records'],
    ['local-name-differs', 'local name differs from the directory'],
    ['overlapping-entries', 'overlapping entries'],
    ['duplicate-name', 'duplicate entry name'],
  ])('refuses a non-canonical layout: %s', async (name, reason) => {
    const bytes = nonCanonicalDocx()[name]!;
    const message = await refusal(bytes);
    expect(message).toContain(`non-canonical zip: ${reason}`);
    expect(message).toContain('另存为');
    expect(message).not.toMatch(/[\r\n]/);
  });

  it('refuses an entry whose bytes do not match its CRC', async () => {
    const docx = makeDocx(NOTICE_PARAGRAPHS);
    const at = docx.indexOf('康巴什区');
    docx[at] = docx[at]! ^ 1;
    expect(await refusal(docx)).toMatch(/CRC mismatch/);
  });

  it('accepts data descriptors (streaming writers) and Word files, and hands mammoth a rebuilt zip with the same text', async () => {
    const plain = await extractDocxText(makeDocx(NOTICE_PARAGRAPHS, { deflate: true }));
    expect((await extractDocxText(dataDescriptorDocx())).text).toBe(plain.text);
    const notice = readFileSync(path.join(FIX, 'notice.docx'));
    expect((await extractDocxText(notice)).text).toBe((await mammoth.extractRawText({ buffer: notice })).value);
    const mammothData = path.join(ROOT, 'node_modules/mammoth/test/test-data');
    if (existsSync(mammothData)) {
      for (const f of readdirSync(mammothData).filter((x) => x.endsWith('.docx'))) {
        const word = readFileSync(path.join(mammothData, f));
        expect((await extractDocxText(word)).text, f).toBe((await mammoth.extractRawText({ buffer: word })).value);
      }
    }
  });

  it('the rebuilt zip is itself canonical: stored entries tiling the file from offset 0', () => {
    const rebuilt = canonicalZip(checkDocxZip(makeDocx(NOTICE_PARAGRAPHS, { deflate: true })));
    const entries = listZipEntries(rebuilt);
    expect(entries.map((e) => [e.name, e.method])).toEqual([['[Content_Types].xml', 0], ['_rels/.rels', 0], ['word/document.xml', 0]]);
    expect(entries[0]!.localOffset).toBe(0);
    expect(checkDocxZip(rebuilt).map((e) => e.data)).toEqual(checkDocxZip(makeDocx(NOTICE_PARAGRAPHS)).map((e) => e.data));
  });
});

describe('input and output guards', () => {
  it('empty text: nothing, whitespace, BOM and zero-width characters', () => {
    for (const t of ['', ' \r\n\t', '\uFEFF\u3000\u200B\n']) expect(() => checkExtractedText(t, '文件中')).toThrow(/没有任何文字.*empty input/);
    expect(isBlank('\uFEFF 通知')).toBe(false);
  });
  it('caps the text and the Markdown, naming the size', () => {
    expect(() => checkExtractedText('政'.repeat(MAX_TEXT_BYTES / 3 + 1), '文件中')).toThrow(/文字过长：2\.0 MB，上限 2\.0 MB/);
    expect(() => checkOutputSize('a'.repeat(MAX_OUTPUT_BYTES + 1))).toThrow(/生成的 Markdown 过大：3\.0 MB，上限 3\.0 MB/);
    expect(() => checkOutputSize('a'.repeat(MAX_OUTPUT_BYTES))).not.toThrow();
  });
});

describe('the Markdown written is what npm run check accepts', () => {
  const base = { issuers: ['wlmq-zfbgt'], indexNumber: '116501000107685157/2016-00001', topic: 'zwgk', published: '2016-12-26' };
  const ctx = { organizations: new Set(organizations.map((x) => x.id)), topics: new Set(['zwgk']) };
  const hostile = ['---', 'a: b', '# 注释', '标题\n---\ntitle: 伪造', '{{ site.secret }}', '<script>alert(1)</script>', `'单' "双"`, 'yes', '2016-01-01', '- 列表', '[1, 2]', '&a *b !c', '%YAML 1.1', '标题 #不是注释', '... 结束', 'x\r\ny', '0123'];
  it.each(hostile)('title %j round-trips as data', (title) => {
    const data = { title, ...base };
    const file = renderPolicyFile({ data, comments: [`来源 ${title}`, 'a\rb\u2028c'] }, '正文\n');
    expect(validatePolicyOutput(file, 'content/policies/imp-x.md', { ...ctx, expected: data })).toEqual([]);
    expect(parseYaml(file.split('\n---\n')[0]!.slice(4))).toEqual(data);
  });
  it('reports what check reports: no frontmatter, YAML errors, HTML, unknown ids, schema, file name', () => {
    const reasons = (text: string, rel = 'content/policies/imp-x.md') => validatePolicyOutput(text, rel, ctx).map((p) => `${p.field}: ${p.reason}`);
    expect(reasons('')).toEqual([expect.stringContaining('缺少前置元数据')]);
    expect(reasons('---\ntitle: [\n---\n')[0]).toContain('YAML 语法错误');
    const ok = renderPolicyFile({ data: { title: '通知', ...base }, comments: [] }, '正文');
    expect(reasons(ok)).toEqual([]);
    expect(reasons(ok.replace('正文', '<script>alert(1)</script>'))).toEqual([expect.stringMatching(/^body: 正文含不安全的 HTML/)]);
    expect(reasons(ok.replace('wlmq-zfbgt', 'nobody'))).toEqual([expect.stringContaining('发文机关 "nobody" 不在 organizations.yaml 中')]);
    expect(reasons(ok.replace('topic: zwgk', 'topic: nope'))).toEqual([expect.stringContaining('主题分类 "nope" 不在 topics.yaml 中')]);
    expect(reasons(ok.replace(/^topic: zwgk\n/m, ''))).toEqual(['topic: 缺少必填字段（required）']);
    expect(reasons(ok, 'content/policies/不是标识.md')).toEqual([expect.stringContaining('不能用作标识')]);
  });
  it('runs the per-document date rules of check: 发布 ≥ 成文, 施行 ≥ 成文, 有效期至 after them, no self-repeal', () => {
    const at = (extra: Record<string, unknown>, today = '2025-01-01') => {
      const data = { title: '通知', ...base, ...extra };
      const file = renderPolicyFile({ data, comments: [] }, '正文');
      return validatePolicyOutput(file, 'content/policies/imp-x.md', { ...ctx, expected: data, today }).map((p) => `${p.line} ${p.field} ${p.severity}: ${p.reason}`);
    };
    expect(at({ written: '2024-03-01', published: '2023-01-01' })).toEqual([expect.stringMatching(/^\d+ published error: 发布日期 2023-01-01 早于成文日期 2024-03-01（published before written）$/)]);
    expect(at({ written: '2024-03-01', published: '2024-03-01' })).toEqual([]);
    expect(at({ written: '2024-03-01', published: '2024-03-05', effective: '2024-02-01' })).toEqual([expect.stringContaining('effective error: 施行日期 2024-02-01 早于成文日期 2024-03-01')]);
    expect(at({ written: '2024-03-01', published: '2024-03-05', effective: '2024-04-01', expires: '2024-04-01' })).toEqual([expect.stringContaining('expires error: 有效期至 2024-04-01 不晚于施行日期 2024-04-01')]);
    expect(at({ published: '2024-03-05', expires: '2024-01-01' })).toEqual([expect.stringContaining('expires error: 有效期至 2024-01-01 不晚于发布日期 2024-03-05')]);
    expect(at({ published: '2024-03-05', repeals: ['imp-x'] })).toEqual([expect.stringContaining('repeals[0] error: 文件不能废止自身 "imp-x"')]);
    // documents elsewhere in the library: check decides, not the importer
    expect(at({ published: '2024-03-05', repeals: ['old-policy'], amends: ['other-policy'] })).toEqual([]);
  });
  it('a 发布日期 after the build date is a scheduled document, not an error; its dates are still checked', () => {
    const at = (extra: Record<string, unknown>) => {
      const data = { title: '通知', ...base, ...extra };
      return validatePolicyOutput(renderPolicyFile({ data, comments: [] }, '正文'), 'content/policies/imp-x.md', { ...ctx, expected: data, today: '2025-01-01' }).map((p) => p.reason);
    };
    expect(at({ written: '2024-12-20', published: '2099-01-01' })).toEqual([]);
    expect(at({ written: '2099-03-01', published: '2099-01-01' })).toEqual(['发布日期 2099-01-01 早于成文日期 2099-03-01（published before written）']);
    // without `today`, the build date check uses (PORTAL_TODAY or today): 2099 is still ahead
    const data = { title: '通知', ...base, written: '2024-12-20', published: '2099-01-01' };
    expect(validatePolicyOutput(renderPolicyFile({ data, comments: [] }, '正文'), 'content/policies/imp-x.md', ctx)).toEqual([]);
  });
  it('reports a declared 有效性 overtaken by the dates as check does (a warning)', () => {
    const data = { title: '通知', ...base, status: '尚未生效', effective: '2024-01-01' };
    const problems = validatePolicyOutput(renderPolicyFile({ data, comments: [] }, '正文'), 'content/policies/imp-x.md', { ...ctx, today: '2025-01-01' });
    expect(problems).toEqual([expect.objectContaining({ field: 'status', severity: 'warning', reason: expect.stringContaining('施行日期 2024-01-01 已到') })]);
  });
  it('imported body text is data: no HTML, links or link definitions', () => {
    const ex = extractDocument(readFileSync(path.join(FIX, 'yaml-title.txt'), 'utf8'), { organizations });
    expect(ex.title).toBe('乌鲁木齐市人民政府办公厅关于“---”title: fake #comment {{ site.secret }} <script>alert(1)</script>的通知');
    expect(ex.body).toContain('&lt;script>alert(2)&lt;/script>请见[链接]\\(javascript:alert(3))');
    expect(ex.body).toContain('\\[ref]: javascript:alert(4)');
    const draft = buildPolicyFrontmatter(ex, { topic: 'zwgk', indexNumber: '116501000107685157/2024-00001' });
    expect(validatePolicyOutput(renderPolicyFile(draft, ex.body), 'content/policies/imp-x.md', { ...ctx, expected: draft.data })).toEqual([]);
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
