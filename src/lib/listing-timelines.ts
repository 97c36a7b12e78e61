/**
 * 时点查询 data of a listing page (#18): for each listed document its timeline, encoded for a data
 * attribute, and the address of its version pages in the listing's language (`prefix`: /mn/ has
 * the version pages of translated documents, which are all it lists).
 */
import type { IsoDate, PolicyView } from './model.ts';
import { joinBase } from './paths.ts';
import { policyTimeline } from './point-in-time.ts';
import { hasVersions } from './versions.ts';
import { encodeTimeline } from './timeline.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';
import { byId } from './by-id.ts';

export function listingTimelines(items: readonly PolicyView[], library: readonly PolicyView[], today: IsoDate, base: string, prefix = LOCALE_INFO['zh-CN'].prefix): Map<string, { timeline: string; versionBase?: string }> {
  // once per library, not per listing page (src/lib/by-id.ts)
  const ids = byId(library);
  // the original's dates and relations (a translation keeps them, but its library may be partial)
  return new Map(items.map((p) => {
    const timeline = encodeTimeline(policyTimeline(ids.get(p.id) ?? p, ids, today));
    // /policies/<id>/v/<date>/ (version-page.ts versionRoutes) up to the date
    return [p.id, hasVersions(p) ? { timeline, versionBase: joinBase(base, `${prefix}policies/${p.id}/v/`) } : { timeline }];
  }));
}
