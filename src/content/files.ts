/**
 * File helpers shared by the content loaders (src/content/load.ts, src/content/open-data.ts):
 * posix paths relative to the project root, strict UTF-8 reads, YAML and frontmatter (src/content/
 * yaml.ts, frontmatter.ts) with 1-based line numbers for every key, schema validation into
 * Problems, stable problem order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { issuesToProblems, type Labels, type Problem } from '../lib/errors.ts';
import { parseYaml, type LineOf } from '../lib/yaml.ts';

export { splitFrontmatter } from '../lib/frontmatter.ts';
export type { LineOf, ParsedYaml } from '../lib/yaml.ts';

/** `file` relative to `root` with posix separators. */
export function relPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The file's text, or a problem when it is not valid UTF-8: reading GBK as UTF-8 would publish
 * replacement characters without a word.
 */
export function decodeUtf8(bytes: Uint8Array, rel: string): { text?: string; problem?: Problem } {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return {
      problem: {
        file: rel,
        line: 1,
        field: '(文件)',
        label: '编码',
        reason: '文件不是 UTF-8 编码（file is not valid UTF-8）',
        hint: '请用 UTF-8 另存该文件；旧的 GBK/GB18030 文件可用 npm run import 转换',
        severity: 'error',
      },
    };
  }
}

/** A content file's text; undefined (with a problem pushed) when it is missing or not UTF-8. */
export async function readUtf8(file: string, rel: string, problems: Problem[]): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    problems.push({ file: rel, field: '(文件)', reason: '缺少文件或无法读取（missing or unreadable file）', severity: 'error' });
    return undefined;
  }
  const d = decodeUtf8(bytes, rel);
  if (d.problem) problems.push(d.problem);
  return d.text;
}

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  ctx: { file: string; labels: Labels; lineOf?: LineOf; line?: number },
): { data?: z.output<S>; problems: Problem[] } {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return { data: r.data, problems: [] };
  return { problems: issuesToProblems(r.error.issues, ctx) };
}

/**
 * The text of a YAML file (a leading BOM is dropped) parsed and validated against `schema`;
 * syntax or schema problems are pushed to `problems` (and `data` is then undefined).
 */
export function readYamlText<S extends z.ZodType>(
  text: string,
  rel: string,
  schema: S,
  labels: Labels,
  problems: Problem[],
): { data?: z.output<S>; lineOf: LineOf } {
  const y = parseYaml(text.replace(/^\uFEFF/, ''), rel);
  if (y.problems.length) {
    problems.push(...y.problems);
    return { lineOf: y.lineOf };
  }
  const v = validate(schema, y.value ?? undefined, { file: rel, labels, lineOf: y.lineOf });
  problems.push(...v.problems);
  return v.data === undefined ? { lineOf: y.lineOf } : { data: v.data, lineOf: y.lineOf };
}

/** Files in `dir` (and below, if `recursive`) whose names match `ext`, without `_` and `.` files or folders; sorted. */
export async function listFiles(dir: string, ext: RegExp, recursive = false): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) return [];
  } catch {
    return [];
  }
  const entries = await readdir(dir, { recursive, withFileTypes: true });
  // a `_` or `.` folder is skipped like a `_` or `.` file (src/content/inventory.ts reports both)
  const hidden = (f: string) => path.relative(dir, f).split(path.sep).some((seg) => seg.startsWith('_') || seg.startsWith('.'));
  return entries
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !hidden(f))
    .sort();
}

/**
 * Reads many UTF-8 files with at most `limit` open at once: a library of 50,000 documents read
 * with one Promise.all ran out of file descriptors (EMFILE). A file that is not UTF-8 is
 * undefined, its problem pushed.
 */
export async function readTexts(files: string[], root: string, problems: Problem[], limit = 64): Promise<(string | undefined)[]> {
  const out = new Array<string | undefined>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = await readUtf8(files[i]!, relPath(root, files[i]!), problems);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, files.length) }, worker));
  return out;
}

/** Deletes the keys whose value is undefined (in place) and returns the object. */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Problems shown per file: one hostile file must not bury the others under thousands of lines. */
export const MAX_PROBLEMS_PER_FILE = 30;

/**
 * File order, then line; problems at the same place keep the order they were found in. Past
 * MAX_PROBLEMS_PER_FILE errors of one file, one line says how many more there are.
 */
export function orderProblems(problems: Problem[]): Problem[] {
  return capPerFile(sortProblems(problems));
}

function capPerFile(sorted: Problem[]): Problem[] {
  const out: Problem[] = [];
  const counts = new Map<string, number>();
  for (const p of sorted) {
    const n = (counts.get(p.file) ?? 0) + 1;
    counts.set(p.file, n);
    if (n <= MAX_PROBLEMS_PER_FILE) out.push(p);
  }
  for (const [file, n] of counts) {
    if (n <= MAX_PROBLEMS_PER_FILE) continue;
    const hidden = sorted.filter((p) => p.file === file).slice(MAX_PROBLEMS_PER_FILE);
    const severity = hidden.some((p) => p.severity === 'error') ? 'error' : 'warning';
    const at = out.findLastIndex((p) => p.file === file);
    out.splice(at + 1, 0, { file, field: '(文件)', reason: `另有 ${n - MAX_PROBLEMS_PER_FILE} 个问题未列出（${n - MAX_PROBLEMS_PER_FILE} more problems in this file）`, severity });
  }
  return out;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.file !== b.p.file) return a.p.file < b.p.file ? -1 : 1;
      return (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i;
    })
    .map((x) => x.p);
}
