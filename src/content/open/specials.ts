/** content/open/specials.yaml: 重点领域专题 definitions, aggregated from the policy library. */
import path from 'node:path';
import { nearest } from '../../lib/errors.ts';
import { AREA_IDS, areaById, areaByName } from '../../lib/open/areas.ts';
import { aggregateSpecials } from '../../lib/open/specials.ts';
import { specialsFileSchema, specialsLabels, type SpecialTopic } from '../../schemas/open/pages.ts';
import type { LineOf } from '../files.ts';
import { at, exists, policyRef, readYaml, type OpenContext } from './context.ts';

export async function collectSpecials(ctx: OpenContext): Promise<ReturnType<typeof aggregateSpecials>> {
  const defs: SpecialTopic[] = [];
  const file = path.join(ctx.dir, 'specials.yaml');
  if (await exists(file)) {
    const y = await readYaml(file, ctx, specialsFileSchema, specialsLabels);
    const seen = new Set<string>();
    y.data?.forEach((s, i) => {
      if (seen.has(s.id)) ctx.problems.push(at(y.rel, y.lineOf([i, 'id']), `[${i}].id`, specialsLabels.id, `重复的专题标识 "${s.id}"（duplicate id）`));
      seen.add(s.id);
      checkSpecial(ctx, s, i, y.rel, y.lineOf);
      defs.push(s);
    });
  }
  return aggregateSpecials(defs, ctx.refs.lib?.policies ?? [], ctx.refs.lib?.topics ?? []);
}

/** Topics and policies exist in the library, areas are pilot areas, and the topic selects something. */
function checkSpecial(ctx: OpenContext, s: SpecialTopic, i: number, relFile: string, lineOf: LineOf): void {
  const { problems } = ctx;
  const { topicIds, policyIds, checkRefs } = ctx.refs;
  if (checkRefs) {
    s.topics.forEach((t, j) => {
      if (!topicIds.has(t)) {
        const near = nearest(t, topicIds);
        problems.push(at(relFile, lineOf([i, 'topics', j]), `[${i}].topics[${j}]`, specialsLabels.topics, `topics.yaml 中没有主题分类 "${t}"（unknown topic）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: [...topicIds] }));
      }
    });
    s.policies.forEach((p, j) => {
      if (!policyIds.has(p)) problems.push(policyRef(relFile, lineOf([i, 'policies', j]), `[${i}].policies[${j}]`, specialsLabels.policies, p, policyIds));
    });
  }
  s.areas.forEach((a, j) => {
    if (!areaById(a)) {
      const near = nearest(a, AREA_IDS) ?? areaByName(a)?.id;
      problems.push(at(relFile, lineOf([i, 'areas', j]), `[${i}].areas[${j}]`, specialsLabels.areas, `"${a}" 不是试点领域标识（unknown pilot area）`, near ? { hint: `是否应为 "${near}"？` } : { allowed: AREA_IDS }));
    }
  });
  if (!s.topics.length && !s.keywords.length && !s.policies.length) {
    problems.push(at(relFile, lineOf([i, 'id']), `[${i}]`, '专题', `专题 "${s.id}" 没有 topics、keywords 或 policies，无法汇集文件（special topic selects nothing）`));
  }
}
