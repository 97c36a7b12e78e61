/**
 * Most official documents are plain paragraphs: no Markdown syntax, no HTML, nothing marked
 * would escape. Their HTML is known without running marked, whose inline lexer spends most of a
 * 10,000-document build's content time on long lines of Chinese text. A body qualifies only when
 * no character or line start could mean anything to Markdown (GFM) or need escaping; anything
 * else goes to marked. test/unit/markdown-plain.test.ts compares the two on the real corpus.
 */

/** Anything that could be Markdown or HTML syntax, an autolink (a colon alone, as in 10:00, is
 * none), an entity or need escaping. */
const SYNTAX = /[\\`*_[\]<>!#|~&"'@\r\t\f\v]|^[-+=:]|:\/\/|mailto:|xmpp:|www\.|^\s*\d{1,9}[.)]|^[ \u00a0]|[ \u00a0]$/im;

/** marked's HTML of `body` when it is plain paragraphs, else null. */
export function plainParagraphsHtml(body: string): string | null {
  if (SYNTAX.test(body)) return null;
  let html = '';
  for (const p of body.replace(/^\n+|\n+$/g, '').split(/\n{2,}/)) if (p) html += `<p>${p}</p>\n`;
  return html;
}
