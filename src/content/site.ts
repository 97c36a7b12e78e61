/**
 * The one place pages get their data from. The corpus build (scripts/build-corpus.ts) sets
 * PORTAL_CONTENT to a JSON-lines file and PORTAL_LENIENT=1 for legacy exports.
 */
import type { SiteData } from '../lib/model.ts';
import { loadSite } from './load.ts';

export function getSite(): Promise<SiteData> {
  return loadSite({ lenient: process.env.PORTAL_LENIENT === '1' });
}
