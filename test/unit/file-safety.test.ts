/**
 * src/content/file-safety.ts on temporary trees made at test time (git does not keep symlinks
 * portably): symlinks out of the project, loops, dangling links, FIFOs, large (sparse) files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentProblem, LARGE_FILE_BYTES, scanTree } from '../../src/content/file-safety.ts';
import { formatProblem, type Problem } from '../../src/lib/errors.ts';

let root: string;
let outside: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'portal-fs-root-')));
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'portal-fs-outside-')));
  for (const d of ['content/policies', 'public/files', 'src', '.git']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'content/policies/a.md'), '---\ntitle: a\n---\n');
  writeFileSync(join(root, 'public/files/a.pdf'), 'pdf');
  writeFileSync(join(root, 'src/shared.txt'), 'shared');
  writeFileSync(join(root, '.git/config'), '[http] extraheader = AUTHORIZATION: basic secret');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const scan = (opts = {}) => scanTree(root, ['content', 'public'], opts);
const only = (problems: Problem[], file: string) => problems.filter((p) => p.file === file);

describe('scanTree', () => {
  it('passes a clean tree', async () => {
    expect(await scan()).toEqual([]);
  });

  it('refuses a symlink to a host file, saying where it points and why', async () => {
    symlinkSync('/etc/passwd', join(root, 'public/passwd'));
    const [p, ...rest] = await scan();
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'public/passwd', severity: 'error' });
    expect(formatProblem(p!)).toContain('→ /etc/passwd');
    expect(p!.reason).toContain('symlink resolves outside the project root');
  });

  it('refuses a symlink to a directory outside without walking it', async () => {
    for (let i = 0; i < 50; i++) writeFileSync(join(outside, `f${i}`), 'x');
    symlinkSync(outside, join(root, 'public/big'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'content/policies/b.md'));
    const problems = await scan();
    expect(problems.map((p) => p.file).sort()).toEqual(['content/policies/b.md', 'public/big']);
    expect(only(problems, 'public/big')[0]!.reason).toContain('outside the project root');
    expect(only(problems, 'content/policies/b.md')[0]!.reason).toContain('symlink in the content folder');
  });

  it('refuses loops: a symlink cycle and a link to its own ancestor directory', async () => {
    symlinkSync('loop-b', join(root, 'public/loop-a'));
    symlinkSync('loop-a', join(root, 'public/loop-b'));
    symlinkSync('..', join(root, 'public/files/up'));
    const problems = await scan();
    expect(only(problems, 'public/loop-a')[0]!.reason).toContain('symlink loop');
    expect(only(problems, 'public/files/up')[0]!.reason).toContain('ancestor directory');
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('refuses a dangling symlink', async () => {
    symlinkSync('nowhere.pdf', join(root, 'public/files/gone.pdf'));
    const [p] = await scan();
    expect(p).toMatchObject({ file: 'public/files/gone.pdf', severity: 'error' });
    expect(p!.reason).toContain('dangling symlink');
  });

  it('allows symlinks within public/, none that leave it and none in content/', async () => {
    symlinkSync('a.pdf', join(root, 'public/files/b.pdf'));
    symlinkSync('files', join(root, 'public/alias'));
    expect(await scan()).toEqual([]);
    symlinkSync('../../content/policies', join(root, 'public/files/raw'));
    symlinkSync('../src/shared.txt', join(root, 'public/shared.txt'));
    symlinkSync('../.git/config', join(root, 'public/config'));
    symlinkSync('a.md', join(root, 'content/policies/linked.md'));
    const problems = await scan();
    for (const f of ['public/files/raw', 'public/shared.txt', 'public/config']) expect(only(problems, f)[0]!.reason, f).toContain('symlink leaves public/');
    expect(only(problems, 'content/policies/linked.md')[0]!.reason).toContain('symlink in the content folder');
  });

  it('allows only attachment and media types in public/, besides the project\'s own files', async () => {
    const active = ['files/notice.html', 'files/chart.svg', 'files/notice.js', 'files/feed.xml', 'x.mjs', 'files/a.SVGZ', 'files/p.xhtml', 'files/f.rss', 'files/x.atom', 'files/z.kml', 'files/m.mht', 'files/y.html.bak', 'files/noext', 'files/x.html.', 'files/a.pdf.html'];
    for (const f of active) writeFileSync(join(root, 'public', f), '<script>alert(1)</script>');
    for (const f of ['files/b.PDF', 'files/c.docx', 'files/d.png', 'files/e.ofd', 'files/f.zip']) writeFileSync(join(root, 'public', f), 'x');
    writeFileSync(join(root, 'public/favicon.svg'), '<svg/>');
    writeFileSync(join(root, 'public/preferences.js'), '');
    const problems = await scan();
    expect(problems.map((p) => p.file).sort()).toEqual(active.map((f) => `public/${f}`).sort());
    expect(problems.every((p) => p.severity === 'error' && p.reason.includes('active content'))).toBe(true);
  });

  it('finds the public directory by setting, whatever its name', async () => {
    mkdirSync(join(root, 'static'));
    writeFileSync(join(root, 'static/evil.svg'), '<svg onload="alert(1)"/>');
    const problems = await scanTree(root, ['content', 'static'], { publicDir: 'static' });
    expect(problems.map((p) => p.file)).toEqual(['static/evil.svg']);
  });

  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)('refuses a FIFO (a copy would block)', async () => {
    expect(spawnSync('mkfifo', [join(root, 'public/pipe')]).status).toBe(0);
    const [p] = await scan();
    expect(p).toMatchObject({ file: 'public/pipe', severity: 'error' });
    expect(p!.reason).toContain('FIFO');
  });

  it('warns about a large file with its size (sparse: no disk used)', async () => {
    writeFileSync(join(root, 'public/files/huge.zip'), '');
    truncateSync(join(root, 'public/files/huge.zip'), LARGE_FILE_BYTES + 1);
    const [p, ...rest] = await scan();
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'public/files/huge.zip', severity: 'warning' });
    expect(p!.reason).toContain(`${LARGE_FILE_BYTES + 1} 字节`);
    expect(formatProblem(p!)).toContain('[警告 warning]');
  });

  it('is bounded in depth and entries', async () => {
    mkdirSync(join(root, 'public/a/b/c/d'), { recursive: true });
    expect((await scan({ maxDepth: 3 }))[0]!.reason).toContain('too deep');
    expect((await scan({ maxEntries: 3 })).filter((p) => p.reason.includes('too many entries'))).toHaveLength(1);
  });

  it('accepts an absolute content folder outside the root (PORTAL_CONTENT elsewhere), without links', async () => {
    expect(await scanTree(root, [outside, 'public'])).toEqual([]);
    symlinkSync('secret.txt', join(outside, 'alias.txt'));
    expect((await scanTree(root, [outside, 'public']))[0]!.reason).toContain('symlink in the content folder');
  });
});

describe('attachmentProblem', () => {
  const pub = () => join(root, 'public');

  it('accepts a regular file (directly or through a link inside public/) and https URLs', async () => {
    symlinkSync('a.pdf', join(pub(), 'files/b.pdf'));
    expect(await attachmentProblem(pub(), 'files/a.pdf')).toBeUndefined();
    expect(await attachmentProblem(pub(), 'files/b.pdf')).toBeUndefined();
    expect(await attachmentProblem(pub(), 'https://example.gov.cn/a.pdf')).toBeUndefined();
  });

  it('warns when missing, refuses links out of public/ and non-regular files', async () => {
    symlinkSync('/etc/passwd', join(pub(), 'files/passwd.pdf'));
    symlinkSync(outside, join(pub(), 'out'));
    expect(await attachmentProblem(pub(), 'files/none.pdf')).toEqual({ reason: '附件文件不存在 public/files/none.pdf（attachment file not found）', severity: 'warning' });
    expect(await attachmentProblem(pub(), 'files/passwd.pdf')).toMatchObject({ severity: 'error', reason: expect.stringContaining('outside public/') });
    expect(await attachmentProblem(pub(), 'out/secret.txt')).toMatchObject({ severity: 'error', reason: expect.stringContaining('outside public/') });
    expect(await attachmentProblem(pub(), 'files')).toMatchObject({ severity: 'error', reason: expect.stringContaining('not a regular file') });
  });
});
