import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { policyExportRows, toJson } from '../../lib/exports.ts';
import { siteUrl } from '../../lib/site-url.ts';
import { buildDate } from '../../lib/validity.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await getSite();
  const rows = policyExportRows(data, siteUrl(site, import.meta.env.BASE_URL));
  return new Response(toJson(rows, { siteName: data.site.name.zh, generated: buildDate() }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
