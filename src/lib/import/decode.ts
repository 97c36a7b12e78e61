/**
 * Bytes of a legacy .txt file → text. Editors' files are UTF-8 (with or without BOM), UTF-16
 * (Windows "Unicode" Notepad, with or without BOM), GB18030/GBK/GB2312 (older Windows Notepad,
 * WPS, Word "纯文本") or Big5 (traditional characters, kept as they are).
 *
 * Order: BOM; UTF-16 without BOM by its NUL bytes (ASCII characters have a zero high byte, so
 * NULs sit at odd offsets in UTF-16LE and even ones in UTF-16BE) when the decoded text passes
 * the plausibility check (src/lib/import/plausible.ts); any other NUL means binary;
 * strict UTF-8 (one invalid sequence fails it, so GBK bytes are never read as UTF-8); then
 * chardet's ranking, accepted only when its best guess is GB18030 or Big5 with confidence
 * MIN_CONFIDENCE, ahead of every other candidate, and the decoded text passes the same check.
 * Everything else (Shift-JIS, EUC-KR, KOI8-R, windows-125x, random bytes, texts too short to
 * tell) is refused with the best guess, its confidence and the fix: save as UTF-8. A wrong guess
 * never becomes mojibake on the site. Pure: no file system.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { refuse } from './guards.ts';
import { brokenCharacters, chinesePlausibility, MIN_EXPECTED_SHARE } from './plausible.ts';

export type DetectedEncoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE BOM' | 'UTF-16BE BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

export interface Decoded {
  text: string;
  encoding: DetectedEncoding;
  /** 0–100: 100 for a BOM or valid UTF-8, chardet's confidence for a legacy code page */
  confidence: number;
}

/**
 * chardet's best guess must reach this confidence (0–100); below, texts are refused. Measured on
 * the corpus: every full document in GB18030 or Big5 scores ≥ 90 (most 100); Chinese text forced
 * into EUC-KR/EUC-JP and read as GB18030 mostly scores 70–89; 40-character snippets score < 90 in 3 %.
 */
export const MIN_CONFIDENCE = 90;

const SAVE_AS_UTF8 = '请用记事本或 WPS 打开原文，“另存为”时编码选 UTF-8，再导入（save the file as UTF-8 and import again）';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Strict decode (invalid sequences and lone surrogates fail) or a refusal naming the encoding. */
function strictDecode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', name: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse(`文件声明为 ${name}，但含有不合法的 ${name} 字节（invalid ${name}）：原文已损坏或不是文本文件；${SAVE_AS_UTF8}`);
  }
}

/** Unicode text whose encoding is certain: only broken characters can still make it unusable. */
function sound(text: string, encoding: DetectedEncoding, confidence = 100): Decoded {
  const broken = brokenCharacters(text);
  if (broken) {
    refuse(
      `按 ${encoding} 读取后含 ${broken.count} 个替换字符或控制字符（${broken.examples.join('、')}）：原文已损坏或不是文本文件（replacement or control characters）；请找到未损坏的原文再导入（find an undamaged original）`,
    );
  }
  return { text, encoding, confidence };
}

function decodeWithBom(b: Uint8Array): Decoded | undefined {
  const at = (i: number) => b[i];
  if ((at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0) || (at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff)) {
    refuse(`不支持 UTF-32 编码（UTF-32 not supported）；${SAVE_AS_UTF8}`);
  }
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return sound(strictDecode(b.subarray(3), 'utf-8', 'UTF-8'), 'UTF-8 BOM');
  if (at(0) === 0xff && at(1) === 0xfe) return sound(strictDecode(b.subarray(2), 'utf-16le', 'UTF-16LE'), 'UTF-16LE BOM');
  if (at(0) === 0xfe && at(1) === 0xff) return sound(strictDecode(b.subarray(2), 'utf-16be', 'UTF-16BE'), 'UTF-16BE BOM');
  return undefined;
}

/**
 * UTF-16 without BOM, told by its NUL bytes: ASCII characters (line breaks, digits) have a zero
 * high byte, at odd offsets in UTF-16LE and even ones in UTF-16BE; a few Han characters have a
 * zero low byte (一 U+4E00, 最 U+6700), so the parity with more NULs is tried first and each
 * byte order must decode strictly to plausible Chinese text. Undefined when neither does (or
 * the bytes have no NUL or an odd length): the caller then treats NULs as binary.
 */
