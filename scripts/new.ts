/**
 * npm run new -- policy --title … --issuer <org id> [options]
 * npm run new -- interpretation --interprets <policy id> --title … [options]
 *
 * Scaffolds a content file that passes `npm run check`: the next 索引号 for the issuer and year
 * (src/lib/index-number.ts), 公文种类 from the title, today's date (Asia/Shanghai) unless
 * --date is given. Never overwrites an existing file.
 */
import { stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { stringifyFrontmatter } from '../src/lib/frontmatter.ts';
import { collectSite } from '../src/content/load.ts';
import { inferDocType } from '../src/content/load.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { indexCode, nextIndexNumber, parseIndexNumber } from '../src/lib/index-number.ts';
import { INTERPRETATION_FORMS, type InterpretationForm } from '../src/lib/model.ts';
import { buildDate } from '../src/lib/validity.ts';
import { isValidId } from '../src/schemas/fields/common.ts';
import { isIsoDate } from '../src/schemas/fields/dates.ts';
import { parseDocNumber } from '../src/lib/docnumber.ts';
import { parseArgsOrExit, usageError } from './lib/args.ts';
import { readYamlList, scanDocuments } from './lib/content-files.ts';

const HELP = `用法 usage:
  npm run new -- policy --title <标题> --issuer <机关id> [--date YYYY-MM-DD] [--written YYYY-MM-DD]
                 [--topic <主题id>] [--doc-number <发文字号>] [--category 规范性文件|其他文件] [--id <标识>]
  npm run new -- interpretation --interprets <政策文件id> --title <标题> [--date YYYY-MM-DD]
                 [--form 文字|图解|视频|音频|问答|专家解读|新闻发布会|媒体解读] [--id <标识>]

新建一篇政策文件或政策解读，自动填写下一个索引号（机构代码/年份-流水号）、公文种类和日期，
生成的文件可直接通过 npm run check；正文请按原文补全。
Scaffolds a policy or interpretation that passes npm run check, with the next 索引号.

选项 options:
  --title        标题（必填）
  --issuer       发文机关 id（organizations.yaml），联合发文用逗号分隔
  --date         发布日期（默认北京时间今天）publication date (default today)
  --written      成文日期（默认同发布日期）
  --topic        主题分类 id（默认取该机关已有文件最常用的主题分类）
  --doc-number   发文字号，如 内政公办字〔2016〕5号
  --category     规范性文件 或 其他文件（默认其他文件）
  --interprets   被解读的政策文件 id，多个用逗号分隔
  --form         解读形式（默认 文字）
  --id           文件标识（默认：政策为 <机关id>-<年份>-<流水号>，解读为 <政策id>-jiedu）
  --content      内容目录（默认 content）
  --dry-run      只显示，不写文件
  --help         显示本帮助
退出码 exit code: 0 已创建 created, 1 文件未通过校验或已存在 failed, 2 用法错误 usage error.`;

function fail(msg: string): never {
  return usageError(HELP, msg, '✗ ');
}

const [kind, ...rest] = process.argv.slice(2);
if (kind === '--help' || kind === '-h' || kind === undefined) {
  console.log(HELP);
  process.exit(kind === undefined ? 2 : 0);
}
if (kind !== 'policy' && kind !== 'interpretation') fail(`第一个参数应为 policy 或 interpretation: ${kind}`);

const OPTIONS = ['--title', '--issuer', '--date', '--written', '--topic', '--doc-number', '--category', '--interprets', '--form', '--id', '--content'];
const args = parseArgsOrExit(rest, { values: Object.fromEntries(OPTIONS.map((o) => [o, null])), flags: ['--dry-run'] }, HELP, '✗ ');
const opts = new Map(Object.entries(args.values).map(([k, v]) => [k.slice(2), v.trim()]));
const dryRun = args.flags.has('--dry-run');

const contentDir = opts.get('content') ?? 'content';
const list = (s: string | undefined) => (s ?? '').split(/[,，、\s]+/).filter(Boolean);

interface Existing {
  ids: Set<string>;
  policyIds: Set<string>;
  indexNumbers: string[];
  topicsByIssuer: Map<string, string[]>;
}

async function scan(): Promise<Existing> {
  const out: Existing = { ids: new Set(), policyIds: new Set(), indexNumbers: [], topicsByIssuer: new Map() };
  for (const { folder, name, data } of await scanDocuments(contentDir)) {
    const id = typeof data.id === 'string' ? data.id : name.replace(/\.mdx?$/i, '');
    out.ids.add(id);
    if (folder !== 'policies') continue;
    out.policyIds.add(id);
    if (typeof data.indexNumber === 'string') out.indexNumbers.push(data.indexNumber);
    const issuers = typeof data.issuers === 'string' ? [data.issuers] : Array.isArray(data.issuers) ? data.issuers : [];
    for (const iss of issuers) {
      if (typeof iss !== 'string' || typeof data.topic !== 'string') continue;
      out.topicsByIssuer.set(iss, [...(out.topicsByIssuer.get(iss) ?? []), data.topic]);
    }
  }
  return out;
}

async function readList(name: string): Promise<{ id: string; name?: string; code?: string }[]> {
  return (await readYamlList(path.join(contentDir, name))).filter((x): x is { id: string } => typeof (x as { id?: unknown } | null)?.id === 'string');
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

const title = opts.get('title');
if (!title) fail('缺少 --title（标题）');
const date = opts.get('date') ?? buildDate();
if (!isIsoDate(date)) fail(`--date 应为 YYYY-MM-DD 的真实日期: ${date}`);
const existing = await scan();
const comments: string[] = [`由 npm run new 生成，请核对各项后删除本注释。`];
let data: Record<string, unknown>;
let id = opts.get('id');
let folder: string;

if (kind === 'policy') {
  const organizations = await readList('organizations.yaml');
  const topics = (await readList('topics.yaml')).map((t) => t.id);
  const issuers = list(opts.get('issuer'));
  if (!issuers.length) fail(`缺少 --issuer（发文机关 id）；允许值：${organizations.map((o) => o.id).join('、')}`);
  for (const iss of issuers) if (!organizations.some((o) => o.id === iss)) fail(`发文机关 "${iss}" 不在 ${contentDir}/organizations.yaml 中；允许值：${organizations.map((o) => o.id).join('、')}`);
  const written = opts.get('written') ?? date;
  if (!isIsoDate(written)) fail(`--written 应为 YYYY-MM-DD 的真实日期: ${written}`);
  if (written > date) fail(`成文日期 ${written} 晚于发布日期 ${date}`);
  let topic = opts.get('topic');
  if (!topic) {
    topic = mostCommon(existing.topicsByIssuer.get(issuers[0]!) ?? []);
    if (!topic) fail(`请用 --topic 指定主题分类；允许值：${topics.join('、')}`);
    comments.push(`主题分类按该机关已有文件取为 ${topic}，请核对。`);
  }
  if (topics.length && !topics.includes(topic)) fail(`主题分类 "${topic}" 不在 ${contentDir}/topics.yaml 中；允许值：${topics.join('、')}`);
  const docNumber = opts.get('doc-number');
  if (docNumber && !parseDocNumber(docNumber)) fail(`无法识别的发文字号 "${docNumber}"；应如 内政公办字〔2016〕5号`);
  const category = opts.get('category');
  if (category && category !== '规范性文件' && category !== '其他文件') fail(`--category 只能是 规范性文件 或 其他文件: ${category}`);
  const org = organizations.find((o) => o.id === issuers[0])!;
  const year = Number(written.slice(0, 4));
  const indexNumber = nextIndexNumber(existing.indexNumbers, indexCode(org), year);
  if (!id) {
    const serial = parseIndexNumber(indexNumber)!.serial;
    id = `${org.id}-${year}-${String(serial).padStart(5, '0')}`;
    for (let n = 2; existing.ids.has(id); n++) id = `${org.id}-${year}-${String(serial).padStart(5, '0')}-${n}`;
  }
  const docType = inferDocType(title);
  if (!docType) comments.push('标题未以法定文种结尾，未填写 docType（公文种类）；如为公文请补上。');
  data = {
    title,
    ...(docNumber ? { docNumber } : {}),
    issuers,
    indexNumber,
    topic,
    ...(docType ? { docType } : {}),
    category: category ?? '其他文件',
    written,
    published: date,
    openness: '主动公开',
  };
  folder = 'policies';
} else {
  const interprets = list(opts.get('interprets'));
  if (!interprets.length) fail('缺少 --interprets（被解读的政策文件 id）');
  for (const p of interprets) if (!existing.policyIds.has(p)) fail(`政策文件 "${p}" 不在 ${contentDir}/policies/ 中`);
  const form = (opts.get('form') ?? '文字') as InterpretationForm;
  if (!INTERPRETATION_FORMS.includes(form)) fail(`--form 不是允许的值 "${form}"；允许值：${INTERPRETATION_FORMS.join('、')}`);
  if (!id) {
    id = `${interprets[0]}-jiedu`;
    for (let n = 2; existing.ids.has(id); n++) id = `${interprets[0]}-jiedu-${n}`;
  }
  comments.push('解读应在文件发布后 3 个工作日内发布（国办发〔2016〕19号），npm run report 会检查。');
  data = { title, interprets, published: date, form };
  folder = 'interpretations';
}

if (!isValidId(id)) fail(`标识 "${id}" 只能包含小写英文字母、数字和连字符`);
if (existing.ids.has(id)) fail(`标识 "${id}" 已被使用（duplicate id）`);
const file = path.join(contentDir, folder, `${id}.md`);
if (await stat(file).then(() => true, () => false)) {
  console.error(`✗ ${file} 已存在，未覆盖（exists）`);
  process.exit(1);
}
const body =
  kind === 'policy'
    ? '\n（正文：从主送机关开始按原文照录；“一、”大标题用 ###，“（一）”小标题用 ####，段落之间空一行。）\n'
    : '\n（解读正文：内容必须来自文件本身，引用原文措施，不得编造数字或事实。）\n';
const text = stringifyFrontmatter(data, body, comments);

if (dryRun) {
  console.log(`（--dry-run：未写入 not written）${file}\n${text}`);
  process.exit(0);
}
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, text, 'utf8');

// Validate the whole library with the new file, as npm run check does.
const root = process.cwd();
const result = await collectSite({ root, source: contentDir });
const rel = path.relative(root, file).split(path.sep).join('/');
const mine = result.problems.filter((p) => p.file === rel);
for (const p of mine) console.log(formatProblem(p));
if (mine.some((p) => p.severity === 'error')) {
  console.log(`✗ 已写入 ${rel}，但未通过校验，请按上面的提示修改（written, but check fails）`);
  process.exit(1);
}
console.log(`✓ 已创建 created ${rel}${kind === 'policy' ? `（索引号 ${String(data.indexNumber)}）` : ''}\n  下一步：补全正文，运行 npm run check。`);
