/**
 * One search record per published document: the contract between the content loader
 * (src/content/records.ts builds them from SiteData) and the indexer (scripts/build-search.ts).
 * Filter names follow DESIGN.md's search contract.
 */
export interface SearchRecord {
  /** site-relative URL without base, with trailing slash, e.g. `policies/abc/` */
  path: string;
  /** 'zh' or 'mn': one index per language */
  language: 'zh' | 'mn';
  title: string;
  docNumber?: string;
  /** other 文号 that find this document (历史版本: its amending documents' and earlier texts') */
  alsoDocNumbers?: string[];
  /** YYYY-MM-DD */
  published?: string;
  /** plain text body, paragraphs separated by "\n"; no markup */
  body: string;
  filters: {
    kind: string[];
    issuer?: string[];
    topic?: string[];
    docType?: string[];
    year?: string[];
    status?: string[];
    level?: string[];
    /** 历史版本 on a document's earlier texts (left out of searches unless asked) */
    version?: string[];
  };
}
