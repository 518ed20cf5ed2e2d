/**
 * The exact-match index under `<site>/search-exact/`, written by
 * `scripts/index-search.ts` and read by the search page:
 *
 * - `catalog.json`: one row per report ordinal (`fields` names the columns),
 *   the shard count and the build's version.
 * - `postings/<n>.json`: every unigram and bigram of the normalised text whose
 *   hash falls in shard `n`, each with the reports that contain it and how
 *   often, delta-encoded (see `encodePostings`).
 * - `texts/<n>.json`: the text of a batch of reports, by section, as shown.
 *
 * A match never crosses a block (a paragraph, heading, list item or cell):
 * bigrams are taken inside blocks only, and confirmation looks inside blocks.
 */
import { charsOf } from './normalise.ts';

export const FORMAT_VERSION = 1;

/** Elements that make a block: a match never spans two (same list for the indexer and the highlighter). */
export const BLOCK_TAGS =
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' ');
export const EXACT_DIR = 'search-exact';

export const CATALOG_FIELDS = ['id', 'url', 'title', 'agency', 'year', 'date', 'region', 'province', 'city', 'level', 'textFile'] as const;

export interface ReportRecord {
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
  city: string;
  level: string;
  /** Which `texts/<n>.json` holds this report's text. */
  textFile: number;
}

export type CatalogRow = [string, string, string, string, string, string, string, string, string, string, number];

export interface Catalog {
  format: number;
  /** Changes whenever any index file changes; appended to later requests as `?v=`. */
  version: string;
  /** The base path the site was built with. */
  base: string;
  /** Number of postings shards. */
  shards: number;
  /** Number of text files. */
  textFiles: number;
  fields: typeof CATALOG_FIELDS;
  reports: CatalogRow[];
}

/**
 * A section of a report as shown: its heading's id (`''` for what comes
 * before the first heading, the title included), the heading's depth (0 for
 * that top part) and its blocks; for a section with a heading, the first
 * block is the heading's text.
 */
export type SectionRow = [id: string, depth: number, blocks: string[]];

/** One text file: `[ordinal, sections]` pairs, by ordinal. */
export interface TextFile {
  reports: Array<[number, SectionRow[]]>;
}

export function recordOf(row: CatalogRow): ReportRecord {
  const [id, url, title, agency, year, date, region, province, city, level, textFile] = row;
  return { id, url, title, agency, year, date, region, province, city, level, textFile };
}

export function rowOf(record: ReportRecord): CatalogRow {
  return [record.id, record.url, record.title, record.agency, record.year, record.date, record.region, record.province, record.city, record.level, record.textFile];
}

/** FNV-1a over the UTF-16 units of `key`, unsigned 32 bits. */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(key: string, shards: number): number {
  return hashKey(key) % shards;
}

/** File name of shard or text file `n`: `007.json`. */
export function fileName(n: number): string {
  return `${String(n).padStart(3, '0')}.json`;
}

/**
 * The postings keys a normalised term is answered by: the term itself when it
 * has one or two characters (the answer is then exact), else its distinct
 * bigrams (candidates only, to be confirmed against the text); of a long
 * term (a pasted sentence), at most `max` bigrams spread over it, the first
 * and last included, since confirmation checks the rest.
 */
export function keysOf(norm: string, max = 12): string[] {
  const chars = charsOf(norm);
  if (chars.length <= 2) return [norm];
  const bigrams: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) bigrams.push(chars[index] + chars[index + 1]);
  const picked = bigrams.length <= max ? bigrams : Array.from({ length: max }, (_, n) => bigrams[Math.round((n * (bigrams.length - 1)) / (max - 1))]);
  return [...new Set(picked)].sort();
}

/**
 * Postings of one key: `ordinal → count`, ascending ordinals, written as
 * `delta[:count]` in base 36 joined by `,` (count omitted when 1), the first
 * delta from -1. `{0: 1, 1: 3, 7: 1}` → `"1,1:3,6"`.
 */
export function encodePostings(postings: Array<[ordinal: number, count: number]>): string {
  let previous = -1;
  return postings
    .map(([ordinal, count]) => {
      const delta = (ordinal - previous).toString(36);
      previous = ordinal;
      return count === 1 ? delta : `${delta}:${count.toString(36)}`;
    })
    .join(',');
}

export function decodePostings(encoded: string): Map<number, number> {
  const postings = new Map<number, number>();
  if (encoded === '') return postings;
  let ordinal = -1;
  for (const entry of encoded.split(',')) {
    const colon = entry.indexOf(':');
    ordinal += parseInt(colon === -1 ? entry : entry.slice(0, colon), 36);
    postings.set(ordinal, colon === -1 ? 1 : parseInt(entry.slice(colon + 1), 36));
  }
  return postings;
}
