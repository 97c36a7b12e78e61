/**
 * The k-way merge of a language's sorted runs (./runs.ts) into the posting chunks the engine
 * reads (src/lib/search/postings.ts, packed by ./chunks.ts). Runs cover ascending page ranges,
 * so a word's postings are the runs' lists concatenated in run order. One entry per run and one
 * chunk are in memory at a time.
 */
import { cmpCodePoints } from '../../../src/lib/search/postings.ts';
import type { ChunkSpan } from './cache.ts';
import { ChunkBuilder, type ChunkOptions, type PagePosting } from './chunks.ts';
import { RunReader, type RunEntry } from './runs.ts';

export { gz } from './chunks.ts';

export interface MergeOptions extends ChunkOptions {
  /** page lengths (words) by page number */
  lengths: ArrayLike<number>;
}

export interface MergeResult {
  chunks: ChunkSpan[];
  words: number;
  /** Han bigrams whose body postings (occurrences + 1 per page) exceed a chunk, with that count */
  common: Map<string, number>;
}

/** Merges the run files (in page order) into stored chunks. */
export function mergeRuns(files: readonly string[], o: MergeOptions): MergeResult {
  const readers = files.map((f) => new RunReader(f));
  const heads: (RunEntry | undefined)[] = readers.map((r) => r.next());
  const out = new ChunkBuilder(o);
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (h && (min === undefined || cmpCodePoints(h.word, min) < 0)) min = h.word;
    if (min === undefined) break;
    const pages: PagePosting[] = [];
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h || h.word !== min) continue;
      for (let k = 0; k < h.pages.length; k++) pages.push({ page: h.pages[k]!, length: o.lengths[h.pages[k]!] ?? 0, positions: h.positions[k]! });
      heads[i] = readers[i]!.next();
    }
    out.add(min, pages);
  }
  return { chunks: out.finish(), words: out.words, common: out.common };
}
