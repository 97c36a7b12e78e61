/**
 * .docx → raw text through mammoth, after checking the zip so a crafted file cannot make it
 * allocate without bound. A .docx is a zip; mammoth (through JSZip) inflates whole entries in
 * memory and trusts their sizes, so a 300 KB "zip bomb" became a 300 MB page. Before mammoth
 * sees the bytes: the end-of-central-directory record must exist (else it is not a .docx at all,
 * often a renamed .doc/.wps/.txt), the entry count is capped, the declared uncompressed sizes
 * must add up to at most DOCX_MAX_INFLATED_BYTES, and every entry is inflated once with its
 * declared size as the hard output limit, so a directory that lies about sizes is refused too.
 */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { DOCX_MAX_ENTRIES, DOCX_MAX_INFLATED_BYTES, formatSize, refuse } from './guards.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** ZIP64 marker values: a .docx never needs them (its parts are far below 4 GB). */
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const NOT_DOCX = '不是有效的 .docx 文件（not a .docx/zip file）：请在 Word/WPS 中打开原文并“另存为” Word 文档（.docx）后再导入';

/** Offset of the end-of-central-directory record (it ends the file, after a comment of ≤ 64 KB). */
function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - MAX16); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function notAZip(buf: Buffer): never {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) refuse(`这是旧版 Word/WPS 文件（.doc/.wps，OLE 格式），只是扩展名为 .docx；${NOT_DOCX}`);
  if (buf.length >= 4 && buf.readUInt32LE(0) === LOCAL) refuse(`zip 文件不完整，找不到目录（truncated zip）；${NOT_DOCX}`);
  return refuse(NOT_DOCX);
}

/** The central directory, checked against the caps; refuses anything a .docx never is. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const end = findEnd(buf);
  if (end === -1) notAZip(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 8) !== count) refuse(`不支持分卷 zip（multi-part zip）；${NOT_DOCX}`);
  if (count === MAX16 || cdOffset === MAX32 || cdSize === MAX32) refuse(`不支持 ZIP64 格式的 .docx（ZIP64 not supported）；${NOT_DOCX}`);
  if (count === 0) refuse(`zip 中没有任何文件（empty zip）；${NOT_DOCX}`);
  if (count > DOCX_MAX_ENTRIES) refuse(`.docx 中有 ${count} 个条目，上限 ${DOCX_MAX_ENTRIES}（too many zip entries）：不像 Word 文档，未导入`);
  if (cdOffset + cdSize > end) notAZip(buf);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let p = cdOffset, i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) refuse(`zip 目录已损坏（corrupt zip directory）；${NOT_DOCX}`);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    if (buf.readUInt16LE(p + 8) & 1) refuse('.docx 已加密（encrypted）：请在 Word/WPS 中取消密码后另存为 .docx 再导入');
    if (entry.method !== 0 && entry.method !== 8) refuse(`zip 条目 ${entry.name} 使用不支持的压缩方式 ${entry.method}（unsupported compression）；${NOT_DOCX}`);
    if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32) refuse(`不支持 ZIP64 格式的 .docx（ZIP64 not supported）；${NOT_DOCX}`);
    total += entry.size;
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > DOCX_MAX_INFLATED_BYTES) {
    refuse(`.docx 解压后共 ${formatSize(total)}，上限 ${formatSize(DOCX_MAX_INFLATED_BYTES)}（zip bomb or oversized document）：未导入；如确为超大文档，请删去图片后另存再导入`);
  }
  return entries;
}

/** Inflates one entry with its declared size as the limit: a lying directory cannot inflate more. */
function verifyEntry(buf: Buffer, e: ZipEntry, cdOffset: number): void {
  const corrupt = (why: string, en = 'corrupt zip entry'): never => refuse(`zip 条目 ${e.name} ${why}（${en}）：未导入`);
  if (e.localOffset + 30 > cdOffset || buf.readUInt32LE(e.localOffset) !== LOCAL) corrupt('的本地文件头已损坏');
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  if (start + e.compressedSize > cdOffset) corrupt('超出文件范围');
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) corrupt('的大小与目录记录不符');
    return;
  }
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') corrupt(`解压后超过目录记录的 ${formatSize(e.size)}`, 'zip bomb: inflates past its declared size');
    return corrupt('无法解压');
  }
  if (out.length !== e.size) corrupt('解压后的大小与目录记录不符');
}

/** Throws ImportRefusal unless `buf` is a zip within the caps whose entries inflate to their declared sizes. */
export function checkDocxZip(buf: Buffer): void {
  const entries = listZipEntries(buf);
  const cdOffset = buf.readUInt32LE(findEnd(buf) + 16);
  for (const e of entries) verifyEntry(buf, e, cdOffset);
}

/** Raw text of a checked .docx (paragraphs separated by blank lines) and mammoth's warnings. */
export async function extractDocxText(buf: Buffer): Promise<{ text: string; warnings: string[] }> {
  checkDocxZip(buf);
  const result = await mammoth.extractRawText({ buffer: buf });
  return { text: result.value, warnings: result.messages.map((m) => `docx: ${m.message}`) };
}
