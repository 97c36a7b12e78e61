/**
 * The real corpus the benchmark generator recombines (../shared/corpus/policies.jsonl): its
 * paragraphs, body-length distribution, "关于…的<文种>" title tails, agencies (机关代字 with their
 * issuers) and every real 文号 key (never generated). See scripts/bench/generate.ts.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { docNumberKey } from '../../src/lib/docnumber.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CORPUS = path.resolve(ROOT, '../shared/corpus/policies.jsonl');

export const MAX_BODY = 60_000;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2026;
/** 文种 a title may end with, longest first (公文种类, GB/T 9704). */
export const DOC_TYPES = ['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'];

/** Paragraphs that Markdown would reinterpret (list/heading/quote markers, HTML, emphasis) are left out
 * so the same text shows in the built page and in both output formats. */
export const MARKDOWN_UNSAFE = /^(?:\d+[.)]|[-*+>#])\s|^#|[<>`*_\\{}|]/;

// ---------- corpus ----------
interface SourceDoc {
  paras: string[];
}
export interface Agency {
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
