/**
 * Redirect pages (src/pages/[...redirect].astro) share one route that yields to every other: when
 * an old address of content/redirects.yaml is also a page the site builds (open/guide/, a list
 * page …), Astro renders only the page and merely warns, so the redirect is lost while the
 * sitemap filter (redirect-paths.ts) drops the real page. After the build every redirect is
 * looked up in the output; one whose path does not hold that redirect fails the build, naming
 * the path and what to do (a warning in lenient corpus builds).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RedirectPage } from '../lib/redirect-pages.ts';
import { joinBase } from '../lib/paths.ts';

const REFRESH = /<meta http-equiv="refresh" content="0; url=([^"]*)"/;

/** The redirects whose page in `out` is not that redirect, each as one line. */
export function redirectCollisions(out: string, base: string, redirects: readonly RedirectPage[]): string[] {
  const bad: string[] = [];
  for (const r of redirects) {
    const file = join(out, r.path, 'index.html');
    const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const url = REFRESH.exec(html)?.[1]?.replace(/&amp;/g, '&');
    if (url === joinBase(base, r.to)) continue;
    bad.push(url === undefined ? `${r.path}：是本站已有的页面，重定向没有生成（is a page of the site: the redirect was not written）` : `${r.path}：被另一个重定向占用（taken by another redirect to ${url}）`);
  }
  return bad;
}

export function redirectCollisionCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'portal:redirect-collisions',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { getSite } = await import('../content/site.ts');
        const { redirectPages } = await import('../lib/redirect-pages.ts');
        const lenient = process.env.PORTAL_LENIENT === '1';
        const bad = redirectCollisions(fileURLToPath(dir), base, redirectPages(await getSite(), lenient));
        if (bad.length === 0) return;
        const msg = `重定向与本站页面冲突，请在 content/redirects.yaml 中删去或改写这些原地址（redirect paths that collide with pages）：\n${bad.join('\n')}`;
        if (lenient) logger.warn(msg);
        else throw new Error(msg);
      },
    },
  };
}
