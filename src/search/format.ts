/**
 * The exact-match index under `<site>/search-exact/`, written by
 * `scripts/index-search.ts` and read by the search page. Reports are
 * numbered by ordinal, in the order of their ids.
 *
 * - `catalog.json`, the only file fetched before a query: what counting,
 *   filtering and sorting need, compactly: per report small integer codes
 *   for year, province, city, agency and level (into dictionaries of their
 *   values, front-coded, `encodeDictionary`) and the date as a day number,
 *   each as a column of differences from the report before
 *   (`encodeColumn`), province, city and level as differences from their
 *   agency's (`byAgency`); the build's version; and the segments. A dictionary
 *   lists its values in the order of the reports' ids after the year
 *   (region code, then agency), so that within a year the codes rise: an
 *   archive of a million reports keeps its catalog small.
 * - `segments/<name>/`: the rest of the index is cut into segments, each a
 *   complete index of some reports (a build adds one for the reports it
 *   found new or changed, and merges small ones, `scripts/index-search/segments.ts`).
 *   A segment numbers its reports by local ordinal, in the order of their
 *   ids; the catalog maps each local ordinal to the report's ordinal, or
 *   to none when the report was changed or removed since (`encodeRuns`). A
 *   segment's files never change: its name is a digest of them. In it:
 * - `rows/<n>.json`: what a result shows that the catalog lacks (id and
 *   title), for `ROWS_PER_FILE` reports a file; fetched for the results on
 *   screen only.
 * - `postings/<n>.json`: every n-gram of one to `MAX_GRAM` characters of the
 *   normalised text whose hash falls in shard `n`, each with the reports
 *   that contain it and how often, delta-encoded (`encodePostings`). A term
 *   of up to `MAX_GRAM` characters is answered exactly by its own postings.
 * - `positions/<m>.json`: every `MAX_GRAM`-gram whose hash falls in
 *   position shard `m` (of `shards × POSITION_SHARDS_PER_SHARD`), each with
 *   where it starts in each report that holds it (`encodePositions`). A
 *   longer term is answered exactly by the positions of the `MAX_GRAM`-grams
 *   that cover it (`coverOf`): it occurs where they all occur at their
 *   offsets. No report text is needed to count or rank results.
 * - `texts/<ordinal>.json`: one report's text by section, as shown
 *   (`SectionRow[]`): fetched only for the excerpts and section links of the
 *   results on screen.
 *
 * A match never crosses a block (a paragraph, heading, list item or cell):
 * n-grams are taken inside blocks only, and a report's positions count a
 * separator between blocks, so grams of two blocks are never adjacent.
 * Text and query are normalised alike (`normalise.ts`): traditional
 * characters fold to simplified ones.
 */
import { FACET_FIELDS, type FacetField } from './filters.ts';
import { charsOf } from './normalise.ts';

export const FORMAT_VERSION = 5;

/** Elements that make a block: a match never spans two (same list for the indexer and the highlighter). */
export const BLOCK_TAGS =
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' ');
export const EXACT_DIR = 'search-exact';

/** The longest n-gram with postings: terms up to this many characters need no text to be answered. */
export const MAX_GRAM = 4;
/** Position shards per postings shard: positions are about as many as characters, so their files are cut finer. */
export const POSITION_SHARDS_PER_SHARD = 4;
/** Reports per `rows/<n>.json`. */
export const ROWS_PER_FILE = 16;

/**
 * Facets an agency almost always keeps from year to year: a report's code
 * is stored as the difference from its agency's, mostly 0.
 */
export const AGENCY_FACETS = ['province', 'city', 'level'] as const;

/** Numeric columns besides the facets: `date` (days since 1970-01-01, plus one; 0 when unknown). */
export const NUMBER_FIELDS = ['date'] as const;
export type ColumnField = FacetField | (typeof NUMBER_FIELDS)[number];

