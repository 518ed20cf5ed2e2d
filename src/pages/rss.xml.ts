/** RSS feed of the newest reports, with its own address as the atom:link rel="self" feed readers check. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { NEWEST_COUNT } from '../site/consts.ts';
import { reportsCatalog } from '../site/collection.ts';
import { loadSiteSettings } from '../site/site-settings.ts';
import { absoluteUrl, reportPath } from '../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = loadSiteSettings();
  const { reports } = await reportsCatalog();
  return rss({
    title: `${settings.name}：最新报告`,
    description: settings.description ?? settings.name,
    site: absoluteUrl('', site!),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>zh-CN</language><atom:link href="${absoluteUrl('rss.xml', site!)}" rel="self" type="application/rss+xml"/>`,
    items: reports.slice(0, NEWEST_COUNT).map(({ id, data }) => ({
      title: data.title,
      link: absoluteUrl(reportPath(id), site!),
      pubDate: data.date ? new Date(`${data.date}T00:00:00+08:00`) : undefined,
      description: `${data.agency} · ${data.region} · ${data.year}年度`,
      categories: [data.level, String(data.year)],
    })),
  });
};
