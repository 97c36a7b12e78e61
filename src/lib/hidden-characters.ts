/**
 * Characters no official text needs and that hide or disguise text: C0/C1 controls (tab and line
 * breaks aside), bidirectional overrides and isolates (U+202A–202E, U+2066–2069, which can show
 * a title reversed), lone surrogates. Mongolian's U+180E/U+202F/ZWJ stay allowed.
 */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hiddenCharacter(s: string): string | undefined {
  const m = HIDDEN.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
