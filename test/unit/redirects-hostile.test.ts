/**
 * content/redirects.yaml cannot take over a permanent identifier (src/lib/redirects.ts,
 * src/content/load/finish.ts): /eli/… of a document is generated from its 文号; a `from` equal
 * to one made the build render the redirects.yaml entry instead (Astro renders one page per path
 * and only warned), so the cited identifier of one legal text led to another. Now an error at
 * the file and line. Targets stay site pages: no scheme, host or `..` (schema), no chains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectSite } from '../../src/content/load.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { redirectProblems } from '../../src/lib/redirects.ts';
import { validate } from '../../src/content/files.ts';
import { labels, redirectsSchema } from '../../src/schemas/redirects.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redirects-hostile-'));
  cpSync(join(root, 'test/fixtures/content/versions-ok'), join(dir, 'content'), { recursive: true });
  // 示政发〔2004〕12号 is the 2004 text of policies/banfa: its identifier pointed at another document
  appendFileSync(join(dir, 'content/redirects.yaml'), '- from: eli/示政发/2004/12/\n  to: policies/single/\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redirects.yaml against permanent identifiers', () => {
  it('refuses a from that is a document’s identifier, at its line', async () => {
    const r = await collectSite({ root: dir, source: 'content', today: '2025-06-01' });
    expect(r.problems.map(formatProblem)).toEqual(['content/redirects.yaml:6 [2].from（原地址）: 原地址 eli/示政发/2004/12/ 是现有文件的永久标识，不能改指别处（from is a permanent identifier of a document）']);
  });

  it('accepts an identifier that no document has any more (a corrected 文号 keeps its old link)', () => {
    const redirects = [{ from: 'eli/示政发/2004/99/', to: 'policies/single/' }];
    expect(redirectProblems({ redirects, pages: new Set(['policies/single/']), generated: new Set(['eli/示政发/2004/12/']), file: 'r.yaml' })).toEqual([]);
  });

  it('keeps targets on the site: a scheme-like segment is only a path, and not a page', () => {
    const redirects = [{ from: 'old/', to: 'javascript:alert(1)/' }];
    expect(redirectProblems({ redirects, pages: new Set(['policies/single/']), file: 'r.yaml' }).map((p) => p.reason)).toEqual([expect.stringContaining('target page does not exist')]);
  });

  it('keeps targets on the site: no host, traversal, encoding or protocol-relative path', () => {
    const hostile = ['javascript:alert(1)', '//evil.example/', 'https://evil.example/', '../../etc/', 'a/../../b/', '\\evil/', 'a/%2e%2e/'];
    for (const to of hostile) expect(validate(redirectsSchema, [{ from: 'old/', to }], { file: 'r.yaml', labels }).data, to).toBeUndefined();
  });
});
