/**
 * content/open/guide.md, apply.md (政府信息公开指南, 依申请公开 说明: frontmatter title, updated;
 * Markdown body) and rules.yaml (政府信息公开制度: [{title, policy?, url?, note?}]).
 */
import path from 'node:path';
import type { RuleEntry, TextPage } from '../../lib/open/model.ts';
import { rulesFileSchema, rulesLabels, textPageLabels, textPageSchema } from '../../schemas/open/pages.ts';
import { at, exists, policyRef, readMarkdown, readYaml, type OpenContext } from './context.ts';

/** guide.md or apply.md; undefined when absent or invalid (with problems). */
export async function collectTextPage(ctx: OpenContext, name: string): Promise<TextPage | undefined> {
  const file = path.join(ctx.dir, name);
  if (!(await exists(file))) return undefined;
  const md = await readMarkdown(file, ctx, textPageSchema, textPageLabels);
  if (!md.data) return undefined;
  if (!md.body.trim()) {
    ctx.problems.push(at(md.rel, undefined, 'body', '正文', '正文为空（empty body）'));
    return undefined;
  }
  return { source: md.rel, ...md.data, body: md.body };
}

export async function collectRules(ctx: OpenContext): Promise<RuleEntry[]> {
  const rules: RuleEntry[] = [];
  const file = path.join(ctx.dir, 'rules.yaml');
  if (!(await exists(file))) return rules;
  const { policyIds, checkRefs } = ctx.refs;
  const y = await readYaml(file, ctx, rulesFileSchema, rulesLabels);
  y.data?.forEach((rule, i) => {
    if (rule.policy && checkRefs && !policyIds.has(rule.policy)) ctx.problems.push(policyRef(y.rel, y.lineOf([i, 'policy']), `[${i}].policy`, rulesLabels.policy, rule.policy, policyIds));
    rules.push(rule);
  });
  return rules;
}
