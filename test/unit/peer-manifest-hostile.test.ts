/**
 * A federation peer's manifest (index v3, content-addressed names) is data (SECURITY.md): every
 * name in it that becomes part of a URL — the bundle directory, the 文号 directory and list, the
 * directory, filter and sort files, the index tag — must stay inside the peer's search
 * directory (src/lib/search/validate-index.ts). A real manifest passes; each hostile variant is
 * refused, so the peer is skipped with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearch } from '../../scripts/build-search.ts';
import { indexChecks } from '../../src/lib/search/validate-index.ts';
import { PEER_LIMITS, PeerError } from '../../src/lib/search/validate.ts';

let out: string;
let manifest: Record<string, unknown>;
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'peer-manifest-'));
  const records = [0, 1].map((i) => ({ path: `/p${i}/`, language: 'zh' as const, title: `通知${i}`, body: '政府信息公开工作', docNumber: `国办发〔2020〕${i + 1}号`, published: '2020-01-01', filters: { kind: ['政策文件'] } }));
  await buildSearch({ out, records, engine: false });
  manifest = JSON.parse(readFileSync(join(out, 'search', 'manifest.json'), 'utf8')) as Record<string, unknown>;
}, 30_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const check = (m: unknown) => indexChecks(PEER_LIMITS).manifest(m, 'manifest.json');

/** The manifest with `edit` applied to a copy. */
function hostile(edit: (m: any) => void): unknown {
  const m = structuredClone(manifest);
  edit(m);
  return m;
}

describe("a peer's manifest", () => {
  it('passes as written by the index builder', () => {
    expect(check(manifest).bundle).toBe(manifest.bundle);
  });

  it('is refused when a name would leave the search directory or name another host', () => {
    const shard = (m: any) => m.languages.zh.shards[0];
    const variants: [string, (m: any) => void][] = [
      ['bundle ../', (m) => (m.bundle = '../../admin/')],
      ['bundle inner ..', (m) => (m.bundle = 'pagefind/../../x/')],
      ['bundle absolute', (m) => (m.bundle = '/etc/')],
      ['bundle other host', (m) => (m.bundle = '//evil.example/')],
      ['bundle scheme', (m) => (m.bundle = 'https://evil.example/')],
      ['docnum dir ..', (m) => (m.docnum.dir = '../')],
      ['docnum list path', (m) => (m.docnum.list = '../x')],
      ['dir file path', (m) => (shard(m).dirs[0] = '../../x')],
      ['filters file dot', (m) => (shard(m).filters = '..')],
      ['sort file slash', (m) => (shard(m).sort = 'a/b')],
      ['tag path', (m) => (shard(m).tag = '../a')],
      ['language code', (m) => (m.languages['../x'] = m.languages.zh)],
    ];
    for (const [name, edit] of variants) expect(() => check(hostile(edit)), name).toThrow(PeerError);
  });

  it("refuses 文号 bucket names in its docnum list that are paths", () => {
    const list = indexChecks(PEER_LIMITS).docnumList;
    expect(list({ files: ['Ab_-9'], yearFiles: [] }, 'docnum')).toEqual({ files: ['Ab_-9'], yearFiles: [] });
    for (const bad of ['../x', 'a/b', 'a.json', '']) expect(() => list({ files: [bad], yearFiles: [] }, 'docnum'), bad).toThrow(PeerError);
  });
});
