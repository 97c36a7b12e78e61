import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complianceReport, declaredStatusOf } from '../../src/lib/compliance.ts';
import { addWorkingDays, chineseDaysCalendar, workingDaysBetween, type WorkdayCalendar } from '../../src/lib/workdays.ts';
import { collectSite } from '../../src/content/load.ts';
import type { PolicyView } from '../../src/lib/model.ts';
import { toDocNumber } from '../../src/lib/docnumber.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('working days with the official holiday calendar (调休)', () => {
  it('knows 2024 National Day: holiday 10-01..10-07, Sunday 09-29 and Saturday 10-12 worked', () => {
    const w = chineseDaysCalendar.isWorkday;
    expect(w('2024-09-29')).toBe(true);
    expect(w('2024-10-01')).toBe(false);
    expect(w('2024-10-07')).toBe(false);
    expect(w('2024-10-08')).toBe(true);
    expect(w('2024-10-12')).toBe(true);
    expect(w('2024-10-13')).toBe(false);
  });
  it('counts a policy published right before National Day 2024', () => {
    // Monday 09-30 → Wednesday 10-09: only 10-08 and 10-09 are working days (plain weekdays: 7)
    expect(workingDaysBetween('2024-09-30', '2024-10-09')).toBe(2);
    expect(addWorkingDays('2024-09-30', 3)).toBe('2024-10-10');
    // Sunday 09-29 is a 调休 working day: 09-30, 10-08, 10-09 → the deadline is 10-09
    expect(addWorkingDays('2024-09-29', 3)).toBe('2024-10-09');
    expect(workingDaysBetween('2024-09-29', '2024-10-10')).toBe(4);
    // Friday 10-11 → Monday 10-14 crosses the worked Saturday 10-12
    expect(workingDaysBetween('2024-10-11', '2024-10-14')).toBe(2);
  });
  it('knows 2025 Spring Festival and National Day 调休', () => {
    // Sunday 2025-01-26 worked, 01-28..02-04 holiday, Saturday 02-08 worked
    expect(workingDaysBetween('2025-01-24', '2025-01-27')).toBe(2);
    // Monday 01-27 → 02-05, 02-06, 02-07
    expect(addWorkingDays('2025-01-27', 3)).toBe('2025-02-07');
    expect(chineseDaysCalendar.isWorkday('2025-02-08')).toBe(true);
    // Friday 2025-09-26: Sunday 09-28 worked, then 09-29, 09-30; 10-01..10-08 holiday; Saturday 10-11 worked
    expect(addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(workingDaysBetween('2025-10-10', '2025-10-13')).toBe(2);
  });
  it('20 working days from 成文日期 across National Day 2024', () => {
    expect(addWorkingDays('2024-09-20', 20)).toBe('2024-10-23');
    expect(workingDaysBetween('2024-09-20', '2024-10-23')).toBe(20);
    expect(workingDaysBetween('2024-09-20', '2024-10-24')).toBe(21);
  });
  it('reports years without holiday data', () => {
    expect(chineseDaysCalendar.covers(2024)).toBe(true);
    expect(chineseDaysCalendar.covers(2031)).toBe(false);
  });
});

function policy(p: Partial<PolicyView> & { id: string }): PolicyView {
  return {
    title: `政策 ${p.id}`,
    source: `content/policies/${p.id}.md`,
    issuers: ['x'],
    indexNumber: `X/2024-${p.id}`,
    topic: 't',
    category: '其他文件',
    published: '2024-01-02',
    repeals: [],
    amends: [],
    attachments: [],
    keywords: [],
    openness: '主动公开',
    body: '',
    bodyFormat: 'markdown',
    status: '现行有效',
    repealedBy: [],
    amendedBy: [],
    interpretations: [],
    year: 2024,
    ...p,
  };
}

