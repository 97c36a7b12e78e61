/**
 * 政务公开 compliance rules over the whole library (the report for the office, `npm run report`
 * and /open/compliance/):
 *
 *   interpretation  政策解读 published within 3 working days of its policy's 发布日期
 *                   (国办发〔2016〕19号: 解读 within 3 working days of the document)
 *   publication     policies published within 20 working days of 成文日期 (条例第二十六条)
 *   uninterpreted   规范性文件 in force (not 已废止/已失效) with no interpretation
 *   expired         documents past 有效期至 still marked 现行有效 (declared in the file, or shown
 *                   so by the site data, e.g. a site built before the expiry date)
 *
 * Working days come from the official holiday calendar with 调休 (src/lib/workdays.ts), never
 * from plain weekdays. Pure: data, today and the calendar are passed in.
 */
import { frontmatterData } from './frontmatter.ts';
import type { Interpretation, IsoDate, PolicyView, Status } from './model.ts';
import { STATUSES } from './model.ts';
import { addWorkingDays, calendarDaysBetween, chineseDaysCalendar, uncoveredYears, workingDaysBetween, type WorkdayCalendar } from './workdays.ts';

export const RULES = ['interpretation', 'publication', 'uninterpreted', 'expired'] as const;
export type RuleId = (typeof RULES)[number];

/** Statutory limits in working days. */
export const LIMITS = { interpretation: 3, publication: 20 } as const;

export interface DocRef {
  id: string;
  title: string;
  docNumber?: string;
  source: string;
}

/** A time limit that was exceeded. */
export interface LateFinding {
  policy: DocRef;
  /** the interpretation (rule `interpretation` only) */
  interpretation?: DocRef;
  /** start of the period: the policy's 发布日期 (interpretation) or 成文日期 (publication) */
  from: IsoDate;
  /** the interpretation's or the policy's 发布日期 */
  to: IsoDate;
  /** last day allowed */
  deadline: IsoDate;
  workingDays: number;
  calendarDays: number;
  limit: number;
}

export interface UninterpretedFinding {
  policy: DocRef;
  published: IsoDate;
  status: Status;
}

export interface ExpiredFinding {
  policy: DocRef;
  expires: IsoDate;
  /** where 现行有效 comes from */
  marked: 'declared' | 'site';
}

export interface RuleResult<F> {
  /** documents (or policy–interpretation pairs) the rule looked at */
  checked: number;
  /** documents the rule could not judge (e.g. no 成文日期) */
  skipped: number;
  findings: F[];
}

export interface ComplianceReport {
  today: IsoDate;
  calendar: string;
  /** years of the checked dates the holiday calendar has no data for (weekends only there) */
  uncoveredYears: number[];
  interpretation: RuleResult<LateFinding>;
  publication: RuleResult<LateFinding>;
  uninterpreted: RuleResult<UninterpretedFinding>;
  expired: RuleResult<ExpiredFinding>;
  /** all findings */
  total: number;
}

export interface ComplianceOptions {
  today: IsoDate;
  calendar?: WorkdayCalendar;
  /** 有效性 as written in each policy's frontmatter (PolicyView.status is the derived one) */
  declaredStatus?: ReadonlyMap<string, Status>;
}

type PolicyInput = Pick<PolicyView, 'id' | 'title' | 'docNumber' | 'source' | 'category' | 'written' | 'published' | 'expires' | 'status'> & {
  undated?: boolean;
};
type InterpretationInput = Pick<Interpretation, 'id' | 'title' | 'source' | 'interprets' | 'published'>;

function ref(d: { id: string; title: string; docNumber?: { raw: string }; source: string }): DocRef {
  return d.docNumber ? { id: d.id, title: d.title, docNumber: d.docNumber.raw, source: d.source } : { id: d.id, title: d.title, source: d.source };
}

function byDate<T extends { to?: IsoDate; published?: IsoDate; expires?: IsoDate; policy: DocRef }>(a: T, b: T): number {
  const ka = a.to ?? a.published ?? a.expires ?? '';
  const kb = b.to ?? b.published ?? b.expires ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : a.policy.id < b.policy.id ? -1 : a.policy.id > b.policy.id ? 1 : 0;
}

type LateCheck = (from: IsoDate, to: IsoDate, limit: number) => Omit<LateFinding, 'policy' | 'interpretation'> | undefined;
type ComplianceData = { policies: readonly PolicyInput[]; interpretations: readonly InterpretationInput[] };

