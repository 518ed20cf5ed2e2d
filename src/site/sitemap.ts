/**
 * The sitemap (`sitemap-index.xml`, `sitemap-<n>.xml`): every page a search
 * engine should index, each with its `lastmod`, and none it should not (the
 * search page is `noindex`; `reports/<year>/` shows what `years/<year>/`
 * shows and names it canonical; 404.html is no page of its own).
 *
 * `lastmod` is the newest publication date among the reports a page shows
 * (a report page: its own), so it changes when a report is added, and the
 * same archive gives the same sitemap on every build. The two hand-written
 * pages (`about/`, `cite/`) show no report, and get none.
 */
import { byLevel, byYear, type CatalogIndex, type ReportEntry } from './catalog.ts';
import { COLUMNS } from './columns.ts';
import { flattenRegions, type RegionNode } from './region-tree.ts';
import { agencyPath, levelPath, regionPath, reportPath, yearPath } from './urls.ts';

export interface SitemapEntry {
  /** Path inside the site, e.g. `reports/2018/310113-rmzf/`. */
  path: string;
  /** YYYY-MM-DD. */
  lastmod?: string;
}

/** URLs per sitemap file (the protocol allows 50,000). */
export const SITEMAP_CHUNK = 45_000;

/** The hand-written pages in `src/pages/` (about.mdx, cite.mdx). */
const PROSE_PAGES = ['about/', 'cite/'];

/** The newest date among the reports (reports whose page states no date have none to give). */
const newestDate = (reports: readonly ReportEntry[]) =>
  reports.reduce<string | undefined>((newest, { data }) => (data.date && (!newest || data.date > newest) ? data.date : newest), undefined);

/** Every indexable page of the site, in a stable order. */
export function sitemapEntries<R extends ReportEntry>(catalog: CatalogIndex<R> & { reports: readonly R[]; regions: RegionNode[] }): SitemapEntry[] {
  const { reports, agencies, regions, reportsByRegion } = catalog;
  const all = newestDate(reports);
  const entries: SitemapEntry[] = [{ path: '', lastmod: all }];
  for (const top of [COLUMNS.reports, COLUMNS.years, COLUMNS.levels, COLUMNS.regions, COLUMNS.agencies, COLUMNS.data]) entries.push({ path: top.path, lastmod: all });
  for (const { year, reports: inYear } of byYear(reports)) entries.push({ path: yearPath(year), lastmod: newestDate(inYear) });
  for (const { level, reports: atLevel } of byLevel(reports)) entries.push({ path: levelPath(level), lastmod: newestDate(atLevel) });
  for (const node of flattenRegions(regions)) entries.push({ path: regionPath(node.code), lastmod: newestDate(reportsByRegion.get(node.code) ?? []) });
  for (const agency of agencies) entries.push({ path: agencyPath(agency.key), lastmod: newestDate(agency.reports) });
  for (const { id, data } of [...reports].sort((a, b) => a.id.localeCompare(b.id))) entries.push({ path: reportPath(id), lastmod: data.date ?? undefined });
  for (const path of PROSE_PAGES) entries.push({ path });
  return entries;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One sitemap file: `<urlset>` of absolute URLs (`toUrl` makes one from a path inside the site). */
export function urlset(entries: readonly SitemapEntry[], toUrl: (path: string) => string): string {
  const urls = entries.map(({ path, lastmod }) => `<url><loc>${escapeXml(toUrl(path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The sitemap index: one `<sitemap>` per file, with the newest `lastmod` in it. */
export function sitemapIndex(chunks: ReadonlyArray<readonly SitemapEntry[]>, toUrl: (path: string) => string): string {
  const items = chunks.map((chunk, n) => {
    const lastmod = chunk.reduce<string | undefined>((newest, entry) => (entry.lastmod && (!newest || entry.lastmod > newest) ? entry.lastmod : newest), undefined);
    return `<sitemap><loc>${escapeXml(toUrl(`sitemap-${n}.xml`))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Entries in files of at most `SITEMAP_CHUNK`. */
export function sitemapChunks(entries: readonly SitemapEntry[]): SitemapEntry[][] {
  const chunks: SitemapEntry[][] = [];
  for (let start = 0; start < entries.length; start += SITEMAP_CHUNK) chunks.push(entries.slice(start, start + SITEMAP_CHUNK));
  return chunks.length > 0 ? chunks : [[]];
}
