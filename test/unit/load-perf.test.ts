import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = new URL('../../../shared/corpus/policies.jsonl', import.meta.url);
const dir = mkdtempSync(path.join(tmpdir(), 'load-perf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(corpus))('JSON-lines import at 50,000 rows', () => {
  it('streams, validates and cross-checks in well under a minute', async () => {
    // Recombine real rows (titles, 文号, issuers, first paragraphs) into 50,000 distinct documents.
    const rows = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string | null>);
    const file = path.join(dir, 'big.jsonl');
    const out = createWriteStream(file);
    for (let i = 0; i < 50_000; i++) {
      const r = { ...rows[i % rows.length]! };
      const round = Math.floor(i / rows.length);
      r.id = `${r.id}-${i}`;
      if (r.docNumber) r.docNumber = r.docNumber.replace(/(\d+)号$/, (_m, n: string) => `${Number(n) + 10_000 * round}号`);
      r.body = (r.body ?? '').split('\n').slice(0, 3).join('\n');
      if (!out.write(JSON.stringify(r) + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    await new Promise<void>((res) => out.end(() => res()));

    const started = performance.now();
    // a build date after the corpus's last publication: later rows would be scheduled, not published
    const result = await collectSite({ root, source: file, lenient: true, today: '2026-01-01' });
    const seconds = (performance.now() - started) / 1000;
    expect(result.counts.policies).toBe(50_000);
    expect(result.data?.policies).toHaveLength(50_000);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(seconds).toBeLessThan(30);
  });
});
