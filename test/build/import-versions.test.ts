/**
 * npm run import --group-versions end to end: real version pairs of the corpus imported into a
 * fresh content folder, then built — the grouped documents get their 版本 box, dated version
 * pages and comparison pages like hand-written 历史版本 (docs/versions.md).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, TEST_TODAY } from '../helpers/build-site.ts';

const tmp = mkdtempSync(join(tmpdir(), 'import-versions-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let outDir: string;
const page = (p: string) => readFileSync(join(outDir, p, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');

beforeAll(() => {
  const content = join(tmp, 'content');
  mkdirSync(join(content, 'policies'), { recursive: true });
  mkdirSync(join(content, 'interpretations'), { recursive: true });
  for (const f of ['site.yaml', 'topics.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  writeFileSync(join(content, 'organizations.yaml'), `${readFileSync(join(ROOT, 'content/organizations.yaml'), 'utf8')}\n- id: sh-rd\n  name: 上海市人民代表大会常务委员会\n`);
  const want = new Set(['pbc-nd-90', 'pbc-nd-56', 'lrb-ecbaccb7f67c', 'lrb-6b9c8b2c1228']);
  const rows = readFileSync(join(ROOT, '../shared/corpus/policies.jsonl'), 'utf8').split('\n').filter((l) => l && want.has((JSON.parse(l) as { id: string }).id));
  writeFileSync(join(tmp, 'pairs.jsonl'), `${rows.join('\n')}\n`);
  const env = { ...process.env, PORTAL_TODAY: TEST_TODAY };
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--content', content, '--out', join(content, 'policies'), '--topic', 'caizheng-jinrong', '--group-versions', join(tmp, 'pairs.jsonl')], { cwd: ROOT, env, encoding: 'utf8' });
  expect(out).toContain('（4 条记录 records）：写入 4 个，未导入 0 个。');
  outDir = buildSite({ content, outDir: join(tmp, 'dist') }).outDir;
}, 300_000);

describe('imported versions: pages', () => {
  it('the document page lists both versions and links their comparison', () => {
    const box = /<section class="version-box"[\s\S]*?<\/section>/.exec(page('policies/lrb-6b9c8b2c1228'))![0];
    expect(box).toContain('href="/policies/lrb-6b9c8b2c1228/v/2020-04-10/"');
    expect(box).toContain('href="/policies/lrb-6b9c8b2c1228/compare/2020-04-10/2024-09-27/"');
    expect(text(box)).toContain('2020年4月10日至2024年9月26日');
  });
  it('the earlier version has its dated page with its own 文号 and text', () => {
    const old = text(page('policies/pbc-nd-56/v/2004-10-18'));
    expect(old).toContain('这是本文件2004年10月18日公布的历史版本');
    expect(old).toContain('中国人民银行公告〔2004〕第12号');
    expect(old).toContain('自 2004 年 11 月 1 日施行');
    expect(existsSync(join(outDir, 'policies/lrb-ecbaccb7f67c'))).toBe(false);
  });
});
