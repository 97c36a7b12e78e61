/**
 * npm run import -- [options] <files or folders>
 *
 * Legacy .txt (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK; any line ends) and .docx
 * documents → content/policies/<id>.md with frontmatter. Fields are read from the official
 * document layout (src/lib/import/extract.ts); what could not be found is reported, and the
 * result is validated with the same schema as `npm run check`. Existing files are never
 * overwritten without --force.
 */
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { decodeText, type DetectedEncoding } from '../src/lib/import/decode.ts';
import { extractDocument, type OrgRef } from '../src/lib/import/extract.ts';
import { buildPolicyFrontmatter, importId, lineOfKey, renderPolicyFile } from '../src/lib/import/policy.ts';
import { normalizeText } from '../src/lib/import/normalize.ts';
import { indexCode, nextIndexNumber } from '../src/lib/index-number.ts';
import { formatProblem, issuesToProblems, type Problem } from '../src/lib/errors.ts';
import { policySchema, labels as policyLabels } from '../src/schemas/policy.ts';
import { isValidId } from '../src/schemas/fields/common.ts';
import { isIsoDate } from '../src/schemas/fields/dates.ts';
import { parseArgsOrExit, usageError } from './lib/args.ts';
import { readYamlList, scanDocuments } from './lib/content-files.ts';

const HELP = `用法 usage: npm run import -- [选项 options] <文件或目录 files or folders>...

把旧的 .txt（UTF-8、带 BOM 的 UTF-8、GB18030/GBK，Windows 换行均可）和 .docx 公文转为
content/policies/ 下带信息表（frontmatter）的 Markdown 文件。自动识别：标题、发文字号、发文机关、
成文日期、主送机关、附件名称、公开方式；找不到的项目逐条列出。
Converts legacy .txt/.docx documents into policy Markdown files and reports what it could not find.

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
  npm run import -- 旧文件/ --dry-run
退出码 exit code: 0 全部写入（信息表可能仍需补全，见提示）, 1 有文件未导入（读取失败或已存在）, 2 用法错误.`;

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

async function readText(file: string): Promise<{ text: string; encoding: DetectedEncoding | 'DOCX'; warnings: string[] }> {
  const bytes = await readFile(file);
  if (/\.docx$/i.test(file)) {
    const result = await mammoth.extractRawText({ buffer: bytes });
    const warnings = result.messages.map((m) => `docx: ${m.message}`);
    return { text: result.value, encoding: 'DOCX', warnings };
  }
  const d = decodeText(bytes);
  const warnings = d.replacements > 0 ? [`有 ${d.replacements} 个字符无法按 ${d.encoding} 解码，显示为 �（undecodable bytes）：请核对原文编码`] : [];
  return { text: d.text, encoding: d.encoding, warnings };
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
  return path.relative(process.cwd(), p).split(path.sep).join('/') || p;
}

const o = parseOptions(process.argv.slice(2));
const { files, errors } = await listInputs(o.inputs);
for (const e of errors) console.error(`✗ ${e}`);
if (o.id && files.length > 1) fail('--id 只能在导入一个文件时使用 (--id needs exactly one input file)');
const ctx = await loadContext(o.content);
const orgById = new Map(ctx.organizations.map((x) => [x.id, x]));
if (o.issuers) for (const id of o.issuers) if (!orgById.has(id)) fail(`--issuer: 发文机关 "${id}" 不在 ${o.content}/organizations.yaml 中；允许值：${[...orgById.keys()].join('、')}`);
if (o.topic && ctx.topics.length && !ctx.topics.includes(o.topic)) fail(`--topic: 主题分类 "${o.topic}" 不在 ${o.content}/topics.yaml 中；允许值：${ctx.topics.join('、')}`);

let failed = errors.length;
let written = 0;
let incomplete = 0;
for (const file of files) {
  let source;
  try {
    source = await readText(file);
  } catch (e) {
    console.error(`✗ ${file}: 无法读取（cannot read）：${(e as Error).message}`);
    failed++;
    continue;
  }
  const text = normalizeText(source.text);
  const ex = extractDocument(text, { organizations: ctx.organizations });
  const id = o.id ?? importId(ex, text);
  const outFile = path.join(o.out, `${id}.md`);
  const outRel = rel(outFile);

  // 索引号: next serial for the first issuer and the year of the 成文日期 (or 发布日期 / 文号).
  const issuers = o.issuers?.length ? o.issuers : ex.issuers;
  const yearText = (o.published ?? ex.written)?.slice(0, 4) ?? /〔(\d{4})〕/u.exec(ex.docNumber ?? '')?.[1];
  let indexNumber: string | undefined;
  const org = issuers[0] ? orgById.get(issuers[0]) : undefined;
  if (org && yearText) {
    indexNumber = nextIndexNumber(ctx.indexNumbers, indexCode(org), Number(yearText));
  }
  const draft = buildPolicyFrontmatter(ex, {
    ...(indexNumber ? { indexNumber } : {}),
    ...(o.topic ? { topic: o.topic } : {}),
    ...(o.published ? { published: o.published } : {}),
    ...(o.category ? { category: o.category } : {}),
    ...(o.issuers ? { issuers: o.issuers } : {}),
    sourceName: path.basename(file),
  });
  const output = renderPolicyFile(draft, ex.body);

  console.log(`\n${rel(file)}（${source.encoding}）→ ${outRel}`);
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

  // Same schema as npm run check.
  const problems: Problem[] = [];
  const parsed = policySchema.safeParse(draft.data, { reportInput: true });
  if (!parsed.success) {
    problems.push(
      ...issuesToProblems(parsed.error.issues, {
        file: outRel,
        labels: policyLabels,
        lineOf: (p) => lineOfKey(output, String(p[0] ?? '')) ?? 2,
      }),
    );
  }
  for (const p of problems) console.log(`  ${formatProblem(p)}`);
  if (problems.length) incomplete++;

  const exists = await stat(outFile).then(
    () => true,
    () => false,
  );
  if (!exists && ctx.ids.has(id)) {
    // the id is used by another file in content/ (an interpretation, or a policy elsewhere)
    console.log(`  ✗ 标识 "${id}" 已被 ${o.content}/ 中的其他文件使用（duplicate id）：请用 --id 指定其他标识`);
    failed++;
    continue;
  }
  if (exists && !o.force) {
    console.log(`  ✗ ${outRel} 已存在，未覆盖（exists; use --force to overwrite）`);
    failed++;
    continue;
  }
  if (o.dryRun) {
    console.log(`  （--dry-run：未写入 not written）\n${output.split('\n').slice(0, 40).map((l) => `  | ${l}`).join('\n')}`);
    continue;
  }
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, output, 'utf8');
  written++;
  ctx.ids.add(id);
  if (indexNumber) ctx.indexNumbers.add(indexNumber);
  console.log(`  ✓ 已写入 written${exists ? '（覆盖 overwritten）' : ''}`);
}

console.log(
  `\n导入 ${files.length} 个文件：写入 ${written} 个${o.dryRun ? '（--dry-run 未写入）' : ''}，信息表待补全 ${incomplete} 个，未导入 ${failed} 个。` +
    (incomplete ? '\n请按上面的提示补全信息表，然后运行 npm run check。' : ''),
);
process.exit(failed > 0 ? 1 : 0);
