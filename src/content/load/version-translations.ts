/**
 * Mongolian translations of earlier versions: content/mn/policies/<path>/versions/<YYYY-MM-DD>.md,
 * beside the document's own translation content/mn/policies/<path>.md, each the text of
 * content/policies/<path>/versions/<YYYY-MM-DD>.md. Same frontmatter and text checks as other
 * translations. A file whose version or whose document's translation is missing is an error:
 * nothing is dropped.
 */
import path from 'node:path';
import type { Translation } from '../../lib/model.ts';
import { isIsoDate } from '../../schemas/fields/dates.ts';
import { translationSchema, labels as translationLabels, toTranslation } from '../../schemas/translation.ts';
import { bodyHtmlProblems } from '../html-problems.ts';
import { compact, readTexts, relPath, validate } from '../files.ts';
import { readFrontmatter, relKey } from './read.ts';
import type { DirectoryScan } from './scan.ts';
import { checkText, isPublished, type At, type TranslationContext } from './translations.ts';

/** By document id, then by version date (the version's 公布日期). */
export type VersionTranslations = Record<string, Record<string, Translation>>;

export async function readVersionTranslations(scan: DirectoryScan, files: readonly string[], docs: Readonly<Record<string, Translation>>, c: TranslationContext): Promise<VersionTranslations> {
  const out: VersionTranslations = {};
  const texts = await readTexts([...files], scan.o.root, c.problems);
  files.forEach((file, n) => {
    const text = texts[n];
    if (text === undefined) return; // not UTF-8: reported
    const t = readOne(scan, file, text, docs, c);
    if (t) (out[t.id] ??= {})[t.date] = t.translation;
  });
  return out;
}

function readOne(scan: DirectoryScan, file: string, text: string, docs: Readonly<Record<string, Translation>>, c: TranslationContext): { id: string; date: string; translation: Translation } | undefined {
  const rel = relPath(scan.o.root, file);
  const at: At = (field, label, line, reason, extra = {}) => compact({ file: rel, line, field, label, reason, severity: 'error' as const, ...extra });
  const date = path.basename(file).replace(/\.md$/i, '');
  if (!isIsoDate(date)) {
    c.problems.push(at('(文件名)', '发布日期', undefined, `历史版本译文文件名 "${path.basename(file)}" 不是日期（version translation file name must be the version's 发布日期）`, { allowed: ['YYYY-MM-DD.md，与原文历史版本的文件名相同'] }));
    return undefined;
  }
  const docKey = relKey(path.join(scan.dir, 'mn', 'policies'), path.dirname(path.dirname(file)));
  const original = scan.originals.policies.get(docKey);
  if (!original || !scan.versions.some((v) => v.docKey === docKey && v.date === date)) {
    c.problems.push(at('(文件)', '历史版本', 1, `找不到原文：${c.originalsDir}/${docKey}/versions/${date}.md 不存在（translation of a missing version）`, { hint: '历史版本译文与原文历史版本同名，放在 mn/policies/<文件名>/versions/ 中' }));
    return undefined;
  }
  if (!original.valid || original.id === undefined) return undefined; // the original's own problems are reported
  const id = original.id;
  const fm = readFrontmatter(text, rel);
  c.problems.push(...fm.problems, ...bodyHtmlProblems(text, fm.body, rel));
  if (!fm.data) return undefined;
  const v = validate(translationSchema, fm.data, { file: rel, labels: translationLabels, lineOf: fm.lineOf });
  c.problems.push(...v.problems);
  if (!v.data || !isPublished(v.data, original, id, rel, c, at)) return undefined;
  if (!docs[id]) {
    c.problems.push(at('(文件)', '历史版本', 1, `文件 ${original.source} 没有已发布的蒙古文译文，其历史版本的译文无处显示（translation of a version of an untranslated document）`, { hint: `先发布 mn/policies/${docKey}.md，或删除本文件` }));
    return undefined;
  }
  if (!checkText(text, fm, v.data, { ...original, published: date }, rel, c.problems, at)) return undefined;
  return { id, date, translation: toTranslation(v.data, id, rel, fm.body) };
}