export function complianceReport(data: ComplianceData, options: ComplianceOptions): ComplianceReport {
  const calendar = options.calendar ?? chineseDaysCalendar;
  const today = options.today;
  const dates: IsoDate[] = [];
  // The period from → to against a limit in working days: the finding's dates and counts when late.
  const late: LateCheck = (from, to, limit) => {
    const deadline = addWorkingDays(from, limit, calendar);
    dates.push(from, to, deadline);
    const workingDays = workingDaysBetween(from, to, calendar);
    return workingDays > limit ? { from, to, deadline, workingDays, calendarDays: calendarDaysBetween(from, to), limit } : undefined;
  };

  const { interpretation, interpreted } = interpretationRule(data, late);
  const publication = publicationRule(data.policies, late);
  const uninterpreted = uninterpretedRule(data, interpreted);
  const expired = expiredRule(data.policies, today, options.declaredStatus);

  interpretation.findings.sort(byDate);
  publication.findings.sort(byDate);
  uninterpreted.findings.sort(byDate);
  expired.findings.sort(byDate);
  return {
    today,
    calendar: calendar.name,
    uncoveredYears: uncoveredYears(dates, calendar),
    interpretation,
    publication,
    uninterpreted,
    expired,
    total: interpretation.findings.length + publication.findings.length + uninterpreted.findings.length + expired.findings.length,
  };
}

/** 1. 政策解读 within 3 working days of the policy's publication; also the ids of interpreted policies. */
function interpretationRule(data: ComplianceData, late: LateCheck): { interpretation: RuleResult<LateFinding>; interpreted: Set<string> } {
  const byId = new Map(data.policies.map((p) => [p.id, p]));
  const interpretation: RuleResult<LateFinding> = { checked: 0, skipped: 0, findings: [] };
  const interpreted = new Set<string>();
  for (const it of data.interpretations) {
    for (const pid of it.interprets) {
      const p = byId.get(pid);
      if (!p || !p.published) {
        interpretation.skipped++;
        continue;
      }
      interpreted.add(pid);
      interpretation.checked++;
      const finding = late(p.published, it.published, LIMITS.interpretation);
      if (finding) interpretation.findings.push({ policy: ref(p), interpretation: ref(it), ...finding });
    }
  }
  return { interpretation, interpreted };
}

/** 2. Policies published within 20 working days of 成文日期. */
function publicationRule(policies: readonly PolicyInput[], late: LateCheck): RuleResult<LateFinding> {
  const publication: RuleResult<LateFinding> = { checked: 0, skipped: 0, findings: [] };
  for (const p of policies) {
    if (!p.written || !p.published || p.undated) {
      publication.skipped++;
      continue;
    }
    publication.checked++;
    const finding = late(p.written, p.published, LIMITS.publication);
    if (finding) publication.findings.push({ policy: ref(p), ...finding });
  }
  return publication;
}

/** 3. 规范性文件 in force without any interpretation. */
function uninterpretedRule(data: ComplianceData, interpreted: ReadonlySet<string>): RuleResult<UninterpretedFinding> {
  const uninterpreted: RuleResult<UninterpretedFinding> = { checked: 0, skipped: 0, findings: [] };
  for (const p of data.policies) {
    if (p.category !== '规范性文件' || p.status === '已废止' || p.status === '已失效') continue;
    uninterpreted.checked++;
    if (!interpreted.has(p.id) && !data.interpretations.some((it) => it.interprets.includes(p.id))) {
      uninterpreted.findings.push({ policy: ref(p), published: p.published, status: p.status });
    }
  }
  return uninterpreted;
}

/** 4. Past 有效期至 but still marked 现行有效 (in the file, else by the site data). */
function expiredRule(policies: readonly PolicyInput[], today: IsoDate, declaredStatus: ReadonlyMap<string, Status> | undefined): RuleResult<ExpiredFinding> {
  const expired: RuleResult<ExpiredFinding> = { checked: 0, skipped: 0, findings: [] };
  for (const p of policies) {
    if (!p.expires) continue;
    expired.checked++;
    if (p.expires >= today) continue;
    const declared = declaredStatus?.get(p.id);
    if (declared === '现行有效') expired.findings.push({ policy: ref(p), expires: p.expires, marked: 'declared' });
    else if (p.status === '现行有效') expired.findings.push({ policy: ref(p), expires: p.expires, marked: 'site' });
  }
  return expired;
}

/** The 有效性 an editor declared in a policy file's frontmatter (undefined if none or invalid). */
export function declaredStatusOf(fileText: string): Status | undefined {
  const s = frontmatterData(fileText, '(policy)')?.status;
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s.trim()) ? (s.trim() as Status) : undefined;
}
