/**
 * Content problems: one line per problem, Chinese first with the English key, so editors see
 * the file, the field, what is wrong and what is allowed (DESIGN.md "Bad input").
 *
 *   content/policies/x.md:7 docType（公文种类）: 不是允许的值 "条例"（invalid enum value）；允许值：决议、决定、…
 *
 * Pure: no file system, no zod runtime import (only its issue types).
 */
import type { core } from 'zod';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** file path relative to the project root (posix separators), or the JSON-lines file */
  file: string;
  /** 1-based line of the offending key (frontmatter line = file line) */
  line?: number;
  /** field path as written by editors: `docType`, `attachments[0].file`, `frontmatter` */
  field: string;
  /** Chinese label of the field (from the schema's `labels`), shown as `field（label）` */
  label?: string;
  /** what is wrong, Chinese first with the English key in parentheses */
  reason: string;
  /** what is allowed (enum values, existing ids, formats) */
  allowed?: readonly string[];
  /** a suggestion, e.g. `是否应为 "title"（标题）？` */
  hint?: string;
  severity: Severity;
}

/** How many allowed values one line lists before it abbreviates. */
export const MAX_ALLOWED_SHOWN = 30;

export function formatProblem(p: Problem): string {
  const loc = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.label ? `${p.field}（${p.label}）` : p.field;
  let line = `${loc} ${p.severity === 'warning' ? '[警告 warning] ' : ''}${field}: ${p.reason}`;
  if (p.allowed && p.allowed.length > 0) {
    const shown = p.allowed.slice(0, MAX_ALLOWED_SHOWN).join('、');
    const more = p.allowed.length > MAX_ALLOWED_SHOWN ? `…（共 ${p.allowed.length} 项）` : '';
    line += `；允许值：${shown}${more}`;
  }
  if (p.hint) line += `；${p.hint}`;
  return line;
}

/** Stable order for output: by file, then line, then field. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.field, b.field) || compare(a.reason, b.reason),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown by the loader when any error-level problem exists; `message` lists every line. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const lines = problems.map(formatProblem);
    super(`内容校验失败，共 ${problems.length} 个问题（content validation failed）:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Levenshtein distance (small strings: field names, ids). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo
 * (distance ≤ max(2, 40 % of the word), or one contains the other). Case-insensitive.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = editDistance(w, lc);
    if (d > 0 && w.length >= 3 && (lc.includes(w) || w.includes(lc))) d = Math.min(d, 1.5);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(w.length * 0.4));
  return bestD <= limit ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// zod 4 issues → Problems

/** Field labels keyed by dotted path without indices: `title`, `attachments.file`. */
export type Labels = Readonly<Record<string, string>>;

export interface IssueContext {
  file: string;
  labels: Labels;
  /** line of a field path in the source (frontmatter key line), if known */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
  /** fallback line when lineOf knows nothing (e.g. the JSON-lines row) */
  line?: number;
  severity?: Severity;
}

/** `attachments[0].file` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Label lookup: exact dotted path without indices, else the nearest labelled parent. */
export function labelFor(labels: Labels, path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((s) => typeof s !== 'number').map(String);
  for (let n = keys.length; n > 0; n--) {
    const key = keys.slice(0, n).join('.');
    // own keys only: `__proto__` or `constructor` in a file must not read Object.prototype
    const label = Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (label !== undefined) return label;
  }
  return undefined;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: '对象（键: 值）',
  date: '日期',
  null: '空值',
  undefined: '空',
  bigint: '整数',
};

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  return typeof v;
}

/** A short, quoted rendering of a value for messages. */
export function show(v: unknown): string {
  if (typeof v === 'string') return `"${v.length > 60 ? v.slice(0, 60) + '…' : v}"`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().slice(0, 10);
  try {
    const s = JSON.stringify(v);
    if (s === undefined) return String(v);
    return s.length > 60 ? s.slice(0, 60) + '…' : s;
  } catch {
    return String(v);
  }
}

function childKeys(labels: Labels, parent: readonly PropertyKey[]): string[] {
  const prefix = parent.filter((s) => typeof s !== 'number').map(String).join('.');
  const out: string[] = [];
  for (const k of Object.keys(labels)) {
    if (prefix === '') {
      if (!k.includes('.')) out.push(k);
    } else if (k.startsWith(prefix + '.') && !k.slice(prefix.length + 1).includes('.')) {
      out.push(k.slice(prefix.length + 1));
    }
  }
  return out;
}

type MakeProblem = (path: readonly PropertyKey[], reason: string, extra?: Partial<Problem>, ownLabelOnly?: boolean) => Problem;

/** A Problem at a path of the file in `ctx`, with the path's line and Chinese label. */
function problemMaker(ctx: IssueContext): MakeProblem {
  const severity = ctx.severity ?? 'error';
  return (path, reason, extra = {}, ownLabelOnly = false) => {
    const p: Problem = { file: ctx.file, field: formatPath(path) || '(根)', reason, severity };
    const line = ctx.lineOf?.(path) ?? ctx.line;
    if (line !== undefined) p.line = line;
    const own = path.filter((s) => typeof s !== 'number').map(String).join('.');
    const label = ownLabelOnly ? (Object.hasOwn(ctx.labels, own) ? ctx.labels[own] : undefined) : labelFor(ctx.labels, path);
    if (label !== undefined) p.label = label;
    return Object.assign(p, extra);
  };
}

