/**
 * Text clean-up before extraction: line ends (CRLF, CR, form feed, U+2028/2029) → LF, BOM and zero-width
 * characters removed, full-width / no-break spaces → ASCII spaces, trailing spaces dropped,
 * Word-conversion artefacts such as `[bookmark: _GoBack]` removed. Leading indentation is
 * kept (the extractor trims lines itself) so nothing but whitespace changes. Pure.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\f\v\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F\u205F\t]/g, ' ')
    .replace(/\[bookmark: ?[^\]\n]*\]/g, '')
    .replace(/ +$/gm, '');
}

/**
 * Drop spaces that sit between two CJK characters or punctuation marks (typesetting spaces in
 * titles: `领导小组办公室 关于印发`, `文  件`), keep spaces between Latin words.
 */
export function collapseCjkSpaces(s: string): string {
  const cjk = '\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF《》“”‘’（）〔〕【】、，。：；！？';
  const re = new RegExp(`(?<=[${cjk}]) +|(?<=[^ ]) +(?=[${cjk}])`, 'gu');
  return s.replace(re, '').trim();
}
