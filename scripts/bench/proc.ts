/**
 * Resident memory of a process tree from /proc, attributed to roles: a role is a process whose
 * command line matches (the astro build, the search index step, pagefind) together with its
 * descendants (esbuild under astro). Parsing is pure so it is unit-tested on captured text.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcInfo {
  pid: number;
  ppid: number;
  rssBytes: number;
  /** command line, arguments joined by spaces */
  cmd: string;
}

export interface Role {
  name: string;
  match: RegExp;
}

export interface Sample {
  tree: number;
  /** role name → RSS of the matching process and its descendants (absent: not running) */
  roles: Record<string, number>;
}

/** ppid from /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and ')'. */
export function parseStatPpid(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  if (!Number.isInteger(ppid)) throw new Error(`unreadable /proc stat line: ${stat.slice(0, 80)}`);
  return ppid;
}

/** VmRSS from /proc/<pid>/status in bytes; 0 for kernel threads and zombies (no VmRSS line). */
export function parseRssBytes(status: string): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

/** /proc/<pid>/cmdline is NUL-separated with a trailing NUL. */
export const parseCmdline = (raw: string): string => raw.split('\0').filter(Boolean).join(' ');

function descendants(procs: ProcInfo[], root: number): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const stack = procs.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

/** `sh -c "astro build && node scripts/build-search.ts"` names every step: a shell is no role. */
const isShell = (cmd: string) => /^(\S*\/)?(ba|da)?sh -c /.test(cmd);

/** Sums RSS over the tree under `root` and over each role's subtree (the outermost match wins). */
export function attribute(procs: ProcInfo[], root: number, roles: Role[]): Sample {
  const tree = descendants(procs, root);
  const sample: Sample = { tree: tree.reduce((s, p) => s + p.rssBytes, 0), roles: {} };
  const inTree = new Set(tree.map((p) => p.pid));
  const byPid = new Map(tree.map((p) => [p.pid, p]));
  for (const role of roles) {
    // a matching process whose parent also matches is part of the parent's subtree (npm → sh → node)
    const is = (p: ProcInfo) => !isShell(p.cmd) && role.match.test(p.cmd);
    const tops = tree.filter((p) => is(p) && !(inTree.has(p.ppid) && is(byPid.get(p.ppid)!)));
    if (!tops.length) continue;
    sample.roles[role.name] = tops.flatMap((t) => descendants(tree, t.pid)).reduce((s, p) => s + p.rssBytes, 0);
  }
  return sample;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended while we looked
  }
}

/** The processes under `root` (itself included): parents from every /proc/<pid>/stat, then
 * memory and command line read for the tree only (read each time: a fork holds its parent's
 * command line until it execs). */
export function readTree(root: number): ProcInfo[] {
  const parents: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (stat) parents.push({ pid: Number(name), ppid: parseStatPpid(stat), rssBytes: 0, cmd: '' });
  }
  const out: ProcInfo[] = [];
  for (const p of descendants(parents, root)) {
    const status = readText(`/proc/${p.pid}/status`);
    const cmdline = readText(`/proc/${p.pid}/cmdline`);
    if (status !== null && cmdline !== null) out.push({ ...p, rssBytes: parseRssBytes(status), cmd: parseCmdline(cmdline) });
  }
  return out;
}
