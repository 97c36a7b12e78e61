/**
 * scripts/bench/generate.ts: deterministic, unique ids and 文号, valid frontmatter, and every body
 * paragraph taken verbatim from the real corpus. Skipped when ../shared/corpus is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

/** Frontmatter and body, read as the content check reads them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frontmatter fields are checked by the assertions
function matter(text: string): { data: Record<string, any>; content: string } {
  const r = splitFrontmatter(text, 'test.md');
  return { data: (r.yaml?.value ?? {}) as Record<string, any>, content: r.body };
}
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docNumberKey } from '../../src/lib/docnumber.ts';
import { generate, loadCorpus, MAX_BODY, type Corpus } from '../../scripts/bench/generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/policies.jsonl');
const SCRIPT = path.join(ROOT, 'scripts/bench/generate.ts');
const N = 50;
/** the project's pinned Node 24 (runs .ts directly), whatever Node runs vitest */
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]))
    .sort();
}

describe.skipIf(!existsSync(CORPUS))('bench corpus generator', () => {
  let tmp: string;
  let corpus: Corpus;
  let realParas: Set<string>;
  const dirA = () => path.join(tmp, 'a');
  const dirB = () => path.join(tmp, 'b');
  const dirJ = () => path.join(tmp, 'j');

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'bench-gen-'));
    corpus = await loadCorpus(CORPUS);
    realParas = new Set();
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      for (const p of (JSON.parse(line) as { body: string }).body.split('\n')) realParas.add(p.trim());
    }
    await generate({ count: N, out: dirA(), format: 'md', seed: 42 }, corpus);
    await generate({ count: N, out: dirB(), format: 'md', seed: 42 }, corpus);
    await generate({ count: N, out: dirJ(), format: 'jsonl', seed: 42 }, corpus);
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('is deterministic for a seed and differs for another seed', async () => {
    const a = listFiles(dirA());
    expect(a).toEqual(listFiles(dirB()));
    for (const f of a) expect(readFileSync(path.join(dirB(), f), 'utf8'), f).toBe(readFileSync(path.join(dirA(), f), 'utf8'));
    const other = path.join(tmp, 'c');
    await generate({ count: N, out: other, format: 'jsonl', seed: 43 }, corpus);
    expect(readFileSync(path.join(other, 'policies.jsonl'), 'utf8')).not.toBe(readFileSync(path.join(dirJ(), 'policies.jsonl'), 'utf8'));
  });

  it('writes a content directory whose frontmatter parses and refers to existing ids', () => {
    const orgs = parseYaml(readFileSync(path.join(dirA(), 'organizations.yaml'), 'utf8')) as { id: string; name: string }[];
    const topics = parseYaml(readFileSync(path.join(dirA(), 'topics.yaml'), 'utf8')) as { id: string }[];
    expect(existsSync(path.join(dirA(), 'site.yaml'))).toBe(true);
    const orgIds = new Set(orgs.map((o) => o.id));
    const topicIds = new Set(topics.map((t) => t.id));
    const files = readdirSync(path.join(dirA(), 'policies')).sort();
    expect(files).toHaveLength(N);
    const ids = new Set<string>();
    const docKeys = new Set<string>();
    for (const f of files) {
      const { data, content } = matter(readFileSync(path.join(dirA(), 'policies', f), 'utf8'));
      const id = f.replace(/\.md$/, '');
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      ids.add(id);
      expect(typeof data.title).toBe('string');
      const key = docNumberKey(data.docNumber);
      expect(key, data.docNumber).not.toBeNull();
      expect(docKeys.has(key!), `duplicate 文号 ${data.docNumber}`).toBe(false);
      docKeys.add(key!);
      expect(data.issuers.length).toBeGreaterThan(0);
      for (const i of data.issuers) expect(orgIds.has(i), i).toBe(true);
      expect(topicIds.has(data.topic), data.topic).toBe(true);
      expect(data.indexNumber).toMatch(/^[0-9A-Z]{18}\/\d{4}-\d{5}$/);
      const written = new Date(data.written).toISOString().slice(0, 10);
      const published = new Date(data.published).toISOString().slice(0, 10);
      expect(written <= published).toBe(true);
      expect(Number(published.slice(0, 4))).toBeGreaterThanOrEqual(2000);
      expect(Number(published.slice(0, 4))).toBeLessThanOrEqual(2026);
      expect(['决议', '决定', '命令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要']).toContain(data.docType);
      expect(content.length).toBeLessThanOrEqual(MAX_BODY + 10_000);
    }
    expect(ids.size).toBe(N);
    const interps = readdirSync(path.join(dirA(), 'interpretations'));
    expect(interps.length).toBeGreaterThan(0);
    for (const f of interps) {
      const { data } = matter(readFileSync(path.join(dirA(), 'interpretations', f), 'utf8'));
      for (const target of data.interprets) expect(ids.has(target), target).toBe(true);
    }
  });

  it('builds every body from verbatim corpus paragraphs, drawn from several source documents', () => {
    const lines = readFileSync(path.join(dirJ(), 'policies.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(N);
    const docNumbers = new Set<string>();
    for (const line of lines) {
      const d = JSON.parse(line) as Record<string, string>;
      expect(Object.keys(d)).toEqual(['id', 'title', 'docNumber', 'issuer', 'written', 'published', 'topic', 'body']);
      docNumbers.add(d.docNumber!);
      const paras = d.body!.split('\n');
      expect(paras.length).toBeGreaterThanOrEqual(2);
      for (const p of paras) expect(realParas.has(p), p.slice(0, 40)).toBe(true);
      // the md file of the same document has the same paragraphs
      const md = matter(readFileSync(path.join(dirA(), 'policies', `${d.id}.md`), 'utf8'));
      expect(md.content.trim().split('\n\n')).toEqual(paras);
      expect(md.data.title).toBe(d.title);
    }
    expect(docNumbers.size).toBe(N);
  });

  it('exits with a clear message when the corpus is missing', () => {
    let err: { status?: number; stderr?: Buffer } = {};
    try {
      execFileSync(NODE, [SCRIPT, '--count', '1', '--out', path.join(tmp, 'x'), '--corpus', path.join(tmp, 'missing.jsonl')], { stdio: 'pipe' });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(2);
    expect(String(err.stderr)).toContain('real corpus not found');
  });
});
