/**
 * simpleYaml (src/lib/yaml-simple.ts) reads simple frontmatter without the YAML library: on the
 * sample content's files, on frontmatter written for every real document of ../shared/corpus,
 * and on random lines of tricky values (numbers, booleans, dates, quotes, colons, comments,
 * spaces, lists), parseYaml gives the value and lines the full parser gives, or leaves the
 * block to the full parser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/yaml.ts';
import { simpleYaml } from '../../src/lib/yaml-simple.ts';
import { stringifyFrontmatter } from '../../src/lib/frontmatter.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, '../shared/corpus/policies.jsonl');

/** The full parser's reading of the same block (a comment line first makes it not simple). */
const full = (text: string) => parseYaml(`#\n${text}`, 'x.md', 1);

/** Compares the two readings; true when the simple reader took the block. */
function same(text: string): boolean {
  const fast = parseYaml(text, 'x.md', 2);
  const slow = full(text);
  const took = simpleYaml(text) !== null;
  if (!took) return false;
  expect(slow.problems, text).toEqual([]);
  expect(fast.value, text).toEqual(slow.value);
  for (const key of Object.keys(slow.value as object)) {
    for (const p of [[key], [key, 0], [key, 1], [key, 3], [key, 'x'], [key, 0, 'x']]) expect(fast.lineOf(p), `${text} ${p}`).toBe(slow.lineOf(p));
  }
  expect(fast.lineOf(['missing'])).toBe(slow.lineOf(['missing']));
  return true;
}

const frontmatterOf = (md: string): string | undefined => /^---\n([\s\S]*?)\n---\n/.exec(md)?.[1];

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
}

describe('simple frontmatter without the YAML library', () => {
  it('reads the sample content as the full parser does', () => {
    let took = 0;
    const files = markdownFiles(join(ROOT, 'content'));
    for (const f of files) {
      const y = frontmatterOf(readFileSync(f, 'utf8'));
      if (y !== undefined && same(y)) took++;
    }
    expect(files.length).toBeGreaterThan(10);
    expect(took).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(CORPUS))('reads the frontmatter written for every real document as the full parser does, and takes nearly all', () => {
    const rows = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
    let took = 0;
    for (const r of rows) {
      const data: Record<string, unknown> = { title: r.title, issuers: ['org-0001', 'org-0011'], topic: 'guowuyuan-zuzhi', published: r.published };
      if (r.docNumber) data.docNumber = r.docNumber;
      if (r.written) data.written = r.written;
      if (same(frontmatterOf(stringifyFrontmatter(data, ''))!)) took++;
    }
    expect(took / rows.length).toBeGreaterThan(0.9);
  });

  it('agrees with the full parser on random lines of tricky values', () => {
    const keys = ['title', 'docNumber', 'true', 'null', 'a_1', 'Key', 'title'];
    const values = ['2004-05-13', '12', '-3', '+1', '1e5', '1e5x', '.5', '.inf', '0x1F', '0o17', '0O17', '0b101', 'true', 'True', 'yes', 'no', 'on', 'null', '~', 'NULL',
      '"银发〔2004〕3号"', '"a \\" b"', '"a # b"', '"  x  "', '"x" # c', "'x'", '意见', '其他 文件', '其他　文件', '其他 ', '其他　', 'a: b', 'a:b', 'a #b', 'a#b', 'http://x.cn/a',
      '- x', '? x', ': x', '[a, b]', '[a,b]', '[org-0001, org-0002]', '[]', '[true, x]', '[1, 2]', '[a, [b]]', '{a: 1}', '!!str x', '&a x', '*a', '|', '>', '%x', '@x', '`x`',
      'x, y', '[政务, 公开]', '[a:b, c]', '[a: b]', '[a #b]', '[2024, x]', '[x,  y]', '[ x]', 'a\tb', '中文 # 注', 'ᠮᠣᠩᠭᠣᠯ', '"\t"', ''];
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 48271) >>> 0) % 2147483647), seed % n);
    let took = 0;
    for (let i = 0; i < 4000; i++) {
      const lines: string[] = [];
      for (let k = 1 + next(4); k > 0; k--) lines.push(`${keys[next(keys.length)]}: ${values[next(values.length)]}`);
      if (next(10) === 0) lines.push(['# c', '#c', '#', ' # c', '', '  x: 1', 'nested:', '- a', 'k:'][next(9)]!);
      // a block list after a key line
      if (next(3) === 0) lines.push(`${keys[next(keys.length)]}:`, ...Array.from({ length: next(3) }, () => ['  - ', '  -', ' - ', '    - ', '- '][next(5)]! + values[next(values.length)]));
      const text = lines.join('\n');
      const slow = full(text);
      if (simpleYaml(text) === null) continue;
      if (slow.problems.length) expect.fail(`simple reader took a block the full parser refuses: ${text}`);
      if (same(text)) took++;
    }
    expect(took).toBeGreaterThan(100);
  });
});
