/** 发文机关 of an imported document: printed names matched against organizations.yaml, never invented. */
import type { Extracted, OrgRef } from './extract.ts';

/** Organization ids whose names occur in `text` (longest names first, no overlaps) and the rest. */
export function matchIssuers(text: string, organizations: readonly OrgRef[]): { ids: string[]; unknown: string[] } {
  const sorted = [...organizations].sort((a, b) => b.name.length - a.name.length);
  const hits: { at: number; id: string; len: number }[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const org of sorted) {
    if (!org.name) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(org.name, from);
      if (at === -1) break;
      from = at + 1;
      if (taken.slice(at, at + org.name.length).some(Boolean)) continue;
      for (let i = at; i < at + org.name.length; i++) taken[i] = true;
      if (!hits.some((h) => h.id === org.id)) hits.push({ at, id: org.id, len: org.name.length });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  let rest = '';
  for (let i = 0; i < text.length; i++) rest += taken[i] ? ' ' : text[i];
  const unknown = rest
    .split(/[\s、，,和与及]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && /\p{Script=Han}/u.test(s));
  return { ids: hits.map((h) => h.id), unknown };
}

/** out.issuers from the issuer text; names not in organizations.yaml are reported in out.missing. */
export function resolveIssuers(issuerText: string | undefined, organizations: readonly OrgRef[], out: Extracted): void {
  if (!issuerText) {
    out.missing.push({ field: 'issuers', label: '发文机关', reason: '未找到发文机关（发文机关标志、标题中“关于”之前的机关名称或落款均没有）' });
    return;
  }
  const m = matchIssuers(issuerText, organizations);
  out.issuers = m.ids;
  out.unknownIssuers = m.unknown;
  if (!m.ids.length && !m.unknown.length) out.unknownIssuers = [issuerText];
  if (out.unknownIssuers.length) {
    out.missing.push({
      field: 'issuers',
      label: '发文机关',
      reason: `发文机关 ${out.unknownIssuers.map((u) => `"${u}"`).join('、')} 不在 organizations.yaml 中（unknown organization）：请先在 organizations.yaml 中添加，或用 --issuer 指定`,
    });
  }
}
