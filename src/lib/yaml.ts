/**
 * The one YAML reader for content: YAML 1.2 core schema only, with resource limits, so that a
 * hostile file (alias bomb, deep nesting, huge block, unknown tags) becomes one clear problem
 * naming the file instead of a crash or a stack trace that loses every other problem.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from './errors.ts';
import { simpleYaml, type SimpleYaml } from './yaml-simple.ts';

/** Line of the key at a path such as `['attachments', 0, 'file']`. */
export type LineOf = (p: readonly PropertyKey[]) => number | undefined;

export interface ParsedYaml {
  /** undefined when there are syntax errors */
  value: unknown;
  lineOf: LineOf;
  /** YAML syntax errors and limit violations */
  problems: Problem[];
}

/** Largest YAML text read (site.yaml of a big office is a few KB; a catalogue file tens of KB). */
export const MAX_YAML_CHARS = 1024 * 1024;
/** Largest frontmatter block: a title, a summary and a few lists. */
export const MAX_FRONTMATTER_CHARS = 128 * 1024;
/** Aliases expanded per document: real content needs a handful; an alias bomb needs thousands. */
export const MAX_YAML_ALIASES = 100;
/** Nesting of collections: content is at most 4–5 levels deep. */
export const MAX_YAML_DEPTH = 64;

const NO_LINES: LineOf = () => undefined;

function yamlProblem(file: string, line: number, reason: string): Problem {
  return { file, line, field: 'yaml', label: 'YAML 语法', reason, severity: 'error' };
}

/** Line of the deepest existing key on `p` (1-based); undefined if even the first key is absent. */
function yamlLineOf(doc: Document, lc: LineCounter): LineOf {
  return (p) => {
    let node: unknown = doc.contents;
    let line: number | undefined;
    for (const seg of p) {
      if (isMap(node)) {
        const pair = node.items.find((it) => (isScalar(it.key) ? it.key.value === seg : it.key === seg));
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (!pair || !range) break;
        line = lc.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as { range?: [number, number, number] } | undefined;
        if (!item?.range) break;
        line = lc.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return line;
  };
}

/** Deepest collection nesting of a plain value (iterative: a deep value must not overflow the stack). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_YAML_DEPTH) return max;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/** Deep flow nesting such as `[[[[…` is refused before the parser recurses into it. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return max;
}

/**
 * `text` parsed as YAML 1.2 (core schema: no custom tags, no merge keys, unique keys). `firstLine`
 * is the file line of the text's first line (frontmatter starts on line 2).
 */
export function parseYaml(text: string, file: string, firstLine = 1, maxChars = MAX_YAML_CHARS): ParsedYaml {
  const shift = firstLine - 1;
  if (text.length > maxChars) {
    const reason = `YAML 内容过大：${text.length} 字符，上限 ${maxChars}（YAML too large）`;
    return { value: undefined, lineOf: NO_LINES, problems: [yamlProblem(file, firstLine, reason)] };
  }
  if (bracketDepth(text) > MAX_YAML_DEPTH) {
    const reason = `YAML 嵌套过深，超过 ${MAX_YAML_DEPTH} 层（YAML nested too deeply）`;
    return { value: undefined, lineOf: NO_LINES, problems: [yamlProblem(file, firstLine, reason)] };
  }
  const simple = simpleYaml(text);
  if (simple) return { value: simple.value, lineOf: simpleLineOf(simple, shift), problems: [] };
  try {
    return parseChecked(text, file, shift);
  } catch (e) {
    // the parser's own limits (stack, aliases) end here: one line, no stack trace
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { value: undefined, lineOf: NO_LINES, problems: [yamlProblem(file, firstLine, `无法读取 YAML：${message}（YAML rejected）`)] };
  }
}

/** yamlLineOf for a simple block: a key's line, or a block list item's (a flow list's items share their key's line). */
function simpleLineOf(y: SimpleYaml, shift: number): LineOf {
  return (p) => {
    const key = p[0];
    if (typeof key !== 'string') return undefined;
    const line = y.items.get(key)?.[p[1] as number] ?? y.lines.get(key);
    return line === undefined ? undefined : line + shift;
  };
}

function parseChecked(text: string, file: string, shift: number): ParsedYaml {
  const lc = new LineCounter();
  // uniqueKeys is checked below in linear time: the parser's own check is quadratic (80,000 keys took minutes)
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, version: '1.2', schema: 'core', merge: false });
  const lineOf: LineOf = (p) => {
    const l = yamlLineOf(doc, lc)(p);
    return l === undefined ? undefined : l + shift;
  };
  // warnings include unresolved tags such as !!js/function: data must be plain YAML
  const problems = [...doc.errors, ...doc.warnings].map((e) =>
    yamlProblem(file, (e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line) + shift, `YAML 语法错误：${e.message.split('\n')[0]}（YAML syntax error）`),
  );
  if (!problems.length) problems.push(...keyProblems(doc, lc, file, shift));
  if (problems.length) return { value: undefined, lineOf, problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const reason = `YAML 别名展开过多或无法展开（上限 ${MAX_YAML_ALIASES}）：${(e as Error).message.split('\n')[0]}（alias limit exceeded）`;
    return { value: undefined, lineOf, problems: [yamlProblem(file, 1 + shift, reason)] };
  }
  if (depthOf(value) > MAX_YAML_DEPTH) {
    return { value: undefined, lineOf, problems: [yamlProblem(file, 1 + shift, `YAML 嵌套过深，超过 ${MAX_YAML_DEPTH} 层（YAML nested too deeply）`)] };
  }
  return { value, lineOf, problems: [] };
}

/**
 * Keys are plain scalars and unique within their mapping. A collection as a key (`? [a, b]`) would
 * be stringified by toJS, with a process warning and a multi-line key in every message.
 */
function keyProblems(doc: Document, lc: LineCounter, file: string, shift: number): Problem[] {
  const out: Problem[] = [];
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number => (node?.range ? lc.linePos(node.range[0]).line : 1) + shift;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (out.length >= 20) return visit.BREAK;
        const key = pair.key;
        if (!isScalar(key)) {
          out.push(yamlProblem(file, lineOf(key as never), '键必须是简单的文字或数字，不能是列表或映射（collection keys not allowed）'));
          continue;
        }
        if (seen.has(key.value)) out.push(yamlProblem(file, lineOf(key), `键 "${String(key.value).slice(0, 40)}" 重复（duplicate key）`));
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return out;
}
