/**
 * One JSON-lines row ({id, title, docNumber, issuer, written, published, topic, body}) as a
 * policy: unknown keys and hidden characters are errors, the issuer and dates fall back (warnings
 * when lenient), and the row is validated as the frontmatter it stands for.
 */
import type { DraftRef, Organization, Policy, Topic } from '../../lib/model.ts';
import { nearest, type Labels, type Problem } from '../../lib/errors.ts';
import { policySchema, labels as policyLabels, toPolicy } from '../../schemas/policy.ts';
import { hiddenCharacter } from '../../schemas/fields/common.ts';
import { compact, validate } from '../files.ts';
import { inferDocType, UNKNOWN_ISSUER } from './jsonl-names.ts';
import type { ResolvedOptions } from './options.ts';

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
export interface JsonlScan {
  o: ResolvedOptions;
  rel: string;
  soft: Problem['severity'];
  orgFor: (name: string) => Organization;
  topicFor: (name: string) => Topic;
  serials: Map<string, number>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** One JSON-lines row: a policy, a scheduled document, or only problems. */
export function readRow(scan: JsonlScan, text: string, lineNo: number): { policy?: Policy; draft?: DraftRef; problems: Problem[] } {
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
    ...toPolicy(d, d.id!, source, row.body, 'text'),
    published: dates.undated ? '' : d.published,
    undated: dates.undated ? true : undefined,
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
