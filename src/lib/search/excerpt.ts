/**
 * Readable excerpts: cut from the original text (never from the bigram stream), with <mark>
 * around the characters the query matched. Matching uses the same tokenizer as the index, so
 * what is highlighted is what was found; marks never split or double a character.
 */
import { tokenizeLang, type Token } from './tokenize.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Runs of query tokens: each run must match consecutive text tokens to be a phrase. */
export function runsOf(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  for (const t of tokens) {
    const last = runs.at(-1);
    if (last && last[0]!.run === t.run) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

function tokenMatches(q: Token, t: Token): boolean {
  // a one-character Han query token or a Latin/digit word matches as a prefix (like the index)
  return q.text === t.text || ((!q.han || [...q.text].length === 1) && t.text.startsWith(q.text));
}

/** Character ranges [start, end) of the text matched by the query tokens; phrases first. */
export function matchRanges(text: string, query: Token[], textTokens?: Token[], language = 'zh'): { ranges: [number, number][]; phrase: number } {
  const toks = textTokens ?? tokenizeLang(text, 'index', language);
  const runs = runsOf(query);
  const ranges: [number, number][] = [];
  let phrase = 0;
  for (const run of runs) {
    let found = false;
    const span = run[run.length - 1]!.pos - run[0]!.pos;
    for (let p = 0; p + span < toks.length; p++) {
      let ok = true;
      for (let i = 0; i < run.length; i++) {
        const t = toks[p + run[i]!.pos - run[0]!.pos]!;
        if (!tokenMatches(run[i]!, t) || (i > 0 && t.run !== toks[p]!.run)) { ok = false; break; }
      }
      if (ok) {
        found = true;
        const first = toks[p]!;
        const last = toks[p + span]!;
        // a one-character query token covers only its own character
        const lastQ = run[run.length - 1]!;
        const end = lastQ.han && [...lastQ.text].length === 1 ? last.start + (text.codePointAt(last.start)! > 0xffff ? 2 : 1) : last.end;
        ranges.push([first.start, Math.max(end, first.start + 1)]);
      }
    }
    if (found) phrase++;
  }
  if (phrase < runs.length) {
    // parts of the query that are not found as a whole: mark the tokens found individually
    for (const run of runs) for (const q of run) for (const t of toks) if (q.text === t.text && t.han === q.han && [...q.text].length > 1) ranges.push([t.start, t.end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { ranges: merged, phrase };
}

/** HTML of a text with every range wrapped in <mark> (text escaped). */
export function highlight(text: string, ranges: [number, number][]): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s < pos) continue;
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos));
}

/**
 * Excerpt of about `length` characters around the best cluster of matches: the window that
 * covers the most matched characters, preferring the first full phrase. Cut at sentence
 * punctuation or line breaks when one is near; an ellipsis marks a cut.
 */
export function buildExcerpt(text: string, query: Token[], length = 80, language = 'zh'): string {
  const { ranges } = matchRanges(text, query, undefined, language);
  const clean = (s: string) => s.replace(/\s*\n\s*/g, ' ');
  if (ranges.length === 0) {
    const cut = [...text].slice(0, length).join('');
    return escapeHtml(clean(cut)) + (cut.length < text.length ? '…' : '');
  }
  // best window start: maximize matched characters inside [start, start+length)
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]![0];
    let score = 0;
    for (let j = i; j < ranges.length && ranges[j]![0] < start + length; j++) score += Math.min(ranges[j]![1], start + length) - ranges[j]![0];
    if (score > bestScore) { bestScore = score; best = i; }
  }
  const anchor = ranges[best]![0];
  let start = Math.max(0, anchor - Math.floor(length / 4));
  // start after a sentence boundary close before the match
  const back = text.slice(start, anchor);
  const b = Math.max(back.lastIndexOf('。'), back.lastIndexOf('\n'), back.lastIndexOf('；'), back.lastIndexOf('！'), back.lastIndexOf('？'));
  if (b >= 0) start += b + 1;
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  let end = Math.min(text.length, start + length);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  const inside = ranges.filter(([s, e]) => e > start && s < end).map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
  const html = highlight(text.slice(start, end), inside);
  return (start > 0 ? '…' : '') + html.replace(/\s*\n\s*/g, ' ') + (end < text.length ? '…' : '');
}
