/**
 * Inverting one part of a language's records in memory: each page's word stream (layout.ts
 * indexWords, word i at position i) becomes, per index word, the pages it occurs on and its
 * positions there. The part is then written as one sorted run (./runs.ts) and forgotten, so
 * memory holds one part's postings at a time.
 *
 * Index words are what the engine looks up: postings.ts indexWord (cleanTerm: lower case, marks
 * removed). FILLER and tokens that clean to nothing keep their position but are not indexed.
 */
import { FILLER } from '../../../src/lib/search/layout.ts';
import { cmpCodePoints, indexWord } from '../../../src/lib/search/postings.ts';
import { RunWriter } from './runs.ts';

/** a word's postings so far: per page -(page + 1), then its positions ascending */
interface WordList {
  last: number;
  flat: number[];
}

export class PartInverter {
  private words = new Map<string, WordList>();
  /** posting units added (one per indexed position) */
  positions = 0;

  /** Adds one page's words; pages must come in ascending order. */
  add(page: number, words: readonly string[]): void {
    for (let pos = 0; pos < words.length; pos++) {
      const t = words[pos]!;
      if (t === FILLER) continue;
      const w = indexWord(t);
      if (!w) continue;
      let e = this.words.get(w);
      if (!e) this.words.set(w, (e = { last: -1, flat: [] }));
      if (e.last !== page) {
        e.flat.push(-(page + 1));
        e.last = page;
      }
      e.flat.push(pos);
      this.positions++;
    }
  }

  /** distinct index words held */
  get size(): number {
    return this.words.size;
  }

  /** The words in code point order, each with its flat postings (see WordList). */
  *sorted(): Generator<[string, number[]]> {
    for (const w of [...this.words.keys()].sort(cmpCodePoints)) yield [w, this.words.get(w)!.flat];
  }

  /** Writes the part as a sorted run file, empties the inverter and returns the file's bytes. */
  writeRun(file: string): number {
    const out = new RunWriter(file);
    for (const [w, flat] of this.sorted()) {
      out.add(w, flat);
      this.words.delete(w);
    }
    out.close();
    this.positions = 0;
    return out.bytes;
  }
}
