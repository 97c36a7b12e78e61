/**
 * The inputs of npm run import: the files named or found in the folders named (.txt, .docx, and
 * .jsonl exports), and the decoded text of one .txt/.docx, refused when it is too large, empty,
 * in an encoding that cannot be identified or a .docx that is not a safe zip (guards.ts).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, type DetectedEncoding } from '../../../src/lib/import/decode.ts';
import { extractDocxText } from '../../../src/lib/import/docx.ts';
import { checkExtractedText, checkFileSize, DOCX_MAX_FILE_BYTES, MAX_TXT_BYTES, refuse } from '../../../src/lib/import/guards.ts';
import { brokenCharacters } from '../../../src/lib/import/plausible.ts';

const SUPPORTED = /\.(txt|docx|jsonl)$/i;

export async function listInputs(inputs: string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      errors.push(`${input}: 文件或目录不存在（not found）`);
      continue;
    }
    if (st.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && SUPPORTED.test(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.'))
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      if (!found.length) errors.push(`${input}: 目录中没有 .txt、.docx 或 .jsonl 文件（no .txt/.docx/.jsonl files）`);
      files.push(...found);
    } else if (SUPPORTED.test(input)) files.push(input);
    else if (/\.(doc|wps)$/i.test(input)) errors.push(`${input}: 不支持旧版 .doc/.wps，请在 Word/WPS 中另存为 .docx（.doc not supported: save as .docx）`);
    else errors.push(`${input}: 只支持 .txt、.docx 和 .jsonl（unsupported file type）`);
  }
  return { files, errors };
}

export type Source = { text: string; encoding: DetectedEncoding | 'DOCX'; warnings: string[] };

/** The text of one input, or an ImportRefusal: too large, empty, unidentifiable encoding, bad .docx. */
export async function readText(file: string): Promise<Source> {
  const docx = /\.docx$/i.test(file);
  checkFileSize((await stat(file)).size, docx ? DOCX_MAX_FILE_BYTES : MAX_TXT_BYTES, docx ? '.docx' : '.txt');
  const bytes = await readFile(file);
  if (bytes.length === 0) refuse('文件为空（0 字节），未导入（empty file）');
  let source: Source;
  if (docx) {
    source = { ...(await extractDocxText(bytes)), encoding: 'DOCX' };
    const broken = brokenCharacters(source.text);
    if (broken) refuse(`.docx 的文字含 ${broken.count} 个替换字符或控制字符（${broken.examples.join('、')}）：原文已损坏（replacement or control characters）`);
  } else {
    const d = decodeText(bytes);
    source = { text: d.text, encoding: d.encoding, warnings: d.confidence < 100 ? [`编码按 ${d.encoding} 识别，可信度 ${d.confidence}%：请核对标题和正文是否有乱码`] : [] };
  }
  checkExtractedText(source.text, docx ? '.docx 中' : '文件中');
  return source;
}
