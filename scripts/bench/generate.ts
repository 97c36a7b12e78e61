/**
 * Benchmark corpus generator: builds N synthetic policy documents by recombining REAL paragraphs
 * from ../shared/corpus/policies.jsonl (never lorem ipsum).
 *
 *   node scripts/bench/generate.ts --count 10000 --out .bench/corpus-10k [--format md|jsonl] [--seed 42]
 *                                  [--corpus ../shared/corpus/policies.jsonl]
 *
 * Every generated document gets
 *  - a real title pattern: a real "X关于…的<文种>" title (from the corpus titles and the titles the
 *    bodies cite in 《》) with X replaced by the generated issuer and 4-digit years by the
 *    generated year;
 *  - a real-looking 文号: a real agency prefix (机关代字) seen in the corpus, either in a docNumber
 *    field or cited in a body as 《X关于…》（代字〔年〕号）, paired with the issuer X it belongs to,
 *    plus the document's year and a serial; unique across the output and never equal to a real
 *    corpus 文号 (compared by src/lib/docnumber.ts keys);
 *  - real issuer names (joint issuance where the corpus has it);
 *  - dates spread over 2000–2026 (written ≤ published);
 *  - a body of real paragraphs taken in runs from several source documents, with a target length
 *    drawn from the corpus's own body-length distribution (median ≈ 4,471 chars, mean ≈ 5,500 chars
 *    ≈ 16.5 KB UTF-8), capped at 60,000 chars.
 *
 * Output is streamed (one document in memory at a time); the corpus is held once.
 * `--format jsonl` writes DIR/policies.jsonl in the corpus shape {id, title, docNumber, issuer,
 * written, published, topic, body}; `--format md` writes a content directory: site.yaml,
 * topics.yaml, organizations.yaml, policies/<id>.md, interpretations/<id>.md.
 * Deterministic for a given seed and corpus.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { docNumberKey } from '../../src/lib/docnumber.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus/policies.jsonl');

export const MAX_BODY = 60_000;
const YEAR_MIN = 2000;
const YEAR_MAX = 2026;
/** 文种 a title may end with, longest first (公文种类, GB/T 9704). */
const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'];

/** Paragraphs that Markdown would reinterpret (list/heading/quote markers, HTML, emphasis) are left out
 * so the same text shows in the built page and in both output formats. */
