/**
 * The checks `npm run check` makes on one policy Markdown file, run by the importer on the exact
 * text it is about to write, so an import never leaves a file that fails the check or the build:
 * frontmatter present and parsed by the same YAML 1.2 parser (splitFrontmatter), a mapping, the
 * file name a valid id, the policy schema (validate), no HTML the sanitizer would remove, issuers
 * and topic known. With `expected`, the frontmatter must also read back as exactly the data that
 * was serialized (hostile titles stay data). Then the rules validateLibrary (src/lib/validity.ts)
 * applies to every single document, run through validateLibrary itself so they cannot drift:
 * dates in order (成文 ≤ 发布, 施行 ≥ 成文, 有效期至 after 施行/成文/发布), no self-repeal or
 * self-amendment, and the declared 有效性 against the dates (warnings, as in check). A 发布日期
 * after the build date is fine: check lists the file as scheduled (定时发布) and applies the
 * same date rules. Cross-file rules (duplicate ids and 文号, references to other documents,
 * cycles, interpretation dates) stay with npm run check.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compact, splitFrontmatter, validate } from '../../content/files.ts';
import type { Problem } from '../errors.ts';
import { htmlViolations } from '../html-policy.ts';
import type { IsoDate, Policy } from '../model.ts';
import { buildDate, validateLibrary } from '../validity.ts';
import { policySchema, labels as policyLabels, toPolicy, type PolicyFrontmatter } from '../../schemas/policy.ts';
import { isValidId } from '../../schemas/fields/common.ts';
import { isIsoDate } from '../../schemas/fields/dates.ts';
import { versionSchema, labels as versionLabels } from '../../schemas/version.ts';

export interface OutputContext {
  /** organization ids of organizations.yaml (not checked when empty) */
  organizations?: ReadonlySet<string>;
  /** topic ids of topics.yaml (not checked when empty) */
  topics?: ReadonlySet<string>;
  /** the frontmatter data that was serialized: must read back equal */
  expected?: Record<string, unknown>;
  /** build date for scheduled documents and status vs dates; default as npm run check (PORTAL_TODAY, else today in Asia/Shanghai) */
  today?: IsoDate;
}

const problem = (file: string, field: string, label: string, reason: string, line?: number): Problem =>
  line === undefined ? { file, field, label, reason, severity: 'error' } : { file, line, field, label, reason, severity: 'error' };

/** Problems of the frontmatter block itself; the parsed mapping when there are none. */
function readFrontmatter(text: string, rel: string): { data?: Record<string, unknown>; body: string; problems: Problem[]; lineOf?: (p: readonly PropertyKey[]) => number | undefined } {
  if (!/^---\r?\n/.test(text)) return { body: text, problems: [problem(rel, 'frontmatter', '前置元数据', '缺少前置元数据：文件应以 --- 开头的 YAML 块开始（missing frontmatter）', 1)] };
  const { body, yaml } = splitFrontmatter(text, rel);
  if (!yaml) return { body, problems: [problem(rel, 'frontmatter', '前置元数据', '前置元数据没有结束的 ---（unterminated frontmatter）', 1)] };
  if (yaml.problems.length) return { body, problems: yaml.problems };
  const v = yaml.value ?? {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return { body, problems: [problem(rel, 'frontmatter', '前置元数据', '前置元数据应为 “键: 值” 形式（frontmatter must be a mapping）', 2)] };
  }
  return { data: v as Record<string, unknown>, body, problems: [], lineOf: yaml.lineOf };
}

/** Issuer and topic ids that organizations.yaml / topics.yaml do not have. */
function unknownIds(data: Record<string, unknown>, rel: string, ctx: OutputContext, lineOf: (p: readonly PropertyKey[]) => number | undefined): Problem[] {
  const out: Problem[] = [];
  const issuers = typeof data.issuers === 'string' ? [data.issuers] : Array.isArray(data.issuers) ? data.issuers : [];
  if (ctx.organizations?.size) {
    issuers.forEach((id, i) => {
      if (typeof id === 'string' && !ctx.organizations!.has(id)) out.push(problem(rel, `issuers[${i}]`, '发文机关', `发文机关 "${id}" 不在 organizations.yaml 中（unknown organization）`, lineOf(['issuers', i])));
    });
  }
  if (ctx.topics?.size && typeof data.topic === 'string' && !ctx.topics.has(data.topic)) {
    out.push(problem(rel, 'topic', '主题分类', `主题分类 "${data.topic}" 不在 topics.yaml 中（unknown topic）`, lineOf(['topic'])));
  }
  return out;
}

