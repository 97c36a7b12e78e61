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
 * written. Existing files are never overwritten without --force.
 */
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, type DetectedEncoding } from '../src/lib/import/decode.ts';
import { extractDocxText } from '../src/lib/import/docx.ts';
import { extractDocument, type OrgRef } from '../src/lib/import/extract.ts';
import { checkExtractedText, checkFileSize, checkOutputSize, DOCX_MAX_FILE_BYTES, ImportRefusal, MAX_TXT_BYTES, refuse } from '../src/lib/import/guards.ts';
import { brokenCharacters } from '../src/lib/import/plausible.ts';
import { buildPolicyFrontmatter, importId, renderPolicyFile } from '../src/lib/import/policy.ts';
import { normalizeText } from '../src/lib/import/normalize.ts';
import { validatePolicyOutput } from '../src/lib/import/validate-output.ts';
import { indexCode, nextIndexNumber } from '../src/lib/index-number.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { parseDocNumber } from '../src/lib/docnumber.ts';
import { isValidId } from '../src/schemas/fields/common.ts';
import { isIsoDate } from '../src/schemas/fields/dates.ts';
import { parseArgsOrExit, usageError } from './lib/args.ts';
import { readYamlList, scanDocuments } from './lib/content-files.ts';

const HELP = `用法 usage: npm run import -- [选项 options] <文件或目录 files or folders>...

把旧的 .txt（UTF-8、UTF-16、GB18030/GBK/GB2312、Big5，带不带 BOM、Windows 换行均可）和 .docx 公文
转为 content/policies/ 下带信息表（frontmatter）的 Markdown 文件。自动识别：标题、发文字号、发文机关、
成文日期、主送机关、附件名称、公开方式；找不到的项目逐条列出。
Converts legacy .txt/.docx documents into policy Markdown files and reports what it could not find.

拒绝导入（不写文件）refused, nothing written: 空文件；无法可靠识别的编码（如日文 Shift-JIS、韩文 EUC-KR、
俄文 KOI8-R、二进制文件，请另存为 UTF-8）；不是 zip 的 .docx、解压后超过上限的 .docx；
生成的文件不能通过 npm run check 时（缺主题分类、发文机关、日期等：用 --topic、--issuer、--published 补全）。

选项 options:
  --out <目录>          写入目录（默认 content/policies）output folder
  --content <目录>      内容目录，读取 organizations.yaml、topics.yaml 和已有索引号（默认 content）
  --id <标识>           文件标识（只导入一个文件时可用；默认 imp-<成文日期>-<6位校验码>）
  --topic <id>          主题分类 id（原文中无法判断），如 zwgk
  --issuer <id,id>      指定发文机关 id（覆盖自动识别）
  --published <日期>    发布日期 YYYY-MM-DD（默认取成文日期）
  --category <类别>     规范性文件 或 其他文件
  --force               覆盖已存在的文件 overwrite existing files
  --dry-run             只显示结果，不写文件 show, do not write
  --help                显示本帮助

示例 examples:
  npm run import -- 旧文件/2016年工作要点.txt --topic zwgk
  npm run import -- 旧文件/ --topic zwgk --dry-run
退出码 exit code: 0 全部写入（--dry-run：全部可写入）all written, 1 有文件未导入（被拒绝、信息表不完整或已存在）some not imported, 2 用法错误 usage error.`;

function fail(msg: string): never {
  return usageError(HELP, msg);
}

interface Options {
  out: string;
  content: string;
  id?: string;
  topic?: string;
  issuers?: string[];
  published?: string;
  category?: '规范性文件' | '其他文件';
  force: boolean;
  dryRun: boolean;
  inputs: string[];
}

const ARGS = {
  values: {
    '--out': null,
    '--content': null,
    '--id': (v: string) => (isValidId(v) ? undefined : `--id 只能包含小写英文字母、数字和连字符: ${v}`),
    '--topic': null,
    '--issuer': null,
    '--published': (v: string) => (isIsoDate(v) ? undefined : `--published 应为 YYYY-MM-DD: ${v}`),
    '--category': (v: string) => (v === '规范性文件' || v === '其他文件' ? undefined : `--category 只能是 规范性文件 或 其他文件: ${v}`),
  },
  flags: ['--force', '--dry-run'],
  positionals: true,
};

