/**
 * Sorted runs: the temporary files between inverting a part of the records and merging all
 * parts (docs/search.md). A run holds one part's words in code point order, each with its
 * postings; it is written once and read once, front to back, so a merge holds one entry per
 * run in memory however large the library.
 *
 * Entry: u32 LE byte length of the rest, varint word length in UTF-8 bytes, the word, varint
 * page count, then per page: varint page delta (to the previous page of the entry; the first is
 * absolute), varint position count, the positions as varint deltas (ascending).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** One word's postings: pages ascending, each page's positions ascending. */
export interface RunEntry {
  word: string;
  pages: number[];
  positions: number[][];
}

const te = new TextEncoder();
const td = new TextDecoder();

/** Appends unsigned LEB128 varints to a growing byte buffer. */
export class ByteSink {
  buf = Buffer.allocUnsafe(1 << 16);
  len = 0;
  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
  varint(v: number): void {
    if (!(v >= 0 && v <= 0xffffffff)) throw new RangeError(`search index: ${v} is not a u32 (positions and pages must ascend)`);
    this.reserve(5);
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.len++] = v;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
}

/**
 * Encodes one entry from a word's in-memory postings, `flat`: per page -(page + 1) followed by
 * its positions ascending (what PartInverter accumulates, ./invert.ts).
 */
export function encodeEntry(sink: ByteSink, word: string, flat: readonly number[]): void {
  const start = sink.len;
  sink.reserve(4);
  sink.len += 4;
  const w = te.encode(word);
  sink.varint(w.length);
  sink.bytes(w);
  let pages = 0;
  for (const v of flat) if (v < 0) pages++;
  sink.varint(pages);
  let lastPage = 0;
  for (let i = 0; i < flat.length; ) {
    const page = -flat[i++]! - 1;
    let j = i;
    while (j < flat.length && flat[j]! >= 0) j++;
    sink.varint(page - lastPage);
    sink.varint(j - i);
    let prev = 0;
    for (let k = i; k < j; k++) {
      sink.varint(flat[k]! - prev);
      prev = flat[k]!;
    }
    lastPage = page;
    i = j;
  }
  sink.buf.writeUInt32LE(sink.len - start - 4, start);
}

/** Decodes the entry in `b` (the bytes after its length field). */
export function decodeEntry(b: Uint8Array): RunEntry {
  let p = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (p >= b.length) throw new Error('search index: corrupt run entry');
      const x = b[p++]!;
      v += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return v;
      shift += 7;
    }
  };
  const wl = varint();
  const word = td.decode(b.subarray(p, p + wl));
  p += wl;
  const n = varint();
  const pages: number[] = new Array(n);
  const positions: number[][] = new Array(n);
  let page = 0;
  for (let i = 0; i < n; i++) {
    page += varint();
    const count = varint();
    const locs: number[] = new Array(count);
    let at = 0;
    for (let k = 0; k < count; k++) locs[k] = at += varint();
    pages[i] = page;
    positions[i] = locs;
  }
  return { word, pages, positions };
}

/** Writes a run file: entries are buffered and written in blocks. */
export class RunWriter {
  private fd: number;
  private sink = new ByteSink();
  bytes = 0;
  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }
  add(word: string, flat: readonly number[]): void {
    encodeEntry(this.sink, word, flat);
    if (this.sink.len >= 1 << 20) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.sink.buf, 0, this.sink.len);
    this.bytes += this.sink.len;
    this.sink.len = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Reads a run file's entries in order, one block of the file in memory at a time. */
export class RunReader {
  private fd: number;
  private buf = Buffer.allocUnsafe(1 << 20);
  private start = 0;
  private end = 0;
  private eof = false;
  constructor(file: string) {
    this.fd = openSync(file, 'r');
  }
  /** the next entry, or undefined at the end (the file is closed then) */
  next(): RunEntry | undefined {
    if (!this.fill(4)) return this.finish();
    const len = this.buf.readUInt32LE(this.start);
    if (!this.fill(4 + len)) throw new Error('search index: truncated run file');
    const entry = decodeEntry(this.buf.subarray(this.start + 4, this.start + 4 + len));
    this.start += 4 + len;
    return entry;
  }
  /** makes `n` bytes available from `start`; false at the end of the file */
  private fill(n: number): boolean {
    while (this.end - this.start < n && !this.eof) {
      if (this.start > 0) {
        this.buf.copy(this.buf, 0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
      }
      if (n > this.buf.length) {
        const next = Buffer.allocUnsafe(n * 2);
        this.buf.copy(next, 0, 0, this.end);
        this.buf = next;
      }
      const got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.end - this.start >= n;
  }
  private finish(): undefined {
    if (this.end !== this.start) throw new Error('search index: truncated run file');
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    return undefined;
  }
}
