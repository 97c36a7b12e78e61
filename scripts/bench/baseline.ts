/**
 * The comparison point for every build figure: a bare Astro site (content collection with the
 * glob loader, one page per document, lang="zh-CN") indexed by the Pagefind CLI as it comes.
 * Written into .bench/baseline/ so it resolves astro and pagefind from this project's
 * node_modules and runs with the same Node in the same benchmark run. /search/ is Pagefind's
 * default UI (its typing debounce set to 0 so the time-to-first-result figure measures the
 * search, not the wait for the typist); it has no data-pagefind-body, so it is not indexed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function writeBaselineProject(dir: string, contentDir: string): string {
  const root = resolve(dir);
  mkdirSync(join(root, 'src/pages/policies'), { recursive: true });
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', outDir: process.env.BASELINE_OUT || './dist', devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  policies: defineCollection({
    loader: glob({ pattern: '*.md', base: ${JSON.stringify(join(resolve(contentDir), 'policies'))} }),
    schema: z.object({ title: z.string(), docNumber: z.string().optional() }).passthrough(),
  }),
};
`,
  );
  writeFileSync(
    join(root, 'src/pages/policies/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const docs = await getCollection('policies');
  return docs.map((doc) => ({ params: { id: doc.id }, props: { doc } }));
}
const { doc } = Astro.props;
const { Content } = await render(doc);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{doc.data.title}</title></head>
<body data-pagefind-body><h1>{doc.data.title}</h1>
{doc.data.docNumber && <p data-pagefind-meta="docNumber" data-pagefind-weight="5">{doc.data.docNumber}</p>}
<Content /></body></html>
`,
  );
  writeFileSync(
    join(root, 'src/pages/search.astro'),
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script is:inline src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script is:inline>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search', showSubResults: false, debounceTimeoutMs: 0 }));</script>
</body></html>
`,
  );
  return root;
}
