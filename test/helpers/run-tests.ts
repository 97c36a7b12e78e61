/**
 * `npm test`: the whole suite as two vitest runs side by side, the unit project (Node alone) next to
 * the site project (builds and Chromium, one file at a time). In one vitest run the projects go one
 * after the other (the site project's files are sequential, so vitest gives them a group of their
 * own, run last), and the site project leaves a core idle for much of its time: an astro build uses
 * about one core, and a browser suite waits on pages. The unit run fills it.
 *
 * The unit run takes one file at a time, so the site run always has a core to itself.
 * The site run reports as it goes; the unit run's report is held and printed after it, whole, so
 * the two never interleave. The exit status is the first failure's. With arguments (files, -t,
 * --project, …) it is a plain `vitest run` with them, as before.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build-site.ts';

const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

interface Finished {
  code: number;
  output: string;
}

/** Runs vitest with `args`; its output goes to the terminal, or is collected when `hold`. */
function vitest(args: string[], hold: boolean): Promise<Finished> {
  const child = spawn(process.execPath, [VITEST, 'run', ...args], { cwd: ROOT, stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c));
  child.stderr?.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const args = process.argv.slice(2);
if (args.length > 0) {
  process.exitCode = (await vitest(args, false)).code;
} else {
  const started = Date.now();
  // one unit file at a time: the other core stays with the site run, whose federation tests hold
  // peers to time limits (two unit workers beside it made one miss its limit on a loaded machine)
  const unit = vitest(['--project', 'unit', '--maxWorkers=1'], true);
  const site = await vitest(['--project', 'site'], false);
  const { code, output } = await unit;
  process.stdout.write(`\n── unit project (ran beside the site project) ──\n${output}`);
  const status = (c: number) => (c === 0 ? 'passed' : `failed (exit ${c})`);
  process.stdout.write(`\nnpm test: site ${status(site.code)}, unit ${status(code)}, ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`);
  process.exitCode = site.code || code;
}
