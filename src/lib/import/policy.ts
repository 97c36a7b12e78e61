/**
 * Extracted fields → policy frontmatter (src/schemas/policy.ts field names), the file id, and
 * the Markdown file text with explanatory `#` comments in the frontmatter. Pure.
 */
import { createHash } from 'node:crypto';
import { stringify as stringifyYaml } from 'yaml';
import type { Extracted } from './extract.ts';
import { parseDocNumber } from '../docnumber.ts';

export interface FrontmatterOptions {
  /** 索引号, e.g. from nextIndexNumber() */
  indexNumber?: string;
  /** 主题分类 id (cannot be read from the text) */
  topic?: string;
  /** 发布日期; default: the 成文日期 */
  published?: string;
  category?: '规范性文件' | '其他文件';
  /** issuer ids that override the extracted ones */
  issuers?: string[];
  /** the source file name, for the first comment line */
  sourceName?: string;
}

export interface PolicyDraft {
  /** frontmatter in schema field order; only fields with a value */
  data: Record<string, unknown>;
  /** `# …` comment lines written at the top of the frontmatter */
  comments: string[];
}

export function buildPolicyFrontmatter(ex: Extracted, o: FrontmatterOptions = {}): PolicyDraft {
  const data: Record<string, unknown> = {};
  const comments: string[] = [];
  comments.push(`由 npm run import 从 ${o.sourceName ?? '原文'} 导入，请核对以下各项后删除本注释。`);
  if (ex.title) data.title = ex.title;
  if (ex.docNumber) data.docNumber = ex.docNumber;
  if (ex.docNumberRaw) comments.push(`发文字号原文写作“${ex.docNumberRaw}”，已统一为六角括号〔〕。`);
  const issuers = o.issuers?.length ? o.issuers : ex.issuers;
  if (issuers.length) data.issuers = issuers;
  if (ex.unknownIssuers.length && !o.issuers?.length) {
    comments.push(`发文机关 ${ex.unknownIssuers.join('、')} 不在 organizations.yaml 中：请先添加该机关，再填写 issuers。`);
  }
  if (o.indexNumber) data.indexNumber = o.indexNumber;
  if (o.topic) data.topic = o.topic;
  else comments.push('主题分类无法从原文判断：请填写 topic（topics.yaml 中的 id）。');
  if (ex.docType) data.docType = ex.docType;
  if (o.category) data.category = o.category;
  if (ex.written) data.written = ex.written;
  const published = o.published ?? ex.written;
  if (published) data.published = published;
  if (!o.published && ex.written) comments.push(`原文仅有落款日期（${ex.writtenRaw ?? ex.written}），发布日期暂取成文日期，请按实际发布日期修改。`);
  if (!published) comments.push('原文没有日期：请填写成文日期 written 和发布日期 published。');
  if (ex.attachments.length) {
    comments.push(`原文列有附件：${ex.attachments.join('；')}。附件文件到手后放到 public/ 下并填写 attachments。`);
  }
  if (ex.openness) data.openness = ex.openness;
  for (const note of ex.notes) comments.push(note);
  return { data, comments };
}

/** 8 hex digits of a SHA-1 over the text (whitespace removed), for stable import ids. */
export function textHash(text: string, length = 6): string {
  return createHash('sha1').update(text.replace(/\s+/g, ''), 'utf8').digest('hex').slice(0, length);
}

/**
 * ASCII id for an imported file: `imp-2016-0518-<hash6>` (成文日期), `imp-2009-<hash6>` (only the
 * year of the 文号 known), `imp-<hash6>` otherwise.
 */
export function importId(ex: Pick<Extracted, 'written' | 'docNumber'>, text: string): string {
  const hash = textHash(text);
  if (ex.written) return `imp-${ex.written.slice(0, 4)}-${ex.written.slice(5, 7)}${ex.written.slice(8, 10)}-${hash}`;
  const year = ex.docNumber ? parseDocNumber(ex.docNumber)?.year : undefined;
  return year ? `imp-${year}-${hash}` : `imp-${hash}`;
}

/** A comment line: every line break (YAML 1.2 ends lines at LF and CR) and control character becomes a space. */
function commentLine(c: string): string {
  return `# ${c.replace(/[\x00-\x1F\x7F-\x9F\u2028\u2029\uFEFF]/g, ' ')}`;
}

/**
 * The Markdown file: YAML 1.2 frontmatter (the `yaml` package, the parser npm run check uses)
 * with the comments on top, then the body. Strings that would read back as something else
 * (`---`, `: `, `#`, `{{`, line breaks, numbers, booleans) are quoted by the serializer.
 */
export function renderPolicyFile(draft: PolicyDraft, body: string): string {
  const yaml = stringifyYaml(draft.data, { lineWidth: 0, minContentWidth: 0 });
  const comments = draft.comments.map(commentLine).join('\n');
  return `---\n${comments ? `${comments}\n` : ''}${yaml}---\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** 1-based line of a top-level key in a rendered file (for problem messages). */
export function lineOfKey(fileText: string, key: string): number | undefined {
  const lines = fileText.split('\n');
  const end = lines.indexOf('---', 1);
  for (let i = 1; i < (end === -1 ? lines.length : end); i++) if (lines[i]!.startsWith(`${key}:`)) return i + 1;
  return undefined;
}
