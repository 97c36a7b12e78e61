/**
 * Astro writes src/pages/404.astro as 404.html, but src/pages/mn/404.astro as mn/404/index.html.
 * Static hosts look for a file: this copies it to mn/404.html after the build, where
 * docs/nginx.conf.example (error_page 404 in location /mn/) and other hosts' rules point.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Language prefixes that have their own 404 page (src/pages/<prefix>/404.astro). */
const PREFIXES = ['mn'];

export function localized404(): AstroIntegration {
  return {
    name: 'portal:localized-404',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const prefix of PREFIXES) {
          const built = path.join(out, prefix, '404', 'index.html');
          if (await stat(built).then((s) => s.isFile(), () => false)) await copyFile(built, path.join(out, prefix, '404.html'));
        }
      },
    },
  };
}
