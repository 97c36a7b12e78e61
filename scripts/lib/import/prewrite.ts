/**
 * The one check before npm run import writes anything, for a single document (scripts/import.ts)
 * and for a document with its versions (grouped.ts): the exact text is what npm run check accepts
 * (src/lib/import/validate-output.ts), the path stays inside --out also after symbolic links, an
 * existing file is overwritten only with --force, and a new document does not take an id used
 * elsewhere in content/.
 */
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '../../../src/lib/errors.ts';
import { checkOutputSize } from '../../../src/lib/import/guards.ts';
import { shown } from '../../../src/lib/import/shown.ts';
import { validatePolicyOutput, validateVersionOutput } from '../../../src/lib/import/validate-output.ts';
import type { OutputFile } from '../../../src/lib/import/versions.ts';

export interface WriteContext {
  out: string;
  content: string;
  force: boolean;
  today: string;
  organizations: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  /** ids used in content/ (a new document must not take one) */
  ids: Set<string>;
  /** a path as printed */
  rel: (p: string) => string;
}

export const exists = (p: string) => stat(p).then(() => true, () => false);

/** The output path of a file, refused when it would leave the output folder. */
export function target(c: WriteContext, f: OutputFile): string {
  const root = path.resolve(c.out);
  const p = path.resolve(root, f.rel);
  if (!p.startsWith(root + path.sep)) throw new Error(`输出路径 ${JSON.stringify(f.rel)} 不在 ${c.out} 中（path outside the output folder）`);
  return p;
}

/**
 * True when `p` would be written inside the output folder also after symbolic links: its nearest
 * existing folder resolves inside it and the file itself is not a link (a `<id>.md`, `<id>/` or
 * `versions/` linked elsewhere must not carry a write out of --out).
 */
async function staysInside(c: WriteContext, p: string): Promise<boolean> {
  if (await lstat(p).then((s) => s.isSymbolicLink(), () => false)) return false;
  let root = path.resolve(c.out);
  while (!(await exists(root))) root = path.dirname(root);
  const realRoot = await realpath(root);
  let dir = path.dirname(p);
  while (!(await exists(dir))) dir = path.dirname(dir);
  const real = await realpath(dir);
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

export interface Blockers {
  /** printed lines, one per problem that keeps the files from being written */
  lines: string[];
  /** how many of them are npm run check errors in the text itself */
  checkErrors: number;
}

/** What keeps these files (one document, and its versions) from being written; warnings are printed and pass. */
export async function blockers(c: WriteContext, files: readonly OutputFile[], id: string): Promise<Blockers> {
  const out: Blockers = { lines: [], checkErrors: 0 };
  for (const f of files) {
    const p = target(c, f);
    checkOutputSize(f.text);
    const problems = f.kind === 'document'
      ? validatePolicyOutput(f.text, c.rel(p), { organizations: c.organizations, topics: c.topics, expected: f.data, today: c.today })
      : validateVersionOutput(f.text, c.rel(p), f.data);
    // a problem may quote the untrusted text: no terminal escapes
    for (const pr of problems) {
      if (pr.severity !== 'error') console.log(`  ${shown(formatProblem(pr))}`);
      else {
        out.lines.push(`  ${shown(formatProblem(pr))}`);
        out.checkErrors++;
      }
    }
    if (!(await staysInside(c, p))) out.lines.push(`  ${c.rel(p)}: 目标路径经符号链接指向 ${c.out} 之外，未写入（symbolic link out of the output folder）`);
    const there = await exists(p);
    if (there && !c.force) out.lines.push(`  ${c.rel(p)} 已存在，未覆盖（exists; use --force to overwrite）`);
    if (!there && f.kind === 'document' && c.ids.has(id)) out.lines.push(`  标识 "${id}" 已被 ${c.content}/ 中的其他文件使用（duplicate id）`);
  }
  return out;
}
