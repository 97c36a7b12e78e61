import type { APIRoute } from 'astro';
import { getSite } from '../../content/site.ts';
import { policyExportRows, toCsv } from '../../lib/exports.ts';
import { siteUrl } from '../../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await getSite();
  return new Response(toCsv(policyExportRows(data, siteUrl(site, import.meta.env.BASE_URL))), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
