/**
 * The exact index's display rows and catalog, and the whole index of a set
 * of reports built in memory (for tests and small archives).
 */
import { ROWS_PER_FILE, encodeCatalog, rowsFile, textFile, type CatalogFile, type DisplayRow } from '../../src/search/format.ts';
import { IndexFiles } from './index-files.ts';
import type { Options } from './index-site.ts';
import { groupsFor, shardsFor, totalChars, writePostings } from './postings.ts';
import { byId, prepareReport, type Grams, type PreparedReport } from './prepare.ts';
import type { ExtractedReport } from './read-page.ts';

/**
 * The display rows of `reports` (by ordinal), whose texts are already
 * written, and what their postings are made from: the texts, taken from the
 * reports, and the number of shards and groups.
 */
export function writeRows(reports: PreparedReport[], files: IndexFiles, options: Pick<Options, 'shards' | 'groups'>): { grams: Grams[]; shards: number; groups: number } {
  for (let start = 0; start < reports.length; start += ROWS_PER_FILE) {
    const rows = reports.slice(start, start + ROWS_PER_FILE).map((report): DisplayRow => [report.id, report.title]);
    files.add(rowsFile(start), JSON.stringify(rows));
  }
  const grams = reports.map((report) => report.grams);
  // The postings take the texts over (and let them go once they have them in one array).
  for (const report of reports) report.grams = new Uint16Array(0);
  const chars = totalChars(grams);
  const shards = options.shards ?? shardsFor(chars);
  return { grams, shards, groups: options.groups ?? groupsFor(chars, shards) };
}

/** The catalog, written last: its version is a digest of every other file. */
export function writeCatalog(reports: PreparedReport[], base: string, shards: number, files: IndexFiles): CatalogFile {
  const catalog = encodeCatalog(
    reports.map((report) => report.facts),
    base,
    shards,
  );
  catalog.version = files.version(catalog);
  files.add('catalog.json', JSON.stringify(catalog));
  return catalog;
}


/** Build the exact-match index of `reports` (any order; sorted here by id) in memory. Returns file path → contents. */
export function buildExactIndex(reports: ExtractedReport[], base: string, options: Pick<Options, 'shards' | 'groups' | 'inMemory'> = {}): Map<string, string> {
  const out = new Map<string, string>();
  const files = new IndexFiles((path, contents) => out.set(path, contents));
  const sorted = [...reports].sort((a, b) => byId(a.record, b.record));
  const prepared = sorted.map((report, ordinal) => {
    const { prepared: one, text } = prepareReport(report);
    files.add(textFile(ordinal), text);
    return one;
  });
  const { grams, shards, groups } = writeRows(prepared, files, options);
  writePostings(grams, shards, groups, files, { inMemory: options.inMemory });
  writeCatalog(prepared, base, shards, files);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

