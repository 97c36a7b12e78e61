/**
 * npm run check [-- --content DIR|FILE.jsonl] [--root DIR] [--lenient] [--today YYYY-MM-DD] [--fix]
 *
 * Validates all content with the same loader as the build (src/content/load.ts) without
 * building: one line per problem, a summary line, exit 1 on any error (warnings only: exit 0).
 * --fix first rewrites mechanical Mongolian problems in the content files in place
 * (scripts/lib/fix-content.ts) and prints each change, then checks the fixed content.
 */
import { collectSite } from '../src/content/load.ts';
import { collectOpenData } from '../src/content/open-data.ts';
import { formatProblem } from '../src/lib/errors.ts';
import { checkedDirs, scanTree } from '../src/content/file-safety.ts';
import { CONTENT_OPTIONS, contentOptions, parseArgsOrExit } from './lib/args.ts';
import { fixContent, formatChange } from './lib/fix-content.ts';
import path from 'node:path';

const HELP = `用法 usage: npm run check -- [选项 options]

校验全部内容（站点配置、发文机关、主题分类、政策文件、政策解读、蒙古文译文）及跨文件规则，不构建网站。
Validates all content and the cross-file rules without building the site.

选项 options:
  --content <目录|文件.jsonl>  内容目录或 JSON-lines 文件（默认 PORTAL_CONTENT 或 content）
                              content directory or JSON-lines file (default PORTAL_CONTENT or content)
  --root <目录>               项目根目录，报告中的路径相对于它（默认当前目录）
                              project root; reported paths are relative to it (default cwd)
  --lenient                   宽松模式：缺日期、缺发文机关、重复文号记为警告（也可设 PORTAL_LENIENT=1）
                              lenient import: missing dates/issuers and duplicate 文号 are warnings
  --today <YYYY-MM-DD>        推导有效性所用的日期（默认北京时间今天）
                              build date for status derivation (default today, Asia/Shanghai)
  --fix                       先就地修正内容文件中的机械性蒙古文问题并逐处列出：竖排标点兼容形式（︽︾ ﹇﹈ ︵︶ 等）
                              改为普通标点；格助词（后缀）前的空格改为 U+202F。其他内容不动，再次运行不再改动
                              rewrite mechanical problems in place and print each change: vertical presentation
                              forms to plain punctuation, a space before a case suffix to U+202F; nothing else
  --help                      显示本帮助 show this help

每个问题一行：文件:行 字段（中文名）: 问题；允许值：…
退出码 exit code: 0 无错误 no errors（可有警告 warnings allowed）, 1 有错误 errors, 2 用法错误 usage error.`;

const args = parseArgsOrExit(process.argv.slice(2), { values: CONTENT_OPTIONS, flags: ['--lenient', '--fix'] }, HELP);
const options: { source?: string; root?: string; lenient?: boolean; today?: string } = contentOptions(args);
if (args.flags.has('--lenient') || process.env.PORTAL_LENIENT === '1') options.lenient = true;

const started = performance.now();
// Symlinks out of the repository and special files first: the loader would read through them.
const dirs = checkedDirs(options.source);
// the public directory by setting, not by name: PORTAL_PUBLIC_DIR may be called anything
const unsafe = await scanTree(options.root ?? process.cwd(), dirs, { publicDir: dirs[1]! });
if (unsafe.some((p) => p.severity === 'error')) {
  for (const p of unsafe) console.log(formatProblem(p));
  console.log('✗ 文件安全检查未通过，未读取内容 check failed: unsafe files (symlinks, special files), content not read');
  process.exit(1);
}
const refused = args.flags.has('--fix') ? fixAndReport(options.root ?? process.cwd(), dirs[0]!) : [];
const result = await collectSite(options);
result.problems.push(...unsafe, ...refused);
// 政府信息公开 platform content (content/open/): checked against the library just loaded
const scheduledOpen: { source: string; title: string; scheduled: string }[] = [];
if (result.data) {
  const open = await collectOpenData({ ...options, site: result.data });
  result.problems.push(...open.problems);
  // scheduled 公报 issues and 年报 are not drafts of a document: listed beside them, not as one
  scheduledOpen.push(...(open.scheduled ?? []));
}
for (const p of result.problems) console.log(formatProblem(p));
for (const d of [...result.drafts, ...scheduledOpen]) {
  if (d.scheduled) console.log(`${d.source} [定时发布 scheduled] 发布日期 ${d.scheduled} 晚于今天，到期后的构建才发布（scheduled, not built yet）：${d.title}`);
  else console.log(`${d.source} [草稿 draft] 未发布，不生成页面（draft, not built）：${d.title}`);
}
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary =
  `政策文件 ${result.counts.policies} 篇，政策解读 ${result.counts.interpretations} 篇，草稿 ${result.drafts.filter((d) => !d.scheduled).length} 篇，定时发布 ${result.drafts.filter((d) => d.scheduled).length + scheduledOpen.length} 篇；` +
  `错误 ${errors} 个，警告 ${warnings} 个；` +
  `蒙古文译文 ${result.counts.translations.policies + result.counts.translations.interpretations} 篇` +
  `（政策文件 ${result.counts.translations.policies}、政策解读 ${result.counts.translations.interpretations}）（${seconds} 秒）`;
if (errors > 0) {
  console.log(`✗ 内容校验未通过 check failed: ${summary}`);
  process.exit(1);
}
console.log(`✓ 内容校验通过 check passed: ${summary}`);

/** --fix: rewrites the content in place, prints each change; the files it refused come back as problems. */
function fixAndReport(root: string, source: string) {
  const fixed = fixContent(path.resolve(root, source), root);
  for (const c of fixed.changes) console.log(formatChange(c));
  console.log(`--fix：修正 ${fixed.changes.length} 处，涉及 ${fixed.files} 个文件（fixed ${fixed.changes.length} in ${fixed.files} files）`);
  return fixed.refused;
}
