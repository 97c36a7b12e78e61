/**
 * One line of a JSON-lines export (`{id, title, docNumber, issuer, written, published, topic,
 * body}`, the shape of build:corpus input and of ../shared/corpus/policies.jsonl) → an import
 * record (src/lib/import/versions.ts). The row is untrusted: its id becomes a file name and its
 * dates may become version file names, so an id that is not lowercase letters, digits and
 * hyphens (`../x`, `/etc/x`, a NUL) and a date that is not YYYY-MM-DD are refused with the
 * line, the field and the value (control characters escaped). Issuers are matched against
 * organizations.yaml names and never invented. Pure.
 */
import { isValidId } from '../../schemas/fields/common.ts';
import { isIsoDate } from '../../schemas/fields/dates.ts';
import { revisionNote } from '../version-grouping.ts';
import type { OrgRef } from './extract.ts';
import { matchIssuers } from './issuers.ts';
import { toLines } from './layout.ts';
import { normalizeText } from './normalize.ts';
import { renderBody } from './render-body.ts';
import type { ImportRecord } from './versions.ts';
import { quoted } from './shown.ts';

export interface RowContext {
  organizations: readonly OrgRef[];
  /** topic ids of topics.yaml: a row's own topic is used when it is one of them */
  topics: ReadonlySet<string>;
  /** --topic, --issuer, --category */
  topic?: string;
  issuers?: string[];
  category?: '规范性文件' | '其他文件';
  /** 索引号 for the first issuer and year, when one can be given */
  indexNumber: (issuer: string, year: number) => string | undefined;
}

export type RowRead = { record: ImportRecord; notes: string[] } | { error: string };

function field(row: Record<string, unknown>, key: string): string | undefined | { bad: unknown } {
  const v = row[key];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v.trim() || undefined : { bad: v };
}

/** The row's strings, or the first field that is unusable. */
type Fields = { [k in 'id' | 'title' | 'docNumber' | 'issuer' | 'written' | 'published' | 'topic' | 'body']?: string };

function readFields(row: Record<string, unknown>): { fields: Fields } | { error: string } {
  const out: Fields = {};
  for (const key of ['id', 'title', 'docNumber', 'issuer', 'written', 'published', 'topic', 'body'] as const) {
    const v = field(row, key);
    if (typeof v === 'object') return { error: `${key}: 应为字符串（must be a string），实为 ${quoted(v.bad)}` };
    out[key] = v;
  }
  if (!out.id) return { error: 'id: 缺少标识（missing id）' };
  if (!isValidId(out.id)) return { error: `id: 标识 ${quoted(out.id)} 不能用作文件名：只能包含小写英文字母、数字和连字符（allowed: a-z 0-9 -）` };
  for (const key of ['written', 'published'] as const) {
    if (out[key] !== undefined && !isIsoDate(out[key]!)) return { error: `${key}: 日期 ${quoted(out[key])} 不是 YYYY-MM-DD（allowed: YYYY-MM-DD or null）` };
  }
  if (!out.title) return { error: 'title: 缺少标题（missing title）' };
  if (!out.body) return { error: 'body: 缺少正文（missing body）' };
  return { fields: out };
}

/** One line of the export; `where` is file:line for messages. */
export function readExportRow(line: string, where: string, ctx: RowContext): RowRead {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return { error: `不是 JSON（not JSON）：${(e as Error).message}` };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { error: '每行应为一个 JSON 对象（each line must be a JSON object）' };
  const read = readFields(row as Record<string, unknown>);
  if ('error' in read) return read;
  const f = read.fields;
  const notes: string[] = [];
  const text = normalizeText(f.body!);
  const note = revisionNote(text);
  const matched = f.issuer ? matchIssuers(f.issuer, ctx.organizations) : { ids: [], unknown: [] };
  const issuers = ctx.issuers?.length ? ctx.issuers : matched.ids;
  if (!ctx.issuers?.length && !issuers.length) notes.push(`发文机关 ${quoted(f.issuer ?? null)} 不在 organizations.yaml 中（unknown organization）：请先添加，或用 --issuer 指定`);
  const published = f.published ?? note?.date ?? f.written;
  const comments = [`由 npm run import 从 ${where}（id ${f.id}）导入，请核对以下各项后删除本注释。`];
  if (!f.published && published) comments.push(note && published === note.date ? `原文没有发布日期，取题注中最后一次修正/修订的日期 ${published}。` : `原文没有发布日期，暂取成文日期 ${published}。`);
  const topic = ctx.topic ?? (f.topic && ctx.topics.has(f.topic) ? f.topic : undefined);
  if (!topic) notes.push(`主题分类 ${quoted(f.topic ?? null)} 不在 topics.yaml 中：请用 --topic 指定`);
  const year = (f.written ?? published)?.slice(0, 4);
  const indexNumber = issuers[0] && year ? ctx.indexNumber(issuers[0], Number(year)) : undefined;
  const data: Record<string, unknown> = { title: f.title };
  if (f.docNumber) data.docNumber = f.docNumber;
  if (issuers.length) data.issuers = issuers;
  if (indexNumber) data.indexNumber = indexNumber;
  if (topic) data.topic = topic;
  if (ctx.category) data.category = ctx.category;
  if (f.written) data.written = f.written;
  if (published) data.published = published;
  const record: ImportRecord = { id: f.id!, source: where, data, comments, body: renderBody(toLines(text), -1) };
  if (note) record.note = note;
  return { record, notes };
}
