/** Reading content files: YAML files, Markdown frontmatter, document ids. */
import path from 'node:path';
import type { z } from 'zod';
import type { Labels, Problem } from '../../lib/errors.ts';
import { isValidId, ID_RULE } from '../../schemas/fields/common.ts';
import { listFiles, readUtf8, readYamlText, relPath, splitFrontmatter, type LineOf } from '../files.ts';

export async function readYamlFile<S extends z.ZodType>(
  file: string,
  root: string,
  schema: S,
  labels: Labels,
  problems: Problem[],
  lines?: Map<string, LineOf>,
): Promise<z.output<S> | undefined> {
  const rel = relPath(root, file);
  const text = await readUtf8(file, rel, problems);
  if (text === undefined) return undefined;
  const y = readYamlText(text, rel, schema, labels, problems);
  lines?.set(rel, y.lineOf);
  return y.data;
}

export function listMarkdown(dir: string): Promise<string[]> {
  return listFiles(dir, /\.md$/i, true);
}

export interface Frontmatter {
  data: unknown;
  body: string;
  lineOf: LineOf;
  problems: Problem[];
}

export function readFrontmatter(text: string, rel: string): Frontmatter {
  const { body, yaml: y, problem } = splitFrontmatter(text, rel);
  if (problem || !y) return { data: undefined, body, lineOf: () => undefined, problems: problem ? [problem] : [] };
  if (y.problems.length) return { data: undefined, body, lineOf: y.lineOf, problems: y.problems };
  const data = y.value ?? {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: undefined,
      body,
      lineOf: () => undefined,
      problems: [{ file: rel, line: 2, field: 'frontmatter', label: '前置元数据', reason: '前置元数据应为 “键: 值” 形式（frontmatter must be a mapping）', severity: 'error' }],
    };
  }
  return { data, body, lineOf: y.lineOf, problems: [] };
}

/** Attachment files under public/ (not https links): withheld from dist/ while their document is. */
export function localFiles(attachments: readonly { file: string }[]): string[] | undefined {
  const files = attachments.map((a) => a.file).filter((f) => !/^https:/.test(f));
  return files.length ? files : undefined;
}

/** id from frontmatter `id` or the file name; a problem when the file name is not a valid id. */
export function idFor(file: string, rel: string, data: Record<string, unknown>, problems: Problem[]): string | undefined {
  if (data.id !== undefined) return typeof data.id === 'string' && isValidId(data.id) ? data.id : undefined; // schema reports
  const base = path.basename(file).replace(/\.md$/i, '');
  if (isValidId(base)) return base;
  problems.push({
    file: rel,
    field: 'id',
    label: '标识',
    reason: `文件名 "${base}" 不能用作标识（file name is not a valid id）：${ID_RULE}`,
    hint: '请把文件改名为如 2024-shengchan-anquan.md，或在前置元数据中写 id: 2024-shengchan-anquan',
    severity: 'error',
  });
  return undefined;
}

export function relKey(kindDir: string, file: string): string {
  return path.relative(kindDir, file).split(path.sep).join('/').replace(/\.md$/i, '');
}
