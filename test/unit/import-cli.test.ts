import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../src/lib/import/decode.ts';
import { parse as parseYaml } from 'yaml';
import { collectSite } from '../../src/content/load.ts';
import { hostileFiles, NOTICE_TEXT, supportedFiles } from '../fixtures/import/make-hostile.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const tmp = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function freshContent(name: string): string {
  const dir = path.join(tmp, name, 'content');
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  mkdirSync(path.join(dir, 'interpretations'), { recursive: true });
  for (const f of ['site.yaml', 'organizations.yaml', 'topics.yaml']) copyFileSync(path.join(ROOT, 'content', f), path.join(dir, f));
  // a project has public/ too: site.yaml's 党政机关网站标识 image is checked to exist there
  cpSync(path.join(ROOT, 'public'), path.join(tmp, name, 'public'), { recursive: true });
  return dir;
}

function run(args: string[], cwd = ROOT): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/import.ts'), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('npm run import', () => {
  it('prints help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--dry-run');
  });

  it('rejects unknown options with exit 2', () => {
    expect(run(['--nope', 'x.txt']).code).toBe(2);
  });

  it('imports the GBK fixture and a .docx into files that pass the loader; never overwrites without --force', async () => {
    const content = freshContent('a');
    const args = ['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk'];
    const inputs = [path.join(ROOT, 'test/fixtures/import/gbk-notice.txt'), path.join(ROOT, 'test/fixtures/import/notice.docx')];

    const dry = run([...args, '--dry-run', ...inputs]);
    expect(dry.code).toBe(0);
    expect(readdirSync(path.join(content, 'policies'))).toEqual([]);

    const first = run([...args, ...inputs]);
    expect(first.out).toContain('（GB18030）');
    expect(first.out).toContain('（DOCX）');
    expect(first.code).toBe(0);
    const files = readdirSync(path.join(content, 'policies')).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^imp-2016-1226-[0-9a-f]{6}\.md$/);
    expect(files[1]).toMatch(/^imp-2022-0315-[0-9a-f]{6}\.md$/);
    const text = readFileSync(path.join(content, 'policies', files[0]!), 'utf8');
    expect(text).toContain('indexNumber: 116501000107685157/2016-00001');
    expect(text).toContain('docNumber: 乌政办〔2016〕123号');

    const result = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data?.policies.map((p) => p.title).sort()).toEqual([
      '乌鲁木齐市人民政府办公厅关于做好2017年元旦春节期间政务公开工作的通知',
      '康巴什区政务公开领导小组办公室关于开展2022年政府网站和政务新媒体检查的通知',
    ]);

    writeFileSync(path.join(content, 'policies', files[0]!), 'edited by hand\n');
    const again = run([...args, inputs[0]!]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('已存在');
    expect(readFileSync(path.join(content, 'policies', files[0]!), 'utf8')).toBe('edited by hand\n');
    const forced = run([...args, '--force', inputs[0]!]);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(content, 'policies', files[0]!), 'utf8')).toContain('title: 乌鲁木齐市');
  });

  it('reports the unknown issuer and the schema problems in the check format, and writes nothing check would reject', () => {
    const content = freshContent('b');
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--id', 'caizheng-yusuan', path.join(ROOT, 'test/fixtures/import/utf8-bom-opinion.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('（UTF-8 BOM）');
    expect(r.out).toContain('"示例旗财政局" 不在 organizations.yaml 中');
    expect(r.out).toMatch(/caizheng-yusuan\.md(:\d+)? issuers（发文机关）: 缺少必填字段（required）/);
    expect(r.out).toMatch(/caizheng-yusuan\.md(:\d+)? topic（主题分类）: 缺少必填字段（required）/);
    expect(r.out).toContain('npm run check 不会通过，未写入');
    expect(existsSync(path.join(content, 'policies', 'caizheng-yusuan.md'))).toBe(false);
  });

  it('refuses a 发布日期 before the 成文日期 with the message check gives; a future 发布日期 is written as scheduled', async () => {
    const content = freshContent('dates');
    const out = path.join(content, 'policies');
    const b = path.join(tmp, 'dates', 'b.txt');
    writeFileSync(b, NOTICE_TEXT.replace('2016年12月28日', '2024年3月1日'));
    const args = ['--content', content, '--out', out, '--topic', 'zwgk', '--id', 'b'];
    const early = run([...args, '--published', '2023-01-01', b]);
    expect(early.code).toBe(1);
    expect(early.out).toMatch(/b\.md:\d+ published（发布日期）: 发布日期 2023-01-01 早于成文日期 2024-03-01（published before written）/);
    expect(early.out).toContain('npm run check 不会通过，未写入');
    expect(readdirSync(out)).toEqual([]);

    // the same text, written with a valid date and then edited: check reports exactly that problem
    expect(run([...args, '--published', '2024-03-05', b]).code).toBe(0);
    const file = path.join(out, 'b.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('published: 2024-03-05', 'published: 2023-01-01'));
    const checked = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(checked.problems.filter((p) => p.severity === 'error').map((p) => p.reason)).toEqual(['发布日期 2023-01-01 早于成文日期 2024-03-01（published before written）']);

    const later = run([...args, '--force', '--published', '2099-01-01', b]);
    expect(later.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('published: 2099-01-01');
    const scheduled = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(scheduled.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(scheduled.drafts).toEqual([expect.objectContaining({ id: 'b', scheduled: '2099-01-01' })]);
  });

  it.skipIf(!existsSync(SEEDS))('imports all seeds re-encoded as GB18030 + CRLF from a folder', async () => {
    const content = freshContent('c');
    const legacy = path.join(tmp, 'c', 'legacy');
    mkdirSync(legacy);
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      writeFileSync(path.join(legacy, f), encodeGb18030(readFileSync(path.join(SEEDS, f), 'utf8'), true));
    }
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', legacy]);
    // 002 has no date at all: refused with its field, the other four written
    expect(r.code).toBe(1);
    expect(r.out).toContain('导入 5 个文件：写入 4 个，未导入 1 个');
    expect(r.out).toMatch(/imp-2009-[0-9a-f]{6}\.md(:\d+)? published（发布日期）: 缺少必填字段/);
    const result = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data?.policies).toHaveLength(4);
    // each written file has its 索引号; the refused one used none
    const indexNumbers = readdirSync(path.join(content, 'policies'))
      .map((f) => /indexNumber: (\S+)/.exec(readFileSync(path.join(content, 'policies', f), 'utf8'))?.[1])
      .sort();
    expect(indexNumbers).toHaveLength(4);
    expect(indexNumbers).toContain('11150000011460213X/2016-00001');
    expect(indexNumbers).not.toContain('11150000011460213X/2009-00001');
  });
});

