/**
 * A manifest gives what a user already knows about their files. Given values
 * win over extracted ones; where the text disagrees, ingest warns.
 *
 * CSV (first row names the columns) or YAML (a list of objects). Columns:
 * file (required; relative to the manifest's folder), url, title, agency,
 * regionCode, level, year, date.
 *
 *   file,url,regionCode
 *   005.txt,https://cqjlp.gov.cn/…/t20260204_15379951.html,500107
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LEVELS, isCalendarDate, type ExtractedField, type Level } from '../../src/schema/report.ts';
import { regionForCode } from '../../src/archive/regions.ts';
import type { Hints } from './metadata/index.ts';

/**
 * The frontmatter fields a user can give (in a manifest, with --url, or by
 * locking a corrected value), each with the hint (and manifest column) it is
 * given as: the page's URL is the report's `source`.
 */
export const GIVEN_FIELDS = [
  ['source', 'url'], ['title', 'title'], ['agency', 'agency'], ['regionCode', 'regionCode'], ['level', 'level'], ['year', 'year'], ['date', 'date'],
] as const satisfies ReadonlyArray<readonly [ExtractedField, keyof Hints]>;

/** Manifest columns: the file, then what can be given (and `region`, a place name, read but only `regionCode` decides). */
const GIVEN_COLUMNS: string[] = GIVEN_FIELDS.map(([, column]) => column);
/** Columns a review manifest (`npm run review`) shows a person and ingest does not read: the fields to confirm and their candidates. */
const SHOWN_COLUMNS = ['needsReview', 'candidates'];
const COLUMNS = ['file', ...GIVEN_COLUMNS.toSpliced(GIVEN_COLUMNS.indexOf('regionCode'), 0, 'region'), ...SHOWN_COLUMNS];

/** Parse RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A report's source URL as ingest keeps it: http or https only (it becomes a link on the site). */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** A URL as shown in a message: at most 80 characters. */
export const shownUrl = (url: string) => JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}…` : url);

/** What a manifest gives: hints by resolved file path, where each entry is, and what was left out (with why). */
export interface Manifest {
  hints: Map<string, Hints>;
  /** Each entry's file (resolved) and how to name the entry in a message. */
  entries: Array<{ file: string; where: string }>;
  warnings: string[];
}

/** Read a manifest: resolved file path → hints. Errors name the manifest, the row and the field. */
export function readManifest(path: string): Map<string, Hints> {
  return readManifestFile(path).hints;
}

/**
 * Read a manifest with its notes: a value that cannot be a report's (a
 * `javascript:` URL) is left out with a warning; one that is wrong in form
 * (a regionCode not in the table, a date not in the calendar) is an error
 * naming the manifest, the entry and the field.
 */
export function readManifestFile(path: string): Manifest {
  const text = readFileSync(path, 'utf8');
  let records: Record<string, unknown>[];
  if (/\.ya?ml$/i.test(path)) {
    const doc = parseYaml(text);
    if (!Array.isArray(doc)) throw new Error(`${path}: a YAML manifest is a list of entries (- file: …); found ${typeof doc}`);
    records = doc;
  } else {
    const [head, ...rows] = parseCsv(text);
    if (!head) throw new Error(`${path}: the manifest is empty; its first row names the columns (file, url, …)`);
    const names = head.map((h) => h.trim());
    const unknown = names.filter((n) => !COLUMNS.includes(n));
    if (unknown.length > 0) throw new Error(`${path}: unknown column ${unknown.join(', ')}; expected: ${COLUMNS.join(', ')}`);
    records = rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]?.trim() ?? ''])));
  }
  const base = dirname(path);
  const hints = new Map<string, Hints>();
  const entries: Manifest['entries'] = [];
  const warnings: string[] = [];
  records.forEach((record, index) => {
    const where = `${path}: entry ${index + 1}`;
    const file = record.file;
    if (typeof file !== 'string' || file.trim() === '') throw new Error(`${where}: no file named; every entry needs the file it describes`);
    const hint: Hints = {};
    // A review manifest marks each value that a person must still confirm with a trailing ?.
    const unconfirmed = Object.entries(record).find(([key, v]) => !SHOWN_COLUMNS.includes(key) && typeof v === 'string' && v.trim().endsWith('?'));
    if (unconfirmed) {
      throw new Error(`${where}: ${unconfirmed[0]} ${unconfirmed[1]} is still to be confirmed: check it (the candidates column lists the choices), correct it if need be, and remove the ?`);
    }
    const str = (key: string) => {
      const v = record[key];
      return v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
    };
    hint.url = str('url');
    if (hint.url && !isHttpUrl(hint.url)) {
      warnings.push(`${where}: url ${shownUrl(hint.url)} is not an http(s) URL; left out (the report is archived without it)`);
      hint.url = null;
    }
    hint.title = str('title');
    hint.agency = str('agency');
    hint.region = str('region');
    hint.regionCode = str('regionCode');
    if (hint.regionCode && !(/^\d{6}$/.test(hint.regionCode) && regionForCode(hint.regionCode))) {
      throw new Error(`${where}: regionCode ${hint.regionCode} is not a GB/T 2260 code (six digits; 100000 for a central department)`);
    }
    const level = str('level');
    if (level && !(LEVELS as readonly string[]).includes(level)) throw new Error(`${where}: level ${level} is not one of ${LEVELS.join(' / ')}`);
    hint.level = level as Level | null;
    const year = str('year');
    if (year && !/^\d{4}$/.test(year)) throw new Error(`${where}: year ${year} is not a four-digit year`);
    hint.year = year ? Number(year) : null;
    const date = record.date instanceof Date ? record.date.toISOString().slice(0, 10) : str('date');
    if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${where}: date ${date} is not written YYYY-MM-DD`);
    if (date && !isCalendarDate(date)) throw new Error(`${where}: date ${date} is not a day of the calendar`);
    hint.date = date;
    hints.set(resolve(base, file), hint);
    entries.push({ file: resolve(base, file), where: `${where} (${file})` });
  });
  return { hints, entries, warnings };
}
