/**
 * Runs a command and measures wall time and resident memory sampled from /proc: the peak of
 * the whole process tree (what a build machine must hold: npm, astro, esbuild, the index step
 * or pagefind together) and, separately, the peak and running time of each role (scripts/bench/proc.ts).
 * A step that runs inside another process (the search index in astro's build:done hook) is a
 * phase instead: samples after a marker line appears in the output are the tree's during it.
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
  /** phase name → figures; "start" is everything before the first marker */
  phases: Record<string, RoleFigures>;
  exitCode: number | null;
  output: string;
}

export interface Phase {
  name: string;
  /** the output line that starts the phase */
  marker: RegExp;
}

export interface MeasureOptions {
  roles?: Role[];
  phases?: Phase[];
  cwd?: string;
  intervalMs?: number;
}

type Seen = Record<string, { peakBytes: number; first: number; last: number }>;

function see(seen: Seen, name: string, bytes: number, at: number): void {
  const r = (seen[name] ??= { peakBytes: 0, first: at, last: at });
  r.peakBytes = Math.max(r.peakBytes, bytes);
  r.last = at;
}

/** Folds one sample into running peaks and first/last-seen times of each role and of the current phase. */
export function foldSample(
  acc: { peak: number; roles: Seen; phases: Seen },
  sample: { tree: number; roles: Record<string, number> },
  at: number,
  phase = 'start',
): void {
  acc.peak = Math.max(acc.peak, sample.tree);
  for (const [name, bytes] of Object.entries(sample.roles)) see(acc.roles, name, bytes, at);
  see(acc.phases, phase, sample.tree, at);
}

/** The phase the output so far is in: the last phase whose marker has appeared ("start" before any). */
export function currentPhase(output: string, phases: Phase[]): string {
  let best = { name: 'start', at: -1 };
  for (const p of phases) {
    const at = output.search(p.marker);
    if (at > best.at) best = { name: p.name, at };
  }
  return best.name;
}

const figures = (seen: Seen, interval: number): Record<string, RoleFigures> =>
  Object.fromEntries(Object.entries(seen).map(([name, r]) => [name, { peakBytes: r.peakBytes, seconds: (r.last - r.first + interval) / 1000 }]));

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv, opts: MeasureOptions = {}): Promise<Measurement> {
  const roles = opts.roles ?? [];
  const interval = opts.intervalMs ?? 250;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const acc = { peak: 0, roles: {} as Seen, phases: {} as Seen };
    const sample = () => {
      if (child.pid) foldSample(acc, attribute(readTree(child.pid), child.pid, roles), performance.now(), currentPhase(output, opts.phases ?? []));
    };
    const timer = setInterval(sample, interval);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      resolve({ seconds, peakBytes: acc.peak, roles: figures(acc.roles, interval), phases: figures(acc.phases, interval), exitCode: code, output });
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
