/**
 * Cross-file rules over the whole library and the derived 有效性 (status).
 *
 * Status derivation (build date `today`, Asia/Shanghai by default):
 *   已废止   another policy in force repeals it (in force = its effective ?? published date ≤ today)
 *   已修改   another policy in force amends it
 *   已失效   expires < today
 *   尚未生效 effective > today
 *   else the declared status, else 现行有效.
 * A declared status that contradicts relation evidence (repealed/amended by X) is an error
 * naming both. A declaration overtaken by time (declared 尚未生效 but the effective date has
 * passed; declared 现行有效 but expired) is a warning and the derived status wins, so builds do
 * not start failing on a date. Declared 已废止/已修改/已失效 without evidence in the library are
 * kept (the repealing document may be outside this site); declared 已废止/已失效 also stand
 * when the library only shows an amendment.
 *
 * Pure: all inputs are passed in; no clock unless `today` is omitted.
 */
import type { Interpretation, IsoDate, Organization, Policy, PolicyView, Status, Topic } from './model.ts';
import { nearest, type Problem } from './errors.ts';
import { buildRelations, checkReferences, defaultLocator, relationCycles, type Locator, type Relations } from './relations.ts';

/** Today's calendar date in China Standard Time. */
// one formatter: constructing it took ~0.1 ms, and every page asks for the build date
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInShanghai(now: Date = new Date()): IsoDate {
  return SHANGHAI_DAY.format(now);
}

/**
 * The build date: the one "today" every command and page uses. PORTAL_TODAY pins it (tests,
 * reproducible rebuilds, previewing scheduled documents); otherwise today in Asia/Shanghai.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): IsoDate {
  const pinned = env.PORTAL_TODAY;
  if (pinned === undefined || pinned === '') return todayInShanghai();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned))) {
    throw new Error(`PORTAL_TODAY 应为 YYYY-MM-DD 格式的日期，实际为 "${pinned}"（invalid PORTAL_TODAY）`);
  }
  return pinned;
}

const POLICY_LABELS: Record<string, string> = {
  id: '标识',
  docNumber: '发文字号',
  issuers: '发文机关',
  topic: '主题分类',
  written: '成文日期',
  published: '发布日期',
  effective: '施行日期',
  expires: '有效期至',
  status: '有效性',
};

export interface StatusResult {
  status: Status;
  /** the rule that decided, for messages: e.g. `被 "b" 废止` */
  evidence?: string;
  /** 'relation' and 'date' evidence; undefined when nothing in the library decides */
  kind?: 'relation' | 'date';
}

type StatusInput = Pick<Policy, 'id' | 'effective' | 'expires' | 'published'>;

function inForce(p: StatusInput | undefined, today: IsoDate): boolean {
  if (!p) return false;
  const start = p.effective ?? p.published;
  return !start || start <= today;
}

/** The status the library's evidence implies, ignoring the declaration. */
export function deriveStatus(
  policy: StatusInput,
  relations: Pick<Relations, 'repealedBy' | 'amendedBy'>,
  byId: ReadonlyMap<string, StatusInput>,
  today: IsoDate,
): StatusResult {
  const repealers = (relations.repealedBy.get(policy.id) ?? []).filter((id) => inForce(byId.get(id), today));
  if (repealers.length) return { status: '已废止', kind: 'relation', evidence: `已被 ${repealers.map((r) => `"${r}"`).join('、')} 废止` };
  const amenders = (relations.amendedBy.get(policy.id) ?? []).filter((id) => inForce(byId.get(id), today));
  if (amenders.length) return { status: '已修改', kind: 'relation', evidence: `已被 ${amenders.map((r) => `"${r}"`).join('、')} 修改` };
  if (policy.expires && policy.expires < today) return { status: '已失效', kind: 'date', evidence: `有效期至 ${policy.expires} 已过` };
  if (policy.effective && policy.effective > today) return { status: '尚未生效', kind: 'date', evidence: `施行日期 ${policy.effective} 未到` };
  return { status: '现行有效' };
}

