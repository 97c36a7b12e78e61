/**
 * Minimal CBOR (RFC 8949) codec for the subset the search index files use (unsigned/negative
 * integers, text strings, definite arrays): the index writer (scripts/lib/search-index/) encodes
 * postings and directories with it, the engine decodes them (docs/search.md).
 */
export type Cbor = number | string | Cbor[];

/** Nesting depth decodeCbor accepts (the index files use 4). */
export const CBOR_MAX_DEPTH = 16;

/**
 * Decodes one item. Bounded for untrusted input (a federated peer's files): a length may not
 * exceed the bytes left (every item takes at least one), nesting stops at `maxDepth`, integers
 * must be exact in a double, and reading past the end is an error, so the result is never much
 * larger than the input.
 */
export function decodeCbor(buf: Uint8Array, maxDepth = CBOR_MAX_DEPTH): Cbor {
  let p = 0;
  const td = new TextDecoder();
  const fail = (what: string): never => {
    throw new RangeError(`cbor: ${what} at ${p}`);
  };
  const take = (n: number): number => {
    if (p + n > buf.length) fail('truncated');
    const at = p;
    p += n;
    return at;
  };
  const arg = (info: number): number => {
    if (info < 24) return info;
    if (info > 27) return fail(`unsupported length ${info}`);
    const size = 1 << (info - 24);
    const at = take(size);
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + buf[at + i]!;
    return Number.isSafeInteger(v) ? v : fail('integer too large');
  };
  const item = (depth: number): Cbor => {
    const b = buf[take(1)]!;
    const major = b >> 5;
    const n = arg(b & 31);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) {
      const at = take(n);
      return td.decode(buf.subarray(at, at + n));
    }
    if (major === 4) {
      if (depth >= maxDepth) fail('nested too deep');
      if (n > buf.length - p) fail(`${n} items in ${buf.length - p} bytes`);
      const a: Cbor[] = new Array(n);
      for (let i = 0; i < n; i++) a[i] = item(depth + 1);
      return a;
    }
    return fail(`unsupported major type ${major}`);
  };
  return item(0);
}

/** Encodes into one growing byte buffer (the writer encodes millions of numbers per build);
 * `sizeHint`: the bytes expected, to start with. */
export function encodeCbor(v: Cbor, sizeHint = 256): Uint8Array {
  let buf = new Uint8Array(Math.max(16, sizeHint));
  let p = 0;
  const te = new TextEncoder();
  const room = (n: number) => {
    if (p + n <= buf.length) return;
    const next = new Uint8Array(Math.max(buf.length * 2, p + n));
    next.set(buf.subarray(0, p));
    buf = next;
  };
  const head = (major: number, n: number) => {
    room(5);
    const m = major << 5;
    if (n < 24) buf[p++] = m | n;
    else if (n < 0x100) (buf[p++] = m | 24), (buf[p++] = n);
    else if (n < 0x10000) (buf[p++] = m | 25), (buf[p++] = n >> 8), (buf[p++] = n & 255);
    else if (n < 0x100000000) (buf[p++] = m | 26), (buf[p++] = (n >>> 24) & 255), (buf[p++] = (n >>> 16) & 255), (buf[p++] = (n >>> 8) & 255), (buf[p++] = n & 255);
    else throw new Error('cbor: integer too large');
  };
  const item = (x: Cbor) => {
    if (typeof x === 'number') {
      if (x >= 0) head(0, x);
      else head(1, -1 - x);
    } else if (typeof x === 'string') {
      // at most 3 bytes per UTF-16 unit
      room(x.length * 3 + 5);
      const at = p;
      p += 5;
      const { written } = te.encodeInto(x, buf.subarray(p));
      const bytes = buf.slice(p, p + written);
      p = at;
      head(3, written);
      buf.set(bytes, p);
      p += written;
    } else {
      head(4, x.length);
      for (const y of x) item(y);
    }
  };
  item(v);
  return buf.slice(0, p);
}
