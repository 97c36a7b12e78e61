/**
 * Which HTML files in an output directory belong to no page of this build (pure; the pruning
 * integration deletes them). Astro writes a page `a/b/` as `a/b/index.html` and `404` as `404.html`.
 */
export function stalePages(htmlFiles: readonly string[], pathnames: readonly string[]): string[] {
  const expected = new Set<string>();
  for (const p of pathnames) {
    const clean = p.replace(/^\/+|\/+$/g, '');
    expected.add(clean === '' ? 'index.html' : `${clean}/index.html`);
    expected.add(`${clean}.html`);
  }
  return htmlFiles.filter((f) => !expected.has(f)).sort();
}
