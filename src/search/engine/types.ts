/**
 * The engine's types: what search() and filters() answer (public, see engine.ts), and the
 * sites, sources and candidates a query passes between its steps.
 */
import type { ParsedQuery } from '../../lib/search/query.ts';
import type { Token } from '../../lib/search/tokenize.ts';
import type { DocScore, DocTokenHit } from '../../lib/search/rank.ts';
import type { PeerProblem, SiteInfo } from '../../lib/search/federation.ts';
import type { FilterValue } from '../../lib/search/filters.ts';
import type { PeerBudget } from '../../lib/search/peer-budget.ts';
import type { Fragment, Manifest, SiteIndex } from '../site-index.ts';

export type { FilterValue };
export interface EngineOptions {
  basePath?: string;
  baseUrl?: string;
  language?: string;
  federation?: boolean;
  peers?: SiteInfo[];
  timeout?: number;
}
export interface SearchOptions {
  filters?: Record<string, FilterValue | undefined>;
  sort?: { published?: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
  languages?: string[];
  /** onFirst is called with the first `first` results of the page before the rest are built
   * (the search page shows them at once), when the page has more than that */
  first?: number;
  onFirst?: (partial: SearchResponse) => void;
  /** also return the internal ids of every ranked document (benchmarks) */
  debug?: boolean;
}
/** The site a result comes from, as the page labels it. */
export interface SiteLabel {
  id: string;
  name: { zh: string; mn?: string };
  level: string;
  /** this site (not a peer) */
  self: boolean;
}
export interface SearchResult {
  url: string;
  title: string;
  docNumber?: string;
  published?: string;
  excerpt: string;
  titleHtml: string;
  kind?: string;
  /** 有效性 (现行有效, 已废止 …) when the document has one */
  status?: string;
  /** why it matched: docNumber | title-phrase | phrase | title | words | filter */
  match: string;
  score: number;
  site: SiteLabel;
  /** index language of the result ('zh', 'mn') */
  language: string;
  /** every site that published this document (same 文号 and issuer), this one first */
  sources?: { site: SiteLabel; url: string }[];
}
export interface SearchResponse {
  total: number;
  results: SearchResult[];
  /** near misses (a 文号 with another year, close titles) when there are no results */
  suggestions: { url: string; title: string; docNumber?: string }[];
  /** 文号 keys recognized in the query */
  docNumbers: string[];
  /** every site asked: `ok`, or why it gave nothing */
  sites: SiteStatus[];
  /** peers skipped (down, slow, broken): the page shows these */
  notices: { site: SiteLabel; problem: PeerProblem }[];
  /** with `debug`: fragment ids of all ranked documents (a peer's prefixed with `<site id>:`) */
  ids?: string[];
  /** with `debug`: every ranked document's site, tier and score, before duplicates are folded */
  ranked?: { site: string; id: string; tier: number; score: number }[];
}
export interface SiteStatus {
  site: SiteLabel;
  status: 'ok' | PeerProblem;
  total: number;
}

export interface Site extends SiteLabel {
  region: string;
  /** URL of its search bundle directory */
  base: string;
  /** root its result paths are joined to */
  siteBase: string;
  /** 0 for this site, then the configured order (ties in ranking) */
  order: number;
}
export interface Fed {
  self: Site;
  sites: Site[];
  lang: string;
  timeout: number;
  /** result URLs may be file: (Node reading built sites from disk) */
  fileUrls: boolean;
  selfManifest: Manifest;
  indexes: Map<string, Promise<SiteIndex>>;
  /** peers that failed recently: skipped until `until` */
  down: Map<string, { until: number; problem: PeerProblem }>;
}
/** Per site, what this query may cost it (peer-budget.ts). */
export type Nets = Map<string, PeerBudget>;
/** One query's federation: the sites' budgets and the report of what each gave. */
export interface QueryCtx {
  fed: Fed;
  nets: Nets;
  report: SiteStatus[];
}
/** a site's index in one language, ready for a query */
export interface Source {
  site: Site;
  ix: SiteIndex;
}
/** a document ranked for the query, before its fragment is loaded */
export interface Candidate {
  src: Source;
  id: string;
  score: DocScore;
  variant: number;
  /** this language group's query token lists (excerpts) and looked-up covers (sections) */
  group: { variants: Token[][]; covers: Token[][]; idfs: Map<string, number> };
  hits?: Map<string, DocTokenHit>;
  date?: string;
  rank?: number;
}
/** a result on the page, with every site that published it */
export interface Shown {
  c: Candidate;
  frag: Fragment;
  sources: { site: Site; url: string }[];
}
/** a document of a source (a near miss, a suggestion) */
export interface SourceDoc {
  src: Source;
  id: string;
}
/** The query as planned: parsed, its languages, page and order. */
export interface Plan {
  parsed: ParsedQuery;
  /** no query text: the filtered library is listed */
  listing: boolean;
  langs: string[];
  limit: number;
  offset: number;
  sortDir: 'asc' | 'desc' | undefined;
  filters: SearchOptions['filters'];
}
