/** RSS 2.0 of the newest policies and interpretations (Chinese site); items as plain text (src/lib/feed.ts). */
import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { getSite } from '../../content/site.ts';
import { feedItems, xmlText } from '../../lib/feed.ts';
import { siteUrl } from '../../lib/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const data = await getSite();
  const root = siteUrl(site, import.meta.env.BASE_URL);
  const name = xmlText(data.site.name.zh);
  return rss({
    title: `${name} 政策文件`,
    description: `${name}发布的政策文件和政策解读`,
    site: root,
    items: feedItems(data, root),
    customData: '<language>zh-cn</language>',
  });
};
