/**
 * The content loader: reads a content directory (site.yaml, organizations.yaml, topics.yaml,
 * policies/**\/*.md, interpretations/**\/*.md, and their Mongolian translations under
 * mn/policies/ and mn/interpretations/ at the same relative path) or a JSON-lines export, validates everything with
 * the schemas in src/schemas and the cross-file rules in src/lib/validity.ts, and either returns
 * SiteData or throws ONE ContentError listing every problem (file:line field（标签）: reason).
 *
 *   loadSite()                                     // ./content, today's date in Asia/Shanghai
 *   loadSite({ source: '../shared/corpus/policies.jsonl', lenient: true })
 *
 * PORTAL_CONTENT overrides the default source; PORTAL_SITE_DIR is where a JSON-lines import
 * takes site.yaml from (default `content`). Results are memoized per (root, source, lenient,
 * today); clearSiteCache() forgets them (dev server, tests).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { DocType, DraftRef, Interpretation, Organization, Policy, SiteConfig, SiteData, Topic, Translation, Translations } from '../lib/model.ts';
import { DOC_TYPES } from '../lib/model.ts';
import { ContentError, nearest, type Labels, type Problem } from '../lib/errors.ts';
import { formatCodePoint, lintMongolian } from '../lib/mongolian/fold.ts';
import type { Locator } from '../lib/relations.ts';
import { buildDate, validateLibrary } from '../lib/validity.ts';
import { policySchema, labels as policyLabels, toPolicy } from '../schemas/policy.ts';
import { interpretationSchema, labels as interpretationLabels } from '../schemas/interpretation.ts';
import { siteSchema, labels as siteLabels } from '../schemas/site.ts';
import { organizationsSchema, labels as organizationLabels } from '../schemas/organizations.ts';
import { topicsSchema, labels as topicLabels } from '../schemas/topics.ts';
import { translationSchema, labels as translationLabels } from '../schemas/translation.ts';
import { hiddenCharacter, isValidId, ID_RULE } from '../schemas/fields/common.ts';
import { isValidAttachmentFile } from '../schemas/fields/attachments.ts';
import { bodyHtmlProblems, lineAt } from './html-problems.ts';
import { inventoryProblems } from './inventory.ts';
import { attachmentProblem } from './file-safety.ts';
import { processCache, traceLoad } from './process-cache.ts';
import { compact, listFiles, orderProblems, readTexts, readUtf8, readYamlText, relPath, splitFrontmatter, validate, type LineOf } from './files.ts';

export interface LoadOptions {
  /** project root; default process.cwd() */
  root?: string;
  /** content directory or `.jsonl` file, relative to root; default PORTAL_CONTENT or `content` */
  source?: string;
  /** corpus import: missing dates/issuers and duplicate 文号 become warnings */
  lenient?: boolean;
  /** build date `YYYY-MM-DD` for status derivation; default today in Asia/Shanghai */
  today?: string;
}

/** Everything found while loading, whether or not it is valid (used by loadSite and scripts/check). */
export interface LoadResult {
  /** undefined when errors prevent building SiteData (e.g. site.yaml invalid) */
  data?: SiteData;
  /** errors and warnings in file order */
  problems: Problem[];
  drafts: DraftRef[];
  /** number of files or rows read (translations: files under content/mn/) */
  counts: { policies: number; interpretations: number; translations: { policies: number; interpretations: number } };
}

const collected = processCache<LoadResult>('site-collected');
const loaded = processCache<SiteData>('site-loaded');

/**
 * collectSite, once per process for the same options: the build's content check, its pages,
 * search records and exports all share the one parse.
 */
export function collectSiteOnce(options: LoadOptions = {}): Promise<LoadResult> {
  const key = JSON.stringify(resolveOptions(options));
  let promise = collected.get(key);
  if (!promise) {
    promise = collectSite(options);
    promise.catch(() => collected.delete(key));
    collected.set(key, promise);
  }
  return promise;
}

/** Load, validate and return the site; throws ContentError listing all problems if any is an error. */
export function loadSite(options: LoadOptions = {}): Promise<SiteData> {
  const key = JSON.stringify(resolveOptions(options));
  let promise = loaded.get(key);
  if (!promise) {
    promise = collectSiteOnce(options).then((result) => {
      if (!result.data || result.problems.some((p) => p.severity === 'error')) throw new ContentError(result.problems);
      return result.data;
    });
    promise.catch(() => loaded.delete(key));
    loaded.set(key, promise);
  }
  return promise;
}

export function clearSiteCache(): void {
  collected.clear();
  loaded.clear();
}

