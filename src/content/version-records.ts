/**
 * Search records of 历史版本 (#18): the document's record holds the text in force on the build
 * date (what its page shows), and every other version is a record of its own at its dated URL
 * (/policies/<id>/v/<date>/; on /mn/ only the translated ones: an untranslated version's /mn/ page
 * shows the Chinese text, indexed once in the Chinese index), filtered as version=历史版本 so a search leaves it out
 * unless asked (src/lib/search/filters.ts withVersionDefault). The 文号 of each amending document
 * and of each earlier text find the document itself (alsoDocNumbers, in the 文号 lookup).
 */
import type { IsoDate, PolicyView } from '../lib/model.ts';
import type { SearchRecord } from '../lib/search/record.ts';
import { HISTORICAL_VERSION } from '../lib/search/filters.ts';
import { bodyToText } from '../lib/body.ts';
import { versionRoutes } from '../lib/version-page.ts';
import { allVersions, currentVersion, hasVersions, versionInLanguage, type PolicyVersion } from '../lib/versions.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';

/** 文号 other than the document's own that should find it: amending documents' and earlier texts'. */
export function versionDocNumbers(p: PolicyView, library: ReadonlyMap<string, PolicyView>): string[] {
  const out = new Set<string>();
  for (const v of allVersions(p)) {
    if (v.docNumber) out.add(v.docNumber.raw);
    const a = v.amendment;
    if (a && 'id' in a) {
      const amending = library.get(a.id)?.docNumber?.raw;
      if (amending) out.add(amending);
    } else if (a?.docNumber) out.add(a.docNumber.raw);
  }
  if (p.docNumber) out.delete(p.docNumber.raw);
  return [...out];
}

function versionRecord(p: PolicyView, v: PolicyVersion, current: SearchRecord, prefix: string): SearchRecord {
  const { status: _s, year: _y, ...filters } = current.filters;
  const r: SearchRecord = {
    path: prefix + versionRoutes.version(p.id, v.date),
    language: current.language,
    title: `${v.title}（${v.date}版本）`,
    published: v.date,
    body: bodyToText(v.body, v.bodyFormat),
    filters: { ...filters, year: [v.date.slice(0, 4)], version: [HISTORICAL_VERSION] },
  };
  if (v.docNumber) r.docNumber = v.docNumber.raw;
  return r;
}

/**
 * Sets the document's record to the version in force on `today` and its other 文号, and returns
 * the records of its other versions in the site's language (on /mn/: the translated ones).
 */
export function withVersions(p: PolicyView, record: SearchRecord, library: ReadonlyMap<string, PolicyView>, today: IsoDate, zh: boolean): SearchRecord[] {
  if (!hasVersions(p)) return [];
  const also = versionDocNumbers(p, library);
  if (also.length) record.alsoDocNumbers = also;
  const shown = currentVersion(p, today);
  // an untranslated text in force on /mn/: the record keeps the translation of the latest
  const recordText = versionInLanguage(shown, zh) ? shown : allVersions(p).at(-1)!;
  record.body = bodyToText(recordText.body, recordText.bodyFormat);
  const prefix = LOCALE_INFO[zh ? 'zh-CN' : 'mn-Mong'].prefix;
  return allVersions(p).filter((v) => v.date !== recordText.date && versionInLanguage(v, zh)).map((v) => versionRecord(p, v, record, prefix));
}
