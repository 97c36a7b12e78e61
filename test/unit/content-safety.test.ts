/**
 * Hostile content directories: nothing dropped silently, non-UTF-8 files, scheduled publication,
 * relation cycles, non-YAML frontmatter, JSON-lines keys. Each case copies the ok fixture to a
 * temporary directory and adds the hostile file.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { ROOT } from '../helpers/build-site.ts';

const OK = path.join(ROOT, 'test/fixtures/content/ok');

function site(files: Record<string, string | Buffer>, siteYamlExtra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-hostile-'));
  cpSync(OK, dir, { recursive: true });
  if (siteYamlExtra) writeFileSync(path.join(dir, 'site.yaml'), `${readFileSync(path.join(OK, 'site.yaml'), 'utf8')}\n${siteYamlExtra}\n`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

async function lines(dir: string, today = '2026-01-01'): Promise<string[]> {
  const r = await collectSite({ root: dir, source: '.', today });
  return r.problems.filter((p) => p.severity === 'error').map(formatProblem);
}

const POLICY = (extra: string) => `---\ntitle: 测试文件\nissuers: sl-zfb\nindexNumber: 111501020000000001/2023-00099\ntopic: zwgk\npublished: 2023-05-01\n${extra}---\n正文。\n`;

describe('nothing under content/ is dropped silently', () => {
  const stray = {
    'policy/x.md': 'policies',
    'x.md': 'content/ 顶层',
    'policies/_x.md': '以 “_” 开头',
    'policies/.x.md': '以 “.” 开头',
    'policies/y.markdown': '.markdown',
    'policies/z.txt': '.txt',
    'policies/a.mdx': '.mdx',
    'mn/policy/a.md': 'mn/policies',
    'open/report/2024.yaml': 'open/reports',
    'Policies/hidden.md': 'policies',
    'MN/policies/x.md': '',
    'open/Catalog/x.yaml': '',
    'policies/.hid/x.md': '',
    'policies/_u/x.md': '',
  };
  for (const [file, hint] of Object.entries(stray)) {
    it(`reports ${file}`, async () => {
      const out = await lines(site({ [file]: 'x' }));
      const line = out.find((l) => l.includes(file));
      expect(line, out.join('\n')).toBeDefined();
      expect(line).toContain(hint);
    });
  }

  it('an ignore pattern cannot stall the check (no regex backtracking)', async () => {
    const dir = site({ [`notes/${'a'.repeat(200)}.txt`]: 'x' }, 'ignore:\n  - "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"');
    const out = await lines(dir);
    expect(out.some((l) => l.includes('notes/'))).toBe(true);
  });

  it('accepts files listed in site.yaml ignore', async () => {
    const dir = site({ 'notes/a.txt': 'x', 'README.md': 'x', 'policies/.gitkeep': '' }, 'ignore:\n  - README.md\n  - notes/**\n  - "**/.gitkeep"');
    expect(await lines(dir)).toEqual([]);
  });
});

