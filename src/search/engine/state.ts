/**
 * The engine's configuration (options()) and the federation it opens once per configuration:
 * this site's manifest and sites.json, and the peers it searches with.
 */
import { isSafeUrl, resolveSiteUrl, SITES_FILE, type SitesFile } from '../../lib/search/federation.ts';
import { NO_LIMITS } from '../../lib/search/validate.ts';
import { indexChecks } from '../../lib/search/validate-index.ts';
import { searchLanguage } from '../../lib/search/language.ts';
import { fetchJson, ownBudget } from '../site-index.ts';
import type { EngineOptions, Fed, Site } from './types.ts';

let config: EngineOptions = {};
let state: Promise<Fed> | null = null;

/** New options over the current ones; a language tag becomes its index key (an unknown one
 * throws and changes nothing; an empty one means the page's default). */
export function configure(o: EngineOptions): void {
  const next = { ...config, ...o };
  if (next.language === '') delete next.language;
  else if (o.language !== undefined) next.language = searchLanguage(o.language);
  if (JSON.stringify(next) !== JSON.stringify(config) || !state) {
    config = next;
    state = null;
  }
}

/** The federation for the current options, opened on first use (again after a failure). */
export function getFed(): Promise<Fed> {
  if (!state) {
    state = init();
    state.catch(() => (state = null));
  }
  return state;
}

function defaultBase(): string {
  const here = new URL('./', import.meta.url).href;
  const loc = (globalThis as { location?: { origin?: string } }).location;
  if (loc?.origin && here.startsWith(loc.origin + '/')) return here.slice(loc.origin.length);
  return here;
}

function defaultLanguage(): string {
  const d = (globalThis as { document?: { documentElement?: { lang?: string } } }).document;
  return d?.documentElement?.lang?.toLowerCase().startsWith('mn') ? 'mn' : 'zh';
}

const isAbsolute = (u: string) => /^[a-z][a-z0-9+.-]*:/i.test(u);

/** This site's sites.json, checked; null when absent or not of the expected shape (a
 * records-only benchmark build has none): this site alone is searched then. */
async function readSites(base: string): Promise<SitesFile | null> {
  try {
    return await fetchJson(ownBudget(), base + SITES_FILE, indexChecks(NO_LIMITS).sites, SITES_FILE);
  } catch {
    return null;
  }
}

async function init(): Promise<Fed> {
  let base = config.basePath ?? defaultBase();
  if (!base.endsWith('/')) base += '/';
  const siteBase = config.baseUrl ?? base.replace(/search\/$/, '');
  // both at once: one round trip (the search page preloads them)
  const [selfManifest, file] = await Promise.all([fetchJson(ownBudget(), base + 'manifest.json', indexChecks(NO_LIMITS).manifest, 'manifest.json'), readSites(base)]);
  const me = file?.site;
  const self: Site = { id: me?.id ?? 'self', name: me?.name ?? { zh: '' }, level: me?.level ?? '', region: me?.region ?? '', self: true, base, siteBase, order: 0 };
  const fileUrls = /^file:/i.test(base);
  const peers = config.peers ?? (config.federation === false ? [] : (file?.peers ?? []));
  const sites = [self, ...peerSites(peers, self, base, fileUrls)];
  return { self, sites, lang: config.language ?? defaultLanguage(), timeout: config.timeout ?? 5000, fileUrls, selfManifest, indexes: new Map(), down: new Map() };
}

/** The peers as sites to ask: a peer root must be http(s) or a path (file: only for the
 * engine in Node); a path peer stays a path in the browser (same host), in Node it resolves
 * against basePath. */
function peerSites(peers: NonNullable<EngineOptions['peers']>, self: Site, base: string, fileUrls: boolean): Site[] {
  const out: Site[] = [];
  peers.forEach((p, i) => {
    if (p.id === self.id || !isSafeUrl(p.url, fileUrls)) return;
    const root = isAbsolute(p.url) || !isAbsolute(base) ? p.url : resolveSiteUrl(p.url, base);
    const r = root.endsWith('/') ? root : `${root}/`;
    out.push({ id: p.id, name: p.name, level: p.level, region: p.region, self: false, base: r + 'search/', siteBase: r, order: i + 1 });
  });
  return out;
}
