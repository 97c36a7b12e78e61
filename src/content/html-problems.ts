/**
 * Sanitizer findings (src/lib/html-policy.ts) as content problems at file lines, for every source
 * that becomes HTML: document bodies, translations, content/open/ pages and consultations, and
 * Markdown text fields inside YAML (annual report text).
 */
import type { Problem } from '../lib/errors.ts';
import { htmlViolations } from '../lib/html-policy.ts';

/** 1-based line of UTF-16 offset `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function toProblem(rel: string, line: number | undefined, field: string, label: string, v: { found: string; reason: string }): Problem {
  const p: Problem = { file: rel, field, label, reason: `含不安全或不允许的 HTML ${v.found}：${v.reason}`, severity: 'error' };
  if (line !== undefined) p.line = line;
  return p;
}

/** Problems for the Markdown `body` that ends the file `text` (the body is a suffix of the text). */
export function bodyHtmlProblems(text: string, body: string, rel: string): Problem[] {
  const violations = htmlViolations(body);
  if (violations.length === 0) return [];
  const first = lineAt(text, text.length - body.length);
  return violations.map((v) => toProblem(rel, first + v.line - 1, 'body', '正文', v));
}

/** Problems for a Markdown text field of a YAML file, reported at the field's line. */
export function fieldHtmlProblems(markdown: string, rel: string, field: string, label: string, line: number | undefined): Problem[] {
  return htmlViolations(markdown).map((v) => toProblem(rel, line === undefined ? undefined : line + v.line - 1, field, label, v));
}
