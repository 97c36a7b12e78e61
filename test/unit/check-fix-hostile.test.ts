/**
 * Hostile files for `npm run check -- --fix` (scripts/lib/fix-content.ts), which writes: a symlink
 * or FIFO swapped in after the directory walk, a hard link (possibly to a file outside content/)
 * and an oversized file are refused with a problem line; nothing is read through them and no
 * other file changes.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixContent, readForFix } from '../../scripts/lib/fix-content.ts';

// a presentation form and a detached case suffix: --fix would rewrite this text
const PASTED = '︵ᠲᠣᠰ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠢᠯᠡ︶\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-fix-hostile-'));
  mkdirSync(join(dir, 'content/mn'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reasons = (r: ReturnType<typeof fixContent>) => r.refused.map((p) => [p.file, p.reason.match(/（([^（]*)）$/)?.[1]]);

describe('check --fix against hostile files', () => {
  it('refuses a hard link to a file outside content/ and leaves both names as they were', () => {
    const outside = join(dir, 'outside.md');
    writeFileSync(outside, PASTED);
    linkSync(outside, join(dir, 'content/mn/linked.md'));
    const r = fixContent(join(dir, 'content'), dir);
    expect(reasons(r)).toEqual([['content/mn/linked.md', 'hard link: not rewritten']]);
    expect(r.files).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe(PASTED);
    expect(readFileSync(join(dir, 'content/mn/linked.md'), 'utf8')).toBe(PASTED);
  });

  it('refuses a file over the size limit without reading it, and still fixes the others', () => {
    writeFileSync(join(dir, 'content/mn/big.md'), PASTED.repeat(20));
    writeFileSync(join(dir, 'content/mn/small.md'), PASTED);
    const r = fixContent(join(dir, 'content'), dir, PASTED.length * 4);
    expect(reasons(r)).toEqual([['content/mn/big.md', `over ${PASTED.length * 4} bytes: not rewritten`]]);
    expect(readFileSync(join(dir, 'content/mn/big.md'), 'utf8')).toBe(PASTED.repeat(20));
    expect(r.files).toBe(1);
  });

  it('reads nothing through a symlink or a FIFO swapped in after the walk (no hang)', () => {
    const secret = join(dir, 'secret.md');
    writeFileSync(secret, PASTED);
    const link = join(dir, 'content/mn/swapped.md');
    symlinkSync(secret, link);
    expect(readForFix(link)).toEqual({ refused: expect.stringContaining('now a symlink') });
    const fifo = join(dir, 'content/mn/fifo.md');
    execFileSync('mkfifo', [fifo]);
    expect(readForFix(fifo)).toEqual({ refused: expect.stringContaining('special file') });
    expect(readForFix(secret)).toEqual({ text: PASTED });
  });
});
