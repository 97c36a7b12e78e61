/**
 * Open data: the policy library as rows with a stable, documented schema (docs/open-data.md),
 * serialised as JSON and CSV. Field names are a public contract: add fields, never rename.
 */
import type { SiteData } from './model.ts';
import { orgNamer, topicPath } from './listing.ts';
import { routes } from './paths.ts';
import type { PolicyView } from './model.ts';
import { allVersions, hasVersions, versionStart, type Amendment } from './versions.ts';
import { versionRoutes } from './version-page.ts';

export const EXPORT_SCHEMA = 'gov-open-portal/policies@1';

export const EXPORT_FIELDS = [
  'id', 'url', 'title', 'docNumber', 'issuers', 'indexNumber', 'topic', 'docType', 'category',
  'written', 'published', 'effective', 'expires', 'status', 'repeals', 'amends', 'repealedBy',
  'amendedBy', 'interpretations', 'keywords', 'summary',
  // 历史版本 (#18): one item per version, oldest first, the latest last (parallel lists)
  'versionDates', 'versionEffective', 'versionDocNumbers', 'versionAmendments', 'versionUrls',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];
export type ExportRow = Record<ExportField, string | string[]>;

/** Multi-valued fields: arrays in JSON, joined with ';' in CSV. */
const LIST_FIELDS = new Set<ExportField>([
  'issuers', 'repeals', 'amends', 'repealedBy', 'amendedBy', 'interpretations', 'keywords',
  'versionDates', 'versionEffective', 'versionDocNumbers', 'versionAmendments', 'versionUrls',
]);

/** The amending document as one cell item: its id when in the library, else 文号 and/or title. */
function amendmentText(a: Amendment | undefined): string {
  if (!a) return '';
  if ('id' in a) return a.id;
  return [a.docNumber?.raw, a.title].filter(Boolean).join(' ');
}

/** Parallel lists over every version (empty for a document without versions): 公布日期, 施行日期,
 * 文号, amending document and dated URL; an absent value is an empty item, so positions line up. */
function versionFields(p: PolicyView, siteUrl: string): Pick<ExportRow, 'versionDates' | 'versionEffective' | 'versionDocNumbers' | 'versionAmendments' | 'versionUrls'> {
  const all = hasVersions(p) ? allVersions(p) : [];
  return {
    versionDates: all.map((v) => v.date),
    versionEffective: all.map((v) => versionStart(v)),
    versionDocNumbers: all.map((v) => v.docNumber?.raw ?? ''),
    versionAmendments: all.map((v) => amendmentText(v.amendment)),
    versionUrls: all.map((v) => new URL(versionRoutes.version(p.id, v.date), siteUrl).href),
  };
}

export function policyExportRows(data: SiteData, siteUrl: string): ExportRow[] {
  const orgName = orgNamer(data.organizations);
  return data.policies.map((p) => ({
    id: p.id,
    url: new URL(routes.policy(p.id), siteUrl).href,
    title: p.title,
    docNumber: p.docNumber?.raw ?? '',
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
    ...versionFields(p, siteUrl),
  }));
}

/**
 * CSV injection (OWASP "CSV Injection"): text that starts with = + - @ tab or CR, also after
 * spaces (some spreadsheets trim them) or as a fullwidth sign ＝＋－＠, is run as a formula
 * (=HYPERLINK(…) exfiltrates, DDE runs commands). The cell start is not the only such start: a
 * spreadsheet whose list separator is `;` (German, French… Excel) splits every line on `;` and
 * honours quotes only at the start of a field, so each `;` inside a quoted cell starts a new
 * cell; consumers split multi-valued cells on `;` (docs/open-data.md); `,`, tab and line breaks
 * split under other settings. So a `'` is inserted (OWASP's advice) at every position that can
 * start a cell or a list item — the value start, and the character after each `;` `,` tab CR LF —
 * when what follows, after spaces (incl. U+3000) and quotes (a field-start quote or trimming would
 * drop them), is a formula character; after a separator also when nothing else follows (the
 * closing quote of the cell would open a field there). Spreadsheets show such text as text.
 * Nothing else changes, and removing each `'` that sits at such a position before that pattern
 * restores the value exactly (neutralize's pattern allows quotes, so an original `'` there gets
 * another). JSON is data for programs and stays untouched.
 */
const SPACE_OR_QUOTE = String.raw`[\v\f \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF'"]*`;
const FORMULA_CHAR = String.raw`[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]`;
const SEPARATOR = String.raw`[;,\t\r\n]`;
const FORMULA_START = new RegExp(`^${SPACE_OR_QUOTE}${FORMULA_CHAR}`);
const AFTER_SEPARATOR = new RegExp(`(${SEPARATOR})(?=${SPACE_OR_QUOTE}(?:${FORMULA_CHAR}|$))`, 'g');

export function neutralizeFormula(value: string): string {
  return (FORMULA_START.test(value) ? "'" : '') + value.replace(AFTER_SEPARATOR, "$1'");
}

/** Quoted when it holds a quote, a separator (`,`, or `;` where locales use it) or a line break. */
function csvCell(value: string): string {
  const safe = neutralizeFormula(value);
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Chinese correctly; formula-like cells neutralized. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const row of rows) {
    // a list is joined with ';': every item start follows a ';' and is neutralized like the cell start
    lines.push(EXPORT_FIELDS.map((f) => csvCell(LIST_FIELDS.has(f) ? (row[f] as string[]).join(';') : (row[f] as string))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: ExportRow[], meta: { siteName: string; generated: string }): string {
  return JSON.stringify({ schema: EXPORT_SCHEMA, site: meta.siteName, generated: meta.generated, count: rows.length, fields: EXPORT_FIELDS, items: rows }, null, 1);
}