const MARKDOWN_UNSAFE = /^(?:\d+[.)]|[-*+>#])\s|^#|[<>`*_\\{}|]/;

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

// ---------- corpus ----------
interface SourceDoc {
  paras: string[];
}
interface Agency {
  /** 机关代字, e.g. 银发 */
  prefix: string;
  /** 第 before the serial in the real form (中国人民银行公告〔2018〕第10号) */
  ordinal: boolean;
  /** issuer names (joint issuance: several) */
  issuers: string[];
}
export interface Corpus {
  docs: SourceDoc[];
  /** body lengths of the real documents (chars), the target-length distribution */
  lengths: number[];
  /** title tails after the issuer: "关于…的通知" */
  titleTails: string[];
  agencies: Agency[];
  /** keys (src/lib/docnumber.ts) of every real 文号, never generated */
  realDocKeys: Set<string>;
  /** topic names from content/topics.yaml (first level) with ids */
  topics: { id: string; name: string }[];
}

const ISSUER_END = /(院|部|委员会|委|厅|局|办公室|银行|署|总局|会|司|总部|办|政府|中心|行)$/;
const ISSUER_BAD = /转发|执行|关于|印发|批转|等|和|及|《|》/;

function splitIssuers(s: string): string[] | null {
  const parts = s.split(/[\s、]+/).filter(Boolean);
  if (parts.length === 0) return null;
  for (const p of parts) if (p.length < 2 || p.length > 24 || ISSUER_BAD.test(p) || !ISSUER_END.test(p)) return null;
  return parts;
}

/** "关于…的<文种>" part of a real "X关于…的<文种>" title, or null. */
function titleTail(title: string): string | null {
  const i = title.indexOf('关于');
  return i >= 2 ? validTail(title.slice(i)) : null;
}
function validTail(tail: string): string | null {
  if (tail.length < 8 || tail.length > 80 || /[\s《》]/.test(tail.slice(0, 3))) return null;
  if (!DOC_TYPES.some((t) => tail.endsWith(t))) return null;
  return tail;
}

const DOCNUM_RE = /^(.+?)〔(\d{4})〕(第?)(\d+)号$/;
const CITE_RE = /《([^《》]{2,60}?)(关于[^《》]{2,120})》[（(]([\u4e00-\u9fa5]{1,12})〔(\d{4})〕(第?)(\d+)号[）)]/g;

/** First-level topics of the project (content/topics.yaml); falls back to the 22 gov.cn names. */
function loadTopics(): { id: string; name: string }[] {
  const file = path.join(ROOT, 'content/topics.yaml');
  if (existsSync(file)) {
    const list = parseYaml(readFileSync(file, 'utf8')) as { id: string; name: string; parent?: string }[] | null;
    const first = (list ?? []).filter((t) => t && typeof t.id === 'string' && !t.parent).map((t) => ({ id: t.id, name: String(t.name) }));
    if (first.length) return first;
  }
  return GOV_TOPICS.map((name, i) => ({ id: `topic-${String(i + 1).padStart(2, '0')}`, name }));
}
const GOV_TOPICS = ['国务院组织机构', '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通',
  '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版', '卫生、体育',
  '人口与计划生育、妇女儿童工作', '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务', '港澳台侨工作',
  '国防', '其他'];

export async function loadCorpus(file: string): Promise<Corpus> {
  const docs: SourceDoc[] = [];
  const lengths: number[] = [];
  const tails = new Set<string>();
  const agencyCount = new Map<string, number>();
  const realDocKeys = new Set<string>();
  const addAgency = (prefix: string, ordinal: boolean, issuers: string[] | null) => {
    if (!issuers || !prefix || prefix.length > 16 || !/^[\u4e00-\u9fa5]+$/.test(prefix)) return;
    const k = `${prefix}\t${ordinal ? 1 : 0}\t${issuers.join(' ')}`;
    agencyCount.set(k, (agencyCount.get(k) ?? 0) + 1);
  };
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { title?: string; docNumber?: string | null; issuer?: string | null; body?: string };
    const body = d.body ?? '';
    lengths.push(body.length);
    const paras = body.split('\n').map((p) => p.trim()).filter((p) => p && !MARKDOWN_UNSAFE.test(p));
    if (paras.length) docs.push({ paras });
    if (d.title) { const t = titleTail(d.title); if (t) tails.add(t); }
    if (d.docNumber) {
      const key = docNumberKey(d.docNumber);
      if (key) realDocKeys.add(key);
      const m = DOCNUM_RE.exec(d.docNumber.trim());
      if (m && d.issuer) addAgency(m[1]!, m[3] === '第', splitIssuers(d.issuer));
    }
    for (const m of body.matchAll(CITE_RE)) {
      const t = validTail(m[2]!);
      if (t) tails.add(t);
      addAgency(m[3]!, m[5] === '第', splitIssuers(m[1]!));
      const key = docNumberKey(`${m[3]}〔${m[4]}〕${m[5]}${m[6]}号`);
      if (key) realDocKeys.add(key);
    }
  }
  // Deterministic order (sorted), independent of Map iteration quirks.
  const agencies = [...agencyCount.keys()].sort().map((k) => {
    const [prefix, ord, iss] = k.split('\t');
    return { prefix: prefix!, ordinal: ord === '1', issuers: iss!.split(' ') };
  });
  if (!docs.length || !agencies.length || !tails.size) throw new Error(`语料为空或格式不符 / corpus has no usable documents: ${file}`);
  return { docs, lengths, titleTails: [...tails].sort(), agencies, realDocKeys, topics: loadTopics() };
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

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);

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

// ---------- writers ----------
async function write(ws: WriteStream, s: string): Promise<void> {
  if (!ws.write(s)) await once(ws, 'drain');
}
async function close(ws: WriteStream): Promise<void> {
  ws.end();
  await once(ws, 'finish');
}

const q = (s: string) => JSON.stringify(s); // JSON strings are valid YAML double-quoted scalars

export interface Options {
  count: number;
  out: string;
  format: 'md' | 'jsonl';
  seed: number;
  corpus?: string;
}