/** too_small / too_big, by what was measured. */
function sizeReason(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (!small) return `最多 ${n} 个字符（too big）`;
    return n <= 1 ? '不能为空（too small: empty string）' : `至少 ${n} 个字符（too small）`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return small ? `至少需要 ${n} 项（too small: at least ${n} item${n === 1 ? '' : 's'}）` : `最多 ${n} 项（too big）`;
  }
  return small ? `不能小于 ${n}，实际为 ${show(issue.input)}（too small）` : `不能大于 ${n}，实际为 ${show(issue.input)}（too big）`;
}

/** One problem per unknown key, naming the nearest known key (with its label) or the allowed ones. */
function unknownKeyProblems(issue: core.$ZodIssueUnrecognizedKeys, ctx: IssueContext, make: MakeProblem): Problem[] {
  const known = childKeys(ctx.labels, issue.path);
  return issue.keys.map((key) => {
    const near = nearest(key, known);
    const path = [...issue.path, key];
    if (near === undefined) return make(path, '未知字段（unrecognized key）', { allowed: known }, true);
    const nearKey = [...issue.path.filter((s) => typeof s !== 'number').map(String), near].join('.');
    const lab = Object.hasOwn(ctx.labels, nearKey) ? ctx.labels[nearKey] : undefined;
    return make(path, '未知字段（unrecognized key）', { hint: `是否应为 "${near}"${lab ? `（${lab}）` : ''}？` }, true);
  });
}

/** Sub-issues (union branches, keys, elements) reported at their full path. */
function nested(subs: readonly core.$ZodIssue[], base: readonly PropertyKey[], ctx: IssueContext): Problem[] {
  return subs.flatMap((sub) => issueToProblems({ ...sub, path: [...base, ...sub.path] } as core.$ZodIssue, ctx));
}

function typeReason(issue: core.$ZodIssueInvalidType): string {
  if (issue.input === undefined) return '缺少必填字段（required）';
  const expected = TYPE_ZH[issue.expected] ?? issue.expected;
  const actualType = typeOfValue(issue.input);
  const actual = TYPE_ZH[actualType] ?? actualType;
  return `类型错误：应为${expected}，实际为${actual} ${show(issue.input)}（invalid type: expected ${issue.expected}, received ${actualType}）`;
}

function formatReason(issue: core.$ZodIssueInvalidStringFormat): string {
  const names: Record<string, string> = { email: '电子邮件地址', url: '网址', date: '日期 YYYY-MM-DD' };
  if (issue.format === 'regex') return `格式不符 ${show(issue.input)}：${issue.message}（invalid format）`;
  return `格式不符 ${show(issue.input)}，应为${names[issue.format] ?? issue.format}（invalid ${issue.format}）`;
}

/** One zod issue → one or more Problems (unknown keys give one problem per key). */
export function issueToProblems(issue: core.$ZodIssue, ctx: IssueContext): Problem[] {
  const make = problemMaker(ctx);
  switch (issue.code) {
    case 'invalid_type':
      return [make(issue.path, typeReason(issue))];
    case 'invalid_value':
      if (issue.values.length === 1) return [make(issue.path, `应为 ${show(issue.values[0])}，实际为 ${show(issue.input)}（invalid literal）`)];
      return [make(issue.path, `不是允许的值 ${show(issue.input)}（invalid enum value）`, { allowed: issue.values.map((v) => String(v)) })];
    case 'invalid_format':
      return [make(issue.path, formatReason(issue))];
    case 'too_small':
    case 'too_big':
      return [make(issue.path, sizeReason(issue))];
    case 'unrecognized_keys':
      return unknownKeyProblems(issue, ctx, make);
    case 'not_multiple_of':
      return [make(issue.path, `应为 ${issue.divisor} 的整数倍（not multiple of ${issue.divisor}）`)];
    case 'invalid_union': {
      // Report the branch that got furthest (most specific), else a generic line.
      const first = issue.errors.find((e) => e.length > 0);
      return first ? nested(first, issue.path, ctx) : [make(issue.path, `值不符合任何允许的形式 ${show(issue.input)}（invalid union）`)];
    }
    case 'invalid_key':
    case 'invalid_element':
      return nested(issue.issues, issue.path, ctx);
    case 'custom': {
      const params = (issue.params ?? {}) as { allowed?: string[]; hint?: string };
      return [make(issue.path, issue.message, compactExtra(params))];
    }
    default: {
      const other = issue as core.$ZodIssueBase;
      return [make(other.path, `${other.message}（invalid）`)];
    }
  }
}

function compactExtra(params: { allowed?: string[]; hint?: string }): Partial<Problem> {
  const extra: Partial<Problem> = {};
  if (params.allowed) extra.allowed = params.allowed;
  if (params.hint) extra.hint = params.hint;
  return extra;
}

export function issuesToProblems(issues: readonly core.$ZodIssue[], ctx: IssueContext): Problem[] {
  return issues.flatMap((i) => issueToProblems(i, ctx));
}
