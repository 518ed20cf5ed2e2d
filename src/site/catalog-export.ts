/**
 * The whole catalog as rows, for `data/reports.json` and `data/reports.csv`:
 * the report's id and URL, then every field ingest extracted, in the schema's order.
 */
import { EXTRACTED_FIELDS } from '../schema/report.ts';
import type { ReportEntry } from './catalog.ts';
import { absoluteUrl, reportPath } from './urls.ts';

/** Columns, in order; also the CSV header. */
export const CATALOG_COLUMNS = ['id', 'url', ...EXTRACTED_FIELDS] as const;

export type CatalogRow = Record<(typeof CATALOG_COLUMNS)[number], string | number | null>;

export function catalogRows(reports: readonly ReportEntry[], site: URL | string): CatalogRow[] {
  return reports.map(({ id, data }) => {
    const row = { id, url: absoluteUrl(reportPath(id), site) } as CatalogRow;
    for (const field of EXTRACTED_FIELDS) row[field] = data[field] ?? null;
    return row;
  });
}

/** RFC 4180 CSV with a header line and CRLF line ends, a UTF-8 BOM first so spreadsheet programs read the Chinese. */
export function toCsv(rows: readonly CatalogRow[]): string {
  const lines = [CATALOG_COLUMNS.join(','), ...rows.map((row) => CATALOG_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
