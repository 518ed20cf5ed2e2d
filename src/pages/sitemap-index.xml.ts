/** The sitemap index: one entry per `sitemap-<n>.xml` (`src/site/sitemap.ts`). */
import type { APIRoute } from 'astro';
import { reportsCatalog } from '../site/collection.ts';
import { sitemapChunks, sitemapEntries, sitemapIndex } from '../site/sitemap.ts';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const chunks = sitemapChunks(sitemapEntries(await reportsCatalog()));
  return new Response(sitemapIndex(chunks, (path) => absoluteUrl(path, site!)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
