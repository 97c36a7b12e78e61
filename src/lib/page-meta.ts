/**
 * 网页元数据 of the 政府网站发展指引 (国办发〔2017〕47号, 附件 政府网站网页设计规范): every page
 * carries SiteName, SiteDomain and SiteIDCode; a 栏目页 adds ColumnName, ColumnDescription,
 * ColumnKeywords and ColumnType; a 文章页 adds ColumnName, ColumnType, ArticleTitle, PubDate,
 * ContentSource, Keywords, Author, Description and Url (Image is left out: no page has a lead
 * image). Empty values are left out rather than written empty, except ContentSource, which names
 * the site itself when the page gives no other source. Pure: Base.astro renders the list.
 */
export type PageKind = 'home' | 'column' | 'article';

export interface ColumnMeta {
  /** 栏目名称 */
  name: string;
  /** 栏目类型 (see COLUMN_TYPES) */
  type: string;
  description?: string | undefined;
  keywords?: string[] | undefined;
}

export interface ArticleMeta {
  title: string;
  /** YYYY-MM-DD */
  published?: string | undefined;
  /** 文章来源: the issuing or publishing body */
  source?: string | undefined;
  keywords?: string[] | undefined;
  /** 作者: the body (or person) that wrote it */
  author?: string | undefined;
  description?: string | undefined;
}

export interface PageMetaInput {
  kind: PageKind;
  siteName: string;
  /** host name of the public site, e.g. www.example.gov.cn */
  siteDomain: string;
  siteCode: string;
  /** absolute URL of this page */
  url: string;
  column?: ColumnMeta | undefined;
  article?: ArticleMeta | undefined;
}

/**
 * 栏目类型 of this portal's sections, in the 指引's vocabulary where one fits (政策文件, 政策解读,
 * 信息公开指南, 信息公开年报 …). Section keys are Base.astro's `current` values plus finer ones.
 */
export const COLUMN_TYPES: Record<string, string> = {
  home: '首页',
  policies: '政策文件',
  interpretations: '政策解读',
  search: '搜索',
  open: '政府信息公开',
  guide: '信息公开指南',
  rules: '信息公开制度',
  reports: '信息公开年报',
  catalog: '政务公开目录',
  powers: '权力清单',
  apply: '依申请公开',
  gazette: '政府公报',
  consultations: '意见征集',
  special: '专题专栏',
  sitemap: '网站地图',
  // the 404 page of every language: a fixed Chinese term like the others, never the page's own title
  notFound: '页面未找到',
};

/**
 * The section key of a page from its site-relative path (without base and language prefix):
 * `open/reports/2024/` → reports, `policies/x/` → policies, '' → home, `404.html` or `404` → notFound.
 */
export function columnKeyOf(path: string): string {
  const [first = '', second = ''] = path.replace(/^\/+/, '').split('/');
  if (first === '') return 'home';
  if (/^404(?:\.html)?$/.test(first)) return 'notFound'; // Astro gives the 404 page the path /404
  if (first === 'open' && second && COLUMN_TYPES[second]) return second;
  return first;
}

const joinList = (xs: string[] | undefined) => (xs ?? []).filter(Boolean).join(',');

/** `<meta name content>` pairs for one page, in the 指引's order. */
export function pageMetaTags(p: PageMetaInput): [string, string][] {
  const out: [string, string | undefined][] = [
    ['SiteName', p.siteName],
    ['SiteDomain', p.siteDomain],
    ['SiteIDCode', p.siteCode],
  ];
  if (p.kind === 'column' && p.column) {
    out.push(['ColumnName', p.column.name], ['ColumnDescription', p.column.description], ['ColumnKeywords', joinList(p.column.keywords)], ['ColumnType', p.column.type]);
  }
  if (p.kind === 'article' && p.article) {
    const a = p.article;
    out.push(
      ['ColumnName', p.column?.name],
      ['ColumnType', p.column?.type],
      ['ArticleTitle', a.title],
      ['PubDate', a.published],
      // 文章来源 is required: a page with no other source (年报, 公报) is the site's own publication
      ['ContentSource', a.source ?? p.siteName],
      ['Keywords', joinList(a.keywords)],
      ['Author', a.author],
      ['Description', a.description ?? a.title],
      ['Url', p.url],
    );
  }
  return out.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '').map(([k, v]) => [k, oneLine(v)]);
}

/** Metadata values are one line of plain text (a summary may span lines). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
