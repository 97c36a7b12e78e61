/**
 * .docx → raw text through mammoth, after checking the zip so a crafted file cannot make it
 * allocate without bound. A .docx is a zip; mammoth (through JSZip) inflates whole entries in
 * memory and trusts their sizes, so a 300 KB "zip bomb" became a 300 MB page.
 *
 * Two defences, both needed:
 *  1. The zip must have the one canonical layout every Word/WPS/LibreOffice file has, checked
 *     before anything is inflated, so no two zip readers can disagree about its contents: the
 *     end-of-central-directory record (EOCD) is the last one in the file and its comment reaches
 *     exactly the end of the file; the central directory ends exactly at the EOCD (a gap there is
 *     what JSZip takes for "prepended data" and shifts every offset by, reading a second, hidden
 *     directory); the local entries tile the bytes before the directory from offset 0 with no
 *     gap, overlap or leftover, each at its stated offset with the directory's name, method and
 *     sizes; no ZIP64, multi-part, encryption or duplicate names. Entry count and the declared
 *     uncompressed total are capped.
 *  2. Every entry is then inflated here once, with its declared size as the hard output limit and
 *     its CRC checked, and mammoth is handed a new zip built from these verified bytes
 *     (canonicalZip), never the uploaded file: whatever JSZip would have made of the original, it
 *     only ever sees what was verified.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { DOCX_MAX_ENTRIES, DOCX_MAX_INFLATED_BYTES, formatSize, refuse } from './guards.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
/** ZIP64 marker values: a .docx never needs them (its parts are far below 4 GB). */
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const ENCRYPTED = 0x0001;
const HAS_DESCRIPTOR = 0x0008;
const UTF8_NAMES = 0x0800;

export interface ZipEntry {
  name: string;
  /** the name as stored (the local header holds the same bytes) */
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** first byte of the (compressed) data, after the local header, name and extra field */
  dataOffset: number;
}

/** An entry whose data inflated to exactly its declared size and CRC. */
export interface VerifiedEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  data: Buffer;
}

const SAVE_AS = '请在 Word/WPS 中打开原文并“另存为” Word 文档（.docx）后再导入';
const NOT_DOCX = `不是有效的 .docx 文件（not a .docx/zip file）：${SAVE_AS}`;

/** A zip laid out unlike any Word document: the reason, then how to fix it (one line). */
function nonCanonical(why: string, en: string): never {
  return refuse(`.docx 的 zip 结构异常，Word/WPS 不会这样保存：${why}（non-canonical zip: ${en}），未导入；${SAVE_AS}`);
}

/**
 * Offset of the EOCD: the last EOCD signature in the file, searched like JSZip does (from the
 * end) but only in the window a record with a ≤ 64 KB comment can occupy.
 */
function findEnd(buf: Buffer): number {
  for (let i = buf.length - 4; i >= Math.max(0, buf.length - EOCD_SIZE - MAX16); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function notAZip(buf: Buffer): never {
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) refuse(`这是旧版 Word/WPS 文件（.doc/.wps，OLE 格式），只是扩展名为 .docx；${NOT_DOCX}`);
  if (buf.length >= 4 && buf.readUInt32LE(0) === LOCAL) refuse(`zip 文件不完整，找不到目录（truncated zip）；${NOT_DOCX}`);
  return refuse(NOT_DOCX);
}

/** The EOCD fields, after checking it is the only one and ends the file. */
function readEnd(buf: Buffer): { end: number; count: number; cdSize: number; cdOffset: number } {
  const end = findEnd(buf);
  if (end === -1) notAZip(buf);
  if (end + EOCD_SIZE > buf.length) nonCanonical('文件末尾的目录结尾记录不完整', 'end record cut short');
  const commentEnd = end + EOCD_SIZE + buf.readUInt16LE(end + 20);
  if (commentEnd !== buf.length) {
    if (commentEnd < buf.length) nonCanonical(`目录结尾记录之后还有 ${buf.length - commentEnd} 字节多余数据`, 'data after the end record');
    nonCanonical('目录结尾记录的注释长度超出文件末尾', 'end record comment runs past the end of the file');
  }
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0 || buf.readUInt16LE(end + 8) !== count) refuse(`不支持分卷 zip（multi-part zip）；${NOT_DOCX}`);
  if (count === MAX16 || cdOffset === MAX32 || cdSize === MAX32) refuse(`不支持 ZIP64 格式的 .docx（ZIP64 not supported）；${NOT_DOCX}`);
  if (count === 0) refuse(`zip 中没有任何文件（empty zip）；${NOT_DOCX}`);
  if (count > DOCX_MAX_ENTRIES) refuse(`.docx 中有 ${count} 个条目，上限 ${DOCX_MAX_ENTRIES}（too many zip entries）：不像 Word 文档，未导入`);
  // Exactly one EOCD: none in the directory (nor, being the last, in the comment).
  for (let i = cdOffset; i + 4 <= end; i++) if (buf.readUInt32LE(i) === EOCD) nonCanonical('有两个目录结尾记录', 'two end-of-central-directory records');
  // The directory must end exactly where the EOCD starts. JSZip takes a gap for data prepended
  // to the zip, shifts every offset by it and would read a second directory hidden in the gap.
  if (cdOffset + cdSize < end) nonCanonical(`目录与目录结尾记录之间有 ${end - cdOffset - cdSize} 字节未说明的数据（可能藏有第二个目录）`, 'central directory does not end at the end record');
  if (cdOffset + cdSize > end) notAZip(buf);
  return { end, count, cdSize, cdOffset };
}

