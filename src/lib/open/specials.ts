/**
 * 重点领域专题: a topic page aggregates the policies whose 主题分类 is one of the topic's
 * categories (or a child of one), whose keywords/title/summary contain one of its keywords, or
 * that it lists explicitly. Pure.
 */
import type { PolicyView, Topic } from '../model.ts';
import type { SpecialTopic, SpecialView } from './model.ts';

type PolicyLike = Pick<PolicyView, 'id' | 'title' | 'topic' | 'keywords' | 'published'> & { summary?: string | undefined };

/** The topic ids plus all their descendants. */
export function expandTopics(topics: readonly Pick<Topic, 'id' | 'parent'>[], ids: readonly string[]): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of topics) {
      if (t.parent && out.has(t.parent) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

export function matchesSpecial(special: SpecialTopic, policy: PolicyLike, topicSet: ReadonlySet<string>): boolean {
  if (special.policies.includes(policy.id)) return true;
  if (topicSet.has(policy.topic)) return true;
  const hay = [policy.title, policy.summary ?? '', ...policy.keywords].join('\n');
  return special.keywords.some((k) => policy.keywords.includes(k) || hay.includes(k));
}

/** Members of each special topic, newest first (ties by id). */
export function aggregateSpecials(
  specials: readonly SpecialTopic[],
  policies: readonly PolicyLike[],
  topics: readonly Pick<Topic, 'id' | 'parent'>[],
): SpecialView[] {
  const sorted = [...policies].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id.localeCompare(b.id)));
  return specials.map((s) => {
    const topicSet = expandTopics(topics, s.topics);
    return { ...s, members: sorted.filter((p) => matchesSpecial(s, p, topicSet)).map((p) => p.id) };
  });
}
