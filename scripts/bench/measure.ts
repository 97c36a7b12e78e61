/**
 * Runs a command and measures wall time and resident memory sampled from /proc: the peak of
 * the whole process tree (what a build machine must hold: npm, astro, esbuild, the index step
 * or pagefind together) and, separately, the peak and running time of each role (scripts/bench/proc.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { attribute, readTree, type Role } from './proc.ts';

export interface RoleFigures {
  peakBytes: number;
  /** from the first to the last sample the role was seen in (± one sampling interval) */
  seconds: number;
}

export interface Measurement {
  seconds: number;
  /** peak of the summed RSS over the whole tree */
  peakBytes: number;
  roles: Record<string, RoleFigures>;
  exitCode: number | null;
  output: string;
}

export interface MeasureOptions {
  roles?: Role[];
  cwd?: string;
  intervalMs?: number;
}

/** Folds one sample into running peaks and first/last-seen times of each role. */
export function foldSample(
  acc: { peak: number; roles: Record<string, { peakBytes: number; first: number; last: number }> },
  sample: { tree: number; roles: Record<string, number> },
  at: number,
): void {
  acc.peak = Math.max(acc.peak, sample.tree);
  for (const [name, bytes] of Object.entries(sample.roles)) {
    const r = (acc.roles[name] ??= { peakBytes: 0, first: at, last: at });
    r.peakBytes = Math.max(r.peakBytes, bytes);
    r.last = at;
  }
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, opts: MeasureOptions = {}): Promise<Measurement> {
  const roles = opts.roles ?? [];
  const interval = opts.intervalMs ?? 250;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const acc = { peak: 0, roles: {} as Record<string, { peakBytes: number; first: number; last: number }> };
    const sample = () => {
      if (child.pid) foldSample(acc, attribute(readTree(child.pid), child.pid, roles), performance.now());
    };
    const timer = setInterval(sample, interval);
    child.on('close', (code) => {
      clearInterval(timer);
      const figures: Record<string, RoleFigures> = {};
      for (const [name, r] of Object.entries(acc.roles)) figures[name] = { peakBytes: r.peakBytes, seconds: (r.last - r.first + interval) / 1000 };
      resolve({ seconds: (performance.now() - start) / 1000, peakBytes: acc.peak, roles: figures, exitCode: code, output });
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
