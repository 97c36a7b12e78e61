/**
 * scripts/bench/edit.ts and build-table.ts: the rebuild benchmark's edit swaps exactly one body
 * paragraph (frontmatter and the other paragraphs untouched), its phrase is a run of Han text,
 * the phrase chosen is the one the fewest documents hold, the file is restored; the table shows
 * each step's time and memory and says when the index step ran inside astro.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editOneDocument, phraseOf, swapParagraph } from '../../scripts/bench/edit.ts';
import { buildSection, oursMemory, oursTime, type SizeRow } from '../../scripts/bench/build-table.ts';
import type { Measurement } from '../../scripts/bench/measure.ts';

const DOC = '---\ntitle: "甲"\npublished: 2020-01-02\n---\n\n第一段。\n\n第二段。\n\n第三段。\n';

describe('swapParagraph', () => {
  it('replaces one body paragraph and keeps the frontmatter and the others', () => {
    expect(swapParagraph(DOC, 1, '新的段落。')).toBe('---\ntitle: "甲"\npublished: 2020-01-02\n---\n\n第一段。\n\n新的段落。\n\n第三段。\n');
  });
  it('wraps an index past the last paragraph and refuses a file without frontmatter', () => {
    expect(swapParagraph(DOC, 4, '新。')).toContain('第一段。\n\n新。\n\n第三段。');
    expect(() => swapParagraph('只有正文。', 0, '新。')).toThrow(/frontmatter/);
  });
});

describe('phraseOf', () => {
  it('takes 12 Han characters from the middle of the longest run', () => {
    expect(phraseOf('一、为进一步加强和规范金融机构反洗钱监督管理工作，特制定本办法。')).toBe('强和规范金融机构反洗钱监');
    expect(phraseOf('一、为进一步加强和规范金融机构反洗钱监督管理工作，特制定本办法。')).toHaveLength(12);
    expect(phraseOf('短句，没有。ABC 123')).toBeNull();
  });
});

describe('editOneDocument', () => {
  it('edits the middle policy with the least common real paragraph and restores it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-edit-'));
    mkdirSync(join(dir, 'policies'));
    const common = '各金融机构应当按照本通知要求切实做好客户身份识别和可疑交易报告工作确保落实到位并及时报告，对发现的问题要认真整改，整改情况于每年年底前书面报送人民银行。';
    const rare = '人民银行各分支机构要加强对辖区内支付机构的日常监督检查发现问题及时纠正并依法处理，同时做好政策宣传解释工作，切实维护金融消费者的合法权益和市场秩序。';
    const source = join(dir, 'source.jsonl');
    writeFileSync(source, [common, rare].map((body, i) => JSON.stringify({ id: `s${i}`, title: 't', body })).join('\n') + '\n');
    for (const id of ['gen-1', 'gen-2', 'gen-3']) writeFileSync(join(dir, 'policies', `${id}.md`), `${DOC}\n${id === 'gen-3' ? common : ''}\n`);
    const before = readFileSync(join(dir, 'policies/gen-2.md'), 'utf8');
    const edit = await editOneDocument(dir, source);
    expect(edit.id).toBe('gen-2');
    expect(edit.phrase).toBe(phraseOf(rare));
    expect(edit.others).toBe(0);
    expect(readFileSync(edit.file, 'utf8')).toContain(`第一段。\n\n${rare}\n\n第三段。`);
    edit.restore();
    expect(readFileSync(edit.file, 'utf8')).toBe(before);
  });
});

describe('build table', () => {
  const GiB = 1024 ** 3;
  const m = (seconds: number, peak: number, roles: Measurement['roles'], phases: Measurement['phases'] = {}): Measurement => ({ seconds, peakBytes: peak * GiB, roles, phases, exitCode: 0, output: '' });
  const full = m(31.24, 2.1, { astro: { seconds: 22, peakBytes: 1.8 * GiB }, index: { seconds: 9.1, peakBytes: 0.9 * GiB } });
  it('shows the tree peak and each step, in-process steps by their log line', () => {
    expect(oursTime(full)).toBe('31.2 s (astro 22.0 s, index 9.1 s)');
    expect(oursMemory(full)).toBe('2.10 GiB (astro 1.80, index 0.90)');
    const inAstro = m(20, 1.5, { astro: { seconds: 19.8, peakBytes: 1.4 * GiB } }, { start: { seconds: 15, peakBytes: 1.2 * GiB }, index: { seconds: 4.8, peakBytes: 1.4 * GiB } });
    expect(oursTime(inAstro)).toBe('20.0 s (astro pages 15.0 s, index in astro 4.8 s)');
    expect(oursMemory(inAstro)).toBe('1.50 GiB (astro pages 1.20, index in astro 1.40)');
    expect(oursTime(m(20, 1.5, { astro: { seconds: 19.8, peakBytes: GiB } }))).toBe('20.0 s (astro 19.8 s, index not seen)');
  });
  it('compares every rebuild with the baseline full build and reports a lost edit', () => {
    const base = { astro: m(20, 1, {}), pagefind: m(5, 2, {}), index: 1, browser: null };
    const row: SizeRow = {
      size: 1000,
      ours: { full, noChange: m(5, 1, {}), edit: m(10, 1, {}), editRank: -1, editOthers: 0, dist: 1, index: 1, firstQuery: { median: 2048, max: 4096 }, browser: { ms: [100, 300, 200], requests: [9, 11, 10], indexRequests: [3, 5, 4], bytes: [1024, 3072, 2048] } },
      base,
    };
    const text = buildSection([row], 'npm run bench -- --sizes 1000', 'm', '2026-12-03', ['甲']).join('\n');
    expect(text).toContain('| 1,000 | rebuild, nothing changed | 5.0 s (astro –, index not seen) | 1.00 GiB (astro –, index not seen) | same as full (no incremental mode) | same as full | 0.20× |');
    expect(text).toContain('phrase **not found**');
    expect(text).toContain('| 1.25× |');
    expect(text).toContain('200 ms (max 300 ms); 10 requests (4 search files), 2 KiB');
  });
});
