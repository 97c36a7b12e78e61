import { describe, expect, it } from 'vitest';
import { frontmatterData, splitFrontmatter, stringifyFrontmatter } from '../../src/lib/frontmatter.ts';
import { declaredStatusOf } from '../../src/lib/compliance.ts';
import { MAX_YAML_ALIASES, parseYaml } from '../../src/lib/yaml.ts';

const F = 'content/policies/x.md';

describe('frontmatter is YAML 1.2 only', () => {
  it('splits YAML frontmatter and keeps the body as a suffix of the text', () => {
    const text = '\uFEFF---\ntitle: 甲\npublished: 2024-01-02\n---\n正文\n';
    const r = splitFrontmatter(text, F);
    expect(r.problem).toBeUndefined();
    expect(r.yaml?.value).toEqual({ title: '甲', published: '2024-01-02' });
    expect(r.body).toBe('正文\n');
    expect(text.endsWith(r.body)).toBe(true);
    expect(r.yaml?.lineOf(['published'])).toBe(3);
  });

  for (const [name, first] of [['js', '---js'], ['javascript', '---javascript'], ['coffee', '--- coffee'], ['json', '---json'], ['toml', '+++'], ['json ;;;', ';;;']] as const) {
    it(`refuses other languages without running them: ${name}`, () => {
      const marker = `__pwned_${name.replace(/\W/g, '')}`;
      const text = `${first}\n{ title: (globalThis.${marker} = 1, "x") }\n${first}\n正文`;
      const r = splitFrontmatter(text, F);
      expect(r.problem?.file).toBe(F);
      expect(r.problem?.reason).toMatch(/YAML|前置元数据/);
      expect(r.yaml).toBeUndefined();
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
      expect(frontmatterData(text, F)).toBeUndefined();
      expect(declaredStatusOf(text)).toBeUndefined();
      expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    });
  }

  it('accepts CRLF line ends and an explicit ---yaml opening', () => {
    expect(splitFrontmatter('---\r\ntitle: x\r\n---\r\n正文', F).yaml?.value).toEqual({ title: 'x' });
    expect(splitFrontmatter('---yaml\ntitle: x\n---\n正文', F).yaml?.value).toEqual({ title: 'x' });
  });

  it('reports missing and unterminated frontmatter', () => {
    expect(splitFrontmatter('正文', F).problem?.reason).toMatch(/缺少前置元数据/);
    expect(splitFrontmatter('', F).problem?.reason).toMatch(/缺少前置元数据/);
    expect(splitFrontmatter('---\ntitle: x\n正文', F).problem?.reason).toMatch(/unterminated/);
  });

  it('treats custom tags as errors, never as code', () => {
    const r = splitFrontmatter('---\ntitle: !!js/function "function(){return 1}"\n---\n', F);
    expect(r.yaml?.problems.length).toBeGreaterThan(0);
    expect(r.yaml?.value).toBeUndefined();
  });
});

describe('YAML resource limits give one line naming the file', () => {
  it('an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const r = parseYaml(lines.join('\n'), F);
    expect(r.value).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.file).toBe(F);
    expect(r.problems[0]!.reason).toContain(String(MAX_YAML_ALIASES));
    expect(r.problems[0]!.reason).not.toMatch(/\n|at \w+ \(/);
  });

  it('deep nesting, in flow and block style', () => {
    expect(parseYaml(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`, F).problems[0]?.reason).toMatch(/嵌套过深/);
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x';
    expect(parseYaml(block, F).problems[0]?.reason).toMatch(/嵌套过深/);
  });

  it('many keys parse in linear time, duplicates and collection keys are errors', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(parseYaml(many, F).problems).toEqual([]);
    expect(parseYaml('a: 1\nb: 2\na: 3', F).problems[0]).toMatchObject({ line: 3, reason: expect.stringContaining('duplicate key') });
    const complex = parseYaml('? [a, [b, c]]\n: 1', F);
    expect(complex.problems[0]?.reason).toMatch(/collection keys/);
    expect(complex.value).toBeUndefined();
  });

  it('a huge block', () => {
    expect(parseYaml(`a: "${'x'.repeat(3 * 1024 * 1024)}"`, F).problems[0]?.reason).toMatch(/过大/);
  });
});

describe('writing frontmatter', () => {
  it('round-trips hostile strings as data', () => {
    const data = { title: '---\n: # {{x}} <script>alert(1)</script> \'"', docNumber: '内政发〔2024〕1号', published: '2024-01-02' };
    const text = stringifyFrontmatter(data, '正文', ['由 import 生成\n---']);
    expect(splitFrontmatter(text, F).yaml?.value).toEqual(data);
    expect(splitFrontmatter(text, F).body).toBe('正文\n');
  });
});
