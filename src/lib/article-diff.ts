/**
 * 逐条对照 / article-level comparison of two versions of a text. Both bodies are cut into
 * units — each article (第…条 with the paragraphs that follow it), each heading (章、节、附件标题)
 * and each paragraph before the first article — matched by their text without the article
 * number (so renumbered but unchanged articles match), then unmatched neighbours that are
 * still alike (≥ SIMILAR of their characters in common) shown as modified with the changed
 * characters marked. Pure.
 */

export type UnitKind = 'article' | 'heading' | 'text';

export interface Unit {
  kind: UnitKind;
  /** 第十二条 for articles, the heading text for headings, '' for paragraphs */
  label: string;
  /** the paragraphs, the first starting with the label for an article */
  paragraphs: string[];
}

export type Segment = { op: 'same' | 'ins' | 'del'; text: string };

export type DiffEntry =
  | { op: 'same'; old: Unit; new: Unit; renumbered: boolean }
  | { op: 'ins'; new: Unit }
  | { op: 'del'; old: Unit }
  | { op: 'mod'; old: Unit; new: Unit; segments: Segment[] };

export interface DiffSummary {
  same: number;
  ins: number;
  del: number;
  mod: number;
}

/** Two articles this alike (common characters over the longer) are one article modified. */
export const SIMILAR = 0.5;
/** How far ahead among unmatched new articles an old one looks for its modified self: keeps a rewrite of a long law from costing every old article × every new one. */
const WINDOW = 12;
/** Character diffs larger than this (old × new lengths) are shown as whole replacement. */
const MAX_CELLS = 4_000_000;

const NUM = '[一二三四五六七八九十百千零〇两]+';
const ARTICLE = new RegExp(`^(第\\s*${NUM}\\s*条(?:之${NUM})?)[\\s　]*`);
const HEADING = new RegExp(`^(?:#{1,6}\\s+|第\\s*${NUM}\\s*[章节编]|附件[:：]?$|附\\s*则$)`);

/** Paragraphs of a Markdown or plain-text body (one per non-empty line; Markdown heading marks kept for detection). */
function paragraphs(body: string): string[] {
  return body.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function splitUnits(body: string): Unit[] {
  const units: Unit[] = [];
  let article: Unit | undefined;
  for (const p of paragraphs(body)) {
    const a = ARTICLE.exec(p);
    if (a) {
      article = { kind: 'article', label: a[1]!.replace(/\s+/g, ''), paragraphs: [p] };
      units.push(article);
    } else if (HEADING.test(p)) {
      article = undefined;
      const text = p.replace(/^#{1,6}\s+/, '');
      units.push({ kind: 'heading', label: text, paragraphs: [text] });
    } else if (article) article.paragraphs.push(p);
    else units.push({ kind: 'text', label: '', paragraphs: [p] });
  }
  return units;
}

/** What two units are compared by: the text without the article number and without spacing. */
function content(u: Unit): string {
  const joined = u.paragraphs.join('\n');
  return (u.kind === 'article' ? joined.replace(ARTICLE, '') : joined).replace(/[\s　]+/g, '');
}

/** Longest common subsequence of two sequences of keys: index pairs in order. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = a[i] === b[j] ? dp[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push([i++, j++]);
    else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Character-level segments from old to new text; one del + one ins when too large to align. */
export function charDiff(a: string, b: string): Segment[] {
  const ca = [...a];
  const cb = [...b];
  // the common start and end need no alignment: most amendments change a few words of an article
  let pre = 0;
  while (pre < ca.length && pre < cb.length && ca[pre] === cb[pre]) pre++;
  let suf = 0;
  while (suf < ca.length - pre && suf < cb.length - pre && ca[ca.length - 1 - suf] === cb[cb.length - 1 - suf]) suf++;
  const ma = ca.slice(pre, ca.length - suf);
  const mb = cb.slice(pre, cb.length - suf);
  const out: Segment[] = [];
  const push = (op: Segment['op'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  push('same', ca.slice(0, pre).join(''));
  if (ma.length * mb.length > MAX_CELLS) {
    push('del', ma.join(''));
    push('ins', mb.join(''));
  } else {
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...lcsPairs(ma, mb), [ma.length, mb.length] as [number, number]]) {
      push('del', ma.slice(i, pi).join(''));
      push('ins', mb.slice(j, pj).join(''));
      if (pi < ma.length) push('same', ma[pi]!);
      i = pi + 1;
      j = pj + 1;
    }
  }
  push('same', ca.slice(ca.length - suf).join(''));
  return out;
}

/** Characters two texts share counted with multiplicity: an upper bound of their common subsequence. */
function sharedChars(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let n = 0;
  for (const c of b) {
    const k = counts.get(c) ?? 0;
    if (k > 0) {
      n++;
      counts.set(c, k - 1);
    }
  }
  return n;
}

/** Share of characters two units have in common (over the longer), ignoring article numbers and spacing. */
function similarity(a: Unit, b: Unit): number {
  const ca = content(a);
  const cb = content(b);
  const longer = Math.max([...ca].length, [...cb].length, 1);
  // cheap bound first: most pairs in a rewrite share too few characters to be worth aligning
  if (sharedChars([...ca], [...cb]) / longer < SIMILAR) return 0;
  const common = charDiff(ca, cb).filter((s) => s.op === 'same').reduce((n, s) => n + [...s.text].length, 0);
  return common / longer;
}

/** Unmatched old and new units between two matches: alike pairs (in order) as modified, the rest deleted or inserted. */
function gap(olds: Unit[], news: Unit[]): DiffEntry[] {
  const out: DiffEntry[] = [];
  let j = 0;
  for (const o of olds) {
    let hit = j;
    const end = Math.min(news.length, j + WINDOW);
    while (hit < end && (news[hit]!.kind !== o.kind || similarity(o, news[hit]!) < SIMILAR)) hit++;
    if (hit === end) {
      out.push({ op: 'del', old: o });
      continue;
    }
    for (; j < hit; j++) out.push({ op: 'ins', new: news[j]! });
    const n = news[hit]!;
    out.push({ op: 'mod', old: o, new: n, segments: charDiff(o.paragraphs.join('\n'), n.paragraphs.join('\n')) });
    j = hit + 1;
  }
  for (; j < news.length; j++) out.push({ op: 'ins', new: news[j]! });
  return out;
}

export function diffUnits(oldUnits: Unit[], newUnits: Unit[]): DiffEntry[] {
  const pairs = lcsPairs(oldUnits.map(content), newUnits.map(content));
  const out: DiffEntry[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [oldUnits.length, newUnits.length] as [number, number]]) {
    out.push(...gap(oldUnits.slice(i, pi), newUnits.slice(j, pj)));
    if (pi < oldUnits.length) {
      const o = oldUnits[pi]!;
      const n = newUnits[pj]!;
      out.push({ op: 'same', old: o, new: n, renumbered: o.kind === 'article' && o.label !== n.label });
    }
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

export function diffArticles(oldBody: string, newBody: string): DiffEntry[] {
  return diffUnits(splitUnits(oldBody), splitUnits(newBody));
}

/** Counts of articles (条) unchanged, inserted, deleted and modified; headings and paragraphs are not counted. */
export function summarize(entries: readonly DiffEntry[]): DiffSummary {
  const s: DiffSummary = { same: 0, ins: 0, del: 0, mod: 0 };
  for (const e of entries) {
    const unit = e.op === 'ins' ? e.new : e.old;
    if (unit.kind === 'article') s[e.op]++;
  }
  return s;
}
