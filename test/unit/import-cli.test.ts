import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../src/lib/import/decode.ts';
import { collectSite } from '../../src/content/load.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEEDS = path.resolve(ROOT, '../shared/seeds');
const tmp = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function freshContent(name: string): string {
  const dir = path.join(tmp, name, 'content');
  mkdirSync(path.join(dir, 'policies'), { recursive: true });
  mkdirSync(path.join(dir, 'interpretations'), { recursive: true });
  for (const f of ['site.yaml', 'organizations.yaml', 'topics.yaml']) copyFileSync(path.join(ROOT, 'content', f), path.join(dir, f));
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

  it('reports the unknown issuer and the schema problems in the check format', () => {
    const content = freshContent('b');
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--id', 'caizheng-yusuan', path.join(ROOT, 'test/fixtures/import/utf8-bom-opinion.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('（UTF-8 BOM）');
    expect(r.out).toContain('"示例旗财政局" 不在 organizations.yaml 中');
    expect(r.out).toMatch(/caizheng-yusuan\.md:\d+ issuers（发文机关）: 缺少必填字段（required）/);
    expect(r.out).toMatch(/caizheng-yusuan\.md:\d+ topic（主题分类）: 缺少必填字段（required）/);
    expect(existsSync(path.join(content, 'policies', 'caizheng-yusuan.md'))).toBe(true);
  });

  it.skipIf(!existsSync(SEEDS))('imports all seeds re-encoded as GB18030 + CRLF from a folder', async () => {
    const content = freshContent('c');
    const legacy = path.join(tmp, 'c', 'legacy');
    mkdirSync(legacy);
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      writeFileSync(path.join(legacy, f), encodeGb18030(readFileSync(path.join(SEEDS, f), 'utf8'), true));
    }
    const r = run(['--content', content, '--out', path.join(content, 'policies'), '--topic', 'zwgk', legacy]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('导入 5 个文件：写入 5 个');
    // 002 has no date at all: the one incomplete file, reported with its field
    expect(r.out).toContain('信息表待补全 1 个');
    expect(r.out).toMatch(/imp-2009-[0-9a-f]{6}\.md:\d+ published（发布日期）: 缺少必填字段/);
    const result = await collectSite({ root: path.dirname(content), source: 'content', today: '2025-01-01' });
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.field}`)).toEqual(['published']);
    // two imports for the same issuer and year get consecutive 索引号
    const indexNumbers = readdirSync(path.join(content, 'policies'))
      .map((f) => /indexNumber: (\S+)/.exec(readFileSync(path.join(content, 'policies', f), 'utf8'))?.[1])
      .sort();
    expect(indexNumbers).toContain('11150000011460213X/2016-00001');
    expect(indexNumbers).toContain('11150000011460213X/2009-00001');
  });
});
