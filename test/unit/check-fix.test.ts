/**
 * `npm run check -- --fix` (issue #17 item 5): rewrites vertical presentation forms and spaces
 * before case suffixes in content files, prints each change, touches nothing else, changes
 * nothing on a second run, and refuses symlinks and files that are not UTF-8.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixContent, formatChange } from '../../scripts/lib/fix-content.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const S = '\u202F';
// pasted from an old-CMS government page: presentation forms and detached suffixes
const PASTED = '︵ᠲᠣᠰ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ︶ ﹇2022﹈ 19 ᠳ᠋ᠦᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
  cpSync(join(root, 'test/fixtures/content/mn-ok'), join(dir, 'content'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const policyB = () => join(dir, 'content/mn/policies/policy-b.md');
const check = (...extra: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/check.ts'), '--content', 'content', '--root', dir, '--today', '2025-06-01', ...extra], { cwd: dir, encoding: 'utf8' });

describe('fixContent', () => {
  it('rewrites only the changed characters, keeps the mode, and reports file:line: before → after', () => {
    writeFileSync(policyB(), readFileSync(policyB(), 'utf8') + `\n${PASTED}\n`);
    chmodSync(policyB(), 0o640);
    const before = readFileSync(policyB(), 'utf8');
    const r = fixContent(join(dir, 'content'), dir);
    const after = readFileSync(policyB(), 'utf8');
    expect(after).toBe(before.replace(PASTED, `(ᠲᠣᠰ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ${S}ᠢ ᠢᠯᠡ ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ) [2022] 19 ᠳ᠋ᠦᠭᠡᠷ ᠲᠣᠭᠠᠲᠤ`));
    expect(statSync(policyB()).mode & 0o777).toBe(0o640);
    expect(r.files).toBe(1);
    const line = before.split('\n').indexOf(PASTED) + 1;
    expect(r.changes.map(formatChange)).toEqual([
      `content/mn/policies/policy-b.md:${line}: ︵ᠲᠣᠰ → (ᠲᠣᠰ`,
      `content/mn/policies/policy-b.md:${line}: ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ ᠢ → ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ⟨U+202F⟩ᠢ`,
      `content/mn/policies/policy-b.md:${line}: ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ︶ → ᠨᠡᠶᠢᠲᠡᠯᠡᠨᠡ)`,
      `content/mn/policies/policy-b.md:${line}: ﹇2022﹈ → [2022]`,
    ]);
    expect(r.refused).toEqual([]);
  });
  it('a second run changes nothing; files without such problems are never written', () => {
    writeFileSync(policyB(), readFileSync(policyB(), 'utf8') + `\n${PASTED}\n`);
    fixContent(join(dir, 'content'), dir);
    const mtimes = ['content/site.yaml', 'content/mn/policies/policy-b.md'].map((f) => statSync(join(dir, f)).mtimeMs);
    const again = fixContent(join(dir, 'content'), dir);
    expect(again).toEqual({ changes: [], files: 0, refused: [] });
    expect(['content/site.yaml', 'content/mn/policies/policy-b.md'].map((f) => statSync(join(dir, f)).mtimeMs)).toEqual(mtimes);
  });
  it('refuses a symlink and a file that is not UTF-8, and rewrites neither (nor the symlink target)', () => {
    const target = join(dir, 'outside.md');
    writeFileSync(target, PASTED);
    symlinkSync(target, join(dir, 'content/mn/policies/link.md'));
    const latin1 = Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a, ...Buffer.from(PASTED)]);
    writeFileSync(join(dir, 'content/mn/policies/latin1.md'), latin1);
    const r = fixContent(join(dir, 'content'), dir);
    expect(r.refused.map((p) => [p.file, p.severity, p.reason.match(/\((.*)\)|（(.*)）/)?.[0]])).toEqual([
      ['content/mn/policies/link.md', 'error', '（symlink: not rewritten）'],
      ['content/mn/policies/latin1.md', 'error', '（not valid UTF-8: not rewritten）'],
    ]);
    expect(readFileSync(target, 'utf8')).toBe(PASTED);
    expect(readFileSync(join(dir, 'content/mn/policies/latin1.md'))).toEqual(latin1);
  });
});

describe('npm run check -- --fix', () => {
  it('fixes what check refuses, prints each change, and the fixed content passes; a second run prints 0 changes', () => {
    writeFileSync(policyB(), readFileSync(policyB(), 'utf8').replace(/\n$/, `\n\n${PASTED}\n`));
    const plain = check();
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('no-presentation-form');
    const fixed = check('--fix');
    expect(fixed.stdout).toMatch(/content\/mn\/policies\/policy-b\.md:\d+: ︵ᠲᠣᠰ → \(ᠲᠣᠰ/);
    expect(fixed.stdout).toContain('fixed 4 in 1 files');
    expect(fixed.stdout).toContain('✓ 内容校验通过');
    expect(fixed.status).toBe(0);
    const again = check('--fix');
    expect(again.stdout).toContain('fixed 0 in 0 files');
    expect(again.status).toBe(0);
  });
  it('a refused file fails the check', () => {
    writeFileSync(join(dir, 'content/mn/policies/latin1.md'), Buffer.from([0xff, 0xfe, 0x00]));
    const r = check('--fix');
    expect(r.stdout).toContain('content/mn/policies/latin1.md');
    expect(r.stdout).toContain('not valid UTF-8');
    expect(r.status).toBe(1);
  });
});
