/**
 * Open data: the policy library as rows with a stable, documented schema (docs/open-data.md),
 * serialised as JSON and CSV. Field names are a public contract: add fields, never rename.
 */
import type { SiteData } from './model.ts';
import { orgNamer, topicPath } from './listing.ts';
import { routes } from './paths.ts';

export const EXPORT_SCHEMA = 'gov-open-portal/policies@1';

export const EXPORT_FIELDS = [
  'id', 'url', 'title', 'docNumber', 'issuers', 'indexNumber', 'topic', 'docType', 'category',
  'written', 'published', 'effective', 'expires', 'status', 'repeals', 'amends', 'repealedBy',
  'amendedBy', 'interpretations', 'keywords', 'summary',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];
export type ExportRow = Record<ExportField, string | string[]>;

/** Multi-valued fields: arrays in JSON, joined with ';' in CSV. */
const LIST_FIELDS = new Set<ExportField>(['issuers', 'repeals', 'amends', 'repealedBy', 'amendedBy', 'interpretations', 'keywords']);

export function policyExportRows(data: SiteData, siteUrl: string): ExportRow[] {
  const orgName = orgNamer(data.organizations);
  return data.policies.map((p) => ({
    id: p.id,
    url: new URL(routes.policy(p.id), siteUrl).href,
    title: p.title,
    docNumber: p.docNumber ?? '',
    issuers: p.issuers.map(orgName),
    indexNumber: p.indexNumber,
    topic: topicPath(data.topics, p.topic),
    docType: p.docType ?? '',
    category: p.category,
    written: p.written ?? '',
    published: p.published,
    effective: p.effective ?? '',
    expires: p.expires ?? '',
    status: p.status,
    repeals: p.repeals,
    amends: p.amends,
    repealedBy: p.repealedBy,
    amendedBy: p.amendedBy,
    interpretations: p.interpretations,
    keywords: p.keywords,
    summary: p.summary ?? '',
  }));
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Chinese correctly. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const row of rows) {
    lines.push(EXPORT_FIELDS.map((f) => csvCell(LIST_FIELDS.has(f) ? (row[f] as string[]).join(';') : (row[f] as string))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: ExportRow[], meta: { siteName: string; generated: string }): string {
  return JSON.stringify({ schema: EXPORT_SCHEMA, site: meta.siteName, generated: meta.generated, count: rows.length, fields: EXPORT_FIELDS, items: rows }, null, 1);
}
