/**
 * 时点查询 data of a listing page (#18): for each listed document its timeline, encoded for a data
 * attribute, and the address of its version pages (Chinese: versions have no translations).
 */
import type { IsoDate, PolicyView } from './model.ts';
import { joinBase } from './paths.ts';
import { policyTimeline } from './point-in-time.ts';
import { hasVersions } from './versions.ts';
import { encodeTimeline } from './timeline.ts';
import { LOCALE_INFO } from '../i18n/locales.ts';

export function listingTimelines(items: readonly PolicyView[], library: readonly PolicyView[], today: IsoDate, base: string): Map<string, { timeline: string; versionBase?: string }> {
  const byId = new Map(library.map((p) => [p.id, p]));
  const zh = LOCALE_INFO['zh-CN'].prefix;
  // the original's dates and relations (a translation keeps them, but its library may be partial)
  return new Map(items.map((p) => {
    const timeline = encodeTimeline(policyTimeline(byId.get(p.id) ?? p, byId, today));
    // /policies/<id>/v/<date>/ (version-page.ts versionRoutes) up to the date
    return [p.id, hasVersions(p) ? { timeline, versionBase: joinBase(base, `${zh}policies/${p.id}/v/`) } : { timeline }];
  }));
}
