/**
 * The two searchers of the quality benchmark (npm run bench:search), both run in Node over
 * built files: ours (engine.js, fetch reading file: URLs) and bare Pagefind (its own pagefind.js
 * over an index its Node API built from one HTML page per record), plus the bytes a fresh
 * instance downloads for a first query.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readRecords } from './corpus-records.ts';
import { median } from './stats.ts';

/** fragment id → url, read from a bundle's fragment files */
function fragmentUrls(bundle: string): Map<string, string> {
  const m = new Map<string, string>();
  const dir = join(bundle, 'fragment');
  for (const f of readdirSync(dir)) {
    const j = JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray(12).toString('utf8'));
    m.set(f.replace(/\.pf_fragment$/, ''), j.url);
  }
  return m;
}
const idOfUrl = (u: string) => /policies\/([^/]+)\/?$/.exec(u)?.[1] ?? u;

function esc(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
export async function bareBuild(recordsFile: string, out: string) {
  const records = await readRecords(recordsFile);
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('createIndex failed');
  const B = 32;
  for (let i = 0; i < records.length; i += B) {
    await Promise.all(
      records.slice(i, i + B).map((r) => {
        const filters = Object.entries(r.filters).flatMap(([k, vs]) => (vs ?? []).map((v) => `<span data-pagefind-filter="${k}">${esc(v)}</span>`)).join('');
        const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head><body><main data-pagefind-body>
<h1>${esc(r.title)}</h1>${r.docNumber ? `<p data-pagefind-weight="5" data-pagefind-meta="docNumber">${esc(r.docNumber)}</p>` : ''}
${r.published ? `<span data-pagefind-sort="published" data-pagefind-meta="published">${r.published}</span>` : ''}<div hidden>${filters}</div>
${r.body.split('\n').map((p) => `<p>${esc(p)}</p>`).join('\n')}</main></body></html>`;
        return index.addHTMLFile({ url: '/' + r.path, content: html });
      }),
    );
  }
  await index.writeFiles({ outputPath: join(out, 'pagefind') });
  await pagefind.close();
}

// ---------- fetch counting (file: URLs) ----------
async function withCounting() {
  const { installFileFetch } = await import('../../test/search/helpers.ts');
  return installFileFetch();
}

function withDocLang<T>(lang: string, fn: () => T): T {
  Object.defineProperty(globalThis, 'document', {
    configurable: true,
    writable: true,
    value: { querySelector: (s: string) => (s === 'html' ? { getAttribute: () => lang } : null) },
  });
  try {
    return fn();
  } finally {
    delete (globalThis as { document?: unknown }).document;
  }
}

export interface Searcher {
  /** ranked document ids (all) and a first-query byte count when fresh */
  run(q: string): Promise<string[]>;
}

export async function ourSearcher(out: string): Promise<Searcher> {
  const { loadEngine, bundleDir } = await import('../../test/search/helpers.ts');
  const e = await loadEngine(out);
  const urls = fragmentUrls(bundleDir(out));
  return {
    async run(q) {
      const r = await e.search(q, { limit: 10, debug: true });
      return (r.ids ?? []).map((id) => idOfUrl(urls.get(id) ?? id));
    },
  };
}

export async function bareSearcher(out: string): Promise<Searcher & { fresh(): Promise<{ search(q: string): Promise<unknown> }> }> {
  const urls = fragmentUrls(join(out, 'pagefind'));
  const base = pathToFileURL(join(out, 'pagefind') + '/').href;
  const pf = await import(base + 'pagefind.js');
  const make = () => withDocLang('zh-cn', () => pf.createInstance({ basePath: base, noWorker: true }));
  const inst = make();
  await inst.init();
  return {
    async run(q) {
      const r = await inst.search(q, {});
      return r.results.map((x: { id: string }) => idOfUrl(urls.get(x.id) ?? x.id));
    },
    async fresh() {
      const i = make();
      await i.init();
      return {
        async search(q: string) {
          const r = await i.search(q, {});
          await Promise.all(r.results.slice(0, 10).map((x: { data: () => Promise<unknown> }) => x.data()));
          return r;
        },
      };
    },
  };
}

export async function firstQueryBytes(queries: string[], fresh: () => Promise<{ search(q: string): Promise<unknown> }>, staticBytes: number) {
  const log = await withCounting();
  const sizes: number[] = [];
  for (const q of queries) {
    const e = await (async () => {
      log.reset();
      return fresh();
    })();
    await e.search(q);
    sizes.push(log.bytes() + staticBytes);
  }
  return { median: median(sizes), max: Math.max(...sizes), min: Math.min(...sizes) };
}

