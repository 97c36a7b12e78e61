/**
 * Files of this site that site.yaml names: the 党政机关网站标识 image (`conac.image`, a path
 * under public/) must be there, or every page's footer would show a broken mark.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../lib/errors.ts';
import { labels as siteLabels } from '../schemas/site.ts';
import type { LineOf } from './files.ts';

/**
 * Problems of site.yaml's `conac.image` in `publicDir`: missing, not a regular file, or reached
 * through a symlink out of public/ — each an error with file, line and field.
 */
export async function siteAssetProblems(site: { conac?: { image: string } | undefined }, siteRel: string, publicDir: string, lineOf?: LineOf): Promise<Problem[]> {
  const image = site.conac?.image;
  if (image === undefined) return [];
  const reason = await imageProblem(publicDir, image);
  if (!reason) return [];
  const p: Problem = {
    file: siteRel,
    field: 'conac.image',
    label: siteLabels['conac.image'],
    reason,
    hint: '请把颁发的标识图片放到 public/ 下该路径，或改正 conac.image',
    severity: 'error',
  };
  const line = lineOf?.(['conac', 'image']);
  if (line !== undefined) p.line = line;
  return [p];
}

async function imageProblem(publicDir: string, image: string): Promise<string | undefined> {
  const shown = `public/${image}`;
  let real: string;
  try {
    real = await realpath(path.join(publicDir, image));
  } catch {
    return `图片文件不存在 ${shown}（image file not found in public/）`;
  }
  const r = path.relative(await realpath(publicDir), real);
  if (r === '' || r.startsWith('..') || path.isAbsolute(r)) return `图片经符号链接指向 public/ 之外 ${shown}（image resolves outside public/）`;
  if (!(await stat(real)).isFile()) return `图片不是普通文件 ${shown}（image is not a regular file）`;
  return undefined;
}
