/**
 * `npm run check -- --fix`: applies src/lib/mongolian/rewrite.ts (vertical presentation forms →
 * plain punctuation; a space before a case suffix → U+202F) to the content files in place and
 * reports every change. Text files only (Markdown, YAML, JSON, JSON lines); nothing else is
 * touched. A symlink, a special file, a hard-linked file, one over MAX_FIX_BYTES or one that is not
 * valid UTF-8 is refused with a problem line, never rewritten. Files are replaced atomically (temp file + rename, mode kept).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** A content file --fix reads whole (twice over in memory while rewriting); the loader warns from 50 MB. */
export const MAX_FIX_BYTES = 256 * 2 ** 20;

/** Strict UTF-8 text of a file, or why it is not rewritten. Read through one descriptor opened
 * without following a symlink (one swapped in after the directory walk is refused, not read),
 * non-blocking (a FIFO swapped in does not hang the check),
 * that must still be a regular file, with one name (rewriting a hard link would split it from
 * its other name, which may be outside content/), within the size limit. */
export function readForFix(path: string, maxBytes = MAX_FIX_BYTES): { text: string } | { refused: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return { refused: '无法读取或已变为符号链接，--fix 不改写（unreadable or now a symlink: not rewritten）' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: '不是普通文件，--fix 不改写（special file: not rewritten）' };
    if (st.nlink > 1) return { refused: `有 ${st.nlink} 个硬链接，--fix 不改写（hard link: not rewritten）` };
    if (st.size > maxBytes) return { refused: `超过 ${maxBytes} 字节，--fix 不改写（over ${maxBytes} bytes: not rewritten）` };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(fd)) };
  } catch {
    return { refused: '不是有效的 UTF-8 文本，--fix 不改写（not valid UTF-8: not rewritten）' };
  } finally {
    closeSync(fd);
  }
}

/** Rewrites the files under `target` in place. `root`: paths in the report are relative to it. */
export function fixContent(target: string, root: string, maxBytes = MAX_FIX_BYTES): FixResult {
  const result: FixResult = { changes: [], files: 0, refused: [] };
  const paths: string[] = [];
  collect(target, root, paths, result.refused);
  for (const path of paths) {
    const file = posix(relative(root, path));
    const read = readForFix(path, maxBytes);
    if ('refused' in read) {
      result.refused.push(refusal(file, read.refused));
      continue;
    }
    const fixed = rewriteMongolian(read.text);
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