/** Date consistency of one policy: written ≤ published, effective ≥ written, expires > effective. */
export function checkPolicyDates(p: Policy, locate: Locator = defaultLocator): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, reason: string) =>
    out.push({ ...locate(p, [field]), field, label: POLICY_LABELS[field]!, reason, severity: 'error' });
  if (p.written && p.published && p.written > p.published) {
    add('published', `发布日期 ${p.published} 早于成文日期 ${p.written}（published before written）`);
  }
  if (p.effective && p.written && p.effective < p.written) {
    add('effective', `施行日期 ${p.effective} 早于成文日期 ${p.written}（effective before written）`);
  }
  const start = p.effective ?? p.written ?? (p.published || undefined);
  if (p.expires && start && p.expires <= start) {
    const which = p.effective ? '施行日期' : p.written ? '成文日期' : '发布日期';
    add('expires', `有效期至 ${p.expires} 不晚于${which} ${start}（expires must be after ${p.effective ? 'effective' : p.written ? 'written' : 'published'}）`);
  }
  return out;
}

export interface LibraryInput {
  organizations: readonly Organization[];
  topics: readonly Topic[];
  policies: readonly Policy[];
  interpretations: readonly Interpretation[];
  /** ids of draft policies (excluded), for clearer messages on references to them */
  draftPolicyIds?: ReadonlySet<string>;
  /**
   * Policies whose 发布日期 is after the build date: not published, but checked now (dates,
   * references, cycles), so the build does not break on the day they are due.
   */
  scheduled?: readonly Policy[];
}

export interface LibraryOptions {
  /** build date `YYYY-MM-DD`; default today in Asia/Shanghai */
  today?: IsoDate;
  /** duplicate 文号 become warnings (corpus import) */
  lenient?: boolean;
  locate?: Locator;
}

export interface LibraryResult {
  policies: PolicyView[];
  /** errors and warnings, in input order */
  problems: Problem[];
}

/** All cross-file rules; returns the policies with derived fields and every problem found. */
export function validateLibrary(input: LibraryInput, options: LibraryOptions = {}): LibraryResult {
  const today = options.today ?? buildDate();
  const locate = options.locate ?? defaultLocator;
  const { policies, interpretations } = input;
  const byId = new Map(policies.map((p) => [p.id, p]));
  const problems: Problem[] = [
    ...duplicateIds([...policies, ...interpretations], locate),
    ...duplicateDocNumbers(policies, locate, options.lenient ?? false),
    ...unknownIssuersAndTopics(input, locate),
    ...policies.flatMap((p) => checkPolicyDates(p, locate)),
    ...checkReferences(policies, interpretations, { locate, ...(input.draftPolicyIds ? { draftIds: input.draftPolicyIds } : {}) }),
    ...scheduledProblems(input, locate),
    ...interpretationDates(interpretations, byId, locate),
  ];
  const relations = buildRelations(policies, interpretations);
  const views = policies.map((p) => policyView(p, relations, byId, today, locate, problems));
  return { policies: views, problems };
}

/** Unique ids across policies and interpretations. */
function duplicateIds(docs: readonly (Policy | Interpretation)[], locate: Locator): Problem[] {
  const firstById = new Map<string, { source: string }>();
  const out: Problem[] = [];
  for (const doc of docs) {
    const first = firstById.get(doc.id);
    if (!first) {
      firstById.set(doc.id, doc);
      continue;
    }
    out.push({ ...locate(doc, ['id']), field: 'id', label: '标识', reason: `重复的标识 "${doc.id}"，已用于 ${first.source}（duplicate id）`, hint: '请改文件名或设置不同的 id', severity: 'error' });
  }
  return out;
}

/** Unique 文号 (by normalized key; a warning for lenient corpus imports). */
function duplicateDocNumbers(policies: readonly Policy[], locate: Locator, lenient: boolean): Problem[] {
  const firstByKey = new Map<string, Policy>();
  const out: Problem[] = [];
  for (const p of policies) {
    if (!p.docNumber) continue;
    const key = p.docNumber.key; // parsed once, by the schema
    const first = firstByKey.get(key);
    if (!first) {
      firstByKey.set(key, p);
      continue;
    }
    const reason = `发文字号 "${p.docNumber.raw}" 与 ${first.source}（"${first.id}"）重复（duplicate document number）`;
    out.push({ ...locate(p, ['docNumber']), field: 'docNumber', label: '发文字号', reason, severity: lenient ? 'warning' : 'error' });
  }
  return out;
}