function parseOptions(argv: string[]): Options {
  const { values: v, flags, positionals } = parseArgsOrExit(argv, ARGS, HELP);
  const o: Options = { out: v['--out'] ?? 'content/policies', content: v['--content'] ?? 'content', force: flags.has('--force'), dryRun: flags.has('--dry-run'), inputs: positionals };
  if (v['--id'] !== undefined) o.id = v['--id'];
  if (v['--topic'] !== undefined) o.topic = v['--topic'];
  if (v['--issuer'] !== undefined) o.issuers = v['--issuer'].split(/[,，、\s]+/).filter(Boolean);
  if (v['--published'] !== undefined) o.published = v['--published'];
  if (v['--category'] !== undefined) o.category = v['--category'] as '规范性文件' | '其他文件';
  if (!o.inputs.length) fail('请指定要导入的文件或目录 no input files');
  return o;
}

const SUPPORTED = /\.(txt|docx)$/i;

async function listInputs(inputs: string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      errors.push(`${input}: 文件或目录不存在（not found）`);
      continue;
    }
    if (st.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && SUPPORTED.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.'))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      if (!found.length) errors.push(`${input}: 目录中没有 .txt 或 .docx 文件（no .txt/.docx files）`);
      files.push(...found);
    } else if (SUPPORTED.test(input)) files.push(input);
    else if (/\.(doc|wps)$/i.test(input)) errors.push(`${input}: 不支持旧版 .doc/.wps，请在 Word/WPS 中另存为 .docx（.doc not supported: save as .docx）`);
    else errors.push(`${input}: 只支持 .txt 和 .docx（unsupported file type）`);
  }
  return { files, errors };
}

type Source = { text: string; encoding: DetectedEncoding | 'DOCX'; warnings: string[] };

/** The text of one input, or an ImportRefusal: too large, empty, unidentifiable encoding, bad .docx. */
async function readText(file: string): Promise<Source> {
  const docx = /\.docx$/i.test(file);
  checkFileSize((await stat(file)).size, docx ? DOCX_MAX_FILE_BYTES : MAX_TXT_BYTES, docx ? '.docx' : '.txt');
  const bytes = await readFile(file);
  if (bytes.length === 0) refuse('文件为空（0 字节），未导入（empty file）');
  let source: Source;
  if (docx) {
    source = { ...(await extractDocxText(bytes)), encoding: 'DOCX' };
    const broken = brokenCharacters(source.text);
    if (broken) refuse(`.docx 的文字含 ${broken.count} 个替换字符或控制字符（${broken.examples.join('、')}）：原文已损坏（replacement or control characters）`);
  } else {
    const d = decodeText(bytes);
    source = { text: d.text, encoding: d.encoding, warnings: d.confidence < 100 ? [`编码按 ${d.encoding} 识别，可信度 ${d.confidence}%：请核对标题和正文是否有乱码`] : [] };
  }
  checkExtractedText(source.text, docx ? '.docx 中' : '文件中');
  return source;
}

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

