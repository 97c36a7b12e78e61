/**
 * Relations between documents: inverse relations (repealedBy, amendedBy, interpretations) and
 * reference checks (interprets/repeals/amends point at existing policies; no self-reference).
 * Pure: documents in, maps and Problems out.
 */
import type { Interpretation, Policy } from './model.ts';
import { nearest, type Problem } from './errors.ts';

/** Where a field of a document is: the loader knows file lines; default parses `FILE:LINE`. */
export type Locator = (doc: { source: string }, path: readonly PropertyKey[]) => { file: string; line?: number };

export const defaultLocator: Locator = (doc) => {
  const m = /^(.*):(\d+)$/.exec(doc.source);
  return m ? { file: m[1]!, line: Number(m[2]) } : { file: doc.source };
};

export type PolicyRefs = Pick<Policy, 'id' | 'source' | 'repeals' | 'amends'>;
export type InterpretationRefs = Pick<Interpretation, 'id' | 'source' | 'interprets' | 'published'>;

export interface Relations {
  /** policy id → ids of policies that repeal it (library order) */
  repealedBy: Map<string, string[]>;
  /** policy id → ids of policies that amend it */
  amendedBy: Map<string, string[]>;
  /** policy id → ids of interpretations of it, newest first */
  interpretations: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Inverse relations. References to unknown ids and self-references are ignored here (see checkReferences). */
export function buildRelations(policies: readonly PolicyRefs[], interpretations: readonly InterpretationRefs[]): Relations {
  const ids = new Set(policies.map((p) => p.id));
  const rel: Relations = { repealedBy: new Map(), amendedBy: new Map(), interpretations: new Map() };
  for (const p of policies) {
    for (const t of p.repeals) if (t !== p.id && ids.has(t)) push(rel.repealedBy, t, p.id);
    for (const t of p.amends) if (t !== p.id && ids.has(t)) push(rel.amendedBy, t, p.id);
  }
  const sorted = [...interpretations].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : 1));
  for (const i of sorted) for (const t of i.interprets) if (ids.has(t)) push(rel.interpretations, t, i.id);
  return rel;
}

const RELATION_LABELS = { repeals: '废止文件', amends: '修改文件', interprets: '解读文件' } as const;

export interface ReferenceCheckOptions {
  locate?: Locator;
  /** ids of draft policies (excluded from the site): a reference to one gets a specific message */
  draftIds?: ReadonlySet<string>;
  /** ids a reference may point at (default: the ids of `policies`) */
  targets?: Iterable<string>;
}

/** Every repeals/amends/interprets id must be an existing (non-draft) policy; a policy may not repeal or amend itself. */
export function checkReferences(
  policies: readonly PolicyRefs[],
  interpretations: readonly InterpretationRefs[],
  options: ReferenceCheckOptions = {},
): Problem[] {
  const locate = options.locate ?? defaultLocator;
  const ids = new Set(options.targets ?? policies.map((p) => p.id));
  const problems: Problem[] = [];
  const check = (doc: { id: string; source: string }, field: keyof typeof RELATION_LABELS, targets: readonly string[], selfAllowed: boolean) => {
    targets.forEach((t, i) => {
      const where = locate(doc, [field, i]);
      const base = { ...where, field: `${field}[${i}]`, label: RELATION_LABELS[field], severity: 'error' as const };
      if (!selfAllowed && t === doc.id) {
        problems.push({ ...base, reason: `文件不能${field === 'repeals' ? '废止' : '修改'}自身 "${t}"（self reference）` });
      } else if (!ids.has(t)) {
        if (options.draftIds?.has(t)) {
          problems.push({ ...base, reason: `引用的政策文件 "${t}" 是草稿或未到发布日期，未发布（references an unpublished draft or scheduled document）`, hint: `请发布该文件（draft: false，发布日期不晚于今天）或删除此引用` });
          return;
        }
        const near = nearest(t, ids);
        const p: typeof problems[number] = { ...base, reason: `引用的政策文件不存在 "${t}"（unknown policy id）` };
        if (near !== undefined) p.hint = `是否应为 "${near}"？`;
        problems.push(p);
      }
    });
  };
  for (const p of policies) {
    check(p, 'repeals', p.repeals, false);
    check(p, 'amends', p.amends, false);
  }
  for (const i of interpretations) check(i, 'interprets', i.interprets, true);
  return problems;
}

/**
 * Cycles of repeal or amendment (A repeals B while B repeals or amends A, or longer loops): no
 * order of events can produce them, and status derivation would go round. One problem per cycle,
 * at the first document of the cycle in id order.
 */
export function relationCycles(policies: readonly PolicyRefs[], options: { locate?: Locator } = {}): Problem[] {
  const locate = options.locate ?? defaultLocator;
  const byId = new Map(policies.map((p) => [p.id, p]));
  const edges = (id: string): string[] => {
    const p = byId.get(id);
    return p ? [...new Set([...p.repeals, ...p.amends])].filter((t) => t !== id && byId.has(t)) : [];
  };
  const state = new Map<string, 1 | 2>(); // 1 on the current path, 2 done
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const start of [...byId.keys()].sort()) {
    if (state.has(start)) continue;
    // iterative depth-first search: a long chain must not overflow the stack
    const path: string[] = [start];
    const next: string[][] = [edges(start)];
    state.set(start, 1);
    while (path.length) {
      const todo = next[next.length - 1]!;
      const t = todo.shift();
      if (t === undefined) {
        state.set(path.pop()!, 2);
        next.pop();
        continue;
      }
      if (state.get(t) === 1) {
        const cycle = path.slice(path.indexOf(t));
        const key = [...cycle].sort().join('>');
        if (!seen.has(key)) {
          seen.add(key);
          problems.push(cycleProblem(cycle, byId, locate));
        }
      } else if (!state.has(t)) {
        state.set(t, 1);
        path.push(t);
        next.push(edges(t));
      }
    }
  }
  return problems;
}

function cycleProblem(cycle: string[], byId: Map<string, PolicyRefs>, locate: Locator): Problem {
  const first = [...cycle].sort()[0]!;
  const at = cycle.indexOf(first);
  const ordered = [...cycle.slice(at), ...cycle.slice(0, at)];
  const doc = byId.get(first)!;
  const target = ordered[1 % ordered.length]!;
  const field = doc.repeals.includes(target) ? 'repeals' : 'amends';
  return {
    ...locate(doc, [field, doc[field].indexOf(target)]),
    field: `${field}[${doc[field].indexOf(target)}]`,
    label: RELATION_LABELS[field],
    reason: `废止/修改关系成环：${[...ordered, first].join(' → ')}（cycle of repeal or amendment）`,
    hint: '请核对各文件的 repeals / amends：新文件废止或修改旧文件，不能相互废止或修改',
    severity: 'error',
  };
}