describe('complianceReport', () => {
  const policies = [
    policy({ id: 'p-guoqing', category: '规范性文件', written: '2024-09-20', published: '2024-09-29' }),
    policy({ id: 'p-late', written: '2024-09-20', published: '2024-10-24', docNumber: toDocNumber('示政发〔2024〕1号')! }),
    policy({ id: 'p-ontime', written: '2024-09-20', published: '2024-10-23' }),
    policy({ id: 'p-norm', category: '规范性文件', published: '2025-03-03' }),
    policy({ id: 'p-repealed', category: '规范性文件', status: '已废止' }),
    policy({ id: 'p-expired', expires: '2025-01-31', status: '已失效' }),
    policy({ id: 'p-stale', expires: '2025-01-31', status: '现行有效' }),
    policy({ id: 'p-valid', expires: '2030-12-31' }),
  ];
  const interpretations = [
    { id: 'j-late', title: '解读一', source: 'content/interpretations/j-late.md', interprets: ['p-guoqing'], published: '2024-10-10' },
    { id: 'j-ok', title: '解读二', source: 'content/interpretations/j-ok.md', interprets: ['p-ontime'], published: '2024-10-24' },
  ];
  const report = complianceReport({ policies, interpretations }, { today: '2025-06-01', declaredStatus: new Map([['p-expired', '现行有效']]) });

  it('flags an interpretation 4 working days after a policy published on the 调休 Sunday before National Day', () => {
    expect(report.interpretation.checked).toBe(2);
    expect(report.interpretation.findings).toEqual([
      {
        policy: { id: 'p-guoqing', title: '政策 p-guoqing', source: 'content/policies/p-guoqing.md' },
        interpretation: { id: 'j-late', title: '解读一', source: 'content/interpretations/j-late.md' },
        from: '2024-09-29',
        to: '2024-10-10',
        deadline: '2024-10-09',
        workingDays: 4,
        calendarDays: 11,
        limit: 3,
      },
    ]);
  });
  it('flags publication more than 20 working days after 成文日期 (not 20 weekdays)', () => {
    expect(report.publication.checked).toBe(3);
    expect(report.publication.skipped).toBe(5);
    expect(report.publication.findings.map((f) => [f.policy.id, f.workingDays, f.deadline])).toEqual([['p-late', 21, '2024-10-23']]);
    expect(report.publication.findings[0]!.policy.docNumber).toBe('示政发〔2024〕1号');
  });
  it('lists 规范性文件 in force without interpretation', () => {
    expect(report.uninterpreted.checked).toBe(2);
    expect(report.uninterpreted.findings.map((f) => f.policy.id)).toEqual(['p-norm']);
  });
  it('lists documents past 有效期 still marked 现行有效 (declared or shown)', () => {
    expect(report.expired.checked).toBe(3);
    expect(report.expired.findings.map((f) => [f.policy.id, f.marked])).toEqual([
      ['p-expired', 'declared'],
      ['p-stale', 'site'],
    ]);
    expect(report.total).toBe(5);
    expect(report.uncoveredYears).toEqual([]);
  });
  it('uses the calendar it is given (swappable holiday source)', () => {
    const weekdays: WorkdayCalendar = { name: 'weekdays', isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()), covers: () => true };
    const r = complianceReport({ policies, interpretations }, { today: '2025-06-01', calendar: weekdays });
    expect(r.calendar).toBe('weekdays');
    // with plain weekdays the National Day case would look 8 days late
    expect(r.interpretation.findings[0]!.workingDays).toBe(9);
    // and p-ontime (20 official working days) would look late: 20 weekdays end on 10-18
    expect(r.publication.findings.map((f) => f.policy.id).sort()).toEqual(['p-late', 'p-ontime']);
  });
  it('reads the declared status from frontmatter', () => {
    expect(declaredStatusOf('---\ntitle: x\nstatus: 现行有效\n---\n')).toBe('现行有效');
    expect(declaredStatusOf('---\ntitle: x\n---\n')).toBeUndefined();
    expect(declaredStatusOf('---\nstatus: 有效\n---\n')).toBeUndefined();
  });
});

describe('compliance model of the fixture site test/fixtures/content/ok', () => {
  it('has zero findings and counts what it checked', async () => {
    const result = await collectSite({ root: ROOT, source: 'test/fixtures/content/ok', today: '2025-06-01' });
    expect(result.data).toBeDefined();
    const report = complianceReport(result.data!, { today: '2025-06-01' });
    // policy-b: 成文 2024-02-01 → 发布 Saturday 02-03 (1 working day); 解读 Monday 02-05 after the
    // worked Sunday 2024-02-04 (调休 before Spring Festival): 2 working days
    expect(report.interpretation).toEqual({ checked: 1, skipped: 0, findings: [] });
    expect(report.publication).toEqual({ checked: 2, skipped: 1, findings: [] });
    expect(report.uninterpreted).toEqual({ checked: 1, skipped: 0, findings: [] });
    expect(report.expired).toEqual({ checked: 1, skipped: 0, findings: [] });
    expect(report.total).toBe(0);
    // policy-c (2029) has no 成文日期 and no interpretation: nothing to count beyond the holiday data
    expect(report.uncoveredYears).toEqual([]);
  });
  it('finds the late interpretation once the fixture is edited', async () => {
    const result = await collectSite({ root: ROOT, source: 'test/fixtures/content/ok', today: '2025-06-01' });
    const data = result.data!;
    const interpretations = data.interpretations.map((i) => ({ ...i, published: '2024-02-19' }));
    const report = complianceReport({ policies: data.policies, interpretations }, { today: '2025-06-01' });
    // 02-04 (worked Sunday), 02-05..02-09, then 02-10..02-17 holiday, 02-18 (worked Sunday), 02-19
    expect(report.interpretation.findings.map((f) => [f.policy.id, f.workingDays, f.deadline])).toEqual([['policy-b', 8, '2024-02-06']]);
  });
});
