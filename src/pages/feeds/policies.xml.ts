/** RSS 2.0 of the newest policies and interpretations (Chinese site). */
import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { getSite } from '../../content/site.ts';
import { byPublishedDesc } from '../../lib/listing.ts';
import { routes } from '../../lib/paths.ts';
import { siteUrl } from '../../lib/site-url.ts';

const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site }) => {
  const data = await getSite();
  const root = siteUrl(site, import.meta.env.BASE_URL);
  const policies = [...data.policies].filter((p) => p.published).sort(byPublishedDesc).slice(0, FEED_SIZE);
  const items = [
    ...policies.map((p) => ({
      title: p.title,
      link: new URL(routes.policy(p.id), root).href,
      pubDate: new Date(`${p.published}T00:00:00+08:00`),
      description: [p.docNumber, p.summary].filter(Boolean).join(' '),
      categories: ['政策文件', ...(p.docType ? [p.docType] : [])],
    })),
    ...data.interpretations.map((i) => ({
      title: i.title,
      link: new URL(routes.interpretation(i.id), root).href,
      pubDate: new Date(`${i.published}T00:00:00+08:00`),
      description: i.summary ?? '',
      categories: ['政策解读'],
    })),
  ]
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())
    .slice(0, FEED_SIZE);
  return rss({
    title: `${data.site.name.zh} 政策文件`,
    description: `${data.site.name.zh}发布的政策文件和政策解读`,
    site: root,
    items,
    customData: '<language>zh-cn</language>',
  });
};
