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

/**
 * RFC 4180 CSV with a header line and CRLF line ends, a UTF-8 BOM first so
 * spreadsheet programs read the Chinese. A text cell that a spreadsheet would
 * take for a formula (it starts with =, +, -, @, a tab or a carriage return,
 * after spaces or not, half or full width) is neutralised as OWASP's CSV
 * Injection page recommends: a single quote before it, and the cell quoted.
 * `data/reports.json` keeps the values as they are.
 */
export function toCsv(rows: readonly CatalogRow[]): string {
  const lines = [CATALOG_COLUMNS.join(','), ...rows.map((row) => CATALOG_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** What a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r＝＋－＠]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
