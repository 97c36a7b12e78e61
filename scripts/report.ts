/**
 * npm run report [-- --json] [--fail-on-issues] [--today YYYY-MM-DD] [--content DIR]
 *
 * 政务公开 compliance report (src/lib/compliance.ts): late interpretations (3 working days),
 * late publication (20 working days after 成文日期, 条例第二十六条), 规范性文件 without an
 * interpretation, documents past 有效期 still marked 现行有效. Working days follow the official
 * holiday calendar with 调休. Exit 0 (findings are information), unless --fail-on-issues.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectSite } from '../src/content/load.ts';
import { complianceReport, declaredStatusOf, LIMITS, type ComplianceReport, type LateFinding } from '../src/lib/compliance.ts';
import { formatProblem } from '../src/lib/errors.ts';
import type { Status } from '../src/lib/model.ts';
import { buildDate } from '../src/lib/validity.ts';
import { CONTENT_OPTIONS, contentOptions, parseArgsOrExit } from './lib/args.ts';

const HELP = `用法 usage: npm run report -- [选项 options]

政务公开合规报告：政策解读是否在文件发布后 3 个工作日内发布（国办发〔2016〕19号）；政策文件是否在
成文后 20 个工作日内公开（《政府信息公开条例》第二十六条）；哪些规范性文件没有解读；哪些文件已过
有效期仍标注“现行有效”。工作日按国务院办公厅公布的节假日和调休安排计算（chinese-days）。

选项 options:
  --json               输出 JSON（供其他工具使用）
  --fail-on-issues     发现问题时退出码为 1（用于 CI）exit 1 when there are findings
  --today <日期>       报告日期 YYYY-MM-DD（默认北京时间今天）
  --content <目录>     内容目录（默认 PORTAL_CONTENT 或 content）
  --root <目录>        项目根目录（默认当前目录）
  --help               显示本帮助
退出码 exit code: 0 完成 done（默认即使有问题也为 0）, 1 有问题且用了 --fail-on-issues，或内容有错误, 2 用法错误.`;

const args = parseArgsOrExit(process.argv.slice(2), { values: CONTENT_OPTIONS, flags: ['--json', '--fail-on-issues'] }, HELP);
const json = args.flags.has('--json');
const failOnIssues = args.flags.has('--fail-on-issues');
const options = contentOptions(args);

const today = options.today ?? buildDate();
const root = path.resolve(options.root ?? process.cwd());
const result = await collectSite({ ...options, root, today, lenient: process.env.PORTAL_LENIENT === '1' });
// A report over content with errors would leave the broken files out and say "no problems".
if (!result.data || result.problems.some((p) => p.severity === 'error')) {
  for (const p of result.problems.filter((x) => x.severity === 'error')) console.error(formatProblem(p));
  console.error('✗ 内容有错误，先运行 npm run check 修正，再做时限自查（content has errors）');
  process.exit(1);
}
const data = result.data;

// 有效性 as declared in the files whose 有效期 has passed (the site data holds the derived one).
const declared = new Map<string, Status>();
await Promise.all(
  data.policies
    .filter((p) => p.expires && p.expires < today && !p.source.includes('.jsonl:'))
    .map(async (p) => {
      try {
        const s = declaredStatusOf(await readFile(path.join(root, p.source), 'utf8'));
        if (s) declared.set(p.id, s);
      } catch {
        // unreadable: only the site status is checked
      }
    }),
);
const report = complianceReport(data, { today, declaredStatus: declared });

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(text(report));
}
process.exit(failOnIssues && report.total > 0 ? 1 : 0);

// ---------------------------------------------------------------------------------------------

/** Display width: CJK and full-width characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

function clip(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function table(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const cells = [headers, ...rows].map((r) => r.map((c, i) => (maxWidths[i] ? clip(c, maxWidths[i]!) : c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function docLabel(d: { title: string; docNumber?: string }): string {
  return d.docNumber ? `${d.title}（${d.docNumber}）` : d.title;
}

function lateRows(findings: LateFinding[], withInterpretation: boolean): string[][] {
  return findings.map((f) => [
    ...(withInterpretation ? [f.interpretation?.title ?? ''] : []),
    docLabel(f.policy),
    f.from,
    f.to,
    f.deadline,
    String(f.workingDays),
    String(f.limit),
  ]);
}

function text(r: ComplianceReport): string {
  const out: string[] = [];
  const ok = '未发现问题 none';
  out.push(`政务公开合规报告 compliance report — 报告日期 ${r.today}，工作日历 ${r.calendar}（含调休）`);
  out.push('');
  out.push(
    table(
      ['规则 rule', '检查 checked', '问题 issues'],
      [
        [`政策解读 ${LIMITS.interpretation} 个工作日内发布（国办发〔2016〕19号）`, String(r.interpretation.checked), String(r.interpretation.findings.length)],
        [`政策文件成文后 ${LIMITS.publication} 个工作日内公开（条例第二十六条）`, `${r.publication.checked}${r.publication.skipped ? `（${r.publication.skipped} 篇无成文日期未检查）` : ''}`, String(r.publication.findings.length)],
        ['现行规范性文件应有政策解读', String(r.uninterpreted.checked), String(r.uninterpreted.findings.length)],
        ['已过有效期仍标注“现行有效”', String(r.expired.checked), String(r.expired.findings.length)],
      ],
    ),
  );
  out.push('');
  out.push(`一、政策解读超过 ${LIMITS.interpretation} 个工作日发布 late interpretations`);
  out.push(r.interpretation.findings.length ? table(['解读', '政策文件', '文件发布', '解读发布', '最迟应发布', '用时(工作日)', '时限'], lateRows(r.interpretation.findings, true), [30, 40]) : ok);
  out.push('');
  out.push(`二、政策文件超过 ${LIMITS.publication} 个工作日公开 late publication`);
  out.push(r.publication.findings.length ? table(['政策文件', '成文日期', '发布日期', '最迟应发布', '用时(工作日)', '时限'], lateRows(r.publication.findings, false), [50]) : ok);
  out.push('');
  out.push('三、没有政策解读的现行规范性文件 normative documents without interpretation');
  out.push(r.uninterpreted.findings.length ? table(['政策文件', '发布日期', '有效性'], r.uninterpreted.findings.map((f) => [docLabel(f.policy), f.published, f.status]), [60]) : ok);
  out.push('');
  out.push('四、已过有效期仍标注“现行有效” expired but marked in force');
  out.push(
    r.expired.findings.length
      ? table(['政策文件', '有效期至', '来源', '文件'], r.expired.findings.map((f) => [docLabel(f.policy), f.expires, f.marked === 'declared' ? '文件中 status: 现行有效' : '网站显示现行有效（需重新构建）', f.policy.source]), [50])
      : ok,
  );
  if (r.uncoveredYears.length) {
    out.push('');
    out.push(`注意：节假日数据不含 ${r.uncoveredYears.join('、')} 年，这些年份只按周末计算（更新 chinese-days 后重新运行）。`);
  }
  out.push('');
  out.push(r.total ? `共发现 ${r.total} 个问题 ${r.total} finding(s)` : '✓ 未发现问题 no findings');
  return out.join('\n');
}