interface ResolvedOptions {
  root: string;
  source: string;
  lenient: boolean;
  today: string;
}

function resolveOptions(o: LoadOptions): ResolvedOptions {
  return {
    root: path.resolve(o.root ?? process.cwd()),
    source: o.source ?? process.env.PORTAL_CONTENT ?? 'content',
    lenient: o.lenient ?? false,
    today: o.today ?? buildDate(),
  };
}

/** Like loadSite but never throws for content problems: returns them all (not memoized). */
export async function collectSite(options: LoadOptions = {}): Promise<LoadResult> {
  const o = resolveOptions(options);
  traceLoad('site', o.source);
  return o.source.endsWith('.jsonl') ? loadJsonl(o) : loadDirectory(o);
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function readYamlFile<S extends z.ZodType>(
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

function listMarkdown(dir: string): Promise<string[]> {
  return listFiles(dir, /\.md$/i, true);
}

interface Frontmatter {
  data: unknown;
  body: string;
  lineOf: LineOf;
  problems: Problem[];
}

function readFrontmatter(text: string, rel: string): Frontmatter {
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
function localFiles(attachments: readonly { file: string }[]): string[] | undefined {
  const files = attachments.map((a) => a.file).filter((f) => !/^https:/.test(f));
  return files.length ? files : undefined;
}

/** id from frontmatter `id` or the file name; a problem when the file name is not a valid id. */
function idFor(file: string, rel: string, data: Record<string, unknown>, problems: Problem[]): string | undefined {
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

// ---------------------------------------------------------------------------------------------
// Content directory

/** What reading a content directory collects, shared by the per-kind readers below. */
interface DirectoryScan {
  o: ResolvedOptions;
  dir: string;
  problems: Problem[];
  drafts: DraftRef[];
  lines: Map<string, LineOf>;
  policies: Policy[];
  scheduledPolicies: Policy[];
  interpretations: Interpretation[];
  draftPolicyIds: Set<string>;
  attachmentChecks: { rel: string; i: number; file: string; lineOf: LineOf }[];
  /**
   * Originals by path relative to policies/ or interpretations/ (no extension), valid or not,
   * so translations can find them (same relative path = translation of that document).
   */
  originals: Record<TranslationKind, Map<string, Original>>;
}

function relKey(kindDir: string, file: string): string {
  return path.relative(kindDir, file).split(path.sep).join('/').replace(/\.md$/i, '');
}

async function loadDirectory(o: ResolvedOptions): Promise<LoadResult> {
  const dir = path.resolve(o.root, o.source);
  const scan: DirectoryScan = {
    o, dir, problems: [], drafts: [], lines: new Map(), policies: [], scheduledPolicies: [], interpretations: [],
    draftPolicyIds: new Set(), attachmentChecks: [], originals: { policies: new Map(), interpretations: new Map() },
  };
  const { problems, lines } = scan;
  const [site, organizations, topics] = await Promise.all([
    readYamlFile(path.join(dir, 'site.yaml'), o.root, siteSchema, siteLabels, problems),
    readYamlFile(path.join(dir, 'organizations.yaml'), o.root, organizationsSchema, organizationLabels, problems, lines),
    readYamlFile(path.join(dir, 'topics.yaml'), o.root, topicsSchema, topicLabels, problems, lines),
  ]);
  problems.push(...(await inventoryProblems(dir, relPath(o.root, dir), site?.ignore)));

  const policyFiles = await listMarkdown(path.join(dir, 'policies'));
  const interpretationFiles = await listMarkdown(path.join(dir, 'interpretations'));
  const texts = await readTexts([...policyFiles, ...interpretationFiles], o.root, problems);
  policyFiles.forEach((file, n) => readPolicyFile(scan, file, texts[n]));
  interpretationFiles.forEach((file, n) => readInterpretationFile(scan, file, texts[policyFiles.length + n]));
  await checkAttachments(scan, path.resolve(o.root, process.env.PORTAL_PUBLIC_DIR ?? 'public'));

  const mn = await readTranslations(scan);
  if (organizations && topics) problems.push(...missingMongolianNames(dir, o.root, organizations, topics, mn.needsMn, lines));
  const locate: Locator = (doc, p) => {
    const line = lines.get(doc.source)?.(p);
    return line === undefined ? { file: doc.source } : { file: doc.source, line };
  };
  const counts = { policies: policyFiles.length, interpretations: interpretationFiles.length, translations: mn.files };
  const { policies, scheduledPolicies, interpretations, draftPolicyIds, drafts } = scan;
  return finish(o, { site, organizations, topics, policies, scheduledPolicies, interpretations, draftPolicyIds, drafts, problems, locate, counts, translations: mn.translations });
}

/** Frontmatter and body of one document file, its problems recorded; undefined data when unusable. */
function readDocument(scan: DirectoryScan, file: string, text: string | undefined): { rel: string; fm?: Frontmatter } {
  const rel = relPath(scan.o.root, file);
  if (text === undefined) return { rel }; // not UTF-8: reported
  const fm = readFrontmatter(text, rel);
  scan.lines.set(rel, fm.lineOf);
  scan.problems.push(...fm.problems, ...bodyHtmlProblems(text, fm.body, rel));
  return { rel, fm };
}

function readPolicyFile(scan: DirectoryScan, file: string, text: string | undefined): void {
  const { rel, fm } = readDocument(scan, file, text);
  if (!fm?.data) return;
  const data = fm.data as Record<string, unknown>;
  const id = idFor(file, rel, data, scan.problems);
  const v = validate(policySchema, data, { file: rel, labels: policyLabels, lineOf: fm.lineOf });
  scan.problems.push(...v.problems);
  const scheduled = !!v.data && v.data.published > scan.o.today;
  scan.originals.policies.set(relKey(path.join(scan.dir, 'policies'), file), { id, source: rel, valid: !!v.data, draft: !!v.data?.draft, published: v.data?.published, scheduled });
  if (!v.data || id === undefined) return;
  const d = v.data;
  const policy = toPolicy(d, id, rel, fm.body);
  if (d.draft || scheduled) {
    scan.drafts.push(compact({ kind: 'policy' as const, id, source: rel, title: d.title, scheduled: d.draft ? undefined : d.published, attachments: localFiles(d.attachments) }));
    scan.draftPolicyIds.add(id);
    if (!d.draft) scan.scheduledPolicies.push(policy);
    return;
  }
  d.attachments.forEach((a, i) => {
    if (!/^https:/.test(a.file) && isValidAttachmentFile(a.file)) scan.attachmentChecks.push({ rel, i, file: a.file, lineOf: fm.lineOf });
  });
  scan.policies.push(policy);
}

function readInterpretationFile(scan: DirectoryScan, file: string, text: string | undefined): void {
  const { rel, fm } = readDocument(scan, file, text);
  if (!fm?.data) return;
  const data = fm.data as Record<string, unknown>;
  const id = idFor(file, rel, data, scan.problems);
  const v = validate(interpretationSchema, data, { file: rel, labels: interpretationLabels, lineOf: fm.lineOf });
  scan.problems.push(...v.problems);
  const scheduled = !!v.data && v.data.published > scan.o.today;
  scan.originals.interpretations.set(relKey(path.join(scan.dir, 'interpretations'), file), { id, source: rel, valid: !!v.data, draft: !!v.data?.draft, published: v.data?.published, scheduled });
  if (!v.data || id === undefined) return;
  const d = v.data;
  if (d.draft || scheduled) {
    scan.drafts.push(compact({ kind: 'interpretation' as const, id, source: rel, title: d.title, scheduled: d.draft ? undefined : d.published }));
    return;
  }
  const interpreter = d.interpreter ? compact({ ...d.interpreter }) : undefined;
  scan.interpretations.push(
    compact({ id, source: rel, title: d.title, interprets: d.interprets, published: d.published, form: d.form, interpreter, summary: d.summary, body: fm.body, bodyFormat: 'markdown' as const }),
  );
}

/**
 * Attachments under public/ must exist (a warning: the link would be broken) and be regular
 * files inside it (an error: a symlink out would publish a host file).
 */
async function checkAttachments(scan: DirectoryScan, publicDir: string): Promise<void> {
  await Promise.all(
    scan.attachmentChecks.map(async (a) => {
      const bad = await attachmentProblem(publicDir, a.file);
      if (!bad) return;
      const p: Problem = { file: a.rel, field: `attachments[${a.i}].file`, label: '附件文件', ...bad };
      const line = a.lineOf(['attachments', a.i, 'file']);
      if (line !== undefined) p.line = line;
      scan.problems.push(p);
    }),
  );
}

/** Mongolian translations (content/mn/policies, content/mn/interpretations) and the names they need. */
async function readTranslations(scan: DirectoryScan): Promise<{ translations: Translations; files: { policies: number; interpretations: number }; needsMn: { organizations: Map<string, string[]>; topics: Map<string, string[]> } }> {
  const { o, dir, problems } = scan;
  const translations: Translations = { policies: {}, interpretations: {} };
  const files = { policies: 0, interpretations: 0 };
  const needsMn = { organizations: new Map<string, string[]>(), topics: new Map<string, string[]>() };
  const need = (map: Map<string, string[]>, key: string, rel: string) => map.set(key, [...(map.get(key) ?? []), rel]);
  for (const kind of ['policies', 'interpretations'] as const) {
    const kindDir = path.join(dir, 'mn', kind);
    const list = await listMarkdown(kindDir);
    files[kind] = list.length;
    const texts = await readTexts(list, o.root, problems);
    list.forEach((file, n) => {
      const rel = relPath(o.root, file);
      const text = texts[n];
      if (text === undefined) return; // not UTF-8: reported
      const t = readTranslation(file, rel, text, kind, relKey(kindDir, file), scan.originals[kind], relPath(o.root, path.join(dir, kind)), problems, scan.drafts, o.today);
      if (!t) return;
      translations[kind][t.id] = t;
      const policy = kind === 'policies' ? scan.policies.find((p) => p.id === t.id) : undefined;
      if (!policy) return;
      for (const org of policy.issuers) need(needsMn.organizations, org, rel);
      need(needsMn.topics, policy.topic, rel);
    });
  }
  return { translations, files, needsMn };
}

// ---------------------------------------------------------------------------------------------
// Mongolian translations

type TranslationKind = 'policies' | 'interpretations';

/** An original document as found on disk (valid or not), for matching its translation. */
interface Original {
  id: string | undefined;
  source: string;
  valid: boolean;
  draft: boolean;
  published?: string;
  /** 发布日期 after the build date: the translation waits with it */
  scheduled?: boolean;
}

const KIND_ZH: Record<TranslationKind, string> = { policies: '政策文件', interpretations: '政策解读' };

/** Printable context around `index`: invisible format characters shown as ⟨U+XXXX⟩, the offending one marked. */
function lintContext(text: string, index: number, width = 6): string {
  const chars = Array.from(text.slice(Math.max(0, index - 3 * width), index + 3 * width));
  const startOffset = Math.max(0, index - 3 * width);
  let offset = startOffset;
  let at = 0;
  const cps = chars.map((c, k) => {
    if (offset === index) at = k;
    offset += c.length;
    return c;
  });
  const show = (c: string, mark: boolean): string => {
    const cp = c.codePointAt(0)!;
    if (mark) return `⟦${formatCodePoint(cp)}⟧`;
    if (c === '\n') return '⏎';
    if (/[\u180A-\u180F\u200B-\u200F\u202F\u034F\uE000-\uF8FF]/.test(c)) return `⟨${formatCodePoint(cp)}⟩`;
    return c;
  };
  const from = Math.max(0, at - width);
  const to = Math.min(cps.length, at + width + 1);
  return cps
    .slice(from, to)
    .map((c, k) => show(c, from + k === at))
    .join('');
}

/** Lint problems for one Mongolian text field; `line(index)` gives the file line of an offset. */
function mongolianLintProblems(text: string, ctx: { file: string; field: string; label: string; line: (index: number) => number | undefined }): Problem[] {
  return lintMongolian(text).map((issue) => {
    const lineStart = text.lastIndexOf('\n', issue.index - 1) + 1;
    const column = Array.from(text.slice(lineStart, issue.index)).length + 1;
    const p: Problem = {
      file: ctx.file,
      field: ctx.field,
      label: ctx.label,
      reason:
        `蒙古文字符 ${formatCodePoint(issue.codePoint)}（${issue.rule}）位于该行第 ${column} 字，` +
        `上下文 “${lintContext(text, issue.index)}”：${issue.message}`,
      severity: 'error',
    };
    const line = ctx.line(issue.index);
    if (line !== undefined) p.line = line;
    return p;
  });
}

function readTranslation(
  file: string,
  rel: string,
  text: string,
  kind: TranslationKind,
  key: string,
  originals: Map<string, Original>,
  originalsDir: string,
  problems: Problem[],
  drafts: DraftRef[],
  today: string,
): Translation | undefined {
  const fm = readFrontmatter(text, rel);
  problems.push(...fm.problems, ...bodyHtmlProblems(text, fm.body, rel));
  if (!fm.data) return undefined;
  const data = fm.data as Record<string, unknown>;
  const base = path.basename(file).replace(/\.md$/i, '');
  const v = validate(translationSchema, data, { file: rel, labels: translationLabels, lineOf: fm.lineOf });
  problems.push(...v.problems);
  const at = (field: string, label: string, line: number | undefined, reason: string, extra: Partial<Problem> = {}): Problem =>
    compact({ file: rel, line, field, label, reason, severity: 'error' as const, ...extra });

  // The original: same relative path; else an original whose id is this file name (moved file).
  const byId = [...originals.values()].find((x) => x.id === base);
  const original = originals.get(key) ?? byId;
  if (!original) {
    const ids = [...originals.values()].map((x) => x.id).filter((x): x is string => x !== undefined);
    const near = nearest(base, ids) ?? nearestByPrefix(base, ids);
    problems.push(
      at('id', '标识', 1, `找不到原文：${originalsDir}/ 下没有 "${key}" 对应的${KIND_ZH[kind]}（translation without original）`, {
        hint: near ? `最接近的现有标识是 "${near}"，请把文件改名为 ${near}.md` : `请把文件放在与原文相同的相对路径下（mn/${kind}/<原文文件名>）`,
      }),
    );
    return undefined;
  }
  if (!original.valid || original.id === undefined) return undefined; // the original's own problems are reported
  const id = original.id;
  if (!v.data) return undefined;
  const d = v.data;
  if (original.draft) {
    problems.push(
      at('draft', '草稿', 1, `原文 ${original.source} 是草稿，不发布，不能发布其译文（translation of a draft）`, {
        hint: '原文定稿（删除 draft: true）后再发布译文，或在译文中也写 draft: true',
      }),
    );
    return undefined;
  }
  const scheduled = original.scheduled ? original.published : d.published !== undefined && d.published > today ? d.published : undefined;
  if (d.draft || scheduled) {
    drafts.push(compact({ kind: kind === 'policies' ? ('policy' as const) : ('interpretation' as const), id, source: rel, title: d.title, lang: 'mn-Mong' as const, scheduled: d.draft ? undefined : scheduled }));
    return undefined;
  }
  const offset = text.length - fm.body.length;
  const bodyLine = lineAt(text, Math.max(0, offset));
  const lintFailures: Problem[] = [];
  if (!fm.body.trim()) {
    problems.push(at('body', '正文', bodyLine, '译文正文为空（empty body）', { hint: '请在前置元数据之后写出完整的蒙古文译文' }));
    return undefined;
  }
  if (d.published !== undefined && original.published !== undefined && d.published < original.published) {
    problems.push(
      at('published', translationLabels.published, fm.lineOf(['published']), `译文发布日期 ${d.published} 早于原文发布日期 ${original.published}（translation published before the original）`),
    );
  }
  for (const field of ['title', 'summary'] as const) {
    const value = d[field];
    if (value === undefined) continue;
    lintFailures.push(...mongolianLintProblems(value, { file: rel, field, label: translationLabels[field], line: () => fm.lineOf([field]) }));
  }
  lintFailures.push(
    ...mongolianLintProblems(fm.body, { file: rel, field: 'body', label: '正文', line: (i) => lineAt(text, offset + i) }),
  );
  problems.push(...lintFailures);
  return compact({
    id,
    source: rel,
    title: d.title,
    summary: d.summary,
    keywords: d.keywords,
    published: d.published,
    translator: d.translator,
    body: fm.body,
    bodyFormat: 'markdown' as const,
  });
}

/** For long ids `nearest` may find nothing: the id sharing the longest prefix (≥ 4 characters). */
function nearestByPrefix(word: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestLen = 3;
  for (const id of [...ids].sort()) {
    let n = 0;
    while (n < id.length && n < word.length && id[n] === word[n]) n++;
    if (n > bestLen) {
      best = id;
      bestLen = n;
    }
  }
  return best;
}

/** Issuers and topics of translated policies must have `nameMn`: one problem per organization/topic. */
function missingMongolianNames(
  dir: string,
  root: string,
  organizations: Organization[],
  topics: Topic[],
  needs: { organizations: Map<string, string[]>; topics: Map<string, string[]> },
  lines: Map<string, LineOf>,
): Problem[] {
  const out: Problem[] = [];
  const check = (
    list: readonly { id: string; name: string; nameMn?: string | undefined }[],
    need: Map<string, string[]>,
    file: string,
    what: string,
    en: string,
  ): void => {
    const rel = relPath(root, path.join(dir, file));
    list.forEach((item, i) => {
      const users = need.get(item.id);
      if (!users || item.nameMn !== undefined) return;
      const shown = users.length > 3 ? `${users.slice(0, 3).join('、')} 等 ${users.length} 篇` : users.join('、');
      out.push(
        compact({
          file: rel,
          line: lines.get(rel)?.([i, 'id']),
          field: `[${i}].nameMn`,
          label: '蒙古文名称',
          reason: `${what} "${item.id}"（${item.name}）缺少蒙古文名称 nameMn，蒙古文译文 ${shown} 需要它（${en} without nameMn used by a translation）`,
          hint: `请在 ${rel} 中该项下添加 nameMn: <蒙古文名称>`,
          severity: 'error' as const,
        }),
      );
    });
  };
  check(organizations, needs.organizations, 'organizations.yaml', '发文机关', 'organization');
  check(topics, needs.topics, 'topics.yaml', '主题分类', 'topic');
  return out;
}

interface Collected {
  site: SiteConfig | undefined;
  organizations: Organization[] | undefined;
  topics: Topic[] | undefined;
  policies: Policy[];
  /** policies published after the build date: checked, not published */
  scheduledPolicies?: Policy[];
  interpretations: Interpretation[];
  draftPolicyIds: Set<string>;
  drafts: DraftRef[];
  problems: Problem[];
  locate?: Locator;
  /** files or rows read (valid or not); default: the valid documents */
  counts?: LoadResult['counts'];
  /** Mongolian translations (directory mode only) */
  translations?: Translations;
}

function finish(o: ResolvedOptions, c: Collected): LoadResult {
  const problems = c.problems;
  const counts = c.counts ?? { policies: c.policies.length, interpretations: c.interpretations.length, translations: { policies: 0, interpretations: 0 } };
  const organizations = c.organizations?.map((x) => compact({ ...x })) ?? [];
  const topics = c.topics?.map((x) => compact({ ...x })) ?? [];
  // Cross-file rules need organizations and topics; without them, issuer/topic checks would be noise.
  const lib = validateLibrary(
    { organizations, topics, policies: c.policies, interpretations: c.interpretations, draftPolicyIds: c.draftPolicyIds, scheduled: c.scheduledPolicies ?? [] },
    { today: o.today, lenient: o.lenient, ...(c.locate ? { locate: c.locate } : {}) },
  );
  const crossProblems = c.organizations && c.topics ? lib.problems : lib.problems.filter((p) => !/^(issuers|topic)/.test(p.field));
  problems.push(...crossProblems);
  // file order (yaml files first, then documents), then line; JSON-lines rows stay in row order
  const ordered = orderProblems(problems);
  const warnings = ordered.filter((p) => p.severity === 'warning');
  const result: LoadResult = { problems: ordered, drafts: c.drafts, counts };
  if (c.site && c.organizations && c.topics) {
    const site = compact({ ...c.site }) as SiteConfig;
    result.data = {
      site,
      organizations,
      topics,
      policies: lib.policies,
      interpretations: c.interpretations,
      warnings,
      drafts: c.drafts,
      translations: c.translations ?? { policies: {}, interpretations: {} },
    };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// JSON-lines import

/** Stable short ascii slug for a name: prefix + FNV-1a 32-bit in base 36. */
export function nameSlug(prefix: string, name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}-${h.toString(36).padStart(7, '0')}`;
}

/** 公文种类 from the title's ending (`…的通知` → 通知), ignoring a trailing （…） note. */
export function inferDocType(title: string): DocType | undefined {
  const t = title.trim().replace(/(?:[（(][^（）()]*[）)])+$/u, '');
  let best: DocType | undefined;
  for (const k of DOC_TYPES) if (t.endsWith(k) && (!best || k.length > best.length)) best = k;
  return best;
}

export const UNKNOWN_ISSUER = '未注明发文机关';

/** Finds or adds (in `items`, by name) the entry for a name, with a new unique slug id. */
function byName<T extends Organization | Topic>(items: Map<string, T>, prefix: string): (name: string) => T {
  const ids = new Set<string>();
  return (name) => {
    let item = items.get(name);
    if (!item) {
      const base = nameSlug(prefix, name);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      item = { id, name } as T;
      items.set(name, item);
    }
    return item;
  };
}

interface JsonRow {
  id?: unknown;
  title?: unknown;
  docNumber?: unknown;
  issuer?: unknown;
  written?: unknown;
  published?: unknown;
  topic?: unknown;
  body?: unknown;
}

const ROW_LABELS: Labels = { ...policyLabels, issuer: '发文机关', body: '正文' };
const ROW_KEYS = ['id', 'title', 'docNumber', 'issuer', 'written', 'published', 'topic', 'body'] as const;

/**
 * The lines of a file, each decoded as strict UTF-8 (a GBK export read leniently would publish
 * replacement characters); a line that is not UTF-8 is reported and yields ''.
 */
async function* utf8Lines(file: string, notUtf8: (line: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Buffer, line: number): string => {
    try {
      return decoder.decode(bytes).replace(/\r$/, '');
    } catch {
      notUtf8(line);
      return '';
    }
  };
  let pending = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of createReadStream(file)) {
    let buf = Buffer.concat([pending, chunk as Buffer]);
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      yield decode(buf.subarray(0, nl), ++line);
      buf = buf.subarray(nl + 1);
    }
    pending = buf;
  }
  if (pending.length) yield decode(pending, ++line);
}

/** Control and bidi-override characters in any text of a row (issuer names are not schema-checked). */
function hiddenInRow(row: object, at: { file: string; line: number }): Problem[] {
  return Object.entries(row).flatMap(([k, v]) => {
    // the title goes through the schema's text check
    const bad = typeof v === 'string' && k !== 'title' ? hiddenCharacter(v) : undefined;
    return bad ? [{ ...at, field: k.slice(0, 60), reason: `含不可见的控制字符 ${bad}（control or bidi-override character not allowed）`, severity: 'error' as const }] : [];
  });
}

/** A misspelt key (`docNumbr`) would silently leave its field empty: each unknown key is an error. */
function unknownRowKeys(row: object, at: { file: string; line: number }): Problem[] {
  return Object.keys(row)
    .filter((k) => !(ROW_KEYS as readonly string[]).includes(k))
    .map((k) => {
      const near = nearest(k, ROW_KEYS);
      const p: Problem = { ...at, field: k.slice(0, 60), reason: `未知字段 "${k.slice(0, 60)}"（unknown key）；允许：${ROW_KEYS.join(', ')}`, severity: 'error' };
      if (near) p.hint = `是否应为 "${near}"？`;
      return p;
    });
}

/** What reading JSON-lines rows shares: organizations and topics found by name, 索引号 serials. */
interface JsonlScan {
  o: ResolvedOptions;
  rel: string;
  soft: Problem['severity'];
  orgFor: (name: string) => Organization;
  topicFor: (name: string) => Topic;
  serials: Map<string, number>;
}

async function loadJsonl(o: ResolvedOptions): Promise<LoadResult> {
  const file = path.resolve(o.root, o.source);
  const rel = relPath(o.root, file);
  const problems: Problem[] = [];
  const siteDir = path.resolve(o.root, process.env.PORTAL_SITE_DIR ?? 'content');
  const site = await readYamlFile(path.join(siteDir, 'site.yaml'), o.root, siteSchema, siteLabels, problems);
  const orgs = new Map<string, Organization>();
  const topics = new Map<string, Topic>();
  const scan: JsonlScan = { o, rel, soft: o.lenient ? 'warning' : 'error', orgFor: byName(orgs, 'org'), topicFor: byName(topics, 'topic'), serials: new Map() };
  const policies: Policy[] = [];
  const drafts: DraftRef[] = [];
  if (!(await stat(file).then(() => true, () => false))) {
    problems.push({ file: rel, field: '(文件)', reason: '缺少文件（missing file）', severity: 'error' });
    return finish(o, { site, organizations: [], topics: [], policies, interpretations: [], draftPolicyIds: new Set(), drafts: [], problems });
  }
  let lineNo = 0;
  let rows = 0;
  const lines = utf8Lines(file, (line) => {
    problems.push({ file: rel, line, field: '(行)', label: '编码', reason: '该行不是 UTF-8 编码（not valid UTF-8）', hint: '请把导出文件另存为 UTF-8', severity: 'error' });
  });
  for await (const raw of lines) {
    lineNo++;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    rows++;
    const r = readRow(scan, text, lineNo);
    problems.push(...r.problems);
    if (r.draft) drafts.push(r.draft);
    if (r.policy) policies.push(r.policy);
  }
  return finish(o, {
    site,
    organizations: [...orgs.values()],
    topics: [...topics.values()],
    policies,
    interpretations: [],
    draftPolicyIds: new Set(drafts.map((d) => d.id)),
    drafts,
    problems,
    counts: { policies: rows, interpretations: 0, translations: { policies: 0, interpretations: 0 } },
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** One JSON-lines row: a policy, a scheduled document, or only problems. */
function readRow(scan: JsonlScan, text: string, lineNo: number): { policy?: Policy; draft?: DraftRef; problems: Problem[] } {
  const at = { file: scan.rel, line: lineNo };
  let row: JsonRow;
  try {
    row = JSON.parse(text) as JsonRow;
  } catch (e) {
    return { problems: [{ ...at, field: '(行)', reason: `JSON 语法错误：${(e as Error).message}（invalid JSON）`, severity: 'error' }] };
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return { problems: [{ ...at, field: '(行)', reason: '每行应为一个 JSON 对象（each line must be an object）', severity: 'error' }] };
  }
  const problems: Problem[] = [...unknownRowKeys(row, at), ...hiddenInRow(row, at)];
  const issuers = rowIssuers(scan, row, at, problems);
  const dates = rowDates(scan, row, at, problems);
  const v = validate(policySchema, rowCandidate(scan, row, issuers, dates), { file: scan.rel, labels: ROW_LABELS, line: lineNo });
  problems.push(...v.problems);
  if (typeof row.body !== 'string') {
    problems.push({ ...at, field: 'body', label: '正文', reason: row.body === undefined ? '缺少必填字段（required）' : '类型错误：应为文本（invalid type）', severity: 'error' });
  }
  if (row.id === undefined) {
    // the schema treats id as optional (file names supply it); a row has no file name
    problems.push({ ...at, field: 'id', label: '标识', reason: '缺少必填字段（required）', severity: 'error' });
  }
  if (!v.data || typeof row.body !== 'string' || !v.data.id) return { problems };
  const d = v.data;
  const source = `${scan.rel}:${lineNo}`;
  if (!dates.undated && d.published > scan.o.today) return { problems, draft: { kind: 'policy', id: d.id!, source, title: d.title, scheduled: d.published } };
  const policy: Policy = compact({
    ...toPolicy(d, d.id!, source, row.body),
    published: dates.undated ? '' : d.published,
    undated: dates.undated ? true : undefined,
    bodyFormat: 'text' as const,
  });
  return { problems, policy };
}

/** 发文机关: joint issuers are separated by spaces; a row without one gets UNKNOWN_ISSUER. */
function rowIssuers(scan: JsonlScan, row: JsonRow, at: { file: string; line: number }, problems: Problem[]): Organization[] {
  const names = typeof row.issuer === 'string' ? row.issuer.split(/\s+/).filter(Boolean) : [];
  if (!names.length) {
    const reason = scan.o.lenient ? `缺少发文机关，按"${UNKNOWN_ISSUER}"处理（missing issuer）` : '缺少发文机关（missing issuer）';
    problems.push({ ...at, field: 'issuer', label: '发文机关', reason, severity: scan.soft });
    names.push(UNKNOWN_ISSUER);
  }
  return names.map(scan.orgFor);
}

/** Dates: published falls back to written; a row with neither is `undated`. */
function rowDates(scan: JsonlScan, row: JsonRow, at: { file: string; line: number }, problems: Problem[]): { written?: string; published?: string; undated: boolean } {
  const written = str(row.written);
  const published = str(row.published);
  if (published) return { written, published, undated: false };
  if (row.published !== undefined && row.published !== null && typeof row.published !== 'string') {
    // a number or list is a wrong date, not a missing one: never published as "date unknown"
    problems.push({ ...at, field: 'published', label: '发布日期', reason: `类型错误：应为日期文本 YYYY-MM-DD（invalid type）`, severity: 'error' });
  }
  const lenient = scan.o.lenient;
  if (written) {
    problems.push({ ...at, field: 'published', label: '发布日期', reason: `缺少发布日期${lenient ? `，按成文日期 ${written} 处理` : ''}（missing published date）`, severity: scan.soft });
    return { written, published: written, undated: false };
  }
  problems.push({ ...at, field: 'published', label: '发布日期', reason: `缺少日期：成文日期和发布日期都没有${lenient ? '，按"日期不详"处理' : ''}（no date）`, severity: scan.soft });
  return { undated: true };
}

/** The frontmatter a row stands for, with a generated 索引号 (issuer code/year-serial). */
function rowCandidate(scan: JsonlScan, row: JsonRow, issuers: Organization[], dates: { written?: string; published?: string; undated: boolean }): Record<string, unknown> {
  const title = str(row.title);
  const topicName = str(row.topic);
  const topic = topicName ? scan.topicFor(topicName) : undefined;
  const year = (dates.published ?? dates.written ?? '').slice(0, 4) || '0000';
  const org = issuers[0]!;
  const serialKey = `${org.id}/${year}`;
  const serial = (scan.serials.get(serialKey) ?? 0) + 1;
  scan.serials.set(serialKey, serial);
  const candidate = compact({
    id: row.id,
    title: row.title,
    docNumber: str(row.docNumber),
    issuers: issuers.map((x) => x.id),
    indexNumber: `${org.code ?? org.id}/${year}-${String(serial).padStart(5, '0')}`,
    topic: topic?.id ?? row.topic,
    docType: title ? inferDocType(title) : undefined,
    category: topicName && topicName.includes('规范性文件') ? '规范性文件' : undefined,
    written: row.written ?? undefined,
    // the schema requires a date; an undated lenient row is validated with a placeholder
    published: dates.undated ? '1970-01-01' : dates.published,
  });
  if (candidate.written === null) delete candidate.written;
  return candidate;
}
