/**
 * Long Han runs across a search excerpt's highlights (src/scripts/search/render.ts): the static
 * pages mark a long run as one island (src/lib/direction.ts, span.zh-island); an excerpt with
 * <mark>s inside that run must show the same one island, not island, upright highlight, island.
 */
import { splitChineseRuns } from '../direction.ts';

/** A piece of plain text, highlighted or not (a search excerpt's <mark>s). */
export interface MarkedPiece {
  text: string;
  mark: boolean;
}

/**
 * Pieces grouped so that a long Han run crossing highlights is one island, as on the static page:
 * an island group holds the pieces (cut at the run's ends) inside it, the other groups the rest.
 * Concatenating every group's pieces gives back the input text.
 */
export function groupIslands(pieces: readonly MarkedPiece[]): { island: boolean; pieces: MarkedPiece[] }[] {
  const cuts: [number, number][] = [];
  let at = 0;
  for (const run of splitChineseRuns(pieces.map((p) => p.text).join(''))) {
    if (run.island) cuts.push([at, at + run.text.length]);
    at += run.text.length;
  }
  // every piece cut at the island edges inside it, each part labelled with its island (-1: none)
  const parts: { part: MarkedPiece; island: number }[] = [];
  let start = 0;
  for (const piece of pieces) {
    const end = start + piece.text.length;
    const edges = [start, ...cuts.flat().filter((x) => x > start && x < end), end];
    for (let k = 0; k + 1 < edges.length; k++) {
      const [from, to] = [edges[k]!, edges[k + 1]!];
      parts.push({ part: { text: piece.text.slice(from - start, to - start), mark: piece.mark }, island: cuts.findIndex(([a, b]) => from >= a && to <= b) });
    }
    start = end;
  }
  const groups: { island: number; pieces: MarkedPiece[] }[] = [];
  for (const { part, island } of parts) {
    const last = groups[groups.length - 1];
    if (last && last.island === island) last.pieces.push(part);
    else groups.push({ island, pieces: [part] });
  }
  return groups.map((g) => ({ island: g.island !== -1, pieces: g.pieces }));
}
