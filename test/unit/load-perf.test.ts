import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectSite } from '../../src/content/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = new URL('../../../shared/corpus/policies.jsonl', import.meta.url);
const ROWS = 20_000;
const dir = mkdtempSync(path.join(tmpdir(), 'load-perf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Time is measured by `npm run bench` (10,000 and 50,000 documents), not asserted here: a wall-clock
// bound fails on a loaded machine and proves nothing on a fast one.
describe.skipIf(!existsSync(corpus))('JSON-lines import at 20,000 rows', () => {
  it('streams, validates and cross-checks every row', async () => {
    // Recombine real rows (titles, 文号, issuers, first paragraphs) into ROWS distinct documents.
    const rows = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string | null>);
    const file = path.join(dir, 'big.jsonl');
    const out = createWriteStream(file);
    for (let i = 0; i < ROWS; i++) {
      const r = { ...rows[i % rows.length]! };
      const round = Math.floor(i / rows.length);
      r.id = `${r.id}-${i}`;
      if (r.docNumber) r.docNumber = r.docNumber.replace(/(\d+)号$/, (_m, n: string) => `${Number(n) + 10_000 * round}号`);
      r.body = (r.body ?? '').split('\n').slice(0, 3).join('\n');
      if (!out.write(JSON.stringify(r) + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    await new Promise<void>((res) => out.end(() => res()));

    // a build date after the corpus's last publication: later rows would be scheduled, not published
    const result = await collectSite({ root, source: file, lenient: true, today: '2026-01-01' });
    expect(result.counts.policies).toBe(ROWS);
    expect(result.data?.policies).toHaveLength(ROWS);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
