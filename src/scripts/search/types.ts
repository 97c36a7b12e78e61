/** What the search page reads from engine.js and from its own data attributes. */
export interface SiteLabel {
  id: string;
  name: { zh: string; mn?: string };
  self: boolean;
}
export interface EngineResult {
  url: string;
  title: string;
  docNumber?: string;
  published?: string;
  excerpt: string;
  kind?: string;
  /** 有效性 (policies) */
  status?: string;
  site?: SiteLabel;
  language?: string;
  sources?: { site: SiteLabel; url: string }[];
}
export interface EngineResponse {
  total: number;
  results: EngineResult[];
  suggestions?: { title: string; url: string; docNumber?: string }[];
  notices?: { site: SiteLabel; problem: 'unreachable' | 'timeout' | 'broken' | 'limit' | 'invalid' }[];
}
export interface Engine {
  options(o: { basePath?: string; language?: string }): Promise<void> | void;
  /** absent from an engine.js older than this page (a cached copy): nothing is prepared then */
  prepare?(o: { filters?: Record<string, string>; languages?: string[] }): Promise<void>;
  /** onFirst: the first `first` results before the rest (absent from an older engine.js: the whole answer only) */
  search(q: string, o: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'>; limit?: number; languages?: string[]; first?: number; onFirst?: (r: EngineResponse) => void }): Promise<EngineResponse>;
}
export interface Strings {
  total: string;
  none: string;
  noneTips: string;
  activeFilters: string;
  removeFilter: string;
  suggest: string;
  loading: string;
  error: string;
  published: string;
  loadMore: string;
  labels: Record<string, string>;
  valueLabels: Record<string, Record<string, string>>;
  colon: string;
  listSep: string;
  alsoOn: string;
  peersDown: string;
  problems: Record<string, string>;
  languageMn: string;
  includeMn: string;
  datePattern: string;
  filterCount: string;
  clearFilters: string;
}
export interface View {
  strings: Strings;
  /** this page is Mongolian: site names in Mongolian */
  mn: boolean;
  /** the site searches peers too: every result says where it is from */
  federated: boolean;
}
