import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';
import { baseTitle, isSerialTitle, planVersionGroups, revisionNote, versionDateProblem, versionGroupKey } from '../../src/lib/version-grouping.ts';
import { readExportRow, type RowContext } from '../../src/lib/import/export-row.ts';
import { groupFiles, groupProblems, planImport, type ImportRecord } from '../../src/lib/import/versions.ts';
import { validatePolicyOutput, validateVersionOutput } from '../../src/lib/import/validate-output.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/policies.jsonl');
const tmp = mkdtempSync(path.join(tmpdir(), 'import-versions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The corpus rows with these ids, in corpus order (real text, not retyped). */
function corpusRows(ids: readonly string[]): string[] {
  const want = new Set(ids);
  const rows = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l && want.has((JSON.parse(l) as { id: string }).id));
  expect(rows).toHaveLength(ids.length);
  return rows;
}

const ORGS = [
  { id: 'pbc', name: '中国人民银行' },
  { id: 'sh-rd', name: '上海市人民代表大会常务委员会' },
  { id: 'npc-sc', name: '全国人民代表大会常务委员会' },
];

function rowContext(): RowContext {
  let serial = 0;
  return { organizations: ORGS, topics: new Set(['caizheng-jinrong']), topic: 'caizheng-jinrong', indexNumber: (issuer, year) => `${issuer}/${year}-${String(++serial).padStart(5, '0')}` };
}

function record(line: string, where = 'x.jsonl:1'): ImportRecord {
  const r = readExportRow(line, where, rowContext());
  if ('error' in r) throw new Error(r.error);
  return r.record;
}

const row = (o: Record<string, unknown>) => JSON.stringify({ id: 'a', title: '某某办法', docNumber: '', issuer: '中国人民银行', written: null, published: '2020-01-02', topic: 'x', body: '第一条 正文。', ...o });

describe('version grouping (shared by build:corpus and import)', () => {
  it('one document: same issuers and title, a trailing 文号 or 修正 note ignored', () => {
    expect(baseTitle('中华人民共和国商业银行法（修正）')).toBe('中华人民共和国商业银行法');
    expect(baseTitle('证券公司短期融资券管理办法（中国人民银行公告[2021]第10号）')).toBe('证券公司短期融资券管理办法');
    expect(baseTitle('某某条例（2019年修订）')).toBe('某某条例');
    expect(baseTitle('某某条例（2009年第二次修正本）')).toBe('某某条例');
    // a parenthetical naming what a 公告 amends is part of its title (corpus pbc-nd-93, pbc-nd-68: two documents)
    expect(baseTitle('中国人民银行公告（修订《非金融机构支付服务管理办法实施细则》等5件规范性文件）')).not.toBe(baseTitle('中国人民银行公告（修改“证照分离”改革涉及的规范性文件）'));
    expect(versionGroupKey({ title: 'A 办法', issuers: ['y', 'x'] })).toBe(versionGroupKey({ title: 'A办法（2019年修正）', issuers: ['x', 'y'] }));
    expect(versionGroupKey({ title: 'A办法', issuers: ['x'] })).not.toBe(versionGroupKey({ title: 'A办法', issuers: ['y'] }));
  });

  it('a year range, a bare （YYYY…N） and a serial 公告/令 number are not version trailers', () => {
    const facts = (r: { title: string; issuers: string[]; date: string }) => r;
    const docs = (rows: { title: string; issuers: string[]; date: string }[]) => planVersionGroups(rows, facts).groups.length;
    // two plans, not two versions of one plan
    for (const [a, b] of [['（2016-2020）', '（2021-2035）'], ['（2016—2020年）', '（2021—2035年）'], ['（2016至2020）', '（2021至2035）'], ['（2016年-2020年）', '（2021年-2035年）']]) {
      expect(baseTitle(`某市国土空间总体规划${a}`)).toBe(`某市国土空间总体规划${a!.normalize('NFKC')}`);
      expect(docs([{ title: `某市国土空间总体规划${a}`, issuers: ['某市人民政府'], date: '2017-01-01' }, { title: `某市国土空间总体规划${b}`, issuers: ['某市人民政府'], date: '2022-01-01' }])).toBe(2);
    }
    // a year and a number without 号 or a 〔〕/［］ year bracket is not a 文号
    expect(baseTitle('某某名单（2020年12）')).toBe('某某名单(2020年12)');
    expect(baseTitle('某某办法（国发〔2020〕5号）')).toBe('某某办法');
    expect(baseTitle('某某办法（国发［2020］5）')).toBe('某某办法');
    expect(baseTitle('某某办法（2020年第12号）')).toBe('某某办法');
    // serial announcements: each number is its own document
    expect(isSerialTitle('中国人民银行公告（2020年第12号）', ['中国人民银行'])).toBe(true);
    expect(isSerialTitle('国家税务总局公告（2020年第12号）', ['税务总局'])).toBe(true);
    expect(isSerialTitle('财政部 税务总局联合公告（2020年第1号）', ['财政部', '税务总局'])).toBe(true);
    expect(isSerialTitle('某市人民政府令（2020年第3号）', ['某市人民政府'])).toBe(true);
    expect(isSerialTitle('修订银行间债券市场债券交易流通有关公告', ['中国人民银行'])).toBe(false);
    expect(isSerialTitle('中国人民银行关于某某事项的公告', ['中国人民银行'])).toBe(false);
    expect(docs([{ title: '中国人民银行公告（2020年第12号）', issuers: ['中国人民银行'], date: '2020-05-01' }, { title: '中国人民银行公告（2021年第3号）', issuers: ['中国人民银行'], date: '2021-03-01' }])).toBe(2);
    expect(docs([{ title: '某某办法（2020年第12号）', issuers: ['x'], date: '2020-05-01' }, { title: '某某办法（2021年第3号）', issuers: ['x'], date: '2021-03-01' }])).toBe(1);
  });

  it('plans groups oldest first; duplicate dates or 文号 are conflicts; an undated member has no place; every record is placed once', () => {
    type R = { n: string; title: string; issuers: string[]; date?: string; docNumber?: string };
    const rows: R[] = [
      { n: 'b2', title: 'B', issuers: ['x'], date: '2021-01-01' },
      { n: 'b1', title: 'B（2019年修订）', issuers: ['x'], date: '2019-01-01' },
      { n: 'b0', title: 'B', issuers: ['x'] },
      { n: 'c1', title: 'C', issuers: ['x'], date: '2020-01-01' },
      { n: 'c2', title: 'C', issuers: ['x'], date: '2020-01-01' },
      { n: 'd1', title: 'D', issuers: ['x'], date: '2020-01-01', docNumber: 'D1' },
      { n: 'd2', title: 'D', issuers: ['x'], date: '2021-01-01', docNumber: 'D1' },
      { n: 'e', title: 'E', issuers: ['x'] },
      // no title (the extractor found none) or no issuer: never merged with anything
      { n: 'u1', title: '', issuers: ['x'], date: '2019-01-01' },
      { n: 'u2', title: '', issuers: ['x'], date: '2020-01-01' },
      { n: 'v1', title: 'V', issuers: [], date: '2019-01-01' },
      { n: 'v2', title: 'V', issuers: [], date: '2020-01-01' },
    ];
    const plan = planVersionGroups(rows, (r) => ({ title: r.title, issuers: r.issuers, date: r.date, docNumber: r.docNumber }));
    expect(plan.groups.map((g) => g.map((r) => r.n))).toEqual([['b1', 'b2'], ['e'], ['u1'], ['u2'], ['v1'], ['v2']]);
    expect(plan.conflicts.map((c) => c.rows.map((r) => r.n))).toEqual([['c1', 'c2'], ['d1', 'd2']]);
    expect(plan.conflicts[0]!.reason).toContain('相同的发布日期 2020-01-01');
    expect(plan.conflicts[1]!.reason).toContain('相同的发文字号');
    expect(plan.undated.map((r) => r.n)).toEqual(['b0']);
    const placed = [...plan.groups.flat(), ...plan.conflicts.flatMap((c) => c.rows), ...plan.undated].map((r) => r.n).sort();
    expect(placed).toEqual(rows.map((r) => r.n).sort());
  });

  it('reads the date and the amending 决定 of the last 修正 from a law\'s 题注 (real text: 商业银行法)', () => {
    const [line] = corpusRows(['pbc-nl-3']);
    const body = (JSON.parse(line!) as { body: string }).body;
    expect(revisionNote(body)).toEqual({ date: '2015-08-29', amendingTitle: '关于修改〈中华人民共和国商业银行法〉的决定' });
    expect(revisionNote('（2004年8月28日第十届全国人民代表大会常务委员会第十一次会议修订）\n第一条')).toEqual({ date: '2004-08-28' });
    expect(revisionNote('（2019年1月1日通过）\n第一条')).toBeUndefined();
    expect(revisionNote('第一条 根据2015年8月29日的决定修正。')).toBeUndefined();
  });

  it('a version date must be a real date from 1949 to today', () => {
    expect(versionDateProblem('2020-02-29', '2026-12-01')).toBeUndefined();
    expect(versionDateProblem('1948-12-31', '2026-12-01')).toContain('早于 1949 年');
    expect(versionDateProblem('2026-12-02', '2026-12-01')).toContain('晚于今天 2026-12-01');
    expect(versionDateProblem('2021-02-29', '2026-12-01')).toContain('不是 YYYY-MM-DD');
    expect(versionDateProblem('../2020-01-01', '2026-12-01')).toContain('不是 YYYY-MM-DD');
  });
});

describe('import: export rows are untrusted', () => {
  const error = (o: Record<string, unknown>) => {
    const r = readExportRow(row(o), 'x.jsonl:7', rowContext());
    return 'error' in r ? r.error : undefined;
  };
  it('an id or a date that could name a path elsewhere is refused, the value shown with escapes', () => {
    expect(error({ id: '../../etc/passwd' })).toBe('id: 标识 "../../etc/passwd" 不能用作文件名：只能包含小写英文字母、数字和连字符（allowed: a-z 0-9 -）');
    expect(error({ id: '/tmp/x' })).toContain('"/tmp/x" 不能用作文件名');
    expect(error({ id: 'a\u0000b' })).toContain('"a\\u0000b" 不能用作文件名');
    expect(error({ id: 'a\u2028b' })).toContain('"a\\u{2028}b"');
    expect(error({ published: '../../x' })).toBe('published: 日期 "../../x" 不是 YYYY-MM-DD（allowed: YYYY-MM-DD or null）');
    expect(error({ written: '2020-01-01\u0000/../x' })).toContain('"2020-01-01\\u0000/../x" 不是 YYYY-MM-DD');
    expect(error({ published: 20200101 })).toContain('published: 应为字符串');
    expect(error({ title: '' })).toBe('title: 缺少标题（missing title）');
    expect(readExportRow('{"id":', 'x', rowContext())).toMatchObject({ error: expect.stringContaining('不是 JSON') });
    expect(readExportRow('[1]', 'x', rowContext())).toEqual({ error: '每行应为一个 JSON 对象（each line must be a JSON object）' });
  });
  it('group files are built only from safe ids and dates, even when called directly', () => {
    const a = record(row({ id: 'a', published: '2019-01-01' }));
    const b = record(row({ id: 'b', published: '2020-01-01' }));
    expect(() => groupFiles([a, { ...b, id: '../b' }])).toThrow('不能用作文件名');
    expect(() => groupFiles([{ ...a, data: { ...a.data, published: '../../x' } }, b])).toThrow('"../../x" 不能用作文件名');
    expect(groupProblems([{ ...a, data: { ...a.data, published: '1900-01-01' } }, { ...b, data: { ...b.data, published: '2099-01-01' } }], '2026-12-01')).toEqual([
      'x.jsonl:1: 版本日期 1900-01-01 早于 1949 年（before 1949-01-01）：请核对原文日期',
      'x.jsonl:1: 版本日期 2099-01-01 晚于今天 2026-12-01（in the future）：历史版本只能是已公布的文本',
    ]);
  });
});

describe('import: real version pairs of the corpus', () => {
  const ids = ['pbc-nd-90', 'pbc-nd-56', 'pbc-nl-3', 'lrb-ecbaccb7f67c', 'lrb-6b9c8b2c1228', 'lrb-5941ce49b7ff'];
  it('group into documents with versions; the 商业银行法 rows are one document but the same 2015 text twice', () => {
    const records = corpusRows(ids).map((l, i) => record(l, `corpus:${i + 1}`));
    const plan = planImport(records);
    expect(plan.groups.map((g) => g.map((r) => `${r.id}@${String(r.data.published)}`))).toEqual([
      ['pbc-nd-90@2004-10-18', 'pbc-nd-56@2021-07-23'],
      ['lrb-ecbaccb7f67c@2020-04-10', 'lrb-6b9c8b2c1228@2024-09-27'],
    ]);
    // the 题注 dates the undated 修正 row: it is the 2015 text lrb-5941ce49b7ff already holds
    expect(plan.conflicts.map((c) => c.rows.map((r) => r.id))).toEqual([['pbc-nl-3', 'lrb-5941ce49b7ff']]);
    expect(plan.conflicts[0]!.reason).toContain('相同的发布日期 2015-08-29');
    expect(plan.undated).toEqual([]);

    const files = groupFiles(plan.groups[0]!);
    expect(files.map((f) => [f.rel, f.kind])).toEqual([['pbc-nd-56/versions/2004-10-18.md', 'version'], ['pbc-nd-56.md', 'document']]);
    expect(files[0]!.data).toEqual({ title: '证券公司短期融资券管理办法', docNumber: '中国人民银行公告〔2004〕第12号', written: '2004-10-18', published: '2004-10-18' });
    expect(files[1]!.data.amendment).toEqual({ title: '证券公司短期融资券管理办法（中国人民银行公告[2021]第10号）' });
    expect(validateVersionOutput(files[0]!.text, 'policies/pbc-nd-56/versions/2004-10-18.md', files[0]!.data)).toEqual([]);
    const ctx = { organizations: new Set(ORGS.map((o) => o.id)), topics: new Set(['caizheng-jinrong']), expected: files[1]!.data, today: '2026-12-01' };
    expect(validatePolicyOutput(files[1]!.text, 'policies/pbc-nd-56.md', ctx).filter((p) => p.severity === 'error')).toEqual([]);
  });
  it('a version file whose date is not its file name, or with a field versions do not have, fails the output check', () => {
    const text = '---\npublished: 2004-10-18\n---\n\n正文\n';
    expect(validateVersionOutput(text, 'p/a/versions/2004-10-18.md')).toEqual([]);
    expect(validateVersionOutput(text, 'p/a/versions/2004-10-19.md').map((p) => p.reason)).toEqual(['发布日期 2004-10-18 与文件名 2004-10-19 不一致（published must equal the file name）']);
    expect(validateVersionOutput(text, 'p/a/versions/latest.md').map((p) => p.field)).toEqual(['(文件名)', 'published']);
    expect(validateVersionOutput('---\nindexNumber: x\n---\n\n正文\n', 'p/a/versions/2004-10-18.md').map((p) => p.field)).toEqual(['indexNumber']);
    expect(validateVersionOutput(text, 'p/a/versions/2004-10-18.md', { published: '2004-10-19' }).map((p) => p.reason)).toEqual(['写出的前置元数据读回后与原值不一致（frontmatter does not round-trip）']);
  });
});

// ---- the command ----

function freshContent(name: string): string {
  const dir = path.join(tmp, name, 'content');
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  mkdirSync(path.join(dir, 'interpretations'), { recursive: true });
  for (const f of ['site.yaml', 'topics.yaml']) copyFileSync(path.join(ROOT, 'content', f), path.join(dir, f));
  const extra = ORGS.filter((o) => o.id !== 'pbc').map((o) => `- id: ${o.id}\n  name: ${o.name}\n`).join('');
  writeFileSync(path.join(dir, 'organizations.yaml'), `${readFileSync(path.join(ROOT, 'content/organizations.yaml'), 'utf8')}\n${extra}`);
  cpSync(path.join(ROOT, 'public'), path.join(tmp, name, 'public'), { recursive: true });
  return dir;
}

function run(args: string[]): { code: number; out: string } {
  const env = { ...process.env, PORTAL_TODAY: '2026-12-01' };
  try {
    return { code: 0, out: execFileSync(process.execPath, [path.join(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

const listAll = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();

describe('npm run import --group-versions', () => {
  it('imports the corpus pairs as documents with versions that the content loader attaches; the duplicate 2015 text is an error naming both rows', async () => {
    const content = freshContent('corpus');
    const input = path.join(tmp, 'corpus', 'pairs.jsonl');
    writeFileSync(input, `${corpusRows(['pbc-nd-90', 'pbc-nd-56', 'pbc-nl-3', 'lrb-ecbaccb7f67c', 'lrb-6b9c8b2c1228', 'lrb-5941ce49b7ff']).join('\n')}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'caizheng-jinrong', '--group-versions', input]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/版本合并 grouped: pbc-nd-56 ← 2 个版本 versions: 2004-10-18（.*pairs\.jsonl:1） → 2021-07-23（.*pairs\.jsonl:2）/);
    expect(r.out).toMatch(/版本合并 grouped: lrb-6b9c8b2c1228 ← 2 个版本 versions: 2020-04-10（.*pairs\.jsonl:4） → 2024-09-27/);
    expect(r.out).toMatch(/✗ 不能作为版本合并 cannot group: .*pairs\.jsonl:3、.*pairs\.jsonl:6\n {2}同一文件的 2 条记录中有相同的发布日期 2015-08-29/);
    expect(r.out).toContain('（6 条记录 records）：写入 4 个，未导入 2 个。');
    expect(listAll(path.join(content, 'policies'))).toEqual(['lrb-6b9c8b2c1228.md', 'lrb-6b9c8b2c1228/versions/2020-04-10.md', 'pbc-nd-56.md', 'pbc-nd-56/versions/2004-10-18.md']);

    const site = await collectSite({ root: path.dirname(content), source: 'content', today: '2026-12-01' });
    expect(site.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const byId = new Map(site.data!.policies.map((p) => [p.id, p]));
    expect([...byId.keys()].sort()).toEqual(['lrb-6b9c8b2c1228', 'pbc-nd-56']);
    expect(byId.get('pbc-nd-56')!.versions!.map((v) => [v.date, v.docNumber?.raw])).toEqual([['2004-10-18', '中国人民银行公告〔2004〕第12号']]);
    expect(byId.get('lrb-6b9c8b2c1228')!.versions!.map((v) => v.date)).toEqual(['2020-04-10']);
    expect(byId.get('lrb-6b9c8b2c1228')!.versions![0]!.body).toMatch(/第一条 为了持续优化营商环境，激发市场主体活力/);

    // an earlier import without --group-versions wrote the 2020 text as a document: said, not deleted
    writeFileSync(path.join(content, 'policies', 'lrb-ecbaccb7f67c.md'), 'earlier import\n');
    const again = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'caizheng-jinrong', '--group-versions', '--force', input]);
    expect(again.out).toMatch(/! .*lrb-ecbaccb7f67c\.md 是此前单独导入的同一文本，现已作为历史版本写入：请删除该文件/);
    expect(readFileSync(path.join(content, 'policies', 'lrb-ecbaccb7f67c.md'), 'utf8')).toBe('earlier import\n');
  });

  it('groups legacy .txt files the same way (修订 in the title), the later version naming its 文号 as amendment', () => {
    const content = freshContent('txt');
    const v1 = path.join(tmp, 'txt', 'v1.txt');
    const v2 = path.join(tmp, 'txt', 'v2.txt');
    const text = (no: string, title: string, date: string, rule: string) => `乌鲁木齐市人民政府办公厅文件\n${no}\n${title}\n各区（县）人民政府：\n　　${rule}\n乌鲁木齐市人民政府办公厅\n${date}\n`;
    writeFileSync(v1, text('乌政办〔2016〕124号', '乌鲁木齐市人民政府办公厅关于做好政府信息公开工作的通知', '2016年12月28日', '一、各单位要在节前公布值班电话。'));
    writeFileSync(v2, text('乌政办〔2019〕8号', '乌鲁木齐市人民政府办公厅关于做好政府信息公开工作的通知（2019年修订）', '2019年3月1日', '一、各单位要在节前公布值班电话和监督电话。'));
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--group-versions', v1, v2]);
    expect(r.out).toMatch(/版本合并 grouped: imp-2019-0301-[0-9a-f]{6} ← 2 个版本 versions: 2016-12-28（.*v1\.txt） → 2019-03-01（.*v2\.txt）/);
    expect(r.code).toBe(0);
    const files = listAll(path.join(content, 'policies'));
    expect(files).toHaveLength(2);
    expect(files[1]).toMatch(/^imp-2019-0301-[0-9a-f]{6}\/versions\/2016-12-28\.md$/);
    const doc = readFileSync(path.join(content, 'policies', files[0]!), 'utf8');
    expect(doc).toContain('amendment:\n  docNumber: 乌政办〔2019〕8号');
    const old = readFileSync(path.join(content, 'policies', files[1]!), 'utf8');
    expect(old).toContain('docNumber: 乌政办〔2016〕124号');
    expect(old).not.toContain('amendment');
  });

  it('groups legacy .txt laws by their 题注 (no 落款 date): the 修正 dates and the 决定 become versions and amendments', () => {
    const content = freshContent('law');
    const note = (rest: string) => `（1995年5月10日第八届全国人民代表大会常务委员会第十三次会议通过　根据2003年12月27日第十届全国人民代表大会常务委员会第六次会议《关于修改<中华人民共和国商业银行法>的决定》${rest}）`;
    const law = (n: string, first: string) => `中华人民共和国商业银行法\n${n}\n第一章 总则\n第一条 ${first}\n第三条 商业银行可以经营下列部分或者全部业务:\n（一）吸收公众存款；\n`;
    const v1 = path.join(tmp, 'law', 'v2003.txt');
    const v2 = path.join(tmp, 'law', 'v2015.txt');
    writeFileSync(v1, law(note('修正'), '为了保护商业银行、存款人和其他客户的合法权益，制定本法。'));
    writeFileSync(v2, law(note('第一次修正　根据2015年8月29日第十二届全国人民代表大会常务委员会第十六次会议《关于修改<中华人民共和国商业银行法>的决定》第二次修正'), '为了保护商业银行、存款人和其他客户的合法权益，规范商业银行的行为，制定本法。'));
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'caizheng-jinrong', '--issuer', 'npc-sc', '--group-versions', v1, v2]);
    expect(r.out).toMatch(/版本合并 grouped: (imp-[0-9a-f]{6}) ← 2 个版本 versions: 2003-12-27（.*v2003\.txt） → 2015-08-29（.*v2015\.txt）/);
    expect(r.code).toBe(0);
    const files = listAll(path.join(content, 'policies'));
    expect(files.map((f) => f.replace(/imp-[0-9a-f]{6}/, 'ID'))).toEqual(['ID.md', 'ID/versions/2003-12-27.md']);
    const doc = readFileSync(path.join(content, 'policies', files[0]!), 'utf8');
    expect(doc).toContain('title: 中华人民共和国商业银行法\n');
    expect(doc).toContain('published: 2015-08-29\n');
    expect(doc).toContain('amendment:\n  title: 关于修改〈中华人民共和国商业银行法〉的决定\n');
    // no 主送机关 in a law: the body is the whole text from the 题注 on, the 第三条 line included
    expect(doc).toMatch(/\n（1995年5月10日[^\n]*第二次修正）\n\n第一章总则\n\n第一条[^\n]*\n\n第三条商业银行可以经营下列部分或者全部业务:\n/);
    const old = readFileSync(path.join(content, 'policies', files[1]!), 'utf8');
    expect(old).toContain('published: 2003-12-27\namendment:\n  title: 关于修改〈中华人民共和国商业银行法〉的决定\n');
  });

  it('hostile export: path ids and dates, duplicate dates, versions before 1949 or in the future → clear errors, nothing written outside --out', () => {
    const content = freshContent('hostile');
    const input = path.join(tmp, 'hostile', 'hostile.jsonl');
    const lines = [
      row({ id: '../../escape', title: '甲办法' }),
      row({ id: '/tmp/abs', title: '乙办法' }),
      row({ id: 'nul\u0000x', title: '丙办法' }),
      row({ id: 'date-path', title: '丁办法', published: '../../../tmp/x' }),
      row({ id: 'dup-1', title: '戊办法', published: '2020-05-01' }),
      row({ id: 'dup-2', title: '戊办法（2020年修正）', published: '2020-05-01' }),
      row({ id: 'old-1', title: '己办法', written: '1900-01-01', published: '1900-01-01' }),
      row({ id: 'old-2', title: '己办法', published: '2001-01-01' }),
      row({ id: 'fut-1', title: '庚办法', published: '2020-01-02' }),
      row({ id: 'fut-2', title: '庚办法', written: '2099-01-01', published: '2099-01-01' }),
      row({ id: 'ok-1', title: '辛办法', published: '2019-01-02' }),
      row({ id: 'ok-2', title: '辛办法', published: '2021-01-02' }),
      row({ id: 'ok-1', title: '壬办法', published: '2021-01-02' }),
    ];
    writeFileSync(input, `${lines.join('\n')}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--group-versions', input]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:1: id: 标识 "\.\.\/\.\.\/escape" 不能用作文件名/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:2: id: 标识 "\/tmp\/abs" 不能用作文件名/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:3: id: 标识 "nul\\u0000x" 不能用作文件名/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:4: published: 日期 "\.\.\/\.\.\/\.\.\/tmp\/x" 不是 YYYY-MM-DD/);
    expect(r.out).toMatch(/cannot group: .*hostile\.jsonl:5、.*hostile\.jsonl:6\n {2}同一文件的 2 条记录中有相同的发布日期 2020-05-01/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:7: 版本日期 1900-01-01 早于 1949 年/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:10: 版本日期 2099-01-01 晚于今天 2026-12-01/);
    expect(r.out).toMatch(/✗ .*hostile\.jsonl:13: id: 标识 "ok-1" 已在第 11 行使用（duplicate id）/);
    expect(r.out).toContain('（13 条记录 records）：写入 2 个，未导入 11 个。');
    expect(r.out).not.toMatch(/\u0000/);
    expect(listAll(path.join(content, 'policies'))).toEqual(['ok-2.md', 'ok-2/versions/2019-01-02.md']);
    expect(existsSync(path.join(tmp, 'hostile', 'escape.md')) || existsSync(path.join(tmp, 'escape.md')) || existsSync('/tmp/abs.md') || existsSync('/tmp/x.md')).toBe(false);
  });

  it('a version folder that is a symbolic link out of --out is refused before anything of the group is written', () => {
    const content = freshContent('symlink');
    const elsewhere = path.join(tmp, 'symlink', 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(content, 'policies', 'ok-2'));
    const input = path.join(tmp, 'symlink', 'rows.jsonl');
    writeFileSync(input, `${[row({ id: 'ok-1', title: '辛办法', published: '2019-01-02' }), row({ id: 'ok-2', title: '辛办法', published: '2021-01-02' })].join('\n')}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--group-versions', input]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ok-2\/versions\/2019-01-02\.md: 目标路径经符号链接指向 .* 之外，未写入（symbolic link out of the output folder）/);
    expect(r.out).toContain('✗ ok-2 及其历史版本未写入（not written）');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(path.join(content, 'policies', 'ok-2.md'))).toBe(false);
  });

  it('an id repeated in another .jsonl input is an error naming both, before anything is written: with --force, with --dry-run, with --group-versions', () => {
    const content = freshContent('dup-inputs');
    const a = path.join(tmp, 'dup-inputs', 'a.jsonl');
    const b = path.join(tmp, 'dup-inputs', 'b.jsonl');
    writeFileSync(a, `${row({ id: 'same', title: '甲办法', published: '2019-01-02' })}\n`);
    writeFileSync(b, `${row({ id: 'other', title: '乙办法', published: '2019-01-03' })}\n${row({ id: 'same', title: '丙办法', published: '2020-01-02' })}\n`);
    const args = ['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk'];
    const named = /✗ .*b\.jsonl:2: id: 标识 "same" 已在 .*a\.jsonl:1 使用（duplicate id）/;
    const dry = run([...args, '--dry-run', a, b]);
    expect(dry.code).toBe(1);
    expect(dry.out).toMatch(named);
    expect(dry.out).toContain('可写入 2 个');
    expect(listAll(path.join(content, 'policies'))).toEqual([]);
    for (const extra of [['--force'], ['--force', '--group-versions']]) {
      const r = run([...args, ...extra, a, b]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(named);
      expect(r.out).toContain('（3 条记录 records）：写入 2 个，未导入 1 个。');
      expect(listAll(path.join(content, 'policies'))).toEqual(['other.md', 'same.md']);
      expect(readFileSync(path.join(content, 'policies', 'same.md'), 'utf8')).toContain('title: 甲办法');
    }
  });

  it('without --group-versions a file that is a symbolic link out of --out is refused, also with --force', () => {
    const content = freshContent('single-link');
    const victim = path.join(tmp, 'single-link', 'victim.md');
    writeFileSync(victim, 'not yours\n');
    symlinkSync(victim, path.join(content, 'policies', 'p-1.md'));
    const input = path.join(tmp, 'single-link', 'rows.jsonl');
    writeFileSync(input, `${row({ id: 'p-1', published: '2019-01-02' })}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', '--force', input]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/p-1\.md: 目标路径经符号链接指向 .* 之外，未写入（symbolic link out of the output folder）/);
    expect(readFileSync(victim, 'utf8')).toBe('not yours\n');
  });

  it('a hostile title or 文号 (terminal escapes, C1 controls, bidi overrides, line separators) is printed escaped, never raw', () => {
    const content = freshContent('escapes');
    const input = path.join(tmp, 'escapes', 'rows.jsonl');
    const title = '某某办法\u001b]0;pwned\u0007\u001b[2J\u202e反向\u2066\u2028假行';
    writeFileSync(input, `${row({ id: 'esc-1', title, docNumber: '\u009b31m国发\u2029〔2020〕5号', published: '2019-01-02' })}\n`);
    for (const extra of [[], ['--group-versions'], ['--dry-run']]) {
      const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', ...extra, input]);
      expect(r.out).toContain('某某办法\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{202e}反向\\u{2066}\\u{2028}假行');
      expect(r.out).toContain('\\u{9b}31m国发\\u{2029}〔2020〕5号');
      expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    }
  });

  it('without --group-versions every row is a document of its own', () => {
    const content = freshContent('plain');
    const input = path.join(tmp, 'plain', 'rows.jsonl');
    writeFileSync(input, `${[row({ id: 'p-1', published: '2019-01-02' }), row({ id: 'p-2', published: '2021-01-02' })].join('\n')}\n`);
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', input]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('版本合并');
    expect(listAll(path.join(content, 'policies'))).toEqual(['p-1.md', 'p-2.md']);
  });
});
