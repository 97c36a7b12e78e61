/**
 * The one frontmatter reader every command uses (check, build, report, new, import). Frontmatter is
 * YAML 1.2 between `---` lines and nothing else: gray-matter also ran `---js` / `---coffee` blocks as
 * code, so a content file could execute JavaScript inside `npm run check`. Any other opening
 * (`---lang`, TOML `+++`, JSON `;;;`) is an error naming the file.
 */
import { stringify as stringifyYaml } from 'yaml';
import type { Problem } from './errors.ts';
import { MAX_FRONTMATTER_CHARS, parseYaml, type ParsedYaml } from './yaml.ts';

export interface SplitFrontmatter {
  /** the text after the closing `---` line (a suffix of the input, so offsets map to file lines) */
  body: string;
  /** the parsed block; undefined when there is none or it is not YAML */
  yaml?: ParsedYaml;
  /** missing, unterminated or non-YAML frontmatter */
  problem?: Problem;
}

const OPEN = /^---[ \t]*(?:ya?ml[ \t]*)?\r?$/i;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/;

function problem(file: string, line: number, reason: string, hint?: string): Problem {
  const p: Problem = { file, line, field: 'frontmatter', label: '前置元数据', reason, severity: 'error' };
  if (hint) p.hint = hint;
  return p;
}

/** Why a first line is not a YAML frontmatter opening, or undefined when it is. */
function openingProblem(first: string, file: string): Problem | undefined {
  if (OPEN.test(first)) return undefined;
  const lang = /^---[ \t]*(\S+)/.exec(first)?.[1];
  if (lang !== undefined) {
    return problem(file, 1, `前置元数据只能使用 YAML，不支持 “---${lang}”（frontmatter language "${lang}" not allowed; only YAML 1.2）`, '第一行只写 ---');
  }
  if (/^(\+\+\+|;;;)/.test(first)) {
    return problem(file, 1, `前置元数据只能使用 YAML，不支持 TOML/JSON 分隔符 “${first.slice(0, 3)}”（only YAML 1.2 frontmatter）`, '用 --- 开始和结束 YAML 块');
  }
  return problem(file, 1, '缺少前置元数据：文件应以 --- 开头的 YAML 块开始（missing frontmatter）');
}

/** Splits `text` (a leading BOM allowed) into its YAML frontmatter and body. */
export function splitFrontmatter(text: string, file: string): SplitFrontmatter {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const firstEnd = text.indexOf('\n', start);
  const first = text.slice(start, firstEnd === -1 ? text.length : firstEnd);
  const opening = openingProblem(first, file);
  if (opening) return { body: text.slice(start), problem: opening };
  let lineStart = firstEnd + 1;
  let line = 2;
  while (firstEnd !== -1 && lineStart <= text.length) {
    const end = text.indexOf('\n', lineStart);
    const current = text.slice(lineStart, end === -1 ? text.length : end);
    if (CLOSE.test(current)) {
      // without the newline before the closing line, so an error at the end points at the last YAML line
      const yamlText = text.slice(firstEnd + 1, Math.max(firstEnd + 1, lineStart - 1)).replace(/\r$/, '');
      const body = end === -1 ? '' : text.slice(end + 1);
      return { body, yaml: parseYaml(yamlText, file, 2, MAX_FRONTMATTER_CHARS) };
    }
    if (end === -1) break;
    lineStart = end + 1;
    line++;
  }
  return { body: '', problem: problem(file, 1, `前置元数据没有结束行 ---（unterminated frontmatter, ${line - 1} lines read）`, '在 YAML 块之后单独一行写 ---') };
}

/** The frontmatter mapping of `text`, or undefined when it is missing, not YAML or not a mapping. */
export function frontmatterData(text: string, file: string): Record<string, unknown> | undefined {
  const { yaml } = splitFrontmatter(text, file);
  const v = yaml && !yaml.problems.length ? yaml.value : undefined;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A Markdown file: `# comment` lines and `data` as a YAML 1.2 block, then the body. */
export function stringifyFrontmatter(data: Record<string, unknown>, body: string, comments: readonly string[] = []): string {
  const head = comments.map((c) => `# ${c.replace(/[\r\n]+/g, ' ')}\n`).join('');
  const yamlText = stringifyYaml(data, { version: '1.2', lineWidth: 0 });
  return `---\n${head}${yamlText}---\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`;
}
