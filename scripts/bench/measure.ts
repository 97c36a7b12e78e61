/**
 * Runs a command and measures wall time and the peak resident memory of its whole process
 * tree (sum of VmRSS over the command and all its descendants, sampled from /proc), which is
 * what a build machine must actually hold: astro, esbuild and the pagefind binary together.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  peakBytes: number;
  exitCode: number | null;
  output: string;
}

function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may contain spaces, so split after the last ')'
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const pid = Number(name);
      const list = children.get(ppid);
      if (list) list.push(pid);
      else children.set(ppid, [pid]);
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      rss.set(pid, m ? Number(m[1]) * 1024 : 0);
    } catch {
      // process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, intervalMs = 250): Promise<Measurement> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, intervalMs);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ seconds: Number(process.hrtime.bigint() - start) / 1e9, peakBytes: peak, exitCode: code, output });
    });
  });
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

/** Replaces the `## <title>` section of BENCHMARKS.md (up to the next `## `) with `lines`, or
 * appends it; the benchmark scripts each own one section. */
export function writeBenchmarkSection(file: string, title: string, lines: string[]): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const section = new RegExp(`## ${title}\\n[\\s\\S]*?(?=\\n## |$)`);
  const text = lines.join('\n');
  writeFileSync(file, section.test(current) ? current.replace(section, () => text) : `${current.trimEnd()}\n\n${text}\n`);
}
