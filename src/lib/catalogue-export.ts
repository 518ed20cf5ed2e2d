/**
 * The whole catalogue as rows, for `data/reports.json` and `data/reports.csv`.
 */
import type { ReportEntry } from './catalog.ts';
import { absoluteUrl, reportPath } from './urls.ts';

/** Columns, in order; also the CSV header. */
export const CATALOGUE_COLUMNS = [
  'id', 'url', 'title', 'agency', 'region', 'regionCode', 'level', 'year', 'date', 'dateSource',
  'signedDate', 'docNumber', 'indexNumber', 'publisher', 'source',
] as const;

export type CatalogueRow = Record<(typeof CATALOGUE_COLUMNS)[number], string | number | null>;

export function catalogueRows(reports: readonly ReportEntry[], site: URL | string): CatalogueRow[] {
  return reports.map(({ id, data }) => ({
    id,
    url: absoluteUrl(reportPath(id), site),
    title: data.title,
    agency: data.agency,
    region: data.region,
    regionCode: data.regionCode,
    level: data.level,
    year: data.year,
    date: data.date,
    dateSource: data.dateSource,
    signedDate: data.signedDate ?? null,
    docNumber: data.docNumber ?? null,
    indexNumber: data.indexNumber ?? null,
    publisher: data.publisher ?? null,
    source: data.source ?? null,
  }));
}

/** RFC 4180 CSV with a header line and CRLF line ends, a UTF-8 BOM first so spreadsheet programs read the Chinese. */
export function toCsv(rows: readonly CatalogueRow[]): string {
  const lines = [CATALOGUE_COLUMNS.join(','), ...rows.map((row) => CATALOGUE_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
