import { describe, expect, it } from 'vitest';
import type { Interpretation, Policy } from '../../src/lib/model.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { buildRelations, checkReferences } from '../../src/lib/relations.ts';
import { checkPolicyDates, deriveStatus, todayInShanghai, validateLibrary } from '../../src/lib/validity.ts';
import { toDocNumber } from '../../src/lib/docnumber.ts';

function policy(id: string, extra: Partial<Policy> = {}): Policy {
  return {
    id,
    source: `p/${id}.md`,
    title: id,
    issuers: ['org'],
    indexNumber: `X/2020-${id}`,
    topic: 'zwgk',
    category: '其他文件',
    published: '2020-01-10',
    repeals: [],
    amends: [],
    attachments: [],
    keywords: [],
    openness: '主动公开',
    body: '',
    bodyFormat: 'markdown',
    ...extra,
  };
}
function interp(id: string, interprets: string[], published = '2020-02-01'): Interpretation {
  return { id, source: `i/${id}.md`, title: id, interprets, published, form: '文字', body: '', bodyFormat: 'markdown' };
}
const base = { organizations: [{ id: 'org', name: '机关' }], topics: [{ id: 'zwgk', name: '政务公开' }] };
const today = '2025-06-01';
const run = (policies: Policy[], interpretations: Interpretation[] = [], lenient = false) =>
  validateLibrary({ ...base, policies, interpretations }, { today, lenient });
const lines = (r: ReturnType<typeof run>) => r.problems.map(formatProblem);

describe('relations', () => {
  it('computes inverse relations, interpretations newest first', () => {
    const rel = buildRelations(
      [policy('a'), policy('b', { repeals: ['a'] }), policy('c', { amends: ['a', 'missing'] })],
      [interp('i1', ['a'], '2020-01-01'), interp('i2', ['a', 'b'], '2021-01-01')],
    );
    expect(rel.repealedBy.get('a')).toEqual(['b']);
    expect(rel.amendedBy.get('a')).toEqual(['c']);
    expect(rel.interpretations.get('a')).toEqual(['i2', 'i1']);
    expect(rel.interpretations.get('b')).toEqual(['i2']);
  });
  it('reports dangling ids with the nearest existing id, self-repeal and drafts', () => {
    const problems = checkReferences([policy('policy-a'), policy('b', { repeals: ['b', 'policy-aa'], amends: ['draft-x'] })], [interp('i', ['polcy-a'])], {
      draftIds: new Set(['draft-x']),
    });
    expect(problems.map(formatProblem)).toEqual([
      'p/b.md repeals[0]（废止文件）: 文件不能废止自身 "b"（self reference）',
      'p/b.md repeals[1]（废止文件）: 引用的政策文件不存在 "policy-aa"（unknown policy id）；是否应为 "policy-a"？',
      'p/b.md amends[0]（修改文件）: 引用的政策文件 "draft-x" 是草稿或未到发布日期，未发布（references an unpublished draft or scheduled document）；请发布该文件（draft: false，发布日期不晚于今天）或删除此引用',
      'i/i.md interprets[0]（解读文件）: 引用的政策文件不存在 "polcy-a"（unknown policy id）；是否应为 "policy-a"？',
    ]);
  });
});

