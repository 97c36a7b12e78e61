/** content/open/gazette/<year>-<number>.yaml: 政府公报 issues; future-dated issues are scheduled. */
import path from 'node:path';
import type { GazetteIssue } from '../../lib/open/model.ts';
import { gazetteFileSchema, labels as gazetteLabels, toGazetteIssue } from '../../schemas/open/gazette.ts';
import { compact, listFiles, relPath as rel } from '../files.ts';
import { at, baseName, policyRef, readYaml, type OpenContext } from './context.ts';

export async function collectGazette(ctx: OpenContext): Promise<GazetteIssue[]> {
  const gazette: GazetteIssue[] = [];
  for (const file of await listFiles(path.join(ctx.dir, 'gazette'), /\.ya?ml$/i)) {
    const issue = await gazetteIssue(ctx, file);
    if (issue) gazette.push(issue);
  }
  return gazette.sort((a, b) => b.year - a.year || b.number - a.number);
}

async function gazetteIssue(ctx: OpenContext, file: string): Promise<GazetteIssue | undefined> {
  const { problems } = ctx;
  const base = baseName(file);
  const m = /^(\d{4})-(\d{1,2})$/.exec(base);
  if (!m) {
    problems.push(at(rel(ctx.r.root, file), undefined, '(文件名)', '期号', `公报文件名应为 "年份-期号"，如 2024-1.yaml，实际为 "${base}"（file name must be <year>-<number>）`));
    return undefined;
  }
  const y = await readYaml(file, ctx, gazetteFileSchema, gazetteLabels);
  if (!y.data) return undefined;
  const d = y.data;
  if (d.year !== Number(m[1]) || d.number !== Number(m[2])) {
    problems.push(at(y.rel, y.lineOf(['year']), 'year', gazetteLabels.year, `年份/期号 ${d.year}-${d.number} 与文件名 ${base}.yaml 不符（year/number do not match file name）`));
    return undefined;
  }
  if (d.published.slice(0, 4) !== String(d.year)) {
    problems.push(at(y.rel, y.lineOf(['published']), 'published', gazetteLabels.published, `出版日期 ${d.published} 不在 ${d.year} 年（published outside the issue's year）`));
  }
  const future = d.published > ctx.r.today;
  const { policyIds, scheduledIds, checkRefs } = ctx.refs;
  d.contents.forEach((e, i) => {
    // a future issue may list a policy that is scheduled for the same day or earlier
    if (e.policy && checkRefs && !policyIds.has(e.policy) && !(future && scheduledIds.has(e.policy))) {
      problems.push(policyRef(y.rel, y.lineOf(['contents', i, 'policy']), `contents[${i}].policy`, gazetteLabels['contents.policy'], e.policy, policyIds));
    }
  });
  if (future) {
    ctx.scheduled.push(compact({ source: y.rel, title: `政府公报 ${d.year} 年第 ${d.number} 期`, scheduled: d.published, files: d.file && !/^https:/.test(d.file) ? [d.file] : undefined }));
    return undefined;
  }
  return toGazetteIssue(d, y.rel);
}
