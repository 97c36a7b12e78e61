/**
 * site.yaml `conac.image` (党政机关网站标识) must be a regular file under public/: a missing file,
 * a directory or a symlink out of public/ fails the content check with file, line, field and
 * reason. Each case copies the ok fixture to a temporary root with a public/ of its own.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';
import { siteAssetProblems } from '../../src/content/site-assets.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { ROOT } from '../helpers/build-site.ts';

const OK = path.join(ROOT, 'test/fixtures/content/ok');
const PNG = readFileSync(path.join(ROOT, 'public/images/conac-placeholder.png'));
const CONAC = (image: string) => `conac:\n  url: https://bszs.conac.cn/sitename?method=show&id=X\n  image: ${image}\n`;

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A root with content/ (the ok fixture plus `conac`) and public/ holding `files`. */
function root(image: string, files: Record<string, Buffer | string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-conac-'));
  made.push(dir);
  cpSync(OK, path.join(dir, 'content'), { recursive: true });
  const siteYaml = path.join(dir, 'content/site.yaml');
  writeFileSync(siteYaml, `${readFileSync(siteYaml, 'utf8')}${CONAC(image)}`);
  mkdirSync(path.join(dir, 'public'));
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'public', rel)), { recursive: true });
    writeFileSync(path.join(dir, 'public', rel), data);
  }
  return dir;
}

async function conacErrors(dir: string): Promise<string[]> {
  const r = await collectSite({ root: dir, source: 'content', today: '2026-01-01' });
  return r.problems.filter((p) => p.severity === 'error' && p.field === 'conac.image').map(formatProblem);
}

const SITE_LINE = readFileSync(path.join(OK, 'site.yaml'), 'utf8').split('\n').length + 2;
const HINT = '请把颁发的标识图片放到 public/ 下该路径，或改正 conac.image';

describe('site.yaml conac.image', () => {
  it('is accepted when the image is a file under public/', async () => {
    const dir = root('images/conac.png', { 'images/conac.png': PNG });
    const r = await collectSite({ root: dir, source: 'content', today: '2026-01-01' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.data?.site.conac?.image).toBe('images/conac.png');
  });

  it('is an error with file, line, field and reason when the image is missing', async () => {
    const dir = root('images/conac.png', { 'images/other.png': PNG });
    expect(await conacErrors(dir)).toEqual([`content/site.yaml:${SITE_LINE} conac.image（标识图片）: 图片文件不存在 public/images/conac.png（image file not found in public/）；${HINT}`]);
  });

  it('is an error when the path is a directory', async () => {
    const dir = root('images/conac.png', { 'images/conac.png/x.txt': 'x' });
    expect(await conacErrors(dir)).toEqual([`content/site.yaml:${SITE_LINE} conac.image（标识图片）: 图片不是普通文件 public/images/conac.png（image is not a regular file）；${HINT}`]);
  });

  it('is an error when the image is a symlink out of public/', async () => {
    const dir = root('images/conac.png');
    const outside = path.join(dir, 'outside.png');
    writeFileSync(outside, PNG);
    mkdirSync(path.join(dir, 'public/images'));
    symlinkSync(outside, path.join(dir, 'public/images/conac.png'));
    const [line, ...rest] = await conacErrors(dir);
    expect(rest).toEqual([]);
    expect(line).toMatch(/^content\/site\.yaml:\d+ conac\.image（标识图片）: 图片经符号链接指向 public\/ 之外 public\/images\/conac\.png（image resolves outside public\/）/);
  });

  it('stops loadSite-based builds: the problem is an error, not a warning', async () => {
    const dir = root('images/missing.png');
    const r = await collectSite({ root: dir, source: 'content', today: '2026-01-01' });
    expect(r.problems.find((p) => p.field === 'conac.image')?.severity).toBe('error');
  });

  it('checks nothing when site.yaml has no conac', async () => {
    expect(await siteAssetProblems({}, 'content/site.yaml', path.join(ROOT, 'public'))).toEqual([]);
    expect(await siteAssetProblems({ conac: { image: 'images/conac-placeholder.png' } }, 'content/site.yaml', path.join(ROOT, 'public'))).toEqual([]);
  });
});
