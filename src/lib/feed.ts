/**
 * The RSS items of /feeds/policies.xml as plain text (pure: src/pages/feeds/policies.xml.ts
 * hands the result to @astrojs/rss).
 *
 * @astrojs/rss XML-escapes every string once (fast-xml-parser), so markup in a title or summary
 * arrives in the XML as `&lt;b&gt;`; but RSS 2.0 says <description> holds entity-encoded HTML,
 * so readers decode that once more and would RENDER it (<img onerror>, <a href="javascript:">).
 * Descriptions are therefore HTML-escaped here first: readers show `<b>` as the characters typed.
 * Titles are plain text in RSS (rssboard.org: "titles should not contain HTML") and are only
 * XML-escaped. Nothing is dropped except characters XML 1.0 forbids (C0 controls other than tab,
 * LF, CR; U+FFFE/U+FFFF; lone surrogates), which would make the whole feed unparseable.
 * No `content` (content:encoded) is emitted: it is HTML by definition.
 */
import type { SiteData } from './model.ts';
import { byPublishedDesc } from './listing.ts';
import { routes } from './paths.ts';

export const FEED_SIZE = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text XML 1.0 can carry: characters it forbids are removed (they cannot be escaped). */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text for an element readers treat as HTML (<description>): markup shows as text. */
export function htmlText(s: string): string {
  return xmlText(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The newest policies (dated ones) and interpretations, newest first, at most `size`. */
export function feedItems(data: Pick<SiteData, 'policies' | 'interpretations'>, root: string, size = FEED_SIZE): FeedItem[] {
  const policies = [...data.policies].filter((p) => p.published).sort(byPublishedDesc).slice(0, size);
  const items: FeedItem[] = [
    ...policies.map((p) => ({
      title: xmlText(p.title),
      link: new URL(routes.policy(p.id), root).href,
      pubDate: new Date(`${p.published}T00:00:00+08:00`),
      description: htmlText([p.docNumber?.raw, p.summary].filter(Boolean).join(' ')),
      categories: ['政策文件', ...(p.docType ? [p.docType] : [])],
    })),
    ...data.interpretations.map((i) => ({
      title: xmlText(i.title),
      link: new URL(routes.interpretation(i.id), root).href,
      pubDate: new Date(`${i.published}T00:00:00+08:00`),
      description: htmlText(i.summary ?? ''),
      categories: ['政策解读'],
    })),
  ];
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime()).slice(0, size);
}