/** Issuers and topics must exist in organizations.yaml and topics.yaml. */
function unknownIssuersAndTopics(input: LibraryInput, locate: Locator): Problem[] {
  const orgIds = input.organizations.map((o) => o.id);
  const topicIds = input.topics.map((t) => t.id);
  const orgSet = new Set(orgIds);
  const topicSet = new Set(topicIds);
  // An id that is not among `ids`: the allowed ids and, when one is close, a hint.
  const unknownId = (doc: { source: string }, at: readonly PropertyKey[], field: string, label: string, reason: string, id: string, ids: string[]): Problem => {
    const near = nearest(id, ids);
    const prob: Problem = { ...locate(doc, at), field, label, reason, allowed: ids, severity: 'error' };
    if (near) prob.hint = `是否应为 "${near}"？`;
    return prob;
  };
  const out: Problem[] = [];
  for (const p of input.policies) {
    p.issuers.forEach((id, i) => {
      if (!orgSet.has(id)) out.push(unknownId(p, ['issuers', i], `issuers[${i}]`, '发文机关', `发文机关 "${id}" 不在 organizations.yaml 中（unknown organization）`, id, orgIds));
    });
    if (!topicSet.has(p.topic)) out.push(unknownId(p, ['topic'], 'topic', '主题分类', `主题分类 "${p.topic}" 不在 topics.yaml 中（unknown topic）`, p.topic, topicIds));
  }
  return out;
}

/** An interpretation is not published before the policy it interprets. */
function interpretationDates(interpretations: readonly Interpretation[], byId: ReadonlyMap<string, Policy>, locate: Locator): Problem[] {
  const out: Problem[] = [];
  for (const it of interpretations) {
    for (const pid of it.interprets) {
      const p = byId.get(pid);
      const base = p?.written ?? (p?.published || undefined);
      if (!p || !base || it.published >= base) continue;
      const reason = `解读发布日期 ${it.published} 早于被解读文件 "${pid}" 的${p.written ? '成文' : '发布'}日期 ${base}（interpretation published before the policy）`;
      out.push({ ...locate(it, ['published']), field: 'published', label: '发布日期', reason, severity: 'error' });
    }
  }
  return out;
}

/** A policy with its derived status and inverse relations; a declared status that disagrees is reported. */
function policyView(p: Policy, relations: Relations, byId: ReadonlyMap<string, Policy>, today: IsoDate, locate: Locator, problems: Problem[]): PolicyView {
  const derived = deriveStatus(p, relations, byId, today);
  let status: Status = derived.status;
  if (p.status && derived.kind === undefined) {
    if (p.status === '尚未生效' && p.effective && p.effective <= today) {
      const reason = `声明为"尚未生效"，但施行日期 ${p.effective} 已到，按"现行有效"处理（status outdated）`;
      problems.push({ ...locate(p, ['status']), field: 'status', label: '有效性', reason, hint: '请更新或删除 status', severity: 'warning' });
    } else status = p.status;
  } else if (p.status && p.status !== derived.status) {
    const terminalOverAmend = derived.status === '已修改' && (p.status === '已废止' || p.status === '已失效');
    if (terminalOverAmend) status = p.status;
    else {
      const reason = `声明为"${p.status}"，但该文件${derived.evidence}，应为"${derived.status}"（declared status contradicts ${derived.kind === 'relation' ? 'relations' : 'dates'}）`;
      problems.push({ ...locate(p, ['status']), field: 'status', label: '有效性', reason, allowed: [derived.status], severity: derived.kind === 'relation' ? 'error' : 'warning' });
    }
  }
  const dated = p.published || p.written || '';
  return {
    ...p,
    status,
    repealedBy: relations.repealedBy.get(p.id) ?? [],
    amendedBy: relations.amendedBy.get(p.id) ?? [],
    interpretations: relations.interpretations.get(p.id) ?? [],
    year: dated ? Number(dated.slice(0, 4)) : 0,
  };
}

/** Dates, references and cycles of scheduled policies, against the library they will join. */
function scheduledProblems(input: LibraryInput, locate: Locator): Problem[] {
  const scheduled = input.scheduled ?? [];
  const all = [...input.policies, ...scheduled];
  const problems = scheduled.flatMap((p) => checkPolicyDates(p, locate));
  // a scheduled document may refer to published and to other scheduled policies
  const refOptions = { locate, targets: all.map((p) => p.id), ...(input.draftPolicyIds ? { draftIds: input.draftPolicyIds } : {}) };
  problems.push(...checkReferences(scheduled, [], refOptions));
  problems.push(...relationCycles(all, { locate }));
  return problems;
}
