/** npm run import: its help text and options (scripts/import.ts). */
import { isValidId } from '../../../src/schemas/fields/common.ts';
import { isIsoDate } from '../../../src/schemas/fields/dates.ts';
import { parseArgsOrExit, usageError } from '../args.ts';

export const HELP = `用法 usage: npm run import -- [选项 options] <文件或目录 files or folders>...

把旧的 .txt（UTF-8、UTF-16、GB18030/GBK/GB2312、Big5，带不带 BOM、Windows 换行均可）和 .docx 公文，
以及 .jsonl 导出文件（每行一个 {id, title, docNumber, issuer, written, published, topic, body}），
转为 content/policies/ 下带信息表（frontmatter）的 Markdown 文件。自动识别：标题、发文字号、发文机关、
成文日期、主送机关、附件名称、公开方式；找不到的项目逐条列出。
Converts legacy .txt/.docx documents and .jsonl exports into policy Markdown files and reports what it could not find.

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
  --group-versions      同一文件的不同版本（标题和发文机关相同、发布日期不同，或题注写明修正/修订）
                        合并为一个文件及其历史版本 versions/<日期>.md；每个合并的文件报告一行
                        records of one document (same title and issuers, different dates) → <id>.md + versions/
  --force               覆盖已存在的文件 overwrite existing files
  --dry-run             只显示结果，不写文件 show, do not write
  --help                显示本帮助

示例 examples:
  npm run import -- 旧文件/2016年工作要点.txt --topic zwgk
  npm run import -- 旧文件/ --topic zwgk --dry-run
  npm run import -- 导出.jsonl --topic zwgk --group-versions
退出码 exit code: 0 全部写入（--dry-run：全部可写入）all written, 1 有文件未导入（被拒绝、信息表不完整或已存在）some not imported, 2 用法错误 usage error.`;

export function fail(msg: string): never {
  return usageError(HELP, msg);
}

export interface Options {
  out: string;
  content: string;
  id?: string;
  topic?: string;
  issuers?: string[];
  published?: string;
  category?: '规范性文件' | '其他文件';
  force: boolean;
  dryRun: boolean;
  groupVersions: boolean;
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
  flags: ['--force', '--dry-run', '--group-versions'],
  positionals: true,
};

export function parseOptions(argv: string[]): Options {
  const { values: v, flags, positionals } = parseArgsOrExit(argv, ARGS, HELP);
  const o: Options = { out: v['--out'] ?? 'content/policies', content: v['--content'] ?? 'content', force: flags.has('--force'), dryRun: flags.has('--dry-run'), groupVersions: flags.has('--group-versions'), inputs: positionals };
  if (v['--id'] !== undefined) o.id = v['--id'];
  if (v['--topic'] !== undefined) o.topic = v['--topic'];
  if (v['--issuer'] !== undefined) o.issuers = v['--issuer'].split(/[,，、\s]+/).filter(Boolean);
  if (v['--published'] !== undefined) o.published = v['--published'];
  if (v['--category'] !== undefined) o.category = v['--category'] as '规范性文件' | '其他文件';
  if (!o.inputs.length) fail('请指定要导入的文件或目录 no input files');
  return o;
}
