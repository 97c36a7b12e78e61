/**
 * npm run import --group-versions: imported records that are versions of one document
 * (src/lib/version-grouping.ts) → the files of the 历史版本 content model (docs/versions.md):
 * `<id>.md`, the latest record, and `<id>/versions/<YYYY-MM-DD>.md` for each earlier one, its
 * 公布日期 the file name. Every version but the earliest names its amending document
 * (`amendment`): the 修正 note's 《决定》 when the text has one, else the record's own 文号, else
 * its title (a legacy file does not say more). Pure.
 */
import { isValidId } from '../../schemas/fields/common.ts';
import { isIsoDate } from '../../schemas/fields/dates.ts';
import { planVersionGroups, versionDateProblem, type RevisionNote, type VersionPlan } from '../version-grouping.ts';
import { renderPolicyFile } from './policy.ts';

/** One imported record before it is written: a file, or a row of an export. */
export interface ImportRecord {
  /** file id (its name without .md) */
  id: string;
  /** where it came from, for messages: the file, or file:line */
  source: string;
  /** policy frontmatter in schema order */
  data: Record<string, unknown>;
  comments: string[];
  /** Markdown body */
  body: string;
  /** the 修正/修订 note at the head of its text */
  note?: RevisionNote;
}

export interface OutputFile {
  /** path under the output folder, `/`-separated */
  rel: string;
  kind: 'document' | 'version';
  text: string;
  /** the frontmatter serialized, to check it reads back the same */
  data: Record<string, unknown>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Records → documents; a record's date is its 发布日期, else the date of its 修正 note. */
export function planImport(records: readonly ImportRecord[]): VersionPlan<ImportRecord> {
  return planVersionGroups(records, (r) => ({
    title: str(r.data.title) ?? '',
    issuers: Array.isArray(r.data.issuers) ? (r.data.issuers as string[]) : [],
    date: str(r.data.published) ?? r.note?.date,
    docNumber: str(r.data.docNumber)?.normalize('NFKC').replace(/\s+/g, ''),
  }));
}

/** Why the versions of a group cannot be written (bad ids or dates), one line per record; empty when they can. */
export function groupProblems(group: readonly ImportRecord[], today: string): string[] {
  const out: string[] = [];
  for (const r of group) {
    const date = str(r.data.published) ?? r.note?.date ?? '';
    const bad = isValidId(r.id) ? versionDateProblem(date, today) : `标识 ${JSON.stringify(r.id)} 不能用作文件名（id must be lowercase letters, digits and hyphens）`;
    if (bad) out.push(`${r.source}: ${bad}`);
  }
  return out;
}

function amendmentOf(r: ImportRecord): Record<string, string> {
  if (r.note?.amendingTitle) return { title: r.note.amendingTitle };
  const docNumber = str(r.data.docNumber);
  return docNumber ? { docNumber } : { title: str(r.data.title) ?? r.id };
}

/** Frontmatter of an earlier version: what the version schema allows, the 公布日期 = file name. */
function versionData(r: ImportRecord, date: string, latestTitle: unknown, first: boolean): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (r.data.title !== latestTitle) d.title = r.data.title;
  for (const k of ['docNumber', 'written'] as const) if (r.data[k] !== undefined) d[k] = r.data[k];
  d.published = date;
  if (r.data.effective !== undefined) d.effective = r.data.effective;
  // the earliest text kept may itself be an amended one: its 题注 names the 决定
  if (!first || r.note?.amendingTitle) d.amendment = amendmentOf(r);
  return d;
}

/**
 * The files of one document with versions (records oldest first, checked by groupProblems). An id
 * or date that could leave the output folder is refused here too, not only by the callers.
 */
export function groupFiles(group: readonly ImportRecord[]): OutputFile[] {
  const latest = group[group.length - 1]!;
  if (!isValidId(latest.id)) throw new Error(`标识 ${JSON.stringify(latest.id)} 不能用作文件名`);
  const files: OutputFile[] = [];
  group.slice(0, -1).forEach((r, i) => {
    const date = str(r.data.published) ?? r.note?.date ?? '';
    if (!isIsoDate(date)) throw new Error(`版本日期 ${JSON.stringify(date)} 不能用作文件名`);
    const data = versionData(r, date, latest.data.title, i === 0);
    const comments = [`由 npm run import --group-versions 从 ${r.source} 导入，是 ${latest.id} 的历史版本，请核对后删除本注释。`];
    if (i > 0 && !r.note?.amendingTitle) comments.push('原文没有写明修改依据：amendment 暂取本版本自己的文号或标题，请按实际修改决定填写。');
    files.push({ rel: `${latest.id}/versions/${date}.md`, kind: 'version', text: renderPolicyFile({ data, comments }, r.body), data });
  });
  const data: Record<string, unknown> = { ...latest.data };
  if (!data.published && latest.note) data.published = latest.note.date;
  data.amendment = amendmentOf(latest);
  const comments = [...latest.comments, `历史版本 ${group.length - 1} 个，在 ${latest.id}/versions/ 中（${group.slice(0, -1).map((r) => r.source).join('、')}）。`];
  if (!latest.note?.amendingTitle) comments.push('原文没有写明修改依据：amendment 暂取本文件自己的文号或标题，请按实际修改决定填写。');
  files.push({ rel: `${latest.id}.md`, kind: 'document', text: renderPolicyFile({ data, comments }, latest.body), data });
  return files;
}

