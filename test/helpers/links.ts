/**
 * A small link checker over dist/: every internal href/src in every HTML file must resolve
 * to a file in dist/ (directory URLs to index.html), honouring the configured base.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

export interface BrokenLink {
  page: string;
  href: string;
}

export function brokenLinks(outDir: string, base: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = m[1]!.replace(/&amp;/g, '&');
      if (/^(?:[a-z]+:|#|\/\/)/i.test(raw)) continue;
      const url = new URL(raw, `http://x/${relative(outDir, file)}`.replace(/index\.html$/, ''));
      const pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(base)) {
        broken.push({ page: relative(outDir, file), href: raw });
        continue;
      }
      const rel = pathname.slice(base.length);
      const target = join(outDir, rel);
      const ok = rel === '' || rel.endsWith('/') ? existsSync(join(target, 'index.html')) : existsSync(target);
      if (!ok) broken.push({ page: relative(outDir, file), href: raw });
    }
  }
  return broken;
}
