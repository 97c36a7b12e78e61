/**
 * npm run import of a JSON-lines export (.jsonl: one `{id, title, docNumber, issuer, written,
 * published, topic, body}` object a line, as build:corpus reads): each line becomes an import
 * record (src/lib/import/export-row.ts), printed with what was found; a line that cannot be read
 * is one error line naming the file, the line and the field, and so is an id an earlier line or
 * input already has (`ids` is shared by every input of one run). Blank lines are skipped. Every
 * value of a row is untrusted: printed through shown() (no terminal escapes).
 */
import { readFile, stat } from 'node:fs/promises';
import { readExportRow, type RowContext } from '../../../src/lib/import/export-row.ts';
import type { ImportRecord } from '../../../src/lib/import/versions.ts';
import { shown } from '../../../src/lib/import/shown.ts';
import { claimId, type IdSources } from '../../../src/lib/import/claim-id.ts';

/** An export is a whole library, so its cap is far above the .txt one (16 MB of text per document is still checked per record). */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

export interface ExportRead {
  records: ImportRecord[];
  /** lines that are not records (each reported) */
  failed: number;
}

export async function readExportFile(file: string, shownName: string, ctx: RowContext, ids: IdSources): Promise<ExportRead> {
  const size = (await stat(file)).size;
  if (size > MAX_EXPORT_BYTES) throw new Error(`文件过大（${size} 字节，上限 ${MAX_EXPORT_BYTES}）（file too large）`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    throw new Error('不是 UTF-8 编码（not valid UTF-8）：请把导出文件另存为 UTF-8');
  }
  const out: ExportRead = { records: [], failed: 0 };
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${shownName}:${i + 1}`;
    const r = readExportRow(line, where, ctx);
    if ('error' in r) {
      console.error(`✗ ${where}: ${r.error}`);
      out.failed++;
      return;
    }
    const taken = claimId(ids, r.record.id, where);
    if (taken) {
      console.error(`✗ ${where}: ${taken}`);
      out.failed++;
      return;
    }
    const d = r.record.data;
    console.log(`\n${where} → ${r.record.id}.md  ${shown(String(d.title))}  ${shown(String(d.docNumber ?? ''))} ${shown(String(d.published ?? '（无日期 no date）'))}`);
    for (const n of r.notes) console.log(`  未找到 not found: ${n}`);
    out.records.push(r.record);
  });
  if (!out.records.length && !out.failed) throw new Error('文件中没有记录（no records）');
  return out;
}
