/** Issuers and topics used by a Mongolian translation need their Mongolian names. */
import path from 'node:path';
import type { Organization, Topic } from '../../lib/model.ts';
import type { Problem } from '../../lib/errors.ts';
import { compact, relPath, type LineOf } from '../files.ts';

/** Issuers and topics of translated policies must have `nameMn`: one problem per organization/topic. */
export function missingMongolianNames(
  dir: string,
  root: string,
  organizations: Organization[],
  topics: Topic[],
  needs: { organizations: Map<string, string[]>; topics: Map<string, string[]> },
  lines: Map<string, LineOf>,
): Problem[] {
  const out: Problem[] = [];
  const check = (
    list: readonly { id: string; name: string; nameMn?: string | undefined }[],
    need: Map<string, string[]>,
    file: string,
    what: string,
    en: string,
  ): void => {
    const rel = relPath(root, path.join(dir, file));
    list.forEach((item, i) => {
      const users = need.get(item.id);
      if (!users || item.nameMn !== undefined) return;
      const shown = users.length > 3 ? `${users.slice(0, 3).join('、')} 等 ${users.length} 篇` : users.join('、');
      out.push(
        compact({
          file: rel,
          line: lines.get(rel)?.([i, 'id']),
          field: `[${i}].nameMn`,
          label: '蒙古文名称',
          reason: `${what} "${item.id}"（${item.name}）缺少蒙古文名称 nameMn，蒙古文译文 ${shown} 需要它（${en} without nameMn used by a translation）`,
          hint: `请在 ${rel} 中该项下添加 nameMn: <蒙古文名称>`,
          severity: 'error' as const,
        }),
      );
    });
  };
  check(organizations, needs.organizations, 'organizations.yaml', '发文机关', 'organization');
  check(topics, needs.topics, 'topics.yaml', '主题分类', 'topic');
  return out;
}
