/**
 * content/open/best-bets.yaml (推荐结果, issue 16), read and checked like the rest of the open
 * platform: schema errors with file:line, policy references against the library, the same
 * phrasing given to two bets. Called by src/content/open-data.ts.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { nearest, type Problem } from '../lib/errors.ts';
import type { BestBet } from '../lib/open/model.ts';
import { betKey } from '../lib/best-bets.ts';
import { bestBetsFileSchema, bestBetsLabels } from '../schemas/open/best-bets.ts';
import { readUtf8, readYamlText, relPath } from './files.ts';

export async function collectBestBets(openDir: string, root: string, policyIds: ReadonlySet<string> | undefined, problems: Problem[]): Promise<BestBet[]> {
  const file = path.join(openDir, 'best-bets.yaml');
  if (!(await stat(file).then((s) => s.isFile(), () => false))) return [];
  const rel = relPath(root, file);
  const text = await readUtf8(file, rel, problems);
  if (text === undefined) return [];
  const y = readYamlText(text, rel, bestBetsFileSchema, bestBetsLabels, problems);
  if (!y.data) return [];
  const owner = new Map<string, number>();
  const out: BestBet[] = [];
  y.data.forEach((b, i) => {
    const line = (...p: (string | number)[]) => y.lineOf([i, ...p]);
    if (b.policy && policyIds && !policyIds.has(b.policy)) {
      const near = nearest(b.policy, policyIds);
      problems.push(at(rel, line('policy'), `[${i}].policy`, bestBetsLabels.policy, `找不到政策文件 "${b.policy}"（unknown policy id）`, near ? `是否应为 "${near}"？` : '请填写 content/policies/ 下政策文件的标识（文件名）'));
      return;
    }
    b.queries.forEach((q, j) => {
      const first = owner.get(betKey(q));
      if (first !== undefined && first !== i) {
        problems.push(at(rel, line('queries', j), `[${i}].queries[${j}]`, bestBetsLabels.queries, `问法 "${q}" 已用于第 ${first + 1} 条（the same phrasing in two best bets）`, '同一问法只能指向一个页面'));
      } else owner.set(betKey(q), i);
    });
    out.push(b);
  });
  return out;
}

function at(file: string, line: number | undefined, field: string, label: string, reason: string, hint: string): Problem {
  const p: Problem = { file, field, label, reason, hint, severity: 'error' };
  if (line !== undefined) p.line = line;
  return p;
}