/** The central directory, checked against the caps and the canonical layout; nothing is inflated. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const { end, count, cdOffset } = readEnd(buf);
  const corruptDirectory = (): never => refuse(`zip 目录已损坏（corrupt zip directory）；${NOT_DOCX}`);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) corruptDirectory();
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > end) corruptDirectory();
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: nameBytes.toString('utf8'),
      nameBytes,
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      dataOffset: -1,
    };
    if (entry.flags & ENCRYPTED) refuse('.docx 已加密（encrypted）：请在 Word/WPS 中取消密码后另存为 .docx 再导入');
    if (entry.method !== 0 && entry.method !== 8) refuse(`zip 条目 ${entry.name} 使用不支持的压缩方式 ${entry.method}（unsupported compression）；${NOT_DOCX}`);
    if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32) refuse(`不支持 ZIP64 格式的 .docx（ZIP64 not supported）；${NOT_DOCX}`);
    if (buf.readUInt16LE(p + 34) !== 0) refuse(`不支持分卷 zip（multi-part zip）；${NOT_DOCX}`);
    if (names.has(entry.name)) nonCanonical(`条目 ${entry.name} 出现了两次`, 'duplicate entry name');
    names.add(entry.name);
    total += entry.size;
    entries.push(entry);
    p = next;
  }
  if (p !== end) nonCanonical(`目录中 ${count} 个条目之后还有 ${end - p} 字节多余数据`, 'central directory longer than its entries');
  if (total > DOCX_MAX_INFLATED_BYTES) {
    refuse(`.docx 解压后共 ${formatSize(total)}，上限 ${formatSize(DOCX_MAX_INFLATED_BYTES)}（zip bomb or oversized document）：未导入；如确为超大文档，请删去图片后另存再导入`);
  }
  checkLocalLayout(buf, entries, cdOffset);
  return entries;
}

/**
 * The local entries tile [0, cdOffset): the first at offset 0, each next one where the previous
 * one's data (and data descriptor) ends, the last ending at the directory; each local header
 * agrees with its directory entry. Sets `dataOffset`.
 */
function checkLocalLayout(buf: Buffer, entries: ZipEntry[], cdOffset: number): void {
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const bad = (why: string, en: string): never => nonCanonical(`条目 ${e.name} ${why}`, en);
    if (e.localOffset > expected) bad(expected === 0 ? `之前有 ${e.localOffset} 字节多余数据` : `之前有 ${e.localOffset - expected} 字节未说明的数据`, expected === 0 ? 'data before the first entry' : 'gap between entries');
    if (e.localOffset < expected) bad('与前一个条目重叠', 'overlapping entries');
    const lo = e.localOffset;
    if (lo + 30 > cdOffset || buf.readUInt32LE(lo) !== LOCAL) bad('的本地文件头已损坏', 'corrupt local header');
    const nameLength = buf.readUInt16LE(lo + 26);
    e.dataOffset = lo + 30 + nameLength + buf.readUInt16LE(lo + 28);
    if (e.dataOffset > cdOffset) bad('的本地文件头已损坏', 'corrupt local header');
    if (!buf.subarray(lo + 30, lo + 30 + nameLength).equals(e.nameBytes)) bad('的本地文件名与目录不一致', 'local name differs from the directory');
    const flags = buf.readUInt16LE(lo + 6);
    if ((flags & (ENCRYPTED | HAS_DESCRIPTOR)) !== (e.flags & (ENCRYPTED | HAS_DESCRIPTOR)) || buf.readUInt16LE(lo + 8) !== e.method) bad('的本地文件头与目录不一致', 'local header differs from the directory');
    const local = [buf.readUInt32LE(lo + 14), buf.readUInt32LE(lo + 18), buf.readUInt32LE(lo + 22)];
    const central = [e.crc, e.compressedSize, e.size];
    // with a data descriptor the local values may be left 0 (or ZIP64 placeholders)
    const agrees = (v: number, i: number) => v === central[i] || (e.flags & HAS_DESCRIPTOR && (v === 0 || (i > 0 && v === MAX32)));
    if (!local.every(agrees)) bad('的本地文件头与目录记录的大小或校验码不一致', 'local header differs from the directory');
    const dataEnd = e.dataOffset + e.compressedSize;
    if (dataEnd > cdOffset) bad('超出文件范围', 'entry runs into the directory');
    expected = e.flags & HAS_DESCRIPTOR ? dataEnd + descriptorLength(buf, e, dataEnd, cdOffset) : dataEnd;
  }
  if (expected !== cdOffset) nonCanonical(`最后一个条目与目录之间有 ${cdOffset - expected} 字节未说明的数据`, 'data between the entries and the directory');
}

