/**
 * robots.txt: everything may be crawled but the search index's own files,
 * and the sitemap is named. Crawlers read robots.txt only at a host's root:
 * under a sub-path, add the Sitemap line to the host's own robots.txt
 * (README, Deployment).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, url } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', `Disallow: ${url('search-exact/')}`, `Disallow: ${url('pagefind/')}`, '', `Sitemap: ${absoluteUrl('sitemap-index.xml', site!)}`];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
