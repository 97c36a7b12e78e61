/**
 * A symlink under public/ to a host file stops `astro build` before public/ is copied into
 * dist/: exit non-zero, the message names the file, where it points and why, and dist/ holds no
 * copy; a link within public/ is copied, so the refusal is the check's doing. The public directory is a temporary copy (PORTAL_PUBLIC_DIR), the link made at test time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv, ROOT } from '../helpers/build-site.ts';
import { nginxSecurityHeaders } from '../../src/lib/security-headers.ts';

const work = mkdtempSync(join(tmpdir(), 'portal-symlink-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

/** astro build of the ok fixture with a public dir of our own (buildSiteExpectingFailure picks its own outDir). */
function astroBuild(name: string, link: [target: string, name: string]) {
  const publicDir = join(work, name, 'public');
  const outDir = join(work, name, 'dist');
  cpSync(join(ROOT, 'public'), publicDir, { recursive: true });
  symlinkSync(link[0], join(publicDir, link[1]));
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    cwd: ROOT,
    env: buildEnv({ PORTAL_CONTENT: resolve(ROOT, 'test/fixtures/content/ok'), PORTAL_PUBLIC_DIR: publicDir, PORTAL_OUT_DIR: outDir, PORTAL_LENIENT: '0' }),
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}

describe('building with symlinks in public/', () => {
  it('copies a link within public/ (Vite follows links: the check below is what stops it) and writes the server headers', () => {
    const r = astroBuild('ok', ['files/zhengfu-xinxi-gongkai-shenqingbiao.txt', 'form-alias.txt']);
    expect(r.status, r.output).toBe(0);
    expect(readFileSync(join(r.outDir, 'form-alias.txt'), 'utf8')).toBe(readFileSync(join(ROOT, 'public/files/zhengfu-xinxi-gongkai-shenqingbiao.txt'), 'utf8'));
    expect(readFileSync(join(r.outDir, 'security-headers.conf'), 'utf8')).toBe(nginxSecurityHeaders({}));
  });

  it.runIf(existsSync('/etc/passwd'))('fails before copying public/ when a link points at a host file, with the reason', () => {
    const { status, output, outDir } = astroBuild('bad', ['/etc/passwd', 'passwd.txt']);
    expect(status, output).not.toBe(0);
    expect(output).toContain('文件安全检查失败');
    expect(output).toMatch(/passwd\.txt \(文件\): 符号链接指向项目目录之外 → \/etc\/passwd/);
    expect(output).toContain('symlink resolves outside the project root');
    const passwd = readFileSync('/etc/passwd', 'utf8');
    expect(allFiles(outDir).filter((f) => f.endsWith('passwd.txt') || readFileSync(f, 'utf8').includes(passwd))).toEqual([]);
  });
});
