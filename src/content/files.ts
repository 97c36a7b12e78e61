/**
 * File helpers shared by the content loaders (src/content/load.ts, src/content/open-data.ts):
 * posix paths relative to the project root, YAML and frontmatter parsed with 1-based line
 * numbers for every key, schema validation into Problems, stable problem order.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { issuesToProblems, type Labels, type Problem } from '../lib/errors.ts';

/** Line of the key at a path such as `['attachments', 0, 'file']`. */
export type LineOf = (p: readonly PropertyKey[]) => number | undefined;

/** `file` relative to `root` with posix separators. */
export function relPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

/** Line of the deepest existing key on `p` (1-based); undefined if even the first key is absent. */
function yamlLineOf(doc: Document, lc: LineCounter): LineOf {
  return (p) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const seg of p) {
      if (isMap(node)) {
        const pair = node.items.find((it) => (isScalar(it.key) ? it.key.value === seg : it.key === seg));
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (!pair || !range) break;
        line = lc.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as { range?: [number, number, number] } | undefined;
        if (!item?.range) break;
        line = lc.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return line;
  };
}

export interface ParsedYaml {
  /** undefined when there are syntax errors */
  value: unknown;
  lineOf: LineOf;
  /** YAML syntax errors */
  problems: Problem[];
}

function parseYaml(text: string, file: string): ParsedYaml {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line,
    field: 'yaml',
    label: 'YAML 语法',
    reason: `YAML 语法错误：${e.message.split('\n')[0]}（YAML syntax error）`,
    severity: 'error' as const,
  }));
  return { value: problems.length ? undefined : doc.toJS(), lineOf: yamlLineOf(doc, lc), problems };
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

/**
 * Splits frontmatter from body (gray-matter); the frontmatter is parsed with parseYaml, so
 * its lines are file lines. `yaml` is undefined when the text has no frontmatter block.
 */
export function splitFrontmatter(text: string, rel: string): { body: string; yaml?: ParsedYaml } {
  let parsed: ParsedYaml | undefined;
  const fm = matter(text, {
    engines: {
      yaml: (s: string) => {
        parsed = parseYaml(s, rel);
        return (parsed.value as object) ?? {};
      },
    },
  });
  const yaml = parsed as ParsedYaml | undefined;
  return yaml ? { body: fm.content, yaml } : { body: fm.content };
}

/** Files in `dir` (and below, if `recursive`) whose names match `ext`, without `_` and `.` files; sorted. */
export async function listFiles(dir: string, ext: RegExp, recursive = false): Promise<string[]> {
  try {
    if (!(await stat(dir)).isDirectory()) return [];
  } catch {
    return [];
  }
  const entries = await readdir(dir, { recursive, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && ext.test(e.name) && !e.name.startsWith('_') && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Deletes the keys whose value is undefined (in place) and returns the object. */
/**
 * Reads many text files with at most `limit` open at once: a library of 50,000 documents read
 * with one Promise.all ran out of file descriptors (EMFILE).
 */
export async function readTexts(files: string[], limit = 64): Promise<string[]> {
  const out = new Array<string>(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = await readFile(files[i]!, 'utf8');
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, files.length) }, worker));
  return out;
}

export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** File order, then line; problems at the same place keep the order they were found in. */
export function orderProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.file !== b.p.file) return a.p.file < b.p.file ? -1 : 1;
      return (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i;
    })
    .map((x) => x.p);
}