describe('content files', () => {
  it('a file that is not UTF-8 fails naming the file', async () => {
    const gbk = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xd5, 0xfe, 0xb8, 0xae, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]);
    const out = await lines(site({ 'policies/gbk.md': gbk }));
    expect(out.some((l) => l.startsWith('policies/gbk.md') || l.includes('gbk.md:1') )).toBe(true);
    expect(out.join('\n')).toMatch(/不是 UTF-8/);
  });

  it('non-YAML frontmatter is an error and never runs', async () => {
    const g = globalThis as Record<string, unknown>;
    const out = await lines(site({ 'policies/js.md': '---js\n{ title: (globalThis.__pwnedContent = 1, "x") }\n---\n正文' }));
    expect(g.__pwnedContent).toBeUndefined();
    expect(out.find((l) => l.includes('policies/js.md'))).toMatch(/只能使用 YAML/);
  });

  it('an alias bomb is one line naming the file, and other problems are still reported', async () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`), '---', '正文'].join('\n');
    const out = await lines(site({ 'policies/bomb.md': bomb, 'policies/_stray.md': 'x' }));
    const bombLines = out.filter((l) => l.includes('bomb.md'));
    expect(bombLines).toHaveLength(1);
    expect(bombLines[0]).toMatch(/别名/);
    expect(out.some((l) => l.includes('_stray.md'))).toBe(true);
  });
});

describe('scheduled publication and cycles', () => {
  it('a document published after the build date is listed as scheduled, not built', async () => {
    const dir = site({ 'policies/future.md': POLICY('').replace('2023-05-01', '2099-01-01') });
    const r = await collectSite({ root: dir, source: '.', today: '2026-01-01' });
    expect(r.data?.policies.map((p) => p.id)).not.toContain('future');
    expect(r.drafts.find((d) => d.id === 'future')?.scheduled).toBe('2099-01-01');
    const later = await collectSite({ root: dir, source: '.', today: '2099-01-01' });
    expect(later.data?.policies.map((p) => p.id)).toContain('future');
  });

  it('scheduled documents are checked now: their references, cycles and dates', async () => {
    const future = (extra: string, serial: string) => POLICY(extra).replace('2023-05-01', '2099-01-02').replace('00099', serial);
    const dir = site({
      'policies/sched-1.md': future('repeals: [sched-2, no-such-policy]\n', '00097'),
      'policies/sched-2.md': future('repeals: [sched-1]\n', '00096'),
    });
    const out = (await lines(dir)).join('\n');
    expect(out).toMatch(/sched-1\.md:\d+ repeals\[1\].*no-such-policy/);
    expect(out).toMatch(/成环：sched-1 → sched-2 → sched-1/);
  });

  it('a scheduled document keeps its attachments out of the build; its withheld files are listed', async () => {
    const { withheldAttachments } = await import('../../src/lib/withheld.ts');
    const dir = site({ 'policies/future.md': POLICY('attachments:\n  - { title: 计划, file: files/future-plan.pdf }\n').replace('2023-05-01', '2099-01-01') });
    const r = await collectSite({ root: dir, source: '.', today: '2026-01-01' });
    expect(withheldAttachments(r.data!)).toEqual(['files/future-plan.pdf']);
  });

  it('withheld files are named by path, never as URLs, and never outside dist/', async () => {
    const { withheldPath } = await import('../../src/lib/withheld.ts');
    for (const f of ['files/a#1.pdf', 'files/a?q.pdf', 'files/a%41.pdf']) expect(withheldPath('/out', f)).toBe(`/out/${f}`);
    expect(withheldPath('/out', '../etc/passwd')).toBeUndefined();
  });

  it('a gazette issue or report dated after the build date is not published', async () => {
    const { collectOpenData } = await import('../../src/content/open-data.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-sched-open-'));
    cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
    const g = readFileSync(path.join(dir, 'open/gazette/2020-11.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'open/gazette/2020-11.yaml'), g.replace(/published: .*/, 'published: 2020-12-31'));
    const site = (await collectSite({ root: dir, source: '.', today: '2020-12-01' })).data;
    const r = await collectOpenData({ root: dir, source: '.', site, today: '2020-12-01' });
    expect(r.data?.gazette.map((x) => x.id)).not.toContain('2020-11');
    expect(r.scheduled?.map((x) => x.source)).toContain('open/gazette/2020-11.yaml');
  });

  it('A repeals B while B repeals A is an error', async () => {
    const dir = site({
      'policies/cyc-a.md': POLICY('repeals: [cyc-b]\n'),
      'policies/cyc-b.md': POLICY('amends: [cyc-a]\n').replace('00099', '00098'),
    });
    const out = await lines(dir);
    expect(out.join('\n')).toMatch(/成环：cyc-a → cyc-b → cyc-a/);
  });
});

describe('content/open/ goes through the same sanitizer check', () => {
  it('reports script, iframe and meta refresh in the guide, a consultation and report text', async () => {
    const { collectOpenData } = await import('../../src/content/open-data.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-hostile-open-'));
    cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
    const append = (rel: string, text: string) => writeFileSync(path.join(dir, rel), readFileSync(path.join(dir, rel), 'utf8') + text);
    append('open/guide.md', '\n<script>alert(1)</script>\n');
    append('open/consultations/yishenqing-guifan-2024.md', '\n<iframe src="https://evil.example/"></iframe>\n');
    const report = readFileSync(path.join(dir, 'open/reports/2024.yaml'), 'utf8').replace('overview: |\n', 'overview: |\n  <meta http-equiv="refresh" content="0;url=https://evil.example/">\n');
    writeFileSync(path.join(dir, 'open/reports/2024.yaml'), report);
    const site = (await collectSite({ root: dir, source: '.' })).data;
    const r = await collectOpenData({ root: dir, source: '.', site });
    const out = r.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n');
    expect(out).toMatch(/open\/guide\.md:\d+ body（正文）: 含不安全或不允许的 HTML <script>/);
    expect(out).toMatch(/open\/consultations\/yishenqing-guifan-2024\.md:\d+ body（正文）: 含不安全或不允许的 HTML <iframe>/);
    expect(out).toMatch(/open\/reports\/2024\.yaml:\d+ overview（总体情况）: 含不安全或不允许的 HTML <meta>/);
  });
});

describe('JSON-lines exports', () => {
  const row = (o: Record<string, unknown>) => JSON.stringify({ id: 'a', title: '关于甲的通知', issuer: '某机关', published: '2020-01-01', topic: '综合', body: '正文', ...o });
  const check = async (text: string | Buffer) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-jsonl-'));
    writeFileSync(path.join(dir, 'x.jsonl'), text);
    cpSync(path.join(OK, 'site.yaml'), path.join(dir, 'site.yaml'));
    process.env.PORTAL_SITE_DIR = dir;
    try {
      return (await collectSite({ root: dir, source: 'x.jsonl' })).problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n');
    } finally {
      delete process.env.PORTAL_SITE_DIR;
    }
  };

  it('a misspelt key fails naming the line, the key and the nearest known key', async () => {
    expect(await check(row({ docNumbr: '甲发〔2020〕1号' }) + '\n')).toMatch(/x\.jsonl:1 docNumbr: 未知字段 "docNumbr".*是否应为 "docNumber"/);
  });

  it('a file that is not UTF-8 fails at its first bad line', async () => {
    const gbk = Buffer.concat([Buffer.from(row({}) + '\n'), Buffer.from('{"id":"b","title":"'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae]), Buffer.from('"}\n')]);
    expect(await check(gbk)).toMatch(/x\.jsonl:2 .*不是 UTF-8/);
  });

  it('control and bidi-override characters are refused', async () => {
    const out = await check(row({ title: '甲\u202E乙', issuer: '机关\u0000' }) + '\n');
    expect(out).toMatch(/title.*U\+202E/);
    expect(out).toMatch(/issuer.*U\+0000/);
  });
});
