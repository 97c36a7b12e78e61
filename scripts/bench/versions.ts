/**
 * 历史版本 for the benchmark corpus (generate.ts --versions F): a fraction F of the documents get
 * 2–3 versions (1–2 earlier texts in policies/<id>/versions/<YYYY-MM-DD>.md, oldest first), each
 * later version naming its amending document ({docNumber, title} outside the library). An earlier
 * text is the document's own real paragraphs with one left out and one moved, so comparisons have
 * insertions and deletions. Its own PRNG: with F = 0 the output is byte-identical to before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isoOf, makeRng, type GeneratedDoc } from './recombine.ts';

const q = (s: string) => JSON.stringify(s);
const DAY = 86_400_000;
// earlier texts of the first years' documents go back before the generator's 2000 start
const FIRST = Date.parse('1990-01-01');

export interface VersionPlan {
  /** earlier versions' dates, oldest first */
  dates: string[];
  /** the amending document of each version after the first (earlier ones, then the document itself) */
  amendments: { docNumber: string; title: string }[];
}

export class VersionMaker {
  private rng: () => number;
  private fraction: number;
  constructor(fraction: number, seed: number) {
    this.fraction = fraction;
    this.rng = makeRng(seed ^ 0x5eed);
  }

  /** Whether document `d` gets versions, and their dates; undefined for most documents. */
  plan(d: GeneratedDoc): VersionPlan | undefined {
    if (this.fraction <= 0 || this.rng() >= this.fraction) return undefined;
    const earlier = this.rng() < 0.5 ? 1 : 2;
    const dates: string[] = [];
    let t = Date.parse(d.written);
    for (let i = 0; i < earlier; i++) {
      t -= (365 + Math.floor(this.rng() * 4 * 365)) * DAY;
      if (t < FIRST) break;
      dates.unshift(isoOf(t));
    }
    if (!dates.length) return undefined;
    const amendments = [...dates.slice(1), d.published].map((date, i) => amendmentOf(d, date, i));
    return { dates, amendments };
  }

  /** Writes the earlier versions' files; returns the bytes written. */
  write(pdir: string, d: GeneratedDoc, plan: VersionPlan): number {
    const dir = path.join(pdir, d.id, 'versions');
    mkdirSync(dir, { recursive: true });
    let bytes = 0;
    plan.dates.forEach((date, i) => {
      const fm = ['---', `title: ${q(`${d.title}（${date.slice(0, 4)}年版）`)}`];
      if (i > 0) fm.push(`amendment: { docNumber: ${q(plan.amendments[i - 1]!.docNumber)}, title: ${q(plan.amendments[i - 1]!.title)} }`);
      const text = [...fm, '---', '', this.earlierBody(d.paras).join('\n\n'), ''].join('\n');
      bytes += Buffer.byteLength(text);
      writeFileSync(path.join(dir, `${date}.md`), text);
    });
    return bytes;
  }

  private earlierBody(paras: readonly string[]): string[] {
    if (paras.length < 3) return [...paras];
    const out = [...paras];
    out.splice(Math.floor(this.rng() * out.length), 1);
    const [moved] = out.splice(Math.floor(this.rng() * out.length), 1);
    out.splice(Math.floor(this.rng() * out.length), 0, moved!);
    return out;
  }
}

/** The latest text's frontmatter line naming its amending document. */
export function amendmentLine(plan: VersionPlan): string {
  const a = plan.amendments.at(-1)!;
  return `amendment: { docNumber: ${q(a.docNumber)}, title: ${q(a.title)} }`;
}

/** A 修改决定 of the document's own agency in the version's year; serials above the generator's range. */
function amendmentOf(d: GeneratedDoc, date: string, i: number): { docNumber: string; title: string } {
  const m = /^(.*)〔\d{4}〕(第?)(\d+)号$/.exec(d.docNumber);
  if (!m) throw new Error(`generated 文号 not in the 代字〔年〕号 form: ${d.docNumber}`);
  const serial = 900 + ((Number(m[3]) * 7 + i) % 99);
  return { docNumber: `${m[1]}〔${date.slice(0, 4)}〕${m[2]}${serial}号`, title: `关于修改《${d.title}》的决定` };
}
