import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentError, editDistance, formatProblem, issuesToProblems, nearest, type Problem } from '../../src/lib/errors.ts';

describe('formatProblem', () => {
  it('file:line field（label）: reason；允许值', () => {
    const p: Problem = { file: 'content/policies/x.md', line: 7, field: 'docType', label: '公文种类', reason: '不是允许的值 "条例"（invalid enum value）', allowed: ['决议', '决定'], severity: 'error' };
    expect(formatProblem(p)).toMatchInlineSnapshot(`"content/policies/x.md:7 docType（公文种类）: 不是允许的值 "条例"（invalid enum value）；允许值：决议、决定"`);
  });
  it('marks warnings, omits a missing line and abbreviates long allowed lists', () => {
    const p: Problem = { file: 'a.jsonl', field: 'issuer', reason: '缺少发文机关（missing issuer）', severity: 'warning', allowed: Array.from({ length: 40 }, (_, i) => `o${i}`), hint: '是否应为 "o1"？' };
    expect(formatProblem(p)).toMatchInlineSnapshot(`"a.jsonl [警告 warning] issuer: 缺少发文机关（missing issuer）；允许值：o0、o1、o2、o3、o4、o5、o6、o7、o8、o9、o10、o11、o12、o13、o14、o15、o16、o17、o18、o19、o20、o21、o22、o23、o24、o25、o26、o27、o28、o29…（共 40 项）；是否应为 "o1"？"`);
  });
});

describe('zod issues → Problems', () => {
  const schema = z.strictObject({
    title: z.string().min(1),
    count: z.number().int().min(1).max(9),
    tags: z.array(z.string()).min(1),
    kind: z.enum(['甲', '乙']),
    code: z.string().regex(/^\d{6}$/, { error: '应为 6 位数字' }),
    mail: z.email(),
    nested: z.strictObject({ org: z.string() }).optional(),
  });
  const labels = { title: '标题', count: '数量', tags: '标签', kind: '种类', code: '代码', mail: '邮箱', nested: '嵌套', 'nested.org': '机关' };
  const run = (v: unknown) => {
    const r = schema.safeParse(v, { reportInput: true });
    return r.success ? [] : issuesToProblems(r.error.issues, { file: 'f.yaml', labels, lineOf: (p) => (p[0] === 'count' ? 3 : undefined) }).map(formatProblem);
  };
  it('maps every issue kind to a Chinese reason with the English key', () => {
    expect(run({ title: '', count: 0.5, tags: [], kind: '丙', code: '12', mail: 'x', nested: { org: 1, orgg: 2 }, titel: 1 })).toMatchInlineSnapshot(`
      [
        "f.yaml title（标题）: 不能为空（too small: empty string）",
        "f.yaml:3 count（数量）: 类型错误：应为整数，实际为数字 0.5（invalid type: expected int, received number）",
        "f.yaml tags（标签）: 至少需要 1 项（too small: at least 1 item）",
        "f.yaml kind（种类）: 不是允许的值 "丙"（invalid enum value）；允许值：甲、乙",
        "f.yaml code（代码）: 格式不符 "12"：应为 6 位数字（invalid format）",
        "f.yaml mail（邮箱）: 格式不符 "x"，应为电子邮件地址（invalid email）",
        "f.yaml nested.org（机关）: 类型错误：应为文本，实际为数字 1（invalid type: expected string, received number）",
        "f.yaml nested.orgg: 未知字段（unrecognized key）；是否应为 "org"（机关）？",
        "f.yaml titel: 未知字段（unrecognized key）；是否应为 "title"（标题）？",
      ]
    `);
  });
  it('missing required fields and wrong types', () => {
    expect(run({ count: '3', tags: 'a', kind: '甲', code: '123456', mail: 'a@b.cn' })).toMatchInlineSnapshot(`
      [
        "f.yaml title（标题）: 缺少必填字段（required）",
        "f.yaml:3 count（数量）: 类型错误：应为数字，实际为文本 "3"（invalid type: expected number, received string）",
        "f.yaml tags（标签）: 类型错误：应为列表，实际为文本 "a"（invalid type: expected array, received string）",
      ]
    `);
  });
});

describe('ContentError', () => {
  it('carries the problems and lists every line in its message', () => {
    const e = new ContentError([
      { file: 'a.md', line: 2, field: 'title', label: '标题', reason: '缺少必填字段（required）', severity: 'error' },
      { file: 'b.md', field: 'topic', reason: 'x', severity: 'error' },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.problems).toHaveLength(2);
    expect(e.message).toMatchInlineSnapshot(`
      "内容校验失败，共 2 个问题（content validation failed）:
      a.md:2 title（标题）: 缺少必填字段（required）
      b.md topic: x"
    `);
  });
});

describe('suggestions', () => {
  it('edit distance and nearest', () => {
    expect(editDistance('titel', 'title')).toBe(2);
    expect(nearest('titel', ['title', 'topic', 'docType'])).toBe('title');
    expect(nearest('pagesize', ['pageSize', 'name'])).toBe('pageSize');
    expect(nearest('zzz-unknown', ['policy-a', 'policy-b'])).toBeUndefined();
  });
});
