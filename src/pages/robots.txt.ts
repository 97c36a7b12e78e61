import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  const root = siteUrl(site, import.meta.env.BASE_URL);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', root).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
};
