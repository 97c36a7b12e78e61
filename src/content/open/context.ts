/**
 * What every section loader of content/open/ shares (src/content/open-data.ts): the resolved
 * paths and build date, the problem list, the policy library's ids for references, the list of
 * scheduled (future-dated) items, and the file readers that turn a file into data + problems.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { nearest, type Labels, type Problem } from '../../lib/errors.ts';
import type { SiteData } from '../../lib/model.ts';
import { buildDate } from '../../lib/validity.ts';
import { readUtf8, readYamlText, relPath as rel, splitFrontmatter, validate, type LineOf } from '../files.ts';
import { bodyHtmlProblems } from '../html-problems.ts';

export interface OpenLoadOptions {
  /** project root; default process.cwd() */
  root?: string;
  /** content directory (its open/ subdirectory is read), relative to root; default PORTAL_CONTENT or `content` */
  source?: string;
  /** build date for consultation status; default PORTAL_TODAY, else today in Asia/Shanghai */
  today?: string;
  /** the policy library, if the caller has it (skips loadSite) */
  site?: SiteData;
}

export interface Scheduled {
  source: string;
  title: string;
  scheduled: string;
  files?: string[];
}

export interface Resolved {
  root: string;
  /** the content directory */
  content: string;
  /** as given (relative to root), so loadSite() shares its cache with getSite() */
  source: string;
  /** a JSON-lines corpus build (benchmarks): the open platform is left empty */
  corpus: boolean;
  today: string;
}

export function resolve(o: OpenLoadOptions): Resolved {
  const root = path.resolve(o.root ?? process.cwd());
  const source = o.source ?? process.env.PORTAL_CONTENT ?? 'content';
  // PORTAL_TODAY pins the build date (tests, reproducible rebuilds); default: today in Asia/Shanghai
  return { root, content: path.resolve(root, source), source, corpus: source.endsWith('.jsonl'), today: o.today ?? buildDate() };
}

/** The policy library's ids that content/open/ may refer to. */
export interface LibraryRefs {
  lib?: SiteData;
  policyIds: ReadonlySet<string>;
  /** scheduled policies: a future gazette issue may list them */
  scheduledIds: ReadonlySet<string>;
  topicIds: ReadonlySet<string>;
  orgIds: ReadonlySet<string>;
  /** false when the library could not be read: references are then not checked */
  checkRefs: boolean;
}

export function libraryRefs(lib: SiteData | undefined): LibraryRefs {
  const refs: LibraryRefs = {
    policyIds: new Set(lib?.policies.map((p) => p.id) ?? []),
    scheduledIds: new Set(lib?.drafts.filter((d) => d.scheduled && d.kind === 'policy' && !d.lang).map((d) => d.id) ?? []),
    topicIds: new Set(lib?.topics.map((t) => t.id) ?? []),
    orgIds: new Set(lib?.organizations.map((o) => o.id) ?? []),
    checkRefs: lib !== undefined,
  };
  if (lib) refs.lib = lib;
  return refs;
}

export interface OpenContext {
  r: Resolved;
  /** <content>/open */
  dir: string;
  problems: Problem[];
  refs: LibraryRefs;
  scheduled: Scheduled[];
}

export async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** A YAML file validated against `schema`; problems go to ctx.problems. */
export async function readYaml<S extends z.ZodType>(
  file: string,
  ctx: OpenContext,
  schema: S,
  labels: Labels,
): Promise<{ data?: z.output<S>; lineOf: LineOf; rel: string }> {
  const relFile = rel(ctx.r.root, file);
  const text = await readUtf8(file, relFile, ctx.problems);
  if (text === undefined) return { lineOf: () => undefined, rel: relFile };
  return { ...readYamlText(text, relFile, schema, labels, ctx.problems), rel: relFile };
}

export interface Md<T> {
  data?: T;
  body: string;
  lineOf: LineOf;
  rel: string;
}

/** A Markdown file whose frontmatter is validated against `schema`; problems go to ctx.problems. */
export async function readMarkdown<S extends z.ZodType>(file: string, ctx: OpenContext, schema: S, labels: Labels): Promise<Md<z.output<S>>> {
  const problems = ctx.problems;
  const relFile = rel(ctx.r.root, file);
  const text = await readUtf8(file, relFile, problems);
  if (text === undefined) return { body: '', lineOf: () => undefined, rel: relFile };
  const { body, yaml: y, problem } = splitFrontmatter(text, relFile);
  problems.push(...bodyHtmlProblems(text, body, relFile));
  if (problem || !y) {
    if (problem) problems.push(problem);
    return { body, lineOf: () => undefined, rel: relFile };
  }
  if (y.problems.length) {
    problems.push(...y.problems);
    return { body, lineOf: y.lineOf, rel: relFile };
  }
  const v = validate(schema, y.value ?? {}, { file: relFile, labels, lineOf: y.lineOf });
  problems.push(...v.problems);
  return v.data === undefined ? { body, lineOf: y.lineOf, rel: relFile } : { data: v.data, body, lineOf: y.lineOf, rel: relFile };
}

export function at(file: string, line: number | undefined, field: string, label: string, reason: string, extra: Partial<Problem> = {}): Problem {
  const p: Problem = { file, field, label, reason, severity: 'error', ...extra };
  if (line !== undefined) p.line = line;
  return p;
}

/** A reference to a policy id that does not exist: one line with the nearest id as a hint. */
export function policyRef(file: string, line: number | undefined, field: string, label: string, id: string, ids: ReadonlySet<string>): Problem {
  const near = nearest(id, ids);
  return at(file, line, field, label, `找不到政策文件 "${id}"（unknown policy id）`, near ? { hint: `是否应为 "${near}"？` } : { hint: '请填写 content/policies/ 下政策文件的标识（文件名）' });
}

/** A YAML file's name without its extension. */
export function baseName(file: string, ext: RegExp = /\.ya?ml$/i): string {
  return path.basename(file).replace(ext, '');
}