export interface CatalogFile {
  format: number;
  /** Changes whenever any index file changes; appended to later requests as `?v=`. */
  version: string;
  /** The base path the site was built with. */
  base: string;
  /** Number of reports. */
  count: number;
  rowsPerFile: number;
  /** Values of each facet (`encodeDictionary`); a report's code is an index into them (0, `''`, for none). */
  dictionaries: Record<FacetField, string>;
  /**
   * One value per report, by ordinal (`encodeColumn`); for the facets in
   * `AGENCY_FACETS`, the report's code less its agency's (`byAgency`).
   */
  columns: Record<ColumnField, string>;
  /** For each of `AGENCY_FACETS`, each agency's code (that of its first report), by agency code (`encodeColumn`). */
  byAgency: Record<(typeof AGENCY_FACETS)[number], string>;
  segments: SegmentEntry[];
}

/** One segment as the catalog lists it. */
export interface SegmentEntry {
  /** Its folder under `segments/`: a digest of its files. */
  name: string;
  /** Reports it holds (its local ordinals), live or not. */
  count: number;
  /** Number of postings shards (a power of two). */
  shards: number;
  /** The ordinal of each local ordinal, or none (`encodeRuns`). */
  ordinals: string;
}

/** One row of `rows/<n>.json`: `[id, title]`; the URL is `<base>reports/<id>/`. */
export type DisplayRow = [id: string, title: string];

/**
 * A section of a report as shown: its heading's id (`''` for what comes
 * before the first heading, the title included), the heading's depth (0 for
 * that top part) and its blocks; for a section with a heading, the first
 * block is the heading's text.
 */
export type SectionRow = [id: string, depth: number, blocks: string[]];

/** The facts the catalog keeps of one report, as the indexer reads them. */
export interface CatalogFacts {
  /** `<year>/<region code>-<agency>`: orders the dictionaries. */
  id: string;
  year: string;
  province: string;
  city: string;
  agency: string;
  level: string;
  /** YYYY-MM-DD, or `''`. */
  date: string;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Map([...DIGITS].map((digit, value) => [digit, value]));

/**
 * Values as base-64 digits, each the difference from the value before (the
 * first from 0), zigzagged (0, -1, 1, -2 … → 0, 1, 2, 3 …) and written five
 * bits a digit, least significant first, digits 32–63 saying more follow:
 * codes that rise by one take one digit each.
 */
export function encodeColumn(values: ArrayLike<number>): string {
  let out = '';
  let previous = 0;
  for (let index = 0; index < values.length; index++) {
    const difference = values[index] - previous;
    previous = values[index];
    let rest = difference >= 0 ? difference * 2 : -difference * 2 - 1;
    while (rest >= 32) {
      out += DIGITS[32 + (rest % 32)];
      rest = Math.floor(rest / 32);
    }
    out += DIGITS[rest];
  }
  return out;
}

/** The values of `encodeColumn`; throws when `text` does not hold `count` of them. */
export function decodeColumn(text: string, count: number): Int32Array {
  const values = new Int32Array(count);
  let at = 0;
  let previous = 0;
  for (let index = 0; index < count; index++) {
    let rest = 0;
    let scale = 1;
    for (;;) {
      const digit = DIGIT_VALUE.get(text[at++]);
      if (digit === undefined) throw new Error(`search index: a column holds ${index} values, expected ${count}`);
      rest += (digit % 32) * scale;
      if (digit < 32) break;
      scale *= 32;
    }
    previous += rest % 2 === 0 ? rest / 2 : -(rest + 1) / 2;
    values[index] = previous;
  }
  if (at !== text.length) throw new Error(`search index: a column holds more than ${count} values`);
  return values;
}

/**
 * Values front-coded, one a line: each starts with one base-64 digit, how
 * many characters (UTF-16 units, at most 63) it shares with the line
 * before, then the rest. Neighbours in a dictionary ordered by region share
 * the region's name.
 */
export function encodeDictionary(values: string[]): string {
  let previous = '';
  return values
    .map((value) => {
      let shared = 0;
      while (shared < 63 && shared < value.length && value[shared] === previous[shared]) shared++;
      previous = value;
      return DIGITS[shared] + value.slice(shared);
    })
    .join('\n');
}

export function decodeDictionary(text: string): string[] {
  let previous = '';
  return text.split('\n').map((line) => {
    previous = previous.slice(0, DIGIT_VALUE.get(line[0]) ?? 0) + line.slice(1);
    return previous;
  });
}

const DAY = 86_400_000;

/** `2019-01-30` → its day number plus one (0 for anything else). */
export function dayOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 0;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(time) || time < 0 ? 0 : Math.round(time / DAY) + 1;
}

