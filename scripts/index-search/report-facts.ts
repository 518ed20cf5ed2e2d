/**
 * The facts the index keeps of each report (title, agency, year, date,
 * region, level), read once from the catalog the site publishes
 * (`<site>/data/reports.json`), not from the report pages: the pages give
 * the text as shown, the catalog the facts, each from its one source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportPath } from '../../src/archive/layout.ts';
import { cityNameOf, regionPathOf } from '../../src/archive/regions.ts';

/** Where the site publishes its catalog, inside the built site. */
export const CATALOG_JSON = 'data/reports.json';

/** What the index knows of a report besides its text. */
export interface ReportFacts {
  id: string;
  /** With the base path, e.g. `/fzzfjs/reports/2018/310113-rmzf/`. */
  url: string;
  title: string;
  agency: string;
  year: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Administrative path, e.g. 上海市宝山区. */
  region: string;
  province: string;
  /** The city, or for a municipality the province; `''` for a province's own report. */
  city: string;
  level: string;
}

/** One row of `data/reports.json`, as far as the index reads it. */
interface CatalogRow {
  id: string;
  title: string;
  agency: string;
  region: string;
  regionCode: string;
  level: string;
  year: number;
  /** Null when the report's page states no date. */
  date: string | null;
}

/** The facts of one catalog row. */
export function factsOf(row: CatalogRow, base: string): ReportFacts {
  const path = regionPathOf(row.regionCode, row.region);
  return {
    id: row.id,
    url: `${base}${reportPath(row.id)}`,
    title: row.title,
    agency: row.agency,
    year: String(row.year),
    date: row.date ?? '',
    region: row.region,
    province: path.province.name,
    city: cityNameOf(path) ?? '',
    level: row.level,
  };
}

/** Every report's facts by id, from the built site's catalog; a problem names the file and what to do. */
export function readReportFacts(dir: string, base: string): { facts: Map<string, ReportFacts>; problem?: string } {
  const file = join(dir, CATALOG_JSON);
  let rows: CatalogRow[];
  try {
    rows = (JSON.parse(readFileSync(file, 'utf8')) as { reports: CatalogRow[] }).reports;
    if (!Array.isArray(rows)) throw new Error('no list of reports');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : `it cannot be read (${(error as Error).message})`;
    return { facts: new Map(), problem: `${CATALOG_JSON}: ${why}; the index takes each report's facts from it: build the site (astro build) before indexing` };
  }
  return { facts: new Map(rows.map((row) => [row.id, factsOf(row, base)])) };
}
