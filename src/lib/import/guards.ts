/**
 * Limits for untrusted legacy files and the refusal the importer reports for them. Imported
 * files come from old web sites, mail attachments and shared drives: a crafted or broken one
 * must stop with one clear line naming the file, never write a huge, empty or garbled page.
 * The caps are far above real documents (the longest in the 3,998-document corpus, the Civil
 * Code, is 0.33 MB of text). Pure.
 */

const MIB = 1024 * 1024;

/** A .txt larger than this is not read (bytes on disk). */
export const MAX_TXT_BYTES = 8 * MIB;
/** A .docx larger than this is not read (bytes on disk). */
export const DOCX_MAX_FILE_BYTES = 24 * MIB;
/** Sum of the uncompressed sizes of all entries of a .docx (zip bombs). */
export const DOCX_MAX_INFLATED_BYTES = 20 * MIB;
/** Entries in a .docx zip (Word writes 10–40, a few hundred with many pictures). */
export const DOCX_MAX_ENTRIES = 2000;
/** Text after decoding or .docx extraction, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 2 * MIB;
/** The Markdown file the importer writes, in UTF-8 bytes. */
export const MAX_OUTPUT_BYTES = 3 * MIB;

/** An input the importer will not convert; `message` (Chinese first, English key) follows the file name. */
export class ImportRefusal extends Error {
  override name = 'ImportRefusal';
}

export function refuse(message: string): never {
  throw new ImportRefusal(message);
}

/** `2.0 MB` style size for messages (MiB, one decimal; bytes below 1 KiB). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / MIB).toFixed(1)} MB`;
}

/** Refuses a file whose size on disk is over `cap` before it is read. */
export function checkFileSize(bytes: number, cap: number, kind: string): void {
  if (bytes > cap) refuse(`文件过大：${formatSize(bytes)}，${kind} 上限 ${formatSize(cap)}（file too large）`);
}

/** True when nothing but whitespace, BOMs and zero-width characters is left. */
export function isBlank(text: string): boolean {
  return !/[^\s\uFEFF\u200B-\u200D\u2060\u3000]/u.test(text);
}

/**
 * The text the extractor will read: refused when empty (nothing would be imported but a
 * frontmatter stub) or over MAX_TEXT_BYTES.
 */
export function checkExtractedText(text: string, what: string): void {
  if (isBlank(text)) refuse(`${what}没有任何文字，未导入（empty input: no text）`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_BYTES) refuse(`${what}文字过长：${formatSize(bytes)}，上限 ${formatSize(MAX_TEXT_BYTES)}（text too long）`);
}

/** Refuses Markdown over MAX_OUTPUT_BYTES. */
export function checkOutputSize(markdown: string): void {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_OUTPUT_BYTES) {
    refuse(`生成的 Markdown 过大：${formatSize(bytes)}，上限 ${formatSize(MAX_OUTPUT_BYTES)}，未写入（output too large）`);
  }
}
