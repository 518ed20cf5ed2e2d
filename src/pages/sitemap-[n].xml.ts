/** `sitemap-<n>.xml`: the indexable pages with their lastmod, at most `SITEMAP_CHUNK` a file (`src/site/sitemap.ts`). */
import { sharedPages } from '../site/build-part.ts';
import type { APIRoute, GetStaticPaths } from 'astro';
import { reportsCatalog } from '../site/collection.ts';
import { sitemapChunks, sitemapEntries, urlset, type SitemapEntry } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/urls.ts';

export const getStaticPaths = (async () => {
  const chunks = sitemapChunks(sitemapEntries(await reportsCatalog()));
  return sharedPages(chunks).map((entries, n) => ({ params: { n: String(n) }, props: { entries } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entries: SitemapEntry[] }> = ({ props, site }) =>
  new Response(urlset(props.entries, (path) => absoluteUrl(path, site!)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