describe('npm run import: hostile legacy files', () => {
  const dir = path.join(tmp, 'hostile');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries({ ...hostileFiles(), ...supportedFiles() })) writeFileSync(path.join(dir, name), bytes);
  for (const name of ['empty.txt', 'whitespace-only.txt', 'yaml-title.txt']) copyFileSync(path.join(ROOT, 'test/fixtures/import', name), path.join(dir, name));

  it.each([
    ['empty.txt', '文件为空（0 字节），未导入（empty file）'],
    ['whitespace-only.txt', '文件中没有任何文字，未导入（empty input: no text）'],
    ['zip-bomb.docx', '，上限 20.0 MB（zip bomb or oversized document）'],
    ['lying-zip-bomb.docx', 'zip 条目 word/document.xml 解压后超过目录记录的 4.0 KB（zip bomb'],
    ['long-text.docx', '.docx 中文字过长：2.9 MB，上限 2.0 MB（text too long）'],
    ['many-entries.docx', '有 3000 个条目，上限 2000（too many zip entries）'],
    ['two-directories.docx', '（non-canonical zip: central directory does not end at the end record），未导入'],
    ['not-a-zip.docx', '不是有效的 .docx 文件（not a .docx/zip file）'],
    ['old-word.docx', '旧版 Word/WPS 文件（.doc/.wps，OLE 格式）'],
    ['shift-jis.txt', '最可能是 Shift_JIS（日文），可信度'],
    ['euc-kr.txt', '最可能是 EUC-KR（韩文），可信度'],
    ['koi8-r.txt', '最可能是 KOI8-R（俄文），可信度'],
    ['random.txt', '无法可靠识别文本编码（encoding not recognized）'],
    ['binary.txt', '（binary file, not text）'],
  ])('%s: exit 1, one line naming the file, nothing written', (name, message) => {
    const content = freshContent(`hostile-${name}`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--issuer', 'wlmq-zfbgt', '--published', '2016-12-28', path.join(dir, name)]);
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.startsWith('✗ '));
    expect(line).toContain(`${name}: `);
    expect(line).toContain(message);
    expect(r.out).toContain('导入 1 个文件：写入 0 个，未导入 1 个');
    expect(readdirSync(path.join(content, 'policies'))).toEqual([]);
  });

  it('refuses Markdown over the output cap, with its size', () => {
    const content = freshContent('hostile-output');
    const big = path.join(dir, 'angle-brackets.txt');
    // 1 MB of text, but every < becomes &lt; in the Markdown
    writeFileSync(big, `${NOTICE_TEXT}${'<'.repeat(1024 * 1024)}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', big]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ .*angle-brackets\.txt: 生成的 Markdown 过大：4\.0 MB，上限 3\.0 MB，未写入（output too large）/);
    expect(readdirSync(path.join(content, 'policies'))).toEqual([]);
  });

  it('converts UTF-16 without BOM, UTF-16BE with BOM and Big5 (traditional kept) into files check accepts', async () => {
    const content = freshContent('supported');
    const out = path.join(content, 'policies');
    const r16 = run(['--content', content, '--out', out, '--topic', 'zwgk', path.join(dir, 'utf16le-no-bom.txt'), path.join(dir, 'utf16be-bom.txt')]);
    expect(r16.out).toContain('（UTF-16LE）');
    expect(r16.out).toContain('（UTF-16BE BOM）');
    // the same text twice: the second has the first one's id, refused before anything is written
    expect(r16.out).toMatch(/utf16be-bom\.txt: id: 标识 "[^"]+" 已在 .*utf16le-no-bom\.txt 使用（duplicate id）/);
    const big5 = run(['--content', content, '--out', out, '--topic', 'zwgk', '--issuer', 'wlmq-zfbgt', '--id', 'big5-notice', path.join(dir, 'big5.txt')]);
    expect(big5.code).toBe(0);
    expect(big5.out).toContain('（Big5）');
    const result = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data?.policies.map((p) => p.title).sort()).toEqual([
      '乌鲁木齐市人民政府办公厅关于做好政府信息公开工作的通知',
      '烏魯木齊市人民政府辦公廳關於做好政府資訊公開工作的通知',
    ]);
    expect(readFileSync(path.join(out, 'big5-notice.md'), 'utf8')).toContain('為進一步做好政府資訊公開工作');
  });

  it('a title with YAML-breaking characters and a body with HTML and links stay data', async () => {
    const content = freshContent('yaml-title');
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--id', 'yaml-title', path.join(dir, 'yaml-title.txt')]);
    expect(r.code).toBe(0);
    const result = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const policy = result.data?.policies[0];
    expect(policy?.title).toBe('乌鲁木齐市人民政府办公厅关于“---”title: fake #comment {{ site.secret }} <script>alert(1)</script>的通知');
    expect(Object.keys(parseYaml(readFileSync(path.join(content, 'policies', 'yaml-title.md'), 'utf8').split('\n---\n')[0]!.slice(4)) as object)).not.toContain('fake');
    expect(policy?.body).not.toMatch(/<script|\]\(javascript/);
  });
});
