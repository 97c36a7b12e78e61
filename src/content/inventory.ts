/**
 * Nothing under content/ is dropped silently: every file is one the loaders read, or listed in
 * site.yaml `ignore`, or an error. A policy saved as content/policy/x.md, `_x.md`, `x.markdown`
 * or open/report/2024.yaml used to pass `check` and vanish.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { nearest, type Problem } from '../lib/errors.ts';

/** What the loaders read, relative to content/ (src/content/load.ts, open-data.ts). */
const MD = '\\.[Mm][Dd]';
const YAML = '\\.[Yy][Aa]?[Mm][Ll]';
/** Folder names are exact (the loaders read them on a case-sensitive file system); extensions are not. */
const CONSUMED: RegExp[] = [
  /^(site|organizations|topics|redirects)\.yaml$/,
  new RegExp(`^(mn/)?(policies|interpretations)/([^/_.][^/]*/)*[^/_.][^/]*${MD}$`),
  /^open\/(guide|apply)\.md$/,
  /^open\/(rules|specials|best-bets)\.yaml$/,
  new RegExp(`^open/(catalog|powers|reports|gazette)/[^/_.][^/]*${YAML}$`),
  new RegExp(`^open/consultations/[^/_.][^/]*${MD}$`),
];

const FOLDERS = ['policies', 'interpretations', 'mn/policies', 'mn/interpretations', 'open', 'open/catalog', 'open/powers', 'open/reports', 'open/gazette', 'open/consultations'];
const MAX_ENTRIES = 200_000;

/**
 * `*` within a folder, `**` across folders, `?` one character; everything else literal. Matched
 * without regular expressions: `*a*a*a…b` as a regex backtracked exponentially (a hostile
 * site.yaml stalled check). Segment wildcards use the linear greedy algorithm, `**` a table over
 * segments: at most pattern × path steps.
 */
export function globMatch(pattern: string, rel: string): boolean {
  const ps = pattern.split('/');
  const ss = rel.split('/');
  // ok[i][j]: ps[i..] matches ss[j..]
  const ok: boolean[][] = Array.from({ length: ps.length + 1 }, () => new Array<boolean>(ss.length + 1).fill(false));
  ok[ps.length]![ss.length] = true;
  for (let i = ps.length - 1; i >= 0; i--) {
    for (let j = ss.length; j >= 0; j--) {
      if (ps[i] === '**') ok[i]![j] = ok[i + 1]![j]! || (j < ss.length && ok[i]![j + 1]!);
      else ok[i]![j] = j < ss.length && segmentMatch(ps[i]!, ss[j]!) && ok[i + 1]![j + 1]!;
    }
  }
  return ok[0]![0]!;
}

/** Wildcard match of one path segment (`*`, `?`), greedy with one backtrack point. */
function segmentMatch(p: string, s: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    if (i < p.length && (p[i] === '?' || p[i] === s[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star !== -1) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** Why `rel` (relative to content/) is not content, with a hint; undefined when it is consumed. */
export function unconsumedReason(rel: string): { reason: string; hint: string } {
  const name = path.posix.basename(rel);
  const folder = path.posix.dirname(rel);
  if (name.startsWith('_') || name.startsWith('.')) {
    return { reason: `以 “${name[0]}” 开头的文件不会发布（file starting with "${name[0]}" is not published）`, hint: '请改名；确实不需发布的文件请列入 site.yaml 的 ignore' };
  }
  if (/\.(markdown|mdx|txt|docx?|wps|html?)$/i.test(name) || (FOLDERS.includes(folder) && !/\.(md|ya?ml)$/i.test(name))) {
    return { reason: `不支持的文件类型 “${path.posix.extname(name) || name}”（unsupported file type）`, hint: '政策文件和解读用 .md；旧 .txt/.docx 请用 npm run import 转换；附件放在 public/files/' };
  }
  const top = folder === '.' ? '' : folder;
  if (FOLDERS.includes(top)) {
    return { reason: `${top}/ 中不认识的文件名 ${name}，不会发布（unknown file name）`, hint: `${top}/ 中可以放的文件见 content/README.md；不需发布的文件请列入 site.yaml 的 ignore` };
  }
  const near = top ? nearest(top, FOLDERS) : undefined;
  return {
    reason: top ? `不认识的目录 ${top}/，其中的文件不会发布（unknown folder）` : `content/ 顶层不认识的文件（unknown file）`,
    hint: near ? `是否应放在 ${near}/？` : `内容目录为：${FOLDERS.join('、')}；不需发布的文件请列入 site.yaml 的 ignore`,
  };
}

export function isConsumed(rel: string): boolean {
  return CONSUMED.some((re) => re.test(rel));
}

/** Every regular file under `dir` (symlinks and special files are file-safety's business), relative, posix. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [''];
  while (pending.length && out.length < MAX_ENTRIES) {
    const sub = pending.pop()!;
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) pending.push(rel);
      else out.push(rel);
    }
  }
  return out.sort();
}

/** One problem per file under `dir` that no loader reads and `ignore` does not list. */
export async function inventoryProblems(dir: string, relDir: string, ignore: readonly string[] = []): Promise<Problem[]> {

  const problems: Problem[] = [];
  for (const rel of await walk(dir)) {
    if (isConsumed(rel) || ignore.some((g) => globMatch(g, rel))) continue;
    const { reason, hint } = unconsumedReason(rel);
    problems.push({ file: relDir === '.' ? rel : `${relDir}/${rel}`, field: '(文件)', reason, hint, severity: 'error' });
  }
  return problems;
}
