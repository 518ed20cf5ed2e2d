/**
 * The sitemap's files (`src/site/sitemap.ts`): at most SITEMAP_CHUNK URLs a
 * file, escaped, and an index naming each file with its newest lastmod.
 */
import { describe, expect, it } from 'vitest';
import { SITEMAP_CHUNK, sitemapChunks, sitemapIndex, urlset } from '../../src/site/sitemap.ts';

const toUrl = (path: string) => `https://fzzf.example.gov.cn/fzzfjs/${path}`;

describe('sitemap files', () => {
  it('should split past SITEMAP_CHUNK URLs into more files, and name each in the index with its newest lastmod', () => {
    const entries = Array.from({ length: SITEMAP_CHUNK + 1 }, (_, n) => ({ path: `reports/2020/${n}/`, lastmod: n === SITEMAP_CHUNK ? '2021-05-01' : '2021-03-01' }));
    const chunks = sitemapChunks(entries);
    expect(chunks.map((chunk) => chunk.length)).toEqual([SITEMAP_CHUNK, 1]);
    expect(sitemapIndex(chunks, toUrl)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<sitemap><loc>https://fzzf.example.gov.cn/fzzfjs/sitemap-0.xml</loc><lastmod>2021-03-01</lastmod></sitemap>\n' +
        '<sitemap><loc>https://fzzf.example.gov.cn/fzzfjs/sitemap-1.xml</loc><lastmod>2021-05-01</lastmod></sitemap>\n</sitemapindex>\n',
    );
  });

  it('should escape URLs and leave out a lastmod that is not known', () => {
    expect(urlset([{ path: 'a&b/' }, { path: 'c/', lastmod: '2020-01-02' }], toUrl)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://fzzf.example.gov.cn/fzzfjs/a&amp;b/</loc></url>\n<url><loc>https://fzzf.example.gov.cn/fzzfjs/c/</loc><lastmod>2020-01-02</lastmod></url>\n</urlset>\n',
    );
  });
});
