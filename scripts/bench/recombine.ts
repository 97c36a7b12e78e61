/**
 * One synthetic policy at a time from the real corpus (scripts/bench/source-corpus.ts): title,
 * 文号, issuers, dates, topic and a body of real paragraphs, deterministic for a seed.
 * See scripts/bench/generate.ts for what each field is made of.
 */
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { DOC_TYPES, MAX_BODY, YEAR_MAX, YEAR_MIN, type Corpus } from './source-corpus.ts';

// ---------- PRNG (sfc32, seeded through splitmix32) ----------
export function makeRng(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}


// ---------- generation ----------
export interface GeneratedDoc {
  id: string;
  title: string;
  docNumber: string;
  issuer: string[];
  written: string;
  published: string;
  topic: { id: string; name: string };
  docType: string;
  category: '规范性文件' | '其他文件';
  paras: string[];
}

export const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

export class Generator {
  private rng: () => number;
  private serials = new Map<string, number>();
  private indexSerials = new Map<string, number>();
  private n = 0;
  private corpus: Corpus;
  private idWidth: number;
  constructor(corpus: Corpus, seed: number, count: number) {
    this.corpus = corpus;
    this.rng = makeRng(seed);
    this.idWidth = Math.max(6, String(count).length);
  }
  private int(n: number): number {
    return Math.floor(this.rng() * n);
  }
  private pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!;
  }

  next(): GeneratedDoc {
    const c = this.corpus;
    const i = ++this.n;
    const agency = this.pick(c.agencies);
    const year = YEAR_MIN + this.int(YEAR_MAX - YEAR_MIN + 1);
    const start = Date.UTC(year, 0, 1);
    const yearEnd = Date.UTC(year, 11, 31);
    const written = start + this.int((yearEnd - start) / 86_400_000 + 1) * 86_400_000;
    const published = Math.min(yearEnd, written + this.int(21) * 86_400_000);

    // 文号: real prefix + year + serial, unique in the output and distinct from every real one.
    const sk = `${agency.prefix}|${year}`;
    let serial = this.serials.get(sk) ?? 0;
    let docNumber: string;
    do {
      serial += 1 + this.int(4);
      docNumber = `${agency.prefix}〔${year}〕${agency.ordinal ? '第' : ''}${serial}号`;
    } while (c.realDocKeys.has(docNumberKey(docNumber) ?? ''));
    this.serials.set(sk, serial);

    // Title: real "关于…的<文种>" with the generated issuer and year.
    const tail = this.pick(c.titleTails).replace(/(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?=年)/g, String(year));
    const issuerText = agency.issuers.length > 1 ? agency.issuers.join('、') : agency.issuers[0]!;
    const title = issuerText + tail;
    const docType = DOC_TYPES.find((t) => tail.endsWith(t)) ?? '通知';

    return {
      id: `gen-${pad(i, this.idWidth)}`,
      title,
      docNumber,
      issuer: agency.issuers,
      written: isoOf(written),
      published: isoOf(published),
      topic: this.pick(c.topics),
      docType,
      category: this.rng() < 0.3 ? '规范性文件' : '其他文件',
      paras: this.body(),
    };
  }

  /** Runs of consecutive real paragraphs from ≥2 source documents, up to a corpus-drawn length. */
  private body(): string[] {
    const c = this.corpus;
    const target = Math.min(MAX_BODY, Math.max(200, this.pick(c.lengths)));
    const out: string[] = [];
    let len = 0;
    let sources = 0;
    let guard = 0;
    while ((len < target || sources < 2) && guard++ < 200) {
      const doc = this.pick(c.docs);
      const runMax = Math.max(2, Math.ceil(doc.paras.length / 3));
      const from = this.int(doc.paras.length);
      const run = 1 + this.int(runMax);
      let took = false;
      for (let k = from; k < doc.paras.length && k < from + run; k++) {
        const p = doc.paras[k]!;
        if (len + p.length > MAX_BODY) break;
        out.push(p);
        len += p.length + 1;
        took = true;
        if (len >= target && sources >= 1) break;
      }
      if (took) sources++;
    }
    return out;
  }

  /** USCC-style (统一社会信用代码) illustrative code for an organization index. */
  static orgCode(index: number): string {
    const CH = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const body8 = pad(10_000_000 + ((index * 7_919) % 89_999_999), 8);
    const ow = [3, 7, 9, 10, 5, 8, 4, 2];
    let s = 0;
    for (let k = 0; k < 8; k++) s += Number(body8[k]) * ow[k]!;
    const oc = 11 - (s % 11);
    const org = body8 + (oc === 10 ? 'X' : oc === 11 ? '0' : String(oc));
    const b = '11100000' + org;
    let t = 0;
    for (let k = 0; k < 17; k++) t += CH.indexOf(b[k]!) * W[k]!;
    return b + CH[(31 - (t % 31)) % 31];
  }

  indexNumber(code: string, year: string): string {
    const k = `${code}/${year}`;
    const s = (this.indexSerials.get(k) ?? 0) + 1;
    this.indexSerials.set(k, s);
    return `${code}/${year}-${pad(s, 5)}`;
  }
}

