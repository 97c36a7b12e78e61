/**
 * `npm run check -- --fix`: applies src/lib/mongolian/rewrite.ts (vertical presentation forms →
 * plain punctuation; a space before a case suffix → U+202F) to the content files in place and
 * reports every change. Text files only (Markdown, YAML, JSON, JSON lines); nothing else is
 * touched. A symlink, a special file or a file that is not valid UTF-8 is refused with a problem
 * line, never rewritten. Files are replaced atomically (temp file + rename, mode kept).
 */
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { rewriteMongolian, type TextChange } from '../../src/lib/mongolian/rewrite.ts';
import type { Problem } from '../../src/lib/errors.ts';

const TEXT_FILE = /\.(md|mdx|ya?ml|json|jsonl)$/i;

export interface FileChange extends TextChange {
  file: string;
}

export interface FixResult {
  changes: FileChange[];
  /** files that were changed */
  files: number;
  /** files refused (symlink, special file, not UTF-8), as check problems */
  refused: Problem[];
}

const posix = (p: string): string => p.split(sep).join('/');

/** The text files under `target` (a directory or one file); symlinks and special files come back as refusals. */
function collect(target: string, root: string, out: string[], refused: Problem[]): void {
  const st = lstatSync(target);
  const file = posix(relative(root, target));
  if (st.isSymbolicLink()) refused.push(refusal(file, '是符号链接，--fix 不改写（symlink: not rewritten）'));
  else if (st.isDirectory()) {
    for (const name of readdirSync(target).sort()) {
      if (name.startsWith('.')) continue;
      collect(join(target, name), root, out, refused);
    }
  } else if (!st.isFile()) refused.push(refusal(file, '不是普通文件，--fix 不改写（special file: not rewritten）'));
  else if (TEXT_FILE.test(target)) out.push(target);
}

function refusal(file: string, reason: string): Problem {
  return { file, field: 'file', label: '文件', reason, severity: 'error' };
}

/** Strict UTF-8 text of a file, or null. Read through one descriptor that must still be a regular file. */
function readUtf8(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(fd));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Rewrites the files under `target` in place. `root`: paths in the report are relative to it. */
export function fixContent(target: string, root: string): FixResult {
  const result: FixResult = { changes: [], files: 0, refused: [] };
  const paths: string[] = [];
  collect(target, root, paths, result.refused);
  for (const path of paths) {
    const file = posix(relative(root, path));
    const text = readUtf8(path);
    if (text === null) {
      result.refused.push(refusal(file, '不是有效的 UTF-8 文本，--fix 不改写（not valid UTF-8: not rewritten）'));
      continue;
    }
    const fixed = rewriteMongolian(text);
    if (fixed.changes.length === 0) continue;
    const tmp = join(dirname(path), `.${basename(path)}.fix-${process.pid}`);
    try {
      writeFileSync(tmp, fixed.text, { mode: lstatSync(path).mode & 0o777, flag: 'wx' });
      renameSync(tmp, path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    result.files++;
    for (const c of fixed.changes) result.changes.push({ file, ...c });
  }
  return result;
}

/** `file:line: before → after`, one line per change. */
export function formatChange(c: FileChange): string {
  return `${c.file}:${c.line}: ${c.before} → ${c.after}`;
}