/** Every problem npm run check would report for `text` written at `rel` (a path ending in <id>.md). */
export function validatePolicyOutput(text: string, rel: string, ctx: OutputContext = {}): Problem[] {
  const fm = readFrontmatter(text, rel);
  const problems = [...fm.problems];
  for (const v of htmlViolations(fm.body)) {
    problems.push(problem(rel, 'body', '正文', `正文含不安全的 HTML ${v.found}：${v.reason}`, text.slice(0, text.length - fm.body.length).split('\n').length + v.line - 1));
  }
  if (!fm.data || !fm.lineOf) return problems;
  const id = path.basename(rel).replace(/\.mdx?$/i, '');
  if (fm.data.id === undefined && !isValidId(id)) problems.push(problem(rel, 'id', '标识', `文件名 "${id}" 不能用作标识（file name is not a valid id）`));
  if (ctx.expected && !isDeepStrictEqual(fm.data, ctx.expected)) {
    problems.push(problem(rel, 'frontmatter', '前置元数据', '写出的前置元数据读回后与原值不一致（frontmatter does not round-trip）', 2));
  }
  const v = validate(policySchema, fm.data, { file: rel, labels: policyLabels, lineOf: fm.lineOf });
  problems.push(...v.problems);
  problems.push(...unknownIds(fm.data, rel, ctx, fm.lineOf));
  if (v.data && !v.data.draft) problems.push(...documentRules(v.data, typeof fm.data.id === 'string' ? fm.data.id : id, rel, ctx.today ?? buildDate(), fm.lineOf));
  return problems;
}

/**
 * What validateLibrary reports about this one document, in a library that holds it and, as
 * stand-ins, every policy it repeals or amends (so a reference to a document elsewhere in the
 * library is not an error here; check decides that). A 发布日期 after `today` makes it a scheduled
 * document, as check does. Issuers and topic are checked against organizations.yaml/topics.yaml
 * by unknownIds, so here they are given as known. Only problems located in this file are kept.
 */
function documentRules(d: PolicyFrontmatter, id: string, rel: string, today: IsoDate, lineOf: (p: readonly PropertyKey[]) => number | undefined): Problem[] {
  const policy: Policy = toPolicy(d, id, rel, '');
  const OTHER = '\0other';
  const others: Policy[] = [...new Set([...d.repeals, ...d.amends])]
    .filter((t) => t !== id)
    .map((t) => ({ ...policy, id: t, source: OTHER, docNumber: undefined, written: undefined, published: '', effective: undefined, expires: undefined, status: undefined, repeals: [], amends: [] }))
    .map((o) => compact(o));
  const scheduled = d.published > today;
  const { problems } = validateLibrary(
    {
      organizations: d.issuers.map((x) => ({ id: x, name: x })),
      topics: [{ id: d.topic, name: d.topic }],
      policies: scheduled ? others : [policy, ...others],
      interpretations: [],
      scheduled: scheduled ? [policy] : [],
    },
    { today, locate: (doc, at) => (doc.source === rel ? compact({ file: rel, line: lineOf(at) }) : { file: OTHER }) },
  );
  return problems.filter((p) => p.file === rel);
}

/**
 * Every problem npm run check would report for an earlier version written at `rel`
 * (…/versions/<YYYY-MM-DD>.md): frontmatter, the version schema, 发布日期 = file name, no unsafe
 * HTML, and with `expected` the frontmatter read back unchanged.
 */
export function validateVersionOutput(text: string, rel: string, expected?: Record<string, unknown>): Problem[] {
  const fm = readFrontmatter(text, rel);
  const problems = [...fm.problems];
  for (const v of htmlViolations(fm.body)) problems.push(problem(rel, 'body', '正文', `正文含不安全的 HTML ${v.found}：${v.reason}`));
  if (!fm.data || !fm.lineOf) return problems;
  const date = path.basename(rel).replace(/\.md$/i, '');
  if (!isIsoDate(date)) problems.push(problem(rel, '(文件名)', '发布日期', `历史版本文件名 "${date}" 不是日期（version file name must be its 发布日期）`));
  if (expected && !isDeepStrictEqual(fm.data, expected)) problems.push(problem(rel, 'frontmatter', '前置元数据', '写出的前置元数据读回后与原值不一致（frontmatter does not round-trip）', 2));
  const v = validate(versionSchema, fm.data, { file: rel, labels: versionLabels, lineOf: fm.lineOf });
  problems.push(...v.problems);
  if (v.data?.published !== undefined && v.data.published !== date) problems.push(problem(rel, 'published', '发布日期', `发布日期 ${v.data.published} 与文件名 ${date} 不一致（published must equal the file name）`, fm.lineOf(['published'])));
  return problems;
}
