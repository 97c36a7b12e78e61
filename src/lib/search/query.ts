/**
 * Query parsing: finds 文号 (document numbers, any bracket style) and the free text.
 * "银发〔2021〕237号" → one 文号; "反洗钱 银发[2014]344号" → 文号 + words; quotes (ASCII or
 * Chinese) ask for the exact phrase.
 */
import { docNumberKey } from '../docnumber.ts';
import { normalizeText } from './normalize.ts';

export interface ParsedQuery {
  /** the query as typed, trimmed */
  raw: string;
  /** canonical 文号 keys found in the query (`机关代字|年份|序号`) */
  docNumbers: string[];
  /** the free text (the whole query, 文号 included, so documents citing it are found too) */
  text: string;
  /** the words outside any 文号 */
  rest: string;
  /** the user quoted the query: only exact phrase matches */
  exact: boolean;
}

const QUOTES = /^["“”「『](.+)["“”」』]$/su;
// a 文号 inside longer text: agency (letters), optional year in brackets or bare, serial, 号
const DOCNUM_IN_TEXT =
  /[\p{Script=Han}A-Za-z]{1,20}\s*[〔\[(（【［〈〖{]\s*(?:19|20)\d\d\s*[〕\])）】］〉〗}]\s*第?\s*\d{1,5}\s*号?|[\p{Script=Han}A-Za-z]{1,20}令\s*第?\s*\d{1,5}\s*号/gu;

export function parseQuery(input: string): ParsedQuery {
  let raw = (input ?? '').trim();
  let exact = false;
  const q = QUOTES.exec(raw);
  if (q) {
    raw = q[1]!.trim();
    exact = true;
  }
  const docNumbers: string[] = [];
  let rest = raw;
  const add = (k: string | null) => {
    if (k && !docNumbers.includes(k)) docNumbers.push(k);
  };
  // whole query (spaces inside a 文号 are common: "银发 〔2018〕 162 号"; joint agencies are
  // written with spaces too), then each piece and each 文号-shaped part of a piece
  const whole = looksLikeDocNumber(raw) ? docNumberKey(raw) : null;
  const spaced = /\p{L}\s+\p{L}/u.test(raw);
  if (whole) add(whole);
  if (whole && !spaced) rest = '';
  else {
    for (const piece of raw.split(/\s+/)) {
      if (looksLikeDocNumber(piece)) {
        const k = docNumberKey(piece);
        if (k) {
          add(k);
          rest = rest.replace(piece, ' ');
          continue;
        }
      }
      for (const m of piece.matchAll(DOCNUM_IN_TEXT)) {
        const k = docNumberKey(m[0]);
        if (k) {
          add(k);
          rest = rest.replace(m[0], ' ');
        }
      }
    }
  }
  return { raw, docNumbers, text: raw, rest: rest.replace(/\s+/g, ' ').trim(), exact };
}

/** A 文号 needs letters (机关代字) followed by digits; plain words or bare numbers are not. */
function looksLikeDocNumber(s: string): boolean {
  const n = normalizeText(s);
  return /[\p{L}]/u.test(n) && /\d/.test(n) && /^[\p{L}\s]*[\p{L}][\s〔〕\[\]()（）【】［］〈〉〖〗{}第\d号文]*$/u.test(s.normalize('NFKC'));
}
