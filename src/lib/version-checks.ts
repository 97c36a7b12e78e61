/**
 * The rules a policy's versions obey (content/README.md 历史版本): dates in order and not
 * repeated, the document's own file the one latest version, 施行 not before 公布, every version
 * but the earliest naming its amending document, and an amending document in this library
 * existing (not a draft, not the document itself). Pure.
 */
import type { Policy } from './model.ts';
import type { Problem } from './errors.ts';
import { defaultLocator, type Locator } from './relations.ts';
import { allVersions, versionStart, type PolicyVersion } from './versions.ts';

const LABELS: Record<string, string> = { published: '发布日期', effective: '施行日期', written: '成文日期', amendment: '修改依据' };

export interface VersionCheckOptions {
  locate?: Locator;
  draftIds?: ReadonlySet<string>;
}

function problem(locate: Locator, v: PolicyVersion, field: string, reason: string, extra: Partial<Problem> = {}): Problem {
  // an earlier version's 发布日期 is its file name
  const onName = field === 'published' && !v.latest;
  return { ...locate(v, onName ? [] : [field]), field: onName ? '(文件名)' : field, label: LABELS[field]!, reason, severity: 'error', ...extra };
}

/** Order of dates between one version and the one before it. */
function orderProblems(prev: PolicyVersion, v: PolicyVersion, locate: Locator): Problem[] {
  if (v.date === prev.date) {
    return [problem(locate, v, 'published', `与 ${prev.source} 的发布日期相同 ${v.date}：同一日期只能有一个版本（duplicate version date）`)];
  }
  if (v.date < prev.date) {
    const hint = '现行文本放在 policies/<id>.md，更早的版本放在 policies/<id>/versions/<发布日期>.md';
    return [problem(locate, v, 'published', `发布日期 ${v.date} 早于历史版本 ${prev.source} 的 ${prev.date}：文件本身应是最新版本（the document's own file must be its latest version）`, { hint })];
  }
  if (versionStart(v) <= versionStart(prev)) {
    return [problem(locate, v, 'effective', `施行日期 ${versionStart(v)} 不晚于上一版本（${prev.source}）的施行日期 ${versionStart(prev)}（versions must take effect in order）`)];
  }
  return [];
}

/** One version's own dates and its amending document. */
function ownProblems(p: Policy, v: PolicyVersion, i: number, ids: ReadonlySet<string>, o: Required<VersionCheckOptions>): Problem[] {
  const out: Problem[] = [];
  if (v.effective && v.effective < v.date) out.push(problem(o.locate, v, 'effective', `施行日期 ${v.effective} 早于发布日期 ${v.date}（effective before published）`));
  if (!v.latest && v.written && v.written > v.date) out.push(problem(o.locate, v, 'written', `成文日期 ${v.written} 晚于发布日期 ${v.date}（written after published）`));
  if (i > 0 && !v.amendment) {
    out.push(problem(o.locate, v, 'amendment', '缺少修改依据：除最早的版本外，每个版本都要写明修改它的文件（amendment required for every version but the earliest）', { hint: '写 amendment: <本站政策文件 id>，或 amendment: {docNumber: 某某〔2021〕1号, title: 关于修改……的决定}' }));
  }
  const id = v.amendment && 'id' in v.amendment ? v.amendment.id : undefined;
  if (id === p.id) out.push(problem(o.locate, v, 'amendment', `修改依据不能是文件本身 "${id}"（a document cannot amend itself）`));
  else if (id !== undefined && !ids.has(id)) {
    const reason = o.draftIds.has(id) ? `修改依据 "${id}" 是草稿或尚未发布（amending document is a draft）` : `修改依据 "${id}" 不存在（unknown policy id）`;
    out.push(problem(o.locate, v, 'amendment', reason, { hint: '本站没有的文件请写 {docNumber, title}' }));
  }
  return out;
}

export function versionProblems(policies: readonly Policy[], options: VersionCheckOptions = {}): Problem[] {
  const o = { locate: options.locate ?? defaultLocator, draftIds: options.draftIds ?? new Set<string>() };
  const ids = new Set(policies.map((p) => p.id));
  const out: Problem[] = [];
  for (const p of policies) {
    if (!p.versions?.length && !p.amendment) continue;
    const all = allVersions(p);
    all.forEach((v, i) => {
      if (i > 0) out.push(...orderProblems(all[i - 1]!, v, o.locate));
      out.push(...ownProblems(p, v, i, ids, o));
    });
  }
  return out;
}
