/**
 * Converts the test corpus shape {id,title,docNumber,issuer,written,published,topic,body}
 * (../shared/corpus/policies.jsonl, scripts/bench/generate.ts output) to SearchRecord.
 * Usage as a script: node scripts/bench/corpus-records.ts IN.jsonl OUT.jsonl
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SearchRecord } from '../../src/lib/search/record.ts';

export interface CorpusDoc {
  id: string;
  title: string;
  docNumber?: string | null;
  issuer?: string | null;
  written?: string | null;
  published?: string | null;
  topic?: string | null;
  body: string;
}

export function corpusToRecord(d: CorpusDoc): SearchRecord {
  const date = d.published ?? d.written ?? undefined;
  const r: SearchRecord = {
    path: `policies/${d.id}/`,
    language: 'zh',
    title: d.title,
    body: d.body,
    filters: {
      kind: ['政策文件'],
      ...(d.issuer ? { issuer: [d.issuer] } : {}),
      ...(d.topic ? { topic: [d.topic] } : {}),
      ...(date ? { year: [date.slice(0, 4)] } : {}),
    },
  };
  if (d.docNumber) r.docNumber = d.docNumber;
  if (date) r.published = date;
  return r;
}

/** Reads a JSON-lines file of corpus documents. */
export async function* readJsonl<T>(file: string): AsyncGenerator<T> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield JSON.parse(line) as T;
}

/** Reads either corpus documents or SearchRecords (detected per line) as SearchRecords. */
export async function readRecords(file: string): Promise<SearchRecord[]> {
  const out: SearchRecord[] = [];
  for await (const o of readJsonl<Record<string, unknown>>(file)) {
    out.push('path' in o && 'filters' in o ? (o as unknown as SearchRecord) : corpusToRecord(o as unknown as CorpusDoc));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [inp, outp] = process.argv.slice(2);
  if (!inp || !outp) {
    console.error('usage: node scripts/bench/corpus-records.ts IN.jsonl OUT.jsonl');
    process.exit(2);
  }
  const out = createWriteStream(outp);
  for await (const d of readJsonl<CorpusDoc>(inp)) out.write(JSON.stringify(corpusToRecord(d)) + '\n');
  out.end();
}