/** Length of the data descriptor at `at` (with or without signature, 32- or 64-bit sizes) that repeats e's CRC and sizes. */
function descriptorLength(buf: Buffer, e: ZipEntry, at: number, limit: number): number {
  for (const signed of [true, false]) {
    for (const wide of [false, true]) {
      const start = at + (signed ? 4 : 0);
      const length = (signed ? 4 : 0) + 4 + (wide ? 16 : 8);
      if (at + length > limit || (signed && buf.readUInt32LE(at) !== DESCRIPTOR) || buf.readUInt32LE(start) !== e.crc) continue;
      const sizes = wide ? [buf.readBigUInt64LE(start + 4), buf.readBigUInt64LE(start + 12)] : [BigInt(buf.readUInt32LE(start + 4)), BigInt(buf.readUInt32LE(start + 8))];
      if (sizes[0] === BigInt(e.compressedSize) && sizes[1] === BigInt(e.size)) return length;
    }
  }
  return refuse(`zip 条目 ${e.name} 的数据描述符与目录不一致（non-canonical zip: data descriptor differs from the directory）；${NOT_DOCX}`);
}

/** Inflates one entry with its declared size as the limit: a lying directory cannot inflate more. */
function verifyEntry(buf: Buffer, e: ZipEntry): VerifiedEntry {
  const corrupt = (why: string, en = 'corrupt zip entry'): never => refuse(`zip 条目 ${e.name} ${why}（${en}）：未导入`);
  const packed = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let data: Buffer = packed;
  if (e.method === 0) {
    if (e.compressedSize !== e.size) corrupt('的大小与目录记录不符');
  } else {
    try {
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') corrupt(`解压后超过目录记录的 ${formatSize(e.size)}`, 'zip bomb: inflates past its declared size');
      return corrupt('无法解压');
    }
    if (data.length !== e.size) corrupt('解压后的大小与目录记录不符');
  }
  if (crc32(data) !== e.crc) corrupt('的 CRC 校验码不符', 'CRC mismatch');
  return { name: e.name, nameBytes: e.nameBytes, flags: e.flags & UTF8_NAMES, data };
}

/**
 * Throws ImportRefusal unless `buf` is a canonical zip within the caps whose entries inflate to
 * their declared sizes and CRCs; returns the verified entries.
 */
export function checkDocxZip(buf: Buffer): VerifiedEntry[] {
  return listZipEntries(buf).map((e) => verifyEntry(buf, e));
}

/** A canonical zip of `entries`, stored (not compressed), in order from offset 0: what mammoth reads. */
export function canonicalZip(entries: readonly VerifiedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed 2.0
    local.writeUInt16LE(e.flags & UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(e.nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags, method, time, date, CRC, sizes, name length; extra 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.nameBytes, e.data);
    centrals.push(central, e.nameBytes);
    offset += 30 + e.nameBytes.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw text of a checked .docx (paragraphs separated by blank lines) and mammoth's warnings.
 * mammoth reads the zip rebuilt from the verified entries, never the uploaded bytes.
 */
export async function extractDocxText(buf: Buffer): Promise<{ text: string; warnings: string[] }> {
  const clean = canonicalZip(checkDocxZip(buf));
  const result = await mammoth.extractRawText({ buffer: clean });
  return { text: result.value, warnings: result.messages.map((m) => `docx: ${m.message}`) };
}