export async function generate(opts: Options, corpusIn?: Corpus): Promise<{ count: number; files: number; bytes: number }> {
  const corpus = corpusIn ?? (await loadCorpus(opts.corpus ?? DEFAULT_CORPUS));
  const gen = new Generator(corpus, opts.seed, opts.count);
  mkdirSync(opts.out, { recursive: true });
  let bytes = 0;

  if (opts.format === 'jsonl') {
    const ws = createWriteStream(path.join(opts.out, 'policies.jsonl'));
    for (let i = 0; i < opts.count; i++) {
      const d = gen.next();
      const line = JSON.stringify({
        id: d.id, title: d.title, docNumber: d.docNumber, issuer: d.issuer.join(' '),
        written: d.written, published: d.published, topic: d.topic.name, body: d.paras.join('\n'),
      }) + '\n';
      bytes += Buffer.byteLength(line);
      await write(ws, line);
    }
    await close(ws);
    return { count: opts.count, files: 1, bytes };
  }

  // md: a content directory
  const pdir = path.join(opts.out, 'policies');
  const idir = path.join(opts.out, 'interpretations');
  mkdirSync(pdir, { recursive: true });
  mkdirSync(idir, { recursive: true });

  const orgNames = [...new Set(corpus.agencies.flatMap((a) => a.issuers))].sort();
  const orgId = new Map(orgNames.map((n, i) => [n, `org-${pad(i + 1, 4)}`]));
  const orgCode = new Map(orgNames.map((n, i) => [n, Generator.orgCode(i + 1)]));
  writeFileSync(path.join(opts.out, 'organizations.yaml'),
    '# 生成的基准测试数据：机关名称取自真实语料，机构代码为示意值（统一社会信用代码格式）。\n' +
    orgNames.map((n) => `- { id: ${orgId.get(n)}, name: ${q(n)}, code: "${orgCode.get(n)}" }`).join('\n') + '\n');
  const topicsFile = path.join(ROOT, 'content/topics.yaml');
  writeFileSync(path.join(opts.out, 'topics.yaml'), existsSync(topicsFile)
    ? readFileSync(topicsFile, 'utf8')
    : corpus.topics.map((t) => `- { id: ${t.id}, name: ${q(t.name)} }`).join('\n') + '\n');
  const siteFile = path.join(ROOT, 'content/site.yaml');
  writeFileSync(path.join(opts.out, 'site.yaml'), existsSync(siteFile)
    ? readFileSync(siteFile, 'utf8')
    : 'name: { zh: 基准测试站点 }\nregion: "150000"\nlevel: 自治区\nsiteCode: "1500000001"\norganizer: 基准测试\ncontacts: {}\npageSize: 20\n');

  // A few interpretations for evenly spaced documents (kept small: title, date, 3 paragraphs).
  const nInterp = Math.min(50, Math.max(3, Math.floor(opts.count / 1000)));
  const every = Math.max(1, Math.floor(opts.count / nInterp));
  let files = 3;
  let interp = 0;
  for (let i = 0; i < opts.count; i++) {
    const d = gen.next();
    const issuers = d.issuer.map((n) => orgId.get(n)!);
    const fm = [
      '---',
      `title: ${q(d.title)}`,
      `docNumber: ${q(d.docNumber)}`,
      `issuers: [${issuers.join(', ')}]`,
      `indexNumber: ${q(gen.indexNumber(orgCode.get(d.issuer[0]!)!, d.written.slice(0, 4)))}`,
      `topic: ${d.topic.id}`,
      `docType: ${d.docType}`,
      `category: ${d.category}`,
      `written: ${d.written}`,
      `published: ${d.published}`,
      'openness: 主动公开',
      '---',
      '',
    ].join('\n');
    const text = fm + d.paras.join('\n\n') + '\n';
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(pdir, `${d.id}.md`), text);
    files++;
    if (i % every === 0 && interp < nInterp) {
      interp++;
      const pub = isoOf(Date.parse(d.published) + (1 + (i % 3)) * 86_400_000);
      const it = [
        '---',
        `title: ${q(`《${d.title}》解读`)}`,
        `interprets: [${d.id}]`,
        `published: ${pub}`,
        'form: 文字',
        `interpreter: { org: ${q(d.issuer[0]!)} }`,
        '---',
        '',
        d.paras.slice(0, 3).join('\n\n'),
        '',
      ].join('\n');
      writeFileSync(path.join(idir, `${d.id}-jd.md`), it);
      files++;
    }
  }
  return { count: opts.count, files, bytes };
}

// ---------- CLI ----------
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      format: { type: 'string', default: 'md' },
      seed: { type: 'string', default: '42' },
      corpus: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = 'usage: node scripts/bench/generate.ts --count N --out DIR [--format md|jsonl] [--seed 42] [--corpus FILE]';
  if (values.help) { console.log(usage); return; }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed) || (values.format !== 'md' && values.format !== 'jsonl')) {
    console.error(usage);
    process.exit(2);
  }
  const corpus = path.resolve(values.corpus ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) {
    console.error(`找不到真实语料 / real corpus not found: ${corpus}\n` +
      '生成器只用真实段落重组文档，需要项目旁的 ../shared/corpus/policies.jsonl（或用 --corpus 指定）。' +
      '\nThe generator recombines real paragraphs and needs ../shared/corpus/policies.jsonl next to the repository (or --corpus FILE).');
    process.exit(2);
  }
  const t0 = performance.now();
  const c = await loadCorpus(corpus);
  const t1 = performance.now();
  const r = await generate({ count, out: path.resolve(values.out), format: values.format as 'md' | 'jsonl', seed, corpus }, c);
  const t2 = performance.now();
  console.log(`generated ${r.count} documents (${values.format}) into ${values.out}: ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB; ` +
    `corpus load ${((t1 - t0) / 1000).toFixed(1)} s, generation ${((t2 - t1) / 1000).toFixed(1)} s; ` +
    `${c.docs.length} source documents, ${c.agencies.length} agencies, ${c.titleTails.length} title patterns`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
