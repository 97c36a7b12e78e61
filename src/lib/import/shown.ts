/**
 * An untrusted value (a file name, a title or 文号 from an export, a library's error message) as
 * printed on a terminal: C0 and C1 controls (escape sequences, line breaks), bidi overrides and
 * isolates, and U+2028/U+2029 are shown as \u{…}, so nothing in it can move the cursor, recolor,
 * reorder or split a report line. Pure.
 */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

export function shown(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** A value quoted as JSON (an empty string, a number or an object shows as such), then made safe to print. */
export function quoted(v: unknown): string {
  return shown(JSON.stringify(v) ?? String(v));
}
