/**
 * npm run import -- [options] <files or folders>
 *
 * Legacy .txt (UTF-8 with or without BOM, UTF-16 with or without BOM, GB18030/GBK/GB2312, Big5;
 * any line ends) and .docx documents → content/policies/<id>.md with frontmatter. Fields are read
 * from the official document layout (src/lib/import/extract.ts); what could not be found is
 * reported. Imported files are untrusted: an empty file, an encoding that cannot be identified
 * with confidence, a .docx that is not a zip or inflates past the caps (src/lib/import/guards.ts)
 * is refused with one line naming the file, and the exact text about to be written is checked
 * like `npm run check` does (src/lib/import/validate-output.ts): a file that would fail is not
 * written. Existing files are never overwritten without --force. A .jsonl export (one
 * {id, title, docNumber, issuer, written, published, topic, body} a line, as build:corpus reads)
 * gives one record a line (src/lib/import/export-row.ts). --group-versions writes records that
 * are versions of one document as <id>.md + <id>/versions/<date>.md (scripts/lib/import/grouped.ts).
 */
import { stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument, type OrgRef } from '../src/lib/import/extract.ts';
import { ImportRefusal } from '../src/lib/import/guards.ts';
import { buildPolicyFrontmatter, importId, renderPolicyFile } from '../src/lib/import/policy.ts';
import { normalizeText } from '../src/lib/import/normalize.ts';
import type { ImportRecord } from '../src/lib/import/versions.ts';
import { revisionNote } from '../src/lib/version-grouping.ts';
import { indexCode, nextIndexNumber } from '../src/lib/index-number.ts';
import { parseDocNumber } from '../src/lib/docnumber.ts';
import { buildDate } from '../src/lib/validity.ts';
import { readYamlList, scanDocuments } from './lib/content-files.ts';
import { readExportFile } from './lib/import/export-file.ts';
import type { RowContext } from '../src/lib/import/export-row.ts';
import { importGrouped, type Outcome } from './lib/import/grouped.ts';
import { listInputs, readText, type Source } from './lib/import/inputs.ts';
import { shown } from '../src/lib/import/shown.ts';
import { claimId, type IdSources } from '../src/lib/import/claim-id.ts';
import { blockers, type WriteContext } from './lib/import/prewrite.ts';
import { fail, parseOptions } from './lib/import/options.ts';

