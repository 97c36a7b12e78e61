/**
 * Mongolian translations: content/mn/policies/ and content/mn/interpretations/, each file at the
 * relative path of its original. Checks the original exists and is published, the dates, the
 * body and the Mongolian text; collects the issuers and topics that need a Mongolian name.
 */
import path from 'node:path';
import type { DraftRef, Translation, Translations } from '../../lib/model.ts';
import { nearest, type Problem } from '../../lib/errors.ts';
import { translationSchema, labels as translationLabels, toTranslation, type TranslationFrontmatter } from '../../schemas/translation.ts';
import { bodyHtmlProblems, lineAt } from '../html-problems.ts';
import { compact, readTexts, relPath, validate } from '../files.ts';
import { mongolianLintProblems } from './mongolian-lint.ts';
import { listMarkdown, readFrontmatter, relKey, type Frontmatter } from './read.ts';
import type { DirectoryScan, Original, TranslationKind } from './scan.ts';
import { isVersionFile } from './versions.ts';
import { readVersionTranslations } from './version-translations.ts';

/** Issuers and topics (by id) that translations need a Mongolian name for, with the files that need it. */
export interface MongolianNeeds {
  organizations: Map<string, string[]>;
  topics: Map<string, string[]>;
}

const KIND_ZH: Record<TranslationKind, string> = { policies: '政策文件', interpretations: '政策解读' };

/** What reading the translations of one kind shares. */
export interface TranslationContext {
  kind: TranslationKind;
  originals: Map<string, Original>;
  /** the originals' folder relative to the root, for messages */
  originalsDir: string;
  problems: Problem[];
  drafts: DraftRef[];
  today: string;
}

/** An error located in the translation file being read. */
export type At = (field: string, label: string, line: number | undefined, reason: string, extra?: Partial<Problem>) => Problem;

/** Mongolian translations (content/mn/policies, content/mn/interpretations) and the names they need. */
export async function readTranslations(scan: DirectoryScan): Promise<{ translations: Translations; files: { policies: number; interpretations: number }; needsMn: MongolianNeeds }> {
  const { o, dir, problems } = scan;
  const translations: Translations = { policies: {}, interpretations: {} };
  const files = { policies: 0, interpretations: 0 };
  const needsMn: MongolianNeeds = { organizations: new Map(), topics: new Map() };
  const need = (map: Map<string, string[]>, key: string, rel: string) => map.set(key, [...(map.get(key) ?? []), rel]);
  for (const kind of ['policies', 'interpretations'] as const) {
    const kindDir = path.join(dir, 'mn', kind);
    const all = await listMarkdown(kindDir);
    files[kind] = all.length;
    // translations of earlier versions (mn/policies/<path>/versions/<date>.md) are read after the documents'
    const versionFiles = kind === 'policies' ? all.filter(isVersionFile) : [];
    const list = kind === 'policies' ? all.filter((f) => !isVersionFile(f)) : all;
    const texts = await readTexts(list, o.root, problems);
    const c: TranslationContext = { kind, originals: scan.originals[kind], originalsDir: relPath(o.root, path.join(dir, kind)), problems, drafts: scan.drafts, today: o.today };
    list.forEach((file, n) => {
      const rel = relPath(o.root, file);
      const text = texts[n];
      if (text === undefined) return; // not UTF-8: reported
      const t = readTranslation(file, rel, text, relKey(kindDir, file), c);
      if (!t) return;
      translations[kind][t.id] = t;
      const policy = kind === 'policies' ? scan.policies.find((p) => p.id === t.id) : undefined;
      if (!policy) return;
      for (const org of policy.issuers) need(needsMn.organizations, org, rel);
      need(needsMn.topics, policy.topic, rel);
    });
    if (versionFiles.length) translations.policyVersions = await readVersionTranslations(scan, versionFiles, translations.policies, c);
  }
  return { translations, files, needsMn };
}

/** One translation file: its model when it is valid and published, else undefined (problems recorded). */
function readTranslation(file: string, rel: string, text: string, key: string, c: TranslationContext): Translation | undefined {
  const fm = readFrontmatter(text, rel);
  c.problems.push(...fm.problems, ...bodyHtmlProblems(text, fm.body, rel));
  if (!fm.data) return undefined;
  const base = path.basename(file).replace(/\.md$/i, '');
  const v = validate(translationSchema, fm.data, { file: rel, labels: translationLabels, lineOf: fm.lineOf });
  c.problems.push(...v.problems);
  const at: At = (field, label, line, reason, extra = {}) => compact({ file: rel, line, field, label, reason, severity: 'error' as const, ...extra });
  const original = findOriginal(base, key, c, at);
  if (!original) return undefined;
  if (!original.valid || original.id === undefined) return undefined; // the original's own problems are reported
  const id = original.id;
  if (!v.data) return undefined;
  if (!isPublished(v.data, original, id, rel, c, at)) return undefined;
  if (!checkText(text, fm, v.data, original, rel, c.problems, at)) return undefined;
  return toTranslation(v.data, id, rel, fm.body);
}

/** The original: same relative path; else an original whose id is this file name (moved file). */
function findOriginal(base: string, key: string, c: TranslationContext, at: At): Original | undefined {
  const byId = [...c.originals.values()].find((x) => x.id === base);
  const original = c.originals.get(key) ?? byId;
  if (original) return original;
  const ids = [...c.originals.values()].map((x) => x.id).filter((x): x is string => x !== undefined);
  const near = nearest(base, ids) ?? nearestByPrefix(base, ids);
  c.problems.push(
    at('id', '标识', 1, `找不到原文：${c.originalsDir}/ 下没有 "${key}" 对应的${KIND_ZH[c.kind]}（translation without original）`, {
      hint: near ? `最接近的现有标识是 "${near}"，请把文件改名为 ${near}.md` : `请把文件放在与原文相同的相对路径下（mn/${c.kind}/<原文文件名>）`,
    }),
  );
  return undefined;
}

/** False for a translation of a draft original (an error) or a draft or scheduled translation (listed in drafts). */
export function isPublished(d: TranslationFrontmatter, original: Original, id: string, rel: string, c: TranslationContext, at: At): boolean {
  if (original.draft) {
    c.problems.push(
      at('draft', '草稿', 1, `原文 ${original.source} 是草稿，不发布，不能发布其译文（translation of a draft）`, {
        hint: '原文定稿（删除 draft: true）后再发布译文，或在译文中也写 draft: true',
      }),
    );
    return false;
  }
  const scheduled = original.scheduled ? original.published : d.published !== undefined && d.published > c.today ? d.published : undefined;
  if (d.draft || scheduled) {
    c.drafts.push(compact({ kind: c.kind === 'policies' ? ('policy' as const) : ('interpretation' as const), id, source: rel, title: d.title, lang: 'mn-Mong' as const, scheduled: d.draft ? undefined : scheduled }));
    return false;
  }
  return true;
}

/** The body is not empty (else false), the date not before the original's, and the Mongolian text lints clean. */
export function checkText(text: string, fm: Frontmatter, d: TranslationFrontmatter, original: Original, rel: string, problems: Problem[], at: At): boolean {
  const offset = text.length - fm.body.length;
  const bodyLine = lineAt(text, Math.max(0, offset));
  const lintFailures: Problem[] = [];
  if (!fm.body.trim()) {
    problems.push(at('body', '正文', bodyLine, '译文正文为空（empty body）', { hint: '请在前置元数据之后写出完整的蒙古文译文' }));
    return false;
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
  return true;
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
