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

/**
 * CSV injection (OWASP "CSV Injection"): a cell that starts with = + - @ tab or CR, also after
 * leading whitespace (some spreadsheets trim it) or as a fullwidth sign, is run as a formula
 * (=HYPERLINK(…) exfiltrates, DDE runs commands). A leading ' makes spreadsheets show it as text;
 * the value is kept, not stripped. JSON is data for programs and stays untouched.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Quoted when it holds a quote, a separator (`,`, or `;` where locales use it) or a line break. */
function csvCell(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** List items are neutralized one by one too: readers split the cell on ';' into new cells. */
function csvList(values: string[]): string {
  return values.map(neutralizeFormula).join(';');
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Chinese correctly; formula-like cells neutralized. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const row of rows) {
    lines.push(EXPORT_FIELDS.map((f) => csvCell(LIST_FIELDS.has(f) ? csvList(row[f] as string[]) : (row[f] as string))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: ExportRow[], meta: { siteName: string; generated: string }): string {
  return JSON.stringify({ schema: EXPORT_SCHEMA, site: meta.siteName, generated: meta.generated, count: rows.length, fields: EXPORT_FIELDS, items: rows }, null, 1);
}