async function loadContext(contentDir: string): Promise<{ organizations: OrgRef[]; topics: string[]; indexNumbers: Set<string>; ids: Set<string> }> {
  const organizations = (await readYamlList(path.join(contentDir, 'organizations.yaml'))).filter(
    (o): o is OrgRef => typeof o === 'object' && o !== null && typeof (o as OrgRef).id === 'string' && typeof (o as OrgRef).name === 'string',
  );
  const topics = (await readYamlList(path.join(contentDir, 'topics.yaml'))).map((t) => (t as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
  const indexNumbers = new Set<string>();
  const ids = new Set<string>();
  for (const { name, data } of await scanDocuments(contentDir)) {
    ids.add(name.replace(/\.mdx?$/i, ''));
    if (typeof data.indexNumber === 'string') indexNumbers.add(data.indexNumber);
    if (typeof data.id === 'string') ids.add(data.id);
  }
  return { organizations, topics, indexNumbers, ids };
}

function rel(p: string): string {
  return shown(path.relative(process.cwd(), p).split(path.sep).join('/') || p);
}

type Context = Awaited<ReturnType<typeof loadContext>>;

interface Prepared {
  id: string;
  outFile: string;
  output: string;
  data: Record<string, unknown>;
  indexNumber?: string;
  /** the same, as a record --group-versions can merge */
  record: ImportRecord;
}

/** Fields, frontmatter and the Markdown text of one decoded document; prints what was found. */
function prepare(file: string, source: Source, ctx: Context, orgById: Map<string, OrgRef>): Prepared {
  const text = normalizeText(source.text);
  const ex = extractDocument(text, { organizations: ctx.organizations });
  const id = o.id ?? importId(ex, text);
  const outFile = path.join(o.out, `${id}.md`);
  // 索引号: next serial for the first issuer and the year of the 成文日期 (or 发布日期 / 文号).
  const issuers = o.issuers?.length ? o.issuers : ex.issuers;
  // a law's 题注 dates its text (the last 修正/修订) when there is no 落款 date
  const note = revisionNote(text);
  const published = o.published ?? (ex.written ? undefined : note?.date);
  const yearText = (published ?? ex.written)?.slice(0, 4) ?? (ex.docNumber ? parseDocNumber(ex.docNumber)?.year : undefined);
  const org = issuers[0] ? orgById.get(issuers[0]) : undefined;
  const indexNumber = org && yearText ? nextIndexNumber(ctx.indexNumbers, indexCode(org), Number(yearText)) : undefined;
  const draft = buildPolicyFrontmatter(ex, {
    ...(indexNumber ? { indexNumber } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(published ? { published } : {}),
    ...(o.category ? { category: o.category } : {}),
    ...(o.issuers ? { issuers: o.issuers } : {}),
    sourceName: path.basename(file),
  });
  if (published && !o.published) draft.comments.push(`原文没有落款日期，发布日期取题注中最后一次修正/修订的日期 ${published}，请核对。`);
  const output = renderPolicyFile(draft, ex.body);

  console.log(`\n${rel(file)}（${source.encoding}）→ ${rel(outFile)}`);
  // every value comes from the untrusted file: no terminal escapes
  const show = (label: string, v: string | undefined) => console.log(`  ${label}: ${v === undefined ? '（未找到 not found）' : shown(v)}`);
  show('标题 title', ex.title);
  show('发文字号 docNumber', ex.docNumber);
  show('发文机关 issuers', issuers.length ? issuers.map((i) => `${i}（${orgById.get(i)?.name ?? '?'}）`).join('、') : ex.unknownIssuers.join('、') || undefined);
  show('成文日期 written', ex.written);
  show('主送机关 recipients', ex.recipients);
  console.log(`  附件 attachments: ${ex.attachments.length ? shown(ex.attachments.join('；')) : '（无 none）'}`);
  if (indexNumber) show('索引号 indexNumber', indexNumber);
  for (const w of source.warnings) console.log(`  ! ${shown(w)}`);
  for (const m of ex.missing) if (!(m.field === 'issuers' && o.issuers?.length)) console.log(`  未找到 not found ${m.field}（${m.label}）: ${shown(m.reason)}`);
  for (const n of ex.notes) console.log(`  注意 note: ${shown(n)}`);
  const record: ImportRecord = { id, source: rel(file), data: draft.data, comments: draft.comments, body: ex.body, ...(note ? { note } : {}) };
  return { id, outFile, output, data: draft.data, ...(indexNumber ? { indexNumber } : {}), record };
}

/** What the one pre-write check (scripts/lib/import/prewrite.ts) needs, for single and grouped documents alike. */
function writeContext(ctx: Context): WriteContext {
  return {
    out: o.out, content: o.content, force: o.force, today: buildDate(), rel, ids: ctx.ids,
    organizations: new Set(ctx.organizations.map((x) => x.id)), topics: new Set(ctx.topics),
  };
}

/** A refusal or read error of one input, printed on one line (messages may quote zip entry names or library errors: no terminal escapes). */
function printFailure(source: string, e: unknown): void {
  if (e instanceof ImportRefusal) console.error(`✗ ${source}: ${shown(e.message)}`);
  else console.error(`✗ ${source}: 无法读取（cannot read）：${shown((e as Error).message.split('\n')[0] ?? '')}`);
}

/** An export row as a prepared file. */
function fromRecord(r: ImportRecord): Prepared {
  const output = renderPolicyFile({ data: r.data, comments: r.comments }, r.body);
  const indexNumber = typeof r.data.indexNumber === 'string' ? r.data.indexNumber : undefined;
  return { id: r.id, outFile: path.join(o.out, `${r.id}.md`), output, data: r.data, ...(indexNumber ? { indexNumber } : {}), record: r };
}

function rowContext(ctx: Context, orgById: Map<string, OrgRef>): RowContext {
  const indexNumber = (issuer: string, year: number): string | undefined => {
    const org = orgById.get(issuer);
    if (!org) return undefined;
    // taken now: every row of the export is read before the first is written
    const n = nextIndexNumber(ctx.indexNumbers, indexCode(org), year);
    ctx.indexNumbers.add(n);
    return n;
  };
  return { organizations: ctx.organizations, topics: new Set(ctx.topics), indexNumber, ...(o.topic ? { topic: o.topic } : {}), ...(o.issuers ? { issuers: o.issuers } : {}), ...(o.category ? { category: o.category } : {}) };
}

/** One input read into prepared files: a .txt/.docx is one, a .jsonl one a line; an id another record of this run has is refused. */
async function readInput(file: string, ctx: Context, orgById: Map<string, OrgRef>, ids: IdSources): Promise<{ prepared: Prepared[]; failed: number }> {
  try {
    if (/\.jsonl$/i.test(file)) {
      const r = await readExportFile(file, rel(file), rowContext(ctx, orgById), ids);
      return { prepared: r.records.map(fromRecord), failed: r.failed };
    }
    const p = prepare(file, await readText(file), ctx, orgById);
    const taken = claimId(ids, p.id, rel(file));
    if (taken) console.error(`✗ ${rel(file)}: ${taken}`);
    return taken ? { prepared: [], failed: 1 } : { prepared: [p], failed: 0 };
  } catch (e) {
    printFailure(rel(file), e);
    return { prepared: [], failed: 1 };
  }
}

/** One prepared file: check, write (or show, --dry-run). */
async function emit(p: Prepared, ctx: Context, w: WriteContext): Promise<Outcome> {
  try {
    const why = await blockers(w, [{ rel: `${p.id}.md`, kind: 'document', text: p.output, data: p.data }], p.id);
    if (why.lines.length) {
      for (const line of why.lines) console.log(line);
      console.log(why.checkErrors
        ? `  ✗ 有 ${why.checkErrors} 个问题，npm run check 不会通过，未写入（not written: would fail npm run check）：请用 --topic、--issuer、--published 补全，或先在 organizations.yaml 中添加发文机关，再重新导入`
        : '  ✗ 未写入（not written）');
      return 'failed';
    }
  } catch (e) {
    printFailure(p.record.source, e);
    return 'failed';
  }
  if (o.dryRun) {
    console.log(`  （--dry-run：未写入 not written）\n${p.output.split('\n').slice(0, 40).map((l) => `  | ${l}`).join('\n')}`);
    return 'ready';
  }
  const overwrite = await stat(p.outFile).then(() => true, () => false);
  await mkdir(path.dirname(p.outFile), { recursive: true });
  await writeFile(p.outFile, p.output, 'utf8');
  ctx.ids.add(p.id);
  if (p.indexNumber) ctx.indexNumbers.add(p.indexNumber);
  console.log(`  ✓ 已写入 written${overwrite ? '（覆盖 overwritten）' : ''}`);
  return 'written';
}

/** Every input read before anything is written: each 索引号 reserved, each id taken once across all inputs. */
async function readAll(ctx: Context, orgById: Map<string, OrgRef>): Promise<{ all: Prepared[]; failed: number }> {
  const all: Prepared[] = [];
  const ids: IdSources = new Map();
  let failed = 0;
  for (const file of files) {
    const r = await readInput(file, ctx, orgById, ids);
    for (const p of r.prepared) if (p.indexNumber) ctx.indexNumbers.add(p.indexNumber);
    all.push(...r.prepared);
    failed += r.failed;
  }
  return { all, failed };
}

async function importAll(ctx: Context, orgById: Map<string, OrgRef>): Promise<{ outcomes: Outcome[]; failed: number }> {
  const { all, failed } = await readAll(ctx, orgById);
  const w = writeContext(ctx);
  const outcomes: Outcome[] = [];
  if (o.groupVersions) {
    // --group-versions: records that are versions of one document (scripts/lib/import/grouped.ts)
    const byRecord = new Map(all.map((p) => [p.record, p]));
    outcomes.push(...(await importGrouped({ ...w, dryRun: o.dryRun, single: (r) => emit(byRecord.get(r)!, ctx, w) }, all.map((p) => p.record))));
  } else for (const p of all) outcomes.push(await emit(p, ctx, w));
  return { outcomes, failed };
}
const o = parseOptions(process.argv.slice(2));
const { files, errors } = await listInputs(o.inputs);
for (const e of errors) console.error(`✗ ${shown(e)}`);
if (o.id && files.length > 1) fail('--id 只能在导入一个文件时使用 (--id needs exactly one input file)');
if (o.id && files.some((f) => /\.jsonl$/i.test(f))) fail('--id 不能用于 .jsonl：每行的 id 就是文件标识 (--id cannot be used with a .jsonl export)');
const ctx = await loadContext(o.content);
const orgById = new Map(ctx.organizations.map((x) => [x.id, x]));
if (o.issuers) for (const id of o.issuers) if (!orgById.has(id)) fail(`--issuer: 发文机关 "${id}" 不在 ${o.content}/organizations.yaml 中；允许值：${[...orgById.keys()].join('、')}`);
if (o.topic && ctx.topics.length && !ctx.topics.includes(o.topic)) fail(`--topic: 主题分类 "${o.topic}" 不在 ${o.content}/topics.yaml 中；允许值：${ctx.topics.join('、')}`);

const { outcomes, failed } = await importAll(ctx, orgById);
const counts = { written: 0, ready: 0, failed: errors.length + failed };
for (const x of outcomes) counts[x]++;
const records = outcomes.length + failed;
console.log(
  `\n导入 ${files.length} 个文件${records === files.length ? '' : `（${records} 条记录 records）`}：写入 ${counts.written} 个${o.dryRun ? `（--dry-run 未写入，可写入 ${counts.ready} 个）` : ''}，未导入 ${counts.failed} 个。` +
    (counts.failed ? '\n未导入的文件见上面 ✗ 所在行的原因。' : '\n写入后可运行 npm run check 复核。'),
);
process.exit(counts.failed > 0 ? 1 : 0);
