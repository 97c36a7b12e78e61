/**
 * Minimal CBOR (RFC 8949) codec for the subset Pagefind's index files use (minicbor derive:
 * unsigned/negative integers, text strings, definite arrays). scripts/build-search.ts uses it
 * to rewrite Pagefind's metadata with short identifiers.
 */
export type Cbor = number | string | Cbor[];

export function decodeCbor(buf: Uint8Array): Cbor {
  let p = 0;
  const td = new TextDecoder();
  const arg = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return buf[p++]!;
    if (info === 25) { const v = (buf[p]! << 8) | buf[p + 1]!; p += 2; return v; }
    if (info === 26) { const v = ((buf[p]! << 24) >>> 0) + (buf[p + 1]! << 16) + (buf[p + 2]! << 8) + buf[p + 3]!; p += 4; return v; }
    if (info === 27) { let v = 0; for (let i = 0; i < 8; i++) v = v * 256 + buf[p + i]!; p += 8; return v; }
    throw new Error(`cbor: unsupported length ${info} at ${p}`);
  };
  const item = (): Cbor => {
    const b = buf[p++]!;
    const major = b >> 5;
    const n = arg(b & 31);
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) { const s = td.decode(buf.subarray(p, p + n)); p += n; return s; }
    if (major === 4) { const a: Cbor[] = []; for (let i = 0; i < n; i++) a.push(item()); return a; }
    throw new Error(`cbor: unsupported major type ${major} at ${p - 1}`);
  };
  return item();
}

export function encodeCbor(v: Cbor): Uint8Array {
  const out: number[] = [];
  const te = new TextEncoder();
  const head = (major: number, n: number) => {
    const m = major << 5;
    if (n < 24) out.push(m | n);
    else if (n < 0x100) out.push(m | 24, n);
    else if (n < 0x10000) out.push(m | 25, n >> 8, n & 255);
    else if (n < 0x100000000) out.push(m | 26, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    else throw new Error('cbor: integer too large');
  };
  const item = (x: Cbor) => {
    if (typeof x === 'number') {
      if (x >= 0) head(0, x);
      else head(1, -1 - x);
    } else if (typeof x === 'string') {
      const b = te.encode(x);
      head(3, b.length);
      for (const c of b) out.push(c);
    } else {
      head(4, x.length);
      for (const y of x) item(y);
    }
  };
  item(v);
  return Uint8Array.from(out);
}
