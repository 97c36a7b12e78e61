/** content/open/powers/<dept>.yaml: 权力清单和责任清单, one file per department. */
import path from 'node:path';
import { nearest } from '../../lib/errors.ts';
import type { PowerList } from '../../lib/open/model.ts';
import { isValidId, ID_RULE } from '../../schemas/fields/common.ts';
import { powerFileSchema, labels as powerLabels, toPowerList } from '../../schemas/open/powers.ts';
import { listFiles, relPath as rel, type LineOf } from '../files.ts';
import { at, baseName, readYaml, type OpenContext } from './context.ts';

export async function collectPowers(ctx: OpenContext): Promise<PowerList[]> {
  const powers: PowerList[] = [];
  for (const file of await listFiles(path.join(ctx.dir, 'powers'), /\.ya?ml$/i)) {
    const list = await powerList(ctx, file);
    if (list) powers.push(list);
  }
  return powers.sort((a, b) => a.department.localeCompare(b.department, 'zh-CN'));
}

async function powerList(ctx: OpenContext, file: string): Promise<PowerList | undefined> {
  const id = baseName(file);
  if (!isValidId(id)) {
    ctx.problems.push(at(rel(ctx.r.root, file), undefined, '(文件名)', '标识', `文件名 "${id}" 不能用作标识（file name is not a valid id）：${ID_RULE}`));
    return undefined;
  }
  const y = await readYaml(file, ctx, powerFileSchema, powerLabels);
  if (!y.data) return undefined;
  const d = y.data;
  const { orgIds, checkRefs } = ctx.refs;
  if (d.org && checkRefs && !orgIds.has(d.org)) {
    const near = nearest(d.org, orgIds);
    ctx.problems.push(at(y.rel, y.lineOf(['org']), 'org', powerLabels.org, `organizations.yaml 中没有机构 "${d.org}"（unknown organization）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: [...orgIds] }));
  }
  duplicateCodes(ctx, d.items, y.rel, y.lineOf);
  return toPowerList(d, id, y.rel);
}

/** 权力编码 must be unique within a department's list (unset codes are numbered later). */
function duplicateCodes(ctx: OpenContext, items: readonly { code?: string | undefined }[], relFile: string, lineOf: LineOf): void {
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    if (!it.code) return;
    const first = seen.get(it.code);
    if (first !== undefined) ctx.problems.push(at(relFile, lineOf(['items', i, 'code']), `items[${i}].code`, powerLabels['items.code'], `权力编码 "${it.code}" 与第 ${first + 1} 项重复（duplicate code）`));
    else seen.set(it.code, i);
  });
}