/** A file name as printed: control characters (terminal escapes, line breaks) shown as \u{…}. */
function shown(name: string): string {
  return name.replace(/[\x00-\x1F\x7F-\x9F\u2028\u2029]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

type Context = Awaited<ReturnType<typeof loadContext>>;

interface Prepared {
  id: string;
  outFile: string;
  output: string;
  data: Record<string, unknown>;
  indexNumber?: string;
}

/** Fields, frontmatter and the Markdown text of one decoded document; prints what was found. */
function prepare(file: string, source: Source, ctx: Context, orgById: Map<string, OrgRef>): Prepared {
  const text = normalizeText(source.text);
  const ex = extractDocument(text, { organizations: ctx.organizations });
  const id = o.id ?? importId(ex, text);
  const outFile = path.join(o.out, `${id}.md`);
  // 索引号: next serial for the first issuer and the year of the 成文日期 (or 发布日期 / 文号).
  const issuers = o.issuers?.length ? o.issuers : ex.issuers;
  const yearText = (o.published ?? ex.written)?.slice(0, 4) ?? (ex.docNumber ? parseDocNumber(ex.docNumber)?.year : undefined);
  const org = issuers[0] ? orgById.get(issuers[0]) : undefined;
  const indexNumber = org && yearText ? nextIndexNumber(ctx.indexNumbers, indexCode(org), Number(yearText)) : undefined;
  const draft = buildPolicyFrontmatter(ex, {
    ...(indexNumber ? { indexNumber } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.published ? { published: o.published } : {}),
    ...(o.category ? { category: o.category } : {}),
    ...(o.issuers ? { issuers: o.issuers } : {}),
    sourceName: path.basename(file),
  });
  const output = renderPolicyFile(draft, ex.body);

  console.log(`\n${rel(file)}（${source.encoding}）→ ${rel(outFile)}`);
  const show = (label: string, v: string | undefined) => console.log(`  ${label}: ${v ?? '（未找到 not found）'}`);
  show('标题 title', ex.title);
  show('发文字号 docNumber', ex.docNumber);
  show('发文机关 issuers', issuers.length ? issuers.map((i) => `${i}（${orgById.get(i)?.name ?? '?'}）`).join('、') : ex.unknownIssuers.join('、') || undefined);
  show('成文日期 written', ex.written);
  show('主送机关 recipients', ex.recipients);
  console.log(`  附件 attachments: ${ex.attachments.length ? ex.attachments.join('；') : '（无 none）'}`);
  if (indexNumber) show('索引号 indexNumber', indexNumber);
  for (const w of source.warnings) console.log(`  ! ${w}`);
  for (const m of ex.missing) if (!(m.field === 'issuers' && o.issuers?.length)) console.log(`  未找到 not found ${m.field}（${m.label}）: ${m.reason}`);
  for (const n of ex.notes) console.log(`  注意 note: ${n}`);
  return { id, outFile, output, data: draft.data, ...(indexNumber ? { indexNumber } : {}) };
}

/** Refusal, problem or clash that keeps a prepared file from being written; undefined when it may be. */
async function blocker(p: Prepared, ctx: Context): Promise<string | undefined> {
  checkOutputSize(p.output);
  // Exactly what npm run check would say about this text at this path.
  const problems = validatePolicyOutput(p.output, rel(p.outFile), {
    organizations: new Set(ctx.organizations.map((x) => x.id)),
    topics: new Set(ctx.topics),
    expected: p.data,
  });
  for (const pr of problems) console.log(`  ${formatProblem(pr)}`);
  // warnings pass check (they are printed); only errors keep the file from being written
  const errors = problems.filter((x) => x.severity === 'error');
  if (errors.length) {
    return `有 ${errors.length} 个问题，npm run check 不会通过，未写入（not written: would fail npm run check）：请用 --topic、--issuer、--published 补全，或先在 organizations.yaml 中添加发文机关，再重新导入`;
  }
  const exists = await stat(p.outFile).then(() => true, () => false);
  // the id is used by another file in content/ (an interpretation, or a policy elsewhere)
  if (!exists && ctx.ids.has(p.id)) return `标识 "${p.id}" 已被 ${o.content}/ 中的其他文件使用（duplicate id）：请用 --id 指定其他标识`;
  if (exists && !o.force) return `${rel(p.outFile)} 已存在，未覆盖（exists; use --force to overwrite）`;
  return undefined;
}

/** One input: read, convert, check, write. */
async function importFile(file: string, ctx: Context, orgById: Map<string, OrgRef>): Promise<'written' | 'ready' | 'failed'> {
  let p: Prepared;
  try {
    p = prepare(file, await readText(file), ctx, orgById);
    const why = await blocker(p, ctx);
    if (why) {
      console.log(`  ✗ ${why}`);
      return 'failed';
    }
  } catch (e) {
    // messages may quote zip entry names or library errors: no terminal escapes
    if (e instanceof ImportRefusal) console.error(`✗ ${rel(file)}: ${shown(e.message)}`);
    else console.error(`✗ ${rel(file)}: 无法读取（cannot read）：${shown((e as Error).message.split('\n')[0] ?? '')}`);
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

const o = parseOptions(process.argv.slice(2));
const { files, errors } = await listInputs(o.inputs);
for (const e of errors) console.error(`✗ ${shown(e)}`);
if (o.id && files.length > 1) fail('--id 只能在导入一个文件时使用 (--id needs exactly one input file)');
const ctx = await loadContext(o.content);
const orgById = new Map(ctx.organizations.map((x) => [x.id, x]));
if (o.issuers) for (const id of o.issuers) if (!orgById.has(id)) fail(`--issuer: 发文机关 "${id}" 不在 ${o.content}/organizations.yaml 中；允许值：${[...orgById.keys()].join('、')}`);
if (o.topic && ctx.topics.length && !ctx.topics.includes(o.topic)) fail(`--topic: 主题分类 "${o.topic}" 不在 ${o.content}/topics.yaml 中；允许值：${ctx.topics.join('、')}`);

const counts = { written: 0, ready: 0, failed: errors.length };
for (const file of files) counts[await importFile(file, ctx, orgById)]++;
console.log(
  `\n导入 ${files.length} 个文件：写入 ${counts.written} 个${o.dryRun ? `（--dry-run 未写入，可写入 ${counts.ready} 个）` : ''}，未导入 ${counts.failed} 个。` +
    (counts.failed ? '\n未导入的文件见上面 ✗ 所在行的原因。' : '\n写入后可运行 npm run check 复核。'),
);
process.exit(counts.failed > 0 ? 1 : 0);
