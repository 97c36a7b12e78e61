/**
 * The "## Build" section of BENCHMARKS.md from the figures of one `npm run bench` run: a time
 * and memory table (full build, no-change rebuild, one-document edit for ours; the baseline has
 * no incremental mode, so its rebuild IS its full build) and a size and first-query table.
 */
import type { Measurement, RoleFigures } from './measure.ts';
import { summarize, type FirstResult } from './first-result.ts';
import { gib, mib } from './measure.ts';
import { kib, ms, seconds } from './stats.ts';

export interface OursFigures {
  full: Measurement;
  noChange: Measurement;
  edit: Measurement;
  /** rank of the edited document for its phrase after the rebuild (0 = first, -1 = not found) */
  editRank: number;
  /** other documents that hold the edited phrase */
  editOthers: number;
  dist: number;
  index: number;
  firstQuery: { median: number; max: number };
  browser: FirstResult | null;
}

export interface BaselineFigures {
  astro: Measurement;
  pagefind: Measurement;
  index: number;
  browser: FirstResult | null;
  /** why the baseline has no Chromium figure although Chromium ran */
  browserError?: string;
}

export interface SizeRow {
  size: number;
  ours: OursFigures;
  base?: BaselineFigures;
  /** why the baseline has no figures at this size */
  baseNote?: string;
}

/** Our two steps: separate processes (astro build, then scripts/build-search.ts), or the index
 * inside astro's process (build:done hook), told apart by its log line (scripts/bench/measure.ts phases). */
export function steps(m: Measurement): { astro?: RoleFigures; index?: RoleFigures; label: [string, string] } {
  if (m.roles.index) return { astro: m.roles.astro, index: m.roles.index, label: ['astro', 'index'] };
  if (m.phases.index) return { astro: m.phases.start, index: m.phases.index, label: ['astro pages', 'index in astro'] };
  return { astro: m.roles.astro, label: ['astro', 'index'] };
}

/** "31.2 s (astro 22.0 s, index 9.1 s)": total wall time and each step's share. */
export function oursTime(m: Measurement): string {
  const { astro, index, label } = steps(m);
  return `${seconds(m.seconds)} (${label[0]} ${astro ? seconds(astro.seconds) : '–'}, ${label[1]} ${index ? seconds(index.seconds) : 'not seen'})`;
}

/** "2.10 GiB (astro 1.80, index 0.90)": the tree's peak, then each step's own peak. */
export function oursMemory(m: Measurement): string {
  const { astro, index, label } = steps(m);
  const g = (b: number) => (b / 1024 ** 3).toFixed(2);
  return `${gib(m.peakBytes)} (${label[0]} ${astro ? g(astro.peakBytes) : '–'}, ${label[1]} ${index ? g(index.peakBytes) : 'not seen'})`;
}

function baseCells(r: SizeRow): { time: string; memory: string; seconds: number | null } {
  if (!r.base) return { time: r.baseNote ?? 'not run', memory: '–', seconds: null };
  const { astro, pagefind } = r.base;
  const total = astro.seconds + pagefind.seconds;
  const g = (b: number) => (b / 1024 ** 3).toFixed(2);
  return {
    time: `${seconds(total)} (astro ${seconds(astro.seconds)}, pagefind ${seconds(pagefind.seconds)})`,
    memory: `${gib(Math.max(astro.peakBytes, pagefind.peakBytes))} (astro ${g(astro.peakBytes)}, pagefind ${g(pagefind.peakBytes)})`,
    seconds: total,
  };
}

