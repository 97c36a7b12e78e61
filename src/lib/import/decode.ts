/**
 * Bytes of a legacy .txt file → text. Editors' files are UTF-8 (with or without BOM), UTF-16
 * (Windows "Unicode" Notepad) or GB18030/GBK/GB2312 (older Windows Notepad, WPS, Word "纯文本").
 *
 * Order: BOM first; then a strict UTF-8 decode (any invalid sequence fails, so GBK bytes can
 * never be mistaken for UTF-8 text); otherwise chardet's guess when it names a Chinese
 * encoding iconv-lite knows, else GB18030 (a superset of GBK and GB2312, so it is the safe
 * default for mainland files). Pure: no file system.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type DetectedEncoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE BOM' | 'UTF-16BE BOM' | 'GB18030' | 'Big5';

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
  /** U+FFFD replacement characters produced by the decode (bytes that did not fit the encoding) */
  replacements: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function countReplacements(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\uFFFD') n++;
  return n;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(b.subarray(3));
    return { text, encoding: 'UTF-8 BOM', replacements: countReplacements(text) };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(b.subarray(2));
    return { text, encoding: 'UTF-16LE BOM', replacements: countReplacements(text) };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(b.subarray(2));
    return { text, encoding: 'UTF-16BE BOM', replacements: countReplacements(text) };
  }
  if (isValidUtf8(b)) return { text: strictUtf8.decode(b), encoding: 'UTF-8', replacements: 0 };

  // Not UTF-8: a legacy Chinese code page. chardet only decides between GB18030 and Big5;
  // anything else it says (ISO-8859-1 on short texts, EUC-JP…) falls back to GB18030.
  let encoding: DetectedEncoding = 'GB18030';
  const matches = chardet.analyse(b);
  const gb = matches.find((m) => /^(GB18030|GBK|GB2312)$/i.test(m.name))?.confidence ?? 0;
  const big5 = matches.find((m) => /^Big5$/i.test(m.name))?.confidence ?? 0;
  if (big5 > gb + 20) {
    const candidate = iconv.decode(Buffer.from(b), 'big5');
    const gbText = iconv.decode(Buffer.from(b), 'gb18030');
    if (countReplacements(candidate) < countReplacements(gbText)) encoding = 'Big5';
  }
  const text = iconv.decode(Buffer.from(b), encoding === 'Big5' ? 'big5' : 'gb18030');
  return { text, encoding, replacements: countReplacements(text) };
}

/** Encode text for tests and fixtures (GB18030, optionally with CRLF line ends). */
export function encodeGb18030(text: string, crlf = false): Uint8Array {
  return iconv.encode(crlf ? text.replace(/\r?\n/g, '\r\n') : text, 'gb18030');
}