describe('status derivation', () => {
  const byId = (ps: Policy[]) => new Map(ps.map((p) => [p.id, p]));
  it.each([
    ['现行有效', policy('a'), []],
    ['已废止', policy('a'), [policy('b', { repeals: ['a'] })]],
    ['已修改', policy('a'), [policy('b', { amends: ['a'] })]],
    ['已失效', policy('a', { expires: '2025-05-31' }), []],
    ['现行有效', policy('a', { expires: '2025-06-01' }), []],
    ['尚未生效', policy('a', { effective: '2025-06-02' }), []],
    ['现行有效', policy('a', { effective: '2025-06-01' }), []],
    // a repeal takes effect only when the repealing document does
    ['现行有效', policy('a'), [policy('b', { repeals: ['a'], published: '2025-05-01', effective: '2025-07-01' })]],
  ] as const)('%s', (expected, p, others) => {
    const all = [p, ...others];
    expect(deriveStatus(p, buildRelations(all, []), byId(all), today).status).toBe(expected);
  });

  it('a declared status contradicting a relation is an error naming both', () => {
    const r = run([policy('a', { status: '现行有效' }), policy('b', { repeals: ['a'] })]);
    expect(lines(r)).toEqual(['p/a.md status（有效性）: 声明为"现行有效"，但该文件已被 "b" 废止，应为"已废止"（declared status contradicts relations）；允许值：已废止']);
    expect(r.policies[0]).toMatchObject({ status: '已废止', repealedBy: ['b'] });
  });
  it('a declaration overtaken by time is a warning and the derived status wins', () => {
    const r = run([policy('a', { status: '尚未生效', effective: '2025-01-01' }), policy('c', { status: '现行有效', expires: '2025-01-01' })]);
    expect(r.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(r.policies.map((p) => p.status)).toEqual(['现行有效', '已失效']);
  });
  it('keeps declared statuses the library has no evidence for', () => {
    const r = run([policy('a', { status: '已废止' }), policy('b', { status: '已修改' })]);
    expect(r.problems).toEqual([]);
    expect(r.policies.map((p) => p.status)).toEqual(['已废止', '已修改']);
  });
  it('todayInShanghai uses China Standard Time', () => {
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });
});

describe('cross-file rules', () => {
  it('unique ids across policies and interpretations', () => {
    expect(lines(run([policy('a')], [interp('a', ['a'])]))).toEqual(['i/a.md id（标识）: 重复的标识 "a"，已用于 p/a.md（duplicate id）；请改文件名或设置不同的 id']);
  });
  it('unique 文号 compared by key; lenient makes it a warning', () => {
    const ps = [policy('a', { docNumber: toDocNumber('银发〔2015〕305号')! }), policy('b', { docNumber: toDocNumber('银发(2015)第305号')! })];
    expect(lines(run(ps))).toEqual(['p/b.md docNumber（发文字号）: 发文字号 "银发(2015)第305号" 与 p/a.md（"a"）重复（duplicate document number）']);
    expect(run(ps, [], true).problems[0]!.severity).toBe('warning');
  });
  it('issuers and topic must exist', () => {
    expect(lines(run([policy('a', { issuers: ['orgg'], topic: 'zw' })]))).toEqual([
      'p/a.md issuers[0]（发文机关）: 发文机关 "orgg" 不在 organizations.yaml 中（unknown organization）；允许值：org；是否应为 "org"？',
      'p/a.md topic（主题分类）: 主题分类 "zw" 不在 topics.yaml 中（unknown topic）；允许值：zwgk；是否应为 "zwgk"？',
    ]);
  });
  it('dates are consistent', () => {
    expect(checkPolicyDates(policy('a', { written: '2020-02-01', published: '2020-01-10', effective: '2020-01-01', expires: '2019-12-31' })).map(formatProblem)).toEqual([
      'p/a.md published（发布日期）: 发布日期 2020-01-10 早于成文日期 2020-02-01（published before written）',
      'p/a.md effective（施行日期）: 施行日期 2020-01-01 早于成文日期 2020-02-01（effective before written）',
      'p/a.md expires（有效期至）: 有效期至 2019-12-31 不晚于施行日期 2020-01-01（expires must be after effective）',
    ]);
    expect(lines(run([policy('a', { written: '2020-01-05' })], [interp('i', ['a'], '2020-01-04')]))).toEqual([
      'i/i.md published（发布日期）: 解读发布日期 2020-01-04 早于被解读文件 "a" 的成文日期 2020-01-05（interpretation published before the policy）',
    ]);
  });
  it('builds PolicyView with inverse relations and year', () => {
    const r = run([policy('a'), policy('b', { amends: ['a'], published: '2021-03-01' })], [interp('i', ['a'])]);
    expect(r.problems).toEqual([]);
    expect(r.policies[0]).toMatchObject({ status: '已修改', amendedBy: ['b'], repealedBy: [], interpretations: ['i'], year: 2020 });
    expect(r.policies[1]).toMatchObject({ status: '现行有效', year: 2021 });
  });
});
