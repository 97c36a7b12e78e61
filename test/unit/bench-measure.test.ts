/**
 * scripts/bench/proc.ts and measure.ts: /proc text parsed as the kernel writes it, memory
 * attributed to the step that owns it (npm → sh → node astro → esbuild; the index step after it),
 * peaks and step times folded from samples, medians of measured values.
 */
import { describe, expect, it } from 'vitest';
import { attribute, parseCmdline, parseRssBytes, parseStatPpid, readTree, type ProcInfo, type Role } from '../../scripts/bench/proc.ts';
import { currentPhase, foldSample, measure } from '../../scripts/bench/measure.ts';
import { median } from '../../scripts/bench/stats.ts';

const MiB = 1024 * 1024;
const ROLES: Role[] = [
  { name: 'astro', match: /\bastro(\.m?js)? build\b/ },
  { name: 'index', match: /scripts\/build-search\.ts/ },
];

describe('parsing /proc', () => {
  it('reads the parent pid after a command name holding spaces and parentheses', () => {
    expect(parseStatPpid('4242 (node (astro) x) S 4100 4242 4100 0 -1 4194560 1 0 0')).toBe(4100);
    expect(() => parseStatPpid('garbage')).toThrow(/unreadable/);
  });
  it('reads VmRSS in bytes, 0 when a process has none', () => {
    expect(parseRssBytes('Name:\tnode\nVmPeak:\t 999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n')).toBe(123456 * 1024);
    expect(parseRssBytes('Name:\tkthreadd\nState:\tS\n')).toBe(0);
  });
  it('joins a NUL-separated command line', () => {
    expect(parseCmdline('node\0node_modules/.bin/astro\0build\0')).toBe('node node_modules/.bin/astro build');
    expect(parseCmdline('')).toBe('');
  });
});

describe('attribute', () => {
  const p = (pid: number, ppid: number, mib: number, cmd: string): ProcInfo => ({ pid, ppid, rssBytes: mib * MiB, cmd });
  const astroPhase = [
    p(1, 0, 1000, 'init'),
    p(10, 1, 50, 'npm run build --silent'),
    p(11, 10, 2, 'sh -c astro build && node scripts/build-search.ts'),
    p(12, 11, 900, 'node /w/node_modules/.bin/astro build'),
    p(13, 12, 30, '/w/node_modules/@esbuild/linux-x64/bin/esbuild --service=0.25.0 --ping'),
    p(20, 1, 5000, 'node scripts/build-search.ts'), // another user's process: not in our tree
  ];
  it('counts the whole tree under the root, and each step with its own children', () => {
    const s = attribute(astroPhase, 10, ROLES);
    expect(s.tree).toBe((50 + 2 + 900 + 30) * MiB);
    expect(s.roles).toEqual({ astro: 930 * MiB });
  });
  it('does not take the shell that names both steps for either step', () => {
    const indexPhase = [p(10, 0, 50, 'npm run build'), p(11, 10, 2, 'sh -c astro build && node scripts/build-search.ts'), p(14, 11, 700, 'node scripts/build-search.ts')];
    expect(attribute(indexPhase, 10, ROLES).roles).toEqual({ index: 700 * MiB });
  });
  it('counts a matching process under a matching parent once (node_modules/.bin/astro → astro.js)', () => {
    const nested = [p(10, 0, 10, 'node /w/node_modules/.bin/astro build'), p(12, 10, 400, 'node /w/node_modules/astro/astro.js build')];
    expect(attribute(nested, 10, ROLES).roles).toEqual({ astro: 410 * MiB });
  });
  it('reads a live tree: this process and a child of it', async () => {
    const tree = readTree(process.pid);
    expect(tree.find((t) => t.pid === process.pid)?.rssBytes).toBeGreaterThan(10 * MiB);
  });
});

describe('measure', () => {
  it('folds peaks and first/last-seen times per step', () => {
    type Seen = Record<string, { peakBytes: number; first: number; last: number }>;
    const acc = { peak: 0, roles: {} as Seen, phases: {} as Seen };
    foldSample(acc, { tree: 100, roles: { astro: 90 } }, 0);
    foldSample(acc, { tree: 300, roles: { astro: 250 } }, 250);
    foldSample(acc, { tree: 120, roles: { index: 110 } }, 500, 'index');
    foldSample(acc, { tree: 200, roles: { index: 180 } }, 1000, 'index');
    expect(acc.peak).toBe(300);
    expect(acc.roles).toEqual({ astro: { peakBytes: 250, first: 0, last: 250 }, index: { peakBytes: 180, first: 500, last: 1000 } });
    expect(acc.phases).toEqual({ start: { peakBytes: 300, first: 0, last: 250 }, index: { peakBytes: 200, first: 500, last: 1000 } });
  });
  it('finds the phase the output is in by the last marker seen', () => {
    const phases = [{ name: 'index', marker: /\[portal:search-index\]/ }, { name: 'sitemap', marker: /\[@astrojs\/sitemap\]/ }];
    expect(currentPhase('12:00 [build] generating static routes\n', phases)).toBe('start');
    expect(currentPhase('… routes\n12:01 [portal:search-index] search: full index build (no cache)\n', phases)).toBe('index');
    expect(currentPhase('[portal:search-index] x\n[@astrojs/sitemap] created\n', phases)).toBe('sitemap');
  });
  it('measures a real child: its time, a memory peak and its role', async () => {
    const script = 'const a = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(a[5]), 800);';
    const m = await measure(process.execPath, ['-e', script, 'scripts/build-search.ts'], process.env, { roles: ROLES, intervalMs: 50 });
    expect(m.exitCode).toBe(0);
    expect(m.output.trim()).toBe('1');
    expect(m.seconds).toBeGreaterThan(0.7);
    expect(m.peakBytes).toBeGreaterThan(200 * MiB);
    expect(m.roles.index?.peakBytes).toBe(m.peakBytes);
    expect(m.roles.astro).toBeUndefined();
    expect(m.phases.start?.peakBytes).toBe(m.peakBytes);
  });
});

describe('median', () => {
  it('is a measured value: the upper middle for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([40, 10, 30, 20])).toBe(30);
    expect(() => median([])).toThrow(/no values/);
  });
});
