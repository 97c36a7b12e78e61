/**
 * The 文号 lookup files (docs/search.md): docnum/<n>.json buckets map a normalized 文号 key
 * (机关代字|年|序号, src/lib/docnumber.ts) to its pages, bucketed by 机关代字 + 序号 (layout.ts
 * docnumBucket) so a wrong year still lands in the right bucket; docnum/y<n>.json list the
 * 文号 of one 机关代字 and year (suggestions for a wrong serial). ~48 and ~64 entries per file.
 */
import { docNumberKey, parseDocNumber } from '../../../src/lib/docnumber.ts';
import { docnumBucket, fnv1a } from '../../../src/lib/search/layout.ts';
import { indexFiles } from '../../../src/lib/search/postings.ts';
import type { BundleStore } from './store.ts';

interface Entry {
  key: string;
  id: string;
  docNumber: string;
  language: string;
}

export interface DocnumFiles {
  buckets: number;
  yearBuckets: number;
  /** file name of each bucket and year bucket (content hashes) */
  files: string[];
  yearFiles: string[];
  /** every 机关代字, sorted (the engine matches a typed 文号's agency against them) */
  agencies: string[];
}

export class DocnumIndex {
  private entries: Entry[] = [];
  private agencies = new Set<string>();

  /** Records page `id`'s 文号, if it has one that parses. */
  add(id: string, docNumber: string | undefined, language: string): void {
    if (!docNumber) return;
    const key = docNumberKey(docNumber);
    if (!key) return;
    this.entries.push({ key, id, docNumber, language });
    this.agencies.add(parseDocNumber(docNumber)!.agency);
  }

  /** Stores the buckets (docnum/<name>.json). */
  write(store: BundleStore): DocnumFiles {
    const entryOf = (d: Entry): string[] => (d.language === 'zh' ? [d.id, d.docNumber] : [d.id, d.docNumber, d.language]);
    const buckets = Math.max(1, Math.ceil(this.entries.length / 48));
    const files: Record<string, string[][]>[] = Array.from({ length: buckets }, () => ({}));
    for (const d of this.entries) (files[docnumBucket(d.key, buckets)]![d.key] ??= []).push(entryOf(d));
    const yearBuckets = Math.max(1, Math.ceil(this.entries.length / 64));
    const yfiles: Record<string, string[][]>[] = Array.from({ length: yearBuckets }, () => ({}));
    for (const d of this.entries) {
      const [agency, year, serial] = d.key.split('|');
      const ay = `${agency}|${year}`;
      (yfiles[fnv1a(ay) % yearBuckets]![ay] ??= []).push([serial!, ...entryOf(d)]);
    }
    const put = (f: object) => store.put(indexFiles.docnum, Buffer.from(JSON.stringify(f)));
    return { buckets, yearBuckets, files: files.map(put), yearFiles: yfiles.map(put), agencies: [...this.agencies].sort() };
  }
}