function decodeUtf16WithoutBom(b: Uint8Array): Decoded | undefined {
  if (b.length < 2 || b.length % 2 !== 0 || !b.includes(0)) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const orders = odd >= even ? (['UTF-16LE', 'UTF-16BE'] as const) : (['UTF-16BE', 'UTF-16LE'] as const);
  for (const order of orders) {
    let text: string;
    try {
      text = new TextDecoder(order === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      continue;
    }
    const confidence = Math.round((100 * Math.max(even, odd)) / (even + odd));
    if (chinesePlausibility(text).ok) return { text, encoding: order, confidence: order === orders[0] ? confidence : 100 - confidence };
  }
  return undefined;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const utf16 = decodeUtf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (bytes.includes(0)) refuse(`文件含 NUL 字节，不是 UTF-16 中文文本，也不是其他文本文件（binary file, not text）；${SAVE_AS_UTF8}`);
  if (isValidUtf8(bytes)) return sound(strictUtf8.decode(bytes), 'UTF-8');
  return decodeLegacy(bytes);
}

// ---------------------------------------------------------------------------------------------
// Legacy code pages

const LANGUAGE: Record<string, string> = {
  zh: '中文', ja: '日文', ko: '韩文', ru: '俄文', uk: '乌克兰文', bg: '保加利亚文', el: '希腊文', he: '希伯来文', ar: '阿拉伯文',
  tr: '土耳其文', pl: '波兰文', cs: '捷克文', hu: '匈牙利文', ro: '罗马尼亚文', de: '德文', fr: '法文', en: '英文', es: '西班牙文',
  pt: '葡萄牙文', it: '意大利文', nl: '荷兰文', sv: '瑞典文', da: '丹麦文', no: '挪威文', fi: '芬兰文', hi: '印地文',
};

function legacyEncoding(name: string): 'GB18030' | 'Big5' | undefined {
  if (/^(GB18030|GBK|GB2312)$/i.test(name)) return 'GB18030';
  return /^Big5$/i.test(name) ? 'Big5' : undefined;
}

function describeGuess(m: { name: string; confidence: number; lang?: string | undefined } | undefined): string {
  if (!m) return '无法猜测（no guess），可信度 0%';
  const lang = m.lang ? `（${LANGUAGE[m.lang] ?? m.lang}）` : '';
  return `${m.name}${lang}，可信度 ${m.confidence}%`;
}

/** GB18030/GBK/GB2312 or Big5 when chardet ranks it first with confidence and the text is plausible. */
function decodeLegacy(b: Uint8Array): Decoded {
  const ranking = chardet.analyse(b);
  const best = ranking[0];
  const encoding = best ? legacyEncoding(best.name) : undefined;
  const rival = ranking.find((m) => legacyEncoding(m.name) !== encoding);
  if (!best || !encoding || best.confidence < MIN_CONFIDENCE || (rival && rival.confidence >= best.confidence)) {
    return refuse(
      `无法可靠识别文本编码（encoding not recognized）：最可能是 ${describeGuess(best)}；` +
        `只能导入 UTF-8、UTF-16、GB18030/GBK/GB2312 和 Big5 编码的中文文本。${SAVE_AS_UTF8}`,
    );
  }
  const text = iconv.decode(Buffer.from(b), encoding === 'Big5' ? 'big5' : 'gb18030');
  return plausibleOrRefuse(text, encoding, best.confidence);
}

/** A guessed decode is kept only when the text reads like a Chinese document. */
function plausibleOrRefuse(text: string, encoding: DetectedEncoding, confidence: number): Decoded {
  const p = chinesePlausibility(text);
  if (!p.ok) {
    const broken = brokenCharacters(text);
    const why = broken
      ? `含 ${broken.count} 个替换字符或控制字符（${broken.examples.join('、')}）`
      : p.expectedShare < MIN_EXPECTED_SHARE
        ? `只有 ${Math.floor(p.expectedShare * 100)}% 的字符是汉字、标点、数字或字母`
        : `汉字中只有 ${Math.floor(p.commonHanShare * 100)}% 是常用字（乱码多为生僻字）`;
    refuse(`按 ${encoding}（可信度 ${confidence}%）解码后不像中文文本：${why}，可能是其他编码（decoded text implausible, encoding not recognized）。${SAVE_AS_UTF8}`);
  }
  return { text, encoding, confidence };
}

/** Encode text for tests and fixtures (GB18030, optionally with CRLF line ends). */
export function encodeGb18030(text: string, crlf = false): Uint8Array {
  return iconv.encode(crlf ? text.replace(/\r?\n/g, '\r\n') : text, 'gb18030');
}