/** The inverse of `dayOf`. */
export function dateOf(day: number): string {
  return day <= 0 ? '' : new Date((day - 1) * DAY).toISOString().slice(0, 10);
}

/** The catalog file (without its version) of reports' facts, by ordinal, and the segments that hold them. */
export function encodeCatalog(facts: CatalogFacts[], base: string, segments: SegmentEntry[]): CatalogFile {
  const dictionaries = {} as Record<FacetField, string>;
  const columns = {} as Record<ColumnField, string>;
  // A value's place: the first id, after the year, of a report that has it; then the value.
  const places = facts.map((fact) => fact.id.replace(/^\d{4}\//, ''));
  const codes = {} as Record<FacetField, number[]>;
  // One entry per agency in the dictionary ('' included).
  let agencies = 0;
  for (const field of FACET_FIELDS) {
    const first = new Map<string, string>();
    facts.forEach((fact, ordinal) => {
      const known = first.get(fact[field]);
      if (known === undefined || places[ordinal] < known) first.set(fact[field], places[ordinal]);
    });
    first.delete('');
    const byPlace = (a: string, b: string) => {
      const pa = first.get(a) as string;
      const pb = first.get(b) as string;
      return pa < pb ? -1 : pa > pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
    };
    const values = ['', ...[...first.keys()].sort(byPlace)];
    const code = new Map(values.map((value, index) => [value, index]));
    dictionaries[field] = encodeDictionary(values);
    codes[field] = facts.map((fact) => code.get(fact[field]) ?? 0);
    if (field === 'agency') agencies = values.length;
  }
  const byAgency = {} as CatalogFile['byAgency'];
  for (const field of FACET_FIELDS) {
    if (!(AGENCY_FACETS as readonly string[]).includes(field)) {
      columns[field] = encodeColumn(codes[field]);
      continue;
    }
    const usual = new Int32Array(agencies).fill(-1);
    codes.agency.forEach((agency, ordinal) => {
      if (usual[agency] < 0) usual[agency] = codes[field][ordinal];
    });
    byAgency[field as (typeof AGENCY_FACETS)[number]] = encodeColumn(usual.map((value) => Math.max(0, value)));
    columns[field] = encodeColumn(codes[field].map((value, ordinal) => value - Math.max(0, usual[codes.agency[ordinal]])));
  }
  columns.date = encodeColumn(facts.map((fact) => dayOf(fact.date)));
  return { format: FORMAT_VERSION, version: '', base, count: facts.length, rowsPerFile: ROWS_PER_FILE, dictionaries, columns, byAgency, segments };
}

/**
 * Ordinals (ascending, -1 for none) as runs: `d.n` for `n` consecutive
 * ordinals starting `d` after where the last run ended (0 at first), `_n`
 * for `n` that are none, joined by `,`: `[0, 1, 2, -1, 5, 6]` → `"0.3,_1,2.2"`.
 */
export function encodeRuns(ordinals: ArrayLike<number>): string {
  const runs: string[] = [];
  let end = 0;
  for (let at = 0; at < ordinals.length; ) {
    let next = at + 1;
    if (ordinals[at] < 0) {
      while (next < ordinals.length && ordinals[next] < 0) next++;
      runs.push(`_${base36(next - at)}`);
    } else {
      while (next < ordinals.length && ordinals[next] === ordinals[next - 1] + 1) next++;
      runs.push(`${base36(ordinals[at] - end)}.${base36(next - at)}`);
      end = ordinals[next - 1] + 1;
    }
    at = next;
  }
  return runs.join(',');
}

export function decodeRuns(encoded: string, count: number): Int32Array {
  const ordinals = new Int32Array(count).fill(-1);
  let at = 0;
  let end = 0;
  for (const run of encoded === '' ? [] : encoded.split(',')) {
    if (run.startsWith('_')) {
      at += parseInt(run.slice(1), 36);
      continue;
    }
    const [gap, length] = run.split('.').map((part) => parseInt(part, 36));
    for (let n = 0; n < length && at < count; n++) ordinals[at++] = end + gap + n;
    end += gap + length;
  }
  if (at !== count) throw new Error(`segment map covers ${at} reports, expected ${count}`);
  return ordinals;
}

/** A segment as the search page uses it: the ordinal of each of its local ordinals (-1: none). */
export interface Segment {
  name: string;
  shards: number;
  ordinals: Int32Array;
}

/** The catalog as the search page uses it: columns decoded, values looked up. */
export class IndexCatalog {
  readonly file: CatalogFile;
  readonly count: number;
  readonly version: string;
  readonly base: string;
  readonly segments: Segment[];
  /** The segment of each report, and its local ordinal there. */
  readonly segmentOf: Int32Array;
  readonly localOf: Int32Array;
  /** Each facet's code per report. */
  readonly codes: Record<FacetField, Int32Array>;
  /** Day numbers per report (see `dayOf`). */
  readonly days: Int32Array;
  readonly #codeOf = new Map<FacetField, Map<string, number>>();
  readonly #values = {} as Record<FacetField, string[]>;

  constructor(file: CatalogFile) {
    if (file.format !== FORMAT_VERSION) throw new Error(`search index format ${file.format}, expected ${FORMAT_VERSION}; rebuild the site`);
    this.file = file;
    this.count = file.count;
    this.version = file.version;
    this.base = file.base;
    this.segments = file.segments.map((entry) => ({ name: entry.name, shards: entry.shards, ordinals: decodeRuns(entry.ordinals, entry.count) }));
    this.segmentOf = new Int32Array(file.count).fill(-1);
    this.localOf = new Int32Array(file.count);
    this.segments.forEach(({ ordinals }, segment) => {
      ordinals.forEach((ordinal, local) => {
        if (ordinal < 0) return;
        if (ordinal >= file.count || this.segmentOf[ordinal] !== -1) throw new Error(`search index: report ${ordinal} is in two segments or out of range`);
        this.segmentOf[ordinal] = segment;
        this.localOf[ordinal] = local;
      });
    });
    if (this.segmentOf.includes(-1)) throw new Error('search index: a report is in no segment');
    this.codes = {} as Record<FacetField, Int32Array>;
    for (const field of FACET_FIELDS) {
      this.#values[field] = decodeDictionary(file.dictionaries[field]);
      this.codes[field] = decodeColumn(file.columns[field], file.count);
    }
    for (const field of AGENCY_FACETS) {
      const usual = decodeColumn(file.byAgency[field], this.#values.agency.length);
      const own = this.codes[field];
      for (let ordinal = 0; ordinal < own.length; ordinal++) own[ordinal] += usual[this.codes.agency[ordinal]] ?? 0;
    }
    this.days = decodeColumn(file.columns.date, file.count);
  }

  /** The value of a facet for report `ordinal` (`''` for none). */
  value(field: FacetField, ordinal: number): string {
    return this.#values[field][this.codes[field][ordinal]] ?? '';
  }

  /** The code of a facet value, or -1 when no report has it. */
  codeOf(field: FacetField, value: string): number {
    let codes = this.#codeOf.get(field);
    if (!codes) this.#codeOf.set(field, (codes = new Map(this.#values[field].map((entry, index) => [entry, index]))));
    return codes.get(value) ?? -1;
  }

  /** The values of a facet, by code. */
  values(field: FacetField): string[] {
    return this.#values[field];
  }

  /** YYYY-MM-DD, or `''`. */
  date(ordinal: number): string {
    return dateOf(this.days[ordinal]);
  }

  /** The report page of an id. */
  url(id: string): string {
    return `${this.base}reports/${id}/`;
  }
}

/** A file of segment `name`, by its path inside the segment. */
export const segmentFile = (name: string, path: string) => `segments/${name}/${path}`;
export const postingsFile = (shard: number) => `postings/${shard}.json`;
export const rowsFile = (ordinal: number) => `rows/${Math.floor(ordinal / ROWS_PER_FILE)}.json`;
export const textFile = (ordinal: number) => `texts/${ordinal}.json`;

export const positionsFile = (shard: number) => `positions/${shard}.json`;

/** One gram of a long term's cover: the gram and where it starts in the term (in characters). */
export interface CoverGram {
  gram: string;
  offset: number;
}

/**
 * The `MAX_GRAM`-grams that cover a normalised term longer than `MAX_GRAM`
 * characters, every character in at least one: at offsets 0, `MAX_GRAM`,
 * 2 × `MAX_GRAM`, … and the last one flush with the term's end. The term
 * occurs at `p` exactly when each gram occurs at `p + offset` (the grams
 * are taken inside blocks, so the occurrence is inside one block).
 */
export function coverOf(norm: string): CoverGram[] {
  const chars = charsOf(norm);
  if (chars.length <= MAX_GRAM) return [{ gram: norm, offset: 0 }];
  const offsets: number[] = [];
  for (let offset = 0; offset + MAX_GRAM < chars.length; offset += MAX_GRAM) offsets.push(offset);
  offsets.push(chars.length - MAX_GRAM);
  return offsets.map((offset) => ({ gram: chars.slice(offset, offset + MAX_GRAM).join(''), offset }));
}

const BASE36 = Array.from({ length: 4096 }, (_, n) => n.toString(36));
const base36 = (n: number) => (n < 4096 ? BASE36[n] : n.toString(36));

/**
 * Positions of one gram: for each report that holds it (ascending
 * ordinals), where it starts in the report's normalised text (ascending, a
 * block separator counted as one character). Given as one (ordinal, start)
 * pair an occurrence, in order, in `ordinals` and `starts` from `from` to
 * `to`; written as `delta.start.delta…` per report, base 36, reports joined
 * by `;`, the first ordinal delta from -1 and each report's first start
 * from 0: `{0: [5, 8], 3: [2]}` → `"1.5.3;3.2"`.
 */
export function encodePositions(ordinals: ArrayLike<number>, starts: ArrayLike<number>, from = 0, to = ordinals.length): string {
  let out = '';
  let previous = -1;
  let last = 0;
  for (let at = from; at < to; at++) {
    const ordinal = ordinals[at];
    if (ordinal !== previous) {
      out += `${previous === -1 ? '' : ';'}${base36(ordinal - previous)}`;
      previous = ordinal;
      last = 0;
    }
    out += `.${base36(starts[at] - last)}`;
    last = starts[at];
  }
  return out;
}

export function decodePositions(encoded: string): Map<number, Int32Array> {
  const positions = new Map<number, Int32Array>();
  if (encoded === '') return positions;
  let ordinal = -1;
  for (const entry of encoded.split(';')) {
    const parts = entry.split('.');
    ordinal += parseInt(parts[0], 36);
    const starts = new Int32Array(parts.length - 1);
    let last = 0;
    for (let index = 1; index < parts.length; index++) starts[index - 1] = last += parseInt(parts[index], 36);
    positions.set(ordinal, starts);
  }
  return positions;
}

/**
 * Postings of one key: reports (ascending ordinals) and how often each holds
 * it, in `ordinals` and `counts` from `from` to `to`; written as
 * `delta[:count]` in base 36 joined by `,` (count omitted when 1), the first
 * delta from -1. `{0: 1, 1: 3, 7: 1}` → `"1,1:3,6"`.
 */
export function encodePostings(ordinals: ArrayLike<number>, counts: ArrayLike<number>, from = 0, to = ordinals.length): string {
  let previous = -1;
  let out = '';
  for (let at = from; at < to; at++) {
    if (at > from) out += ',';
    out += base36(ordinals[at] - previous);
    if (counts[at] !== 1) out += `:${base36(counts[at])}`;
    previous = ordinals[at];
  }
  return out;
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