function timeRows(r: SizeRow): string[] {
  const b = baseCells(r);
  const ratio = (m: Measurement) => (b.seconds ? `${(m.seconds / b.seconds).toFixed(2)}×` : '–');
  const found = r.ours.editRank < 0 ? '**not found**' : `found at rank ${r.ours.editRank + 1} of ${r.ours.editOthers + 1}`;
  const rebuild = r.base ? 'same as full (no incremental mode)' : b.time;
  const n = r.size.toLocaleString('en');
  return [
    `| ${n} | full build (empty dist/ and cache) | ${oursTime(r.ours.full)} | ${oursMemory(r.ours.full)} | ${b.time} | ${b.memory} | ${ratio(r.ours.full)} |`,
    `| ${n} | rebuild, nothing changed | ${oursTime(r.ours.noChange)} | ${oursMemory(r.ours.noChange)} | ${rebuild} | ${r.base ? 'same as full' : '–'} | ${ratio(r.ours.noChange)} |`,
    `| ${n} | rebuild, one document edited (phrase ${found}) | ${oursTime(r.ours.edit)} | ${oursMemory(r.ours.edit)} | ${rebuild} | ${r.base ? 'same as full' : '–'} | ${ratio(r.ours.edit)} |`,
  ];
}

function browserCell(f: FirstResult | null | undefined, absent: string): string {
  if (!f) return absent;
  const s = summarize(f);
  return `${ms(s.medianMs)} (max ${ms(s.maxMs)}); ${s.medianRequests} requests (${s.medianIndexRequests} search files), ${kib(s.medianBytes)}`;
}

function sizeRow(r: SizeRow): string {
  const fq = r.ours.firstQuery;
  return `| ${r.size.toLocaleString('en')} | ${mib(r.ours.dist)} | ${mib(r.ours.index)} / ${r.base ? mib(r.base.index) : '–'} | ${kib(fq.median)} / ${kib(fq.max)} | ${browserCell(r.ours.browser, 'no Chromium')} | ${r.base ? browserCell(r.base.browser, r.base.browserError ? `failed: ${r.base.browserError}` : 'no Chromium') : '–'} |`;
}

export function buildSection(rows: SizeRow[], command: string, machine: string, date: string, queries: string[]): string[] {
  return [
    '## Build',
    '',
    `Command: \`${command}\` · machine: ${machine} · ${date}`,
    '',
    'Documents are recombined real paragraphs (scripts/bench/generate.ts, seed 42). Ours is `npm run build` as a user runs it',
    '(incremental by default; PORTAL_CACHE_DIR kept between the three builds of a size). The edit swaps one body paragraph',
    'of the middle policy for a real corpus paragraph (scripts/bench/edit.ts); the rebuilt engine must find the document',
    'by a 12-character phrase of it. Memory is resident memory sampled from /proc every 250 ms: the whole process tree',
    '(npm, astro, esbuild, the index step) and, in brackets, the peak of each step with its own children, in GiB; the',
    'step times are from the samples (± 0.25 s). When the index is built inside astro\'s process (its build:done hook),',
    'its share is the samples after its first log line ("index in astro"; "astro pages" is the part before). The baseline (bare Astro + Pagefind CLI, scripts/bench/baseline.ts) has no',
    'incremental mode: every rebuild is its full build, so each of our rows is compared with that.',
    '',
    '| documents | build | ours: time | ours: peak memory, tree (steps) | baseline: time | baseline: peak memory (steps) | time ratio |',
    '|---|---|---|---|---|---|---|',
    ...rows.flatMap(timeRows),
    '',
    `First query: ${queries.join('、')}. Node: bytes a fresh engine downloads (engine.js included), median / max. Chromium:`,
    'a fresh browser context per query (empty cache) on a local server; from the key press to the first result in the DOM,',
    'median (max) over the queries, and the median requests (of them, search files: engine.js, manifest and index under',
    'search/; baseline: pagefind/) and bytes (bodies and headers) in that time. Ours: Enter in the search page\'s box',
    'shows the results in place (the address becomes /search/?q=…; the first results appear before the rest of the page',
    'of 20 is in);',
    'baseline: Pagefind\'s default UI, which searches as one types (debounce 0).',
    '',
    '| documents | dist size | index size (ours / baseline) | first query, Node (median / max) | first result in Chromium, ours | first result in Chromium, baseline |',
    '|---|---|---|---|---|---|',
    ...rows.map(sizeRow),
    '',
  ];
}
