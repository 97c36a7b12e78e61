import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'new-cli-'));
cpSync(path.join(ROOT, 'content'), path.join(tmp, 'content'), { recursive: true });
// a project has public/ too: site.yaml's 党政机关网站标识 image is checked to exist there
cpSync(path.join(ROOT, 'public'), path.join(tmp, 'public'), { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/new.ts'), ...args], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

describe('npm run new', () => {
  it('scaffolds a policy with the next 索引号 that passes the loader', async () => {
    const r = run(['policy', '--title', '内蒙古自治区政务公开领导小组办公室关于做好2016年政府信息公开年报工作的通知', '--issuer', 'nmg-zwgk-bgs', '--date', '2016-06-02', '--written', '2016-06-01', '--doc-number', '内政公办字〔2016〕9号']);
    expect(r.out).toContain('✓ 已创建');
    expect(r.code).toBe(0);
    // content/ already has 11150000011460213X/2016-00005 → 00006
    const file = path.join(tmp, 'content/policies/nmg-zwgk-bgs-2016-00006.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('indexNumber: 11150000011460213X/2016-00006');
    expect(text).toContain('docType: 通知');
    expect(text).toContain('topic: zwgk');
    const result = await collectSite({ root: tmp, source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data?.policies.some((p) => p.id === 'nmg-zwgk-bgs-2016-00006' && p.written === '2016-06-01')).toBe(true);
  });

  it('scaffolds an interpretation of an existing policy that passes the loader', async () => {
    const r = run(['interpretation', '--interprets', 'kbs-2021-zwgk-yaodian', '--title', '《康巴什区2021年政务公开工作要点》图解', '--date', '2021-08-02', '--form', '图解']);
    expect(r.code).toBe(0);
    const text = readFileSync(path.join(tmp, 'content/interpretations/kbs-2021-zwgk-yaodian-jiedu.md'), 'utf8');
    expect(text).toContain('form: 图解');
    const result = await collectSite({ root: tmp, source: 'content', today: '2025-01-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.data?.policies.find((p) => p.id === 'kbs-2021-zwgk-yaodian')?.interpretations).toContain('kbs-2021-zwgk-yaodian-jiedu');
  });

  it('refuses unknown issuers, unknown policies and bad dates with exit 2', () => {
    expect(run(['policy', '--title', 'x的通知', '--issuer', 'nope']).code).toBe(2);
    expect(run(['interpretation', '--interprets', 'nope', '--title', 'x']).code).toBe(2);
    expect(run(['policy', '--title', 'x的通知', '--issuer', 'wlmq-zfbgt', '--date', '2023-02-30']).code).toBe(2);
    expect(run(['memo']).code).toBe(2);
  });
});
