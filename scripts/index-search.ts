/**
 * Index a built site for search; `npm run build` runs it after `astro build`.
 *
 *     node scripts/index-search.ts [site folder]
 *
 * The site folder defaults to env `OUT_DIR`, else `dist`. It reads the built
 * report pages (`reports/**∕index.html`): the `data-pagefind-body` region
 * without what is `data-pagefind-ignore`d or `hidden`, split into sections
 * at headings with an `id`, so what is searched is exactly what is shown
 * (parsed in worker threads, one per core, at most 4; what was read from a
 * page is cached by its bytes, `search-index/page-cache.ts`, so a rebuild
 * parses only the pages that changed). From them, two indexes:
 *
 * 1. The exact-match index (`<site>/search-exact/`, see
 *    `src/scripts/search/format.ts`): compact catalogue, display rows, the
 *    texts, and postings of every 1- to 4-gram of the normalised text. The
 *    texts are written as the pages are read; the normalised texts are held
 *    in memory (two bytes a character); one pass notes where each n-gram
 *    starts, by shard group (in temporary files when there are many), then
 *    the groups are counted one at a time (`writePostings`), so memory
 *    stays near the texts' size whatever the archive's.
 * 2. Pagefind (`<site>/pagefind/`), through its Node API, fed one small
 *    record per report (title, agency, region, year and the headings of
 *    the first two levels, without their numbers, with filters), not the
 *    bodies: the search page uses it only to offer reports whose title or
 *    headings hold similar words when the exact search finds few. Past
 *    `PAGEFIND_PART_SIZE` reports it is built in parts, one at a time,
 *    which the page merges (`mergeIndex`).
 *
 * Output is deterministic: two builds of the same site give identical bytes.
 * Problems in a page are reported with the file and go on; Pagefind errors
 * and a site without report pages set exit code 1.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SEARCH_FILTERS } from '../src/consts.ts';
import {
  BLOCK_TAGS,
  EXACT_DIR,
  MAX_GRAM,
  mix,
  ROWS_PER_FILE,
  encodeCatalog,
  postingsFile,
  rowsFile,
  textFile,
  type CatalogFacts,
  type CatalogFile,
  type DisplayRow,
  type SectionRow,
} from '../src/scripts/search/format.ts';
import { normalise } from '../src/scripts/search/normalise.ts';
import { pageCacheDirectory, pageKey, prunePageCache, readCachedPage, writeCachedPage } from './search-index/page-cache.ts';

export interface Options {
  /** Base path the site was built with (default: the search page's `data-search-base`, else env `BASE_PATH`, else `/`). */
  base?: string;
  /** Number of postings shards, a power of two (default: about 32 KiB a shard, 8 to 65536). */
  shards?: number;
  /** Shard groups, counted one at a time, a power of two dividing `shards` (default: about a million n-gram occurrences a group). */
  groups?: number;
  /** N-gram occurrences kept in memory while the postings are built; past that, temporary files (default: 2^26). */
  inMemory?: number;
  /** Run Pagefind too (default: true). */
  pagefind?: boolean;
  /** Reports per Pagefind index; more are split into parts merged in the browser (default: env `PAGEFIND_PART_SIZE`, else 25,000). */
  pagefindPartSize?: number;
  /** Worker threads that read the pages (default: one per core, at most 4; 0 reads them in this thread). */
  workers?: number;
  /** Where progress lines and messages go (default: `console.log`). */
  log?: (line: string) => void;
  /**
   * Folder of the page cache (`scripts/search-index/page-cache.ts`): what was read from
   * each page, by its bytes, so unchanged pages are not parsed again (default: its folder
   * in env `CACHE_DIR`, else `node_modules/.astro`; false: no cache).
   */
  cache?: string | false;
}

/** A report page read for the index. */
export interface ExtractedReport {
  /** `reports/2018/310113-rmzf/index.html`. */
  file: string;
  record: ReportFacts;
  sections: SectionRow[];
  /** Problems found, e.g. a missing filter. */
  messages: string[];
}

/** What a report page says about the report. */
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
  city: string;
  level: string;
}

const FIELD_OF_FILTER: Record<string, keyof ReportFacts> = {
  [SEARCH_FILTERS.year]: 'year',
  [SEARCH_FILTERS.province]: 'province',
  [SEARCH_FILTERS.city]: 'city',
  [SEARCH_FILTERS.region]: 'region',
  [SEARCH_FILTERS.agency]: 'agency',
  [SEARCH_FILTERS.level]: 'level',
};
const REQUIRED = ['title', 'agency', 'year', 'date', 'province', 'level'] as const;
const BLOCK = new Set(BLOCK_TAGS);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);
const HEADING = /^h[1-6]$/;

/**
 * Read one built report page: its catalogue facts (from the Pagefind filters
 * and meta the page carries) and its text by section, as shown.
 */
export function extractReport(html: string, file: string, base: string): ExtractedReport {
  const tree = fromHtml(html);
  const messages: string[] = [];
  const body = findElement(tree, (element) => element.properties.dataPagefindBody !== undefined);
  const id = file.replace(/^reports\//, '').replace(/\/index\.html$/, '');
  const record: ReportFacts = {
    id,
    url: `${base}reports/${id}/`,
    title: '',
    agency: '',
    year: '',
    date: '',
    region: '',
    province: '',
    city: '',
    level: '',
  };
  if (!body) {
    return { file, record, sections: [], messages: ['no `data-pagefind-body` element; expected the report in one'] };
  }

  walkElements(body, (element) => {
    const filter = stringProperty(element, 'dataPagefindFilter');
    if (filter) {
      const [name, value] = attributeValue(filter, element);
      const field = FIELD_OF_FILTER[name];
      if (field && value !== undefined) (record as unknown as Record<string, string>)[field] = value;
    }
    const meta = stringProperty(element, 'dataPagefindMeta');
    if (meta) {
      const [name, value] = attributeValue(meta, element);
      if (name === 'title' && !record.title) record.title = collapse(value ?? textOf(element));
      else if (name === 'date' && value) record.date = value;
      else if (name === 'agency' && value && !record.agency) record.agency = value;
      else if (name === 'year' && value && !record.year) record.year = value;
    }
  });
  if (!record.region) record.region = record.city || record.province;
  for (const field of REQUIRED) {
    if (!record[field]) messages.push(`missing ${field}; expected a data-pagefind-filter or data-pagefind-meta that gives it`);
  }

  const sections = sectionsOf(body);
  if (sections.every(([, , blocks]) => blocks.length === 0)) messages.push('no text in the report body');
  return { file, record, sections, messages };
}

/** `name[data-value]` reads the attribute; `name:value` is the value itself; `name` alone is the element's text. */
function attributeValue(spec: string, element: Element): [string, string | undefined] {
  const attribute = /^(.+?)\[([\w-]+)\]$/.exec(spec);
  if (attribute) {
    const property = attribute[2].replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const value = element.properties[property];
    return [attribute[1], value === undefined || value === null ? undefined : String(value)];
  }
  const colon = spec.indexOf(':');
  if (colon !== -1) return [spec.slice(0, colon), spec.slice(colon + 1)];
  return [spec, undefined];
}

function sectionsOf(body: Element): SectionRow[] {
  const sections: SectionRow[] = [['', 0, []]];
  let current = '';
  const flush = () => {
    const text = collapse(current);
    if (text) sections[sections.length - 1][2].push(text);
    current = '';
  };
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') current += node.value;
      if (node.type !== 'element' || isSkipped(node)) continue;
      const id = stringProperty(node, 'id');
      if (HEADING.test(node.tagName) && id) {
        flush();
        sections.push([id, Number(node.tagName.slice(1)), []]);
        current = visibleText(node);
        flush();
      } else if (node.tagName === 'br') {
        current += ' ';
      } else if (BLOCK.has(node.tagName)) {
        flush();
        walk(node.children);
        flush();
      } else {
        walk(node.children);
      }
    }
  };
  walk(body.children);
  flush();
  return sections[0][2].length === 0 && sections.length > 1 ? sections.slice(1) : sections;
}

function isSkipped(element: Element): boolean {
  const { properties } = element;
  return SKIP.has(element.tagName) || properties.dataPagefindIgnore !== undefined || properties.hidden === true || properties.hidden === '';
}

function visibleText(element: Element): string {
  return element.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !isSkipped(child) ? visibleText(child) : ''))
    .join('');
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

/** HTML whitespace collapsed as a browser shows it; NBSP and U+3000 are kept. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function findElement(tree: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const node of tree.children as Array<RootContent | ElementContent>) {
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    const found = findElement(node, test);
    if (found) return found;
  }
  return undefined;
}

function walkElements(element: Element, visit: (element: Element) => void): void {
  for (const node of element.children) {
    if (node.type !== 'element') continue;
    visit(node);
    walkElements(node, visit);
  }
}

// ---------------------------------------------------------------------------
// One report, ready to index

/** Normalised characters of a report's blocks as code points, 0 after each block: what n-grams are taken from. */
export type Grams = Uint16Array | Uint32Array;

/** A report as the index keeps it. */
export interface PreparedReport {
  id: string;
  title: string;
  facts: CatalogFacts;
  /** Region, for Pagefind. */
  region: string;
  /** Texts of the headings down to `PAGEFIND_HEADING_DEPTH` (一、 and （一）), in order, for Pagefind. */
  headings: string[];
  grams: Grams;
  /** Digest of the text file's contents. */
  textDigest: string;
}

/** Pagefind gets headings down to `<h3>` (一、, （一）); the many `<h4>` items (1、) would double its memory. */
export const PAGEFIND_HEADING_DEPTH = 3;

export const digestOf = (contents: string) => createHash('sha256').update(contents).digest('hex').slice(0, 20);

export function gramsOf(sections: SectionRow[]): Grams {
  const points: number[] = [];
  let wide = false;
  for (const [, , blocks] of sections) {
    for (const block of blocks) {
      const norm = normalise(block);
      if (norm === '') continue;
      for (const char of norm) {
        const point = char.codePointAt(0) as number;
        if (point > 0xffff) wide = true;
        points.push(point);
      }
      points.push(0);
    }
  }
  return wide ? Uint32Array.from(points) : Uint16Array.from(points);
}

/** A report's text file and what the index keeps of it. */
export function prepareReport(report: ExtractedReport): { prepared: PreparedReport; text: string } {
  const text = JSON.stringify(report.sections);
  const { record } = report;
  return {
    text,
    prepared: {
      id: record.id,
      title: record.title,
      facts: {
        year: record.year,
        province: record.province,
        city: record.city,
        agency: record.agency,
        level: record.level,
        date: record.date,
        textBytes: Buffer.byteLength(text),
      },
      region: record.region,
      headings: report.sections.filter(([id, depth, blocks]) => id !== '' && depth <= PAGEFIND_HEADING_DEPTH && blocks.length > 0).map(([, , blocks]) => blocks[0]),
      grams: gramsOf(report.sections),
      textDigest: digestOf(text),
    },
  };
}

// ---------------------------------------------------------------------------
// Writing the index

/** Where index files go, and the digest of each, for the version. */
export class IndexFiles {
  readonly digests = new Map<string, string>();
  readonly sizes = new Map<string, number>();
  bytes = 0;
  count = 0;
  readonly #write: (path: string, contents: string) => void;

  constructor(write: (path: string, contents: string) => void) {
    this.#write = write;
  }

  add(path: string, contents: string): void {
    this.#write(path, contents);
    this.record(path, digestOf(contents), Buffer.byteLength(contents));
  }

  /** A file written elsewhere (a worker). */
  record(path: string, digest: string, bytes: number): void {
    this.digests.set(path, digest);
    this.sizes.set(path, bytes);
    this.bytes += bytes;
    this.count++;
  }

  /** The version: a digest of every file and the catalogue. */
  version(catalog: CatalogFile): string {
    const hash = createHash('sha256');
    for (const path of [...this.digests.keys()].sort()) hash.update(`${path}\0${this.digests.get(path)}\n`);
    hash.update(JSON.stringify(catalog));
    return hash.digest('hex').slice(0, 12);
  }
}

const pow2 = (value: number) => 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, value))));
const totalChars = (grams: Grams[]) => grams.reduce((sum, list) => sum + list.length, 0);

/** Postings bytes come to about this many per normalised character (measured on generated reports). */
const BYTES_PER_CHAR = 5;
/** N-gram occurrences one group counts, about: its table then stays in the processor's cache. */
const OCCURRENCES_PER_GROUP = 1 << 20;
/** Past this many n-gram occurrences (4 bytes each), their lists go to temporary files rather than memory. */
const OCCURRENCES_IN_MEMORY = 1 << 26;

/** Shards of about 32 KiB. */
export function shardsFor(chars: number): number {
  return Math.min(65536, Math.max(8, pow2((chars * BYTES_PER_CHAR) / (32 * 1024))));
}

/** Groups of about `OCCURRENCES_PER_GROUP` occurrences. */
export function groupsFor(chars: number, shards: number): number {
  return Math.min(shards, pow2((chars * MAX_GRAM) / OCCURRENCES_PER_GROUP));
}

/**
 * The postings of one shard group while it is built: an open-addressing
 * table of n-grams (up to four UTF-16 units, packed in two integers; n-grams
 * with characters outside the BMP go to a plain map), each with the report
 * being counted, and an append-only list of (n-gram, report, count) for the
 * reports counted before, all in typed arrays, so counting an occurrence
 * allocates nothing.
 */
class GramTable {
  size = 0;
  #slots: Int32Array;
  #mask: number;
  readonly #shift: number;
  hashes: Int32Array;
  keyA: Int32Array;
  keyB: Int32Array;
  lengths: Uint8Array;
  /** Keys of the n-grams outside the BMP, by entry. */
  readonly wideKeys = new Map<number, string>();
  readonly #wide = new Map<string, number>();
  last: Int32Array;
  count: Int32Array;
  nodes = 0;
  nodeEntry: Int32Array;
  nodeOrdinal: Int32Array;
  nodeCount: Int32Array;

  /** `shift`: the low bits of the hash that are the same for the whole group; `expected`: postings entries to make room for. */
  constructor(shift: number, expected: number) {
    this.#shift = shift;
    const entries = Math.max(1024, Math.ceil(expected / 16));
    const slots = 2 ** Math.ceil(Math.log2(entries * 2));
    this.#slots = new Int32Array(slots).fill(-1);
    this.#mask = slots - 1;
    this.hashes = new Int32Array(entries);
    this.keyA = new Int32Array(entries);
    this.keyB = new Int32Array(entries);
    this.lengths = new Uint8Array(entries);
    this.last = new Int32Array(entries);
    this.count = new Int32Array(entries);
    const nodes = Math.max(4096, Math.ceil(expected * 1.1));
    this.nodeEntry = new Int32Array(nodes);
    this.nodeOrdinal = new Int32Array(nodes);
    this.nodeCount = new Int32Array(nodes);
  }

  /** Count one occurrence, in report `ordinal`, of the BMP n-gram `length` units long packed as `a`, `b`. */
  add(hash: number, a: number, b: number, length: number, ordinal: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (hash >>> this.#shift) & mask;
    let entry = slots[slot];
    while (entry !== -1) {
      if (this.hashes[entry] === hash && this.keyA[entry] === a && this.keyB[entry] === b && this.lengths[entry] === length) {
        this.#count(entry, ordinal);
        return;
      }
      slot = (slot + 1) & mask;
      entry = slots[slot];
    }
    entry = this.#create(hash, ordinal);
    this.keyA[entry] = a;
    this.keyB[entry] = b;
    this.lengths[entry] = length;
    slots[slot] = entry;
    if (this.size * 2 > mask) this.#grow();
  }

  /** Count one occurrence of an n-gram with a character outside the BMP. */
  addWide(hash: number, key: string, ordinal: number): void {
    const entry = this.#wide.get(key);
    if (entry !== undefined) return this.#count(entry, ordinal);
    const created = this.#create(hash, ordinal);
    this.lengths[created] = 0;
    this.#wide.set(key, created);
    this.wideKeys.set(created, key);
  }

  #count(entry: number, ordinal: number): void {
    if (this.last[entry] === ordinal) {
      this.count[entry]++;
      return;
    }
    this.#push(entry);
    this.last[entry] = ordinal;
    this.count[entry] = 1;
  }

  /** Move the report being counted to the list. */
  #push(entry: number): void {
    if (this.nodes === this.nodeOrdinal.length) {
      this.nodeEntry = grow(this.nodeEntry);
      this.nodeOrdinal = grow(this.nodeOrdinal);
      this.nodeCount = grow(this.nodeCount);
    }
    const node = this.nodes++;
    this.nodeEntry[node] = entry;
    this.nodeOrdinal[node] = this.last[entry];
    this.nodeCount[node] = this.count[entry];
  }

  #create(hash: number, ordinal: number): number {
    if (this.size === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.keyA = grow(this.keyA);
      this.keyB = grow(this.keyB);
      this.lengths = grow(this.lengths);
      this.last = grow(this.last);
      this.count = grow(this.count);
    }
    const entry = this.size++;
    this.hashes[entry] = hash;
    this.last[entry] = ordinal;
    this.count[entry] = 1;
    return entry;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      if (this.lengths[entry] === 0) continue;
      let slot = (this.hashes[entry] >>> this.#shift) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.#slots = slots;
    this.#mask = mask;
  }

  key(entry: number): string {
    const length = this.lengths[entry];
    if (length === 0) return this.wideKeys.get(entry) as string;
    const a = this.keyA[entry];
    const b = this.keyB[entry];
    const units = [a >>> 16, a & 0xffff, b >>> 16, b & 0xffff];
    return String.fromCharCode(...units.slice(0, length));
  }

  /**
   * Close the counting and put every entry's postings together: `order` is
   * the entries in output order; returns for each position in `order` where
   * its postings start in the returned `ordinals` and `counts` (a stable
   * counting sort, so each entry's reports stay ascending).
   */
  finish(order: Int32Array): { starts: Int32Array; ordinals: Int32Array; counts: Int32Array } {
    for (let entry = 0; entry < this.size; entry++) this.#push(entry);
    const rank = new Int32Array(this.size);
    for (let position = 0; position < order.length; position++) rank[order[position]] = position;
    const starts = new Int32Array(order.length + 1);
    for (let node = 0; node < this.nodes; node++) starts[rank[this.nodeEntry[node]] + 1]++;
    for (let position = 0; position < order.length; position++) starts[position + 1] += starts[position];
    const fill = starts.slice(0, order.length);
    const ordinals = new Int32Array(this.nodes);
    const counts = new Int32Array(this.nodes);
    for (let node = 0; node < this.nodes; node++) {
      const at = fill[rank[this.nodeEntry[node]]]++;
      ordinals[at] = this.nodeOrdinal[node];
      counts[at] = this.nodeCount[node];
    }
    return { starts, ordinals, counts };
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

const BASE36 = Array.from({ length: 4096 }, (_, n) => n.toString(36));
const base36 = (n: number) => (n < 4096 ? BASE36[n] : n.toString(36));

/** `encodePostings` of `ordinals`/`counts` from `start` to `end`. */
function encodeRange(ordinals: Int32Array, counts: Int32Array, start: number, end: number): string {
  let previous = -1;
  let out = '';
  for (let at = start; at < end; at++) {
    const ordinal = ordinals[at];
    const count = counts[at];
    if (at > start) out += ',';
    out += base36(ordinal - previous);
    if (count !== 1) out += `:${base36(count)}`;
    previous = ordinal;
  }
  return out;
}

/**
 * Where each group's n-grams start in the texts (position × 4 + length - 1),
 * in ascending order: in memory, or, past `OCCURRENCES_IN_MEMORY`, appended
 * in chunks to one temporary file a group and read back one group at a time.
 */
class Occurrences {
  readonly #lists: Uint32Array[];
  readonly #used: Int32Array;
  readonly #folder: string | undefined;

  constructor(groups: number, expected: number, spill: string | undefined) {
    this.#folder = spill;
    if (spill) mkdirSync(spill, { recursive: true });
    const size = spill ? 1 << 14 : Math.ceil((expected / groups) * 1.05) + 1024;
    this.#lists = Array.from({ length: groups }, () => new Uint32Array(size));
    this.#used = new Int32Array(groups);
  }

  add(group: number, value: number): void {
    let list = this.#lists[group];
    if (this.#used[group] === list.length) {
      if (this.#folder) {
        this.#flush(group);
      } else {
        list = grow(list);
        this.#lists[group] = list;
      }
    }
    list[this.#used[group]++] = value;
  }

  #flush(group: number): void {
    const list = this.#lists[group];
    appendFileSync(join(this.#folder as string, `${group}`), new Uint8Array(list.buffer, list.byteOffset, this.#used[group] * 4));
    this.#used[group] = 0;
  }

  /** Group `group`'s list, once; its memory (or file) is let go. */
  take(group: number): Uint32Array {
    if (!this.#folder) {
      const list = this.#lists[group].subarray(0, this.#used[group]);
      this.#lists[group] = new Uint32Array(0);
      return list;
    }
    this.#flush(group);
    const file = join(this.#folder, `${group}`);
    if (!existsSync(file)) return new Uint32Array(0);
    const bytes = readFileSync(file);
    rmSync(file);
    // A copy of its own: aligned, and transferable to a worker (a small Buffer shares Node's pool).
    const list = new Uint32Array(bytes.byteLength / 4);
    new Uint8Array(list.buffer).set(bytes);
    return list;
  }

  close(): void {
    if (this.#folder) rmSync(this.#folder, { recursive: true, force: true });
  }
}

/** The texts in one array (shared with worker threads), and where each group's n-grams start in it. */
interface NotedGrams {
  /** Every report's characters, a 0 after each report. */
  points: Uint16Array | Uint32Array;
  /** Where report `ordinal` starts in `points`; one more at the end. */
  starts: Int32Array;
  occurrences: Occurrences;
}

/**
 * The first pass of the postings: put the texts in one array (taking them
 * over from `grams`) and note, by shard group, where each n-gram starts.
 */
function noteGrams(grams: Grams[], shards: number, groups: number, options: { log?: (line: string) => void; spill?: string; inMemory?: number }): NotedGrams {
  const powerOfTwo = (n: number) => n >= 1 && (n & (n - 1)) === 0;
  if (!powerOfTwo(shards) || !powerOfTwo(groups) || groups > shards) throw new Error(`shards (${shards}) and groups (${groups}) must be powers of two, groups ≤ shards`);
  const started = performance.now();
  // All texts in one array, a 0 after each report.
  let total = 0;
  for (const text of grams) total += text.length + 1;
  if (total * 4 >= 2 ** 32) throw new Error(`the texts have ${total} characters, more than the index can address (2^30)`);
  const wide = grams.some((text) => text instanceof Uint32Array);
  const points = wide ? new Uint32Array(new SharedArrayBuffer(total * 4)) : new Uint16Array(new SharedArrayBuffer(total * 2));
  const starts = new Int32Array(new SharedArrayBuffer((grams.length + 1) * 4));
  for (let ordinal = 0, at = 0; ordinal < grams.length; ordinal++) {
    starts[ordinal] = at;
    points.set(grams[ordinal], at);
    at += grams[ordinal].length + 1;
  }
  starts[grams.length] = total;
  grams.fill(new Uint16Array(0));

  const expected = total * MAX_GRAM;
  const spill = expected > (options.inMemory ?? OCCURRENCES_IN_MEMORY) ? (options.spill ?? mkdtempSync(join(tmpdir(), 'index-search-'))) : undefined;
  const occurrences = new Occurrences(groups, expected, spill);
  const groupMask = groups - 1;
  for (let start = 0; start < total; start++) {
    let hash = 0x811c9dc5 | 0;
    for (let n = 0; n < MAX_GRAM; n++) {
      const point = points[start + n];
      if (point === 0) break;
      if (point > 0xffff) {
        hash = Math.imul(hash ^ (0xd800 + ((point - 0x10000) >> 10)), 0x01000193);
        hash = Math.imul(hash ^ (0xdc00 + ((point - 0x10000) & 0x3ff)), 0x01000193);
      } else {
        hash = Math.imul(hash ^ point, 0x01000193);
      }
      occurrences.add(mix(hash) & groupMask, start * 4 + n);
    }
  }
  options.log?.(`search-exact: ${total} characters, n-grams noted${spill ? ' in temporary files' : ''} in ${seconds(started)}`);
  return { points, starts, occurrences };
}

/** Count the n-grams of one group (`list`: where they start, as `Occurrences` keeps them) and write its shards. */
function countGroup(list: Uint32Array, points: Uint16Array | Uint32Array, starts: Int32Array, group: number, groups: number, shards: number, files: IndexFiles): void {
  const groupShift = Math.log2(groups);
  const count = list.length;
  const table = new GramTable(groupShift, count / 2);
  for (let at = 0, ordinal = 0; at < count; at++) {
    const start = list[at] >>> 2;
    const length = (list[at] & 3) + 1;
    while (starts[ordinal + 1] <= start) ordinal++;
    let hash = 0x811c9dc5 | 0;
    let a = 0;
    let b = 0;
    let wide = false;
    for (let n = 0; n < length; n++) {
      const point = points[start + n];
      if (point > 0xffff) {
        wide = true;
        hash = Math.imul(hash ^ (0xd800 + ((point - 0x10000) >> 10)), 0x01000193);
        hash = Math.imul(hash ^ (0xdc00 + ((point - 0x10000) & 0x3ff)), 0x01000193);
      } else {
        hash = Math.imul(hash ^ point, 0x01000193);
        if (n === 0) a = point << 16;
        else if (n === 1) a |= point;
        else if (n === 2) b = point << 16;
        else b |= point;
      }
    }
    const mixed = mix(hash);
    if (wide) table.addWide(mixed, String.fromCodePoint(...points.subarray(start, start + length)), ordinal);
    else table.add(mixed, a, b, length, ordinal);
  }
  writeGroup(table, group, groups, shards / groups, groupShift, shards, files);
}

const groupProgress = (group: number, groups: number, started: number, log?: (line: string) => void) => {
  if (log && groups >= 64 && (group + 1) % (groups / 4) === 0) log(`search-exact: postings group ${group + 1}/${groups} at ${seconds(started)}`);
};

/**
 * Write `postings/<n>.json` for every shard: the n-grams (1 to `MAX_GRAM`
 * characters, inside a block) of each report in `grams` (by ordinal).
 *
 * An n-gram's hash picks its shard, and the shard's low bits its group. One
 * pass over the texts notes where each group's n-grams start (4 bytes an
 * occurrence; in temporary files under `spill` when there are many); then
 * each group is counted with a table small enough to stay in the
 * processor's cache, and its shards written. Memory holds the texts (2 bytes
 * a character) and one group's postings.
 */
export function writePostings(
  grams: Grams[],
  shards: number,
  groups: number,
  files: IndexFiles,
  options: { log?: (line: string) => void; spill?: string; inMemory?: number } = {},
): void {
  const started = performance.now();
  const { points, starts, occurrences } = noteGrams(grams, shards, groups, options);
  try {
    for (let group = 0; group < groups; group++) {
      countGroup(occurrences.take(group), points, starts, group, groups, shards, files);
      groupProgress(group, groups, started, options.log);
    }
  } finally {
    occurrences.close();
  }
}

/**
 * `writePostings`, the groups counted in `workers` worker threads that share
 * the texts and write the shards into `folder` themselves. Same bytes.
 */
export async function writePostingsInWorkers(
  grams: Grams[],
  shards: number,
  groups: number,
  files: IndexFiles,
  folder: string,
  workers: number,
  options: { log?: (line: string) => void; spill?: string; inMemory?: number } = {},
): Promise<void> {
  const started = performance.now();
  const { points, starts, occurrences } = noteGrams(grams, shards, groups, options);
  mkdirSync(join(folder, dirname(postingsFile(0))), { recursive: true });
  const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { role: COUNT_ROLE, points, starts, groups, shards, folder } }));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolveWorker, fail) => {
            const send = () => {
              if (next >= groups) return resolveWorker();
              const list = occurrences.take(next);
              worker.postMessage({ group: next++, list }, [list.buffer as ArrayBuffer]);
            };
            worker.on('message', (written: Array<[string, string, number]>) => {
              for (const [path, digest, bytes] of written) files.record(path, digest, bytes);
              groupProgress(done++, groups, started, options.log);
              send();
            });
            worker.on('error', fail);
            worker.on('exit', (code) => (code !== 0 ? fail(new Error(`postings worker stopped with exit code ${code}`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    occurrences.close();
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

const COUNT_ROLE = 'index-search: count postings';

if (workerData?.role === COUNT_ROLE && parentPort) {
  const { points, starts, groups, shards, folder } = workerData as { points: Uint16Array | Uint32Array; starts: Int32Array; groups: number; shards: number; folder: string };
  const port = parentPort;
  port.on('message', ({ group, list }: { group: number; list: Uint32Array }) => {
    const written: Array<[string, string, number]> = [];
    const files = new IndexFiles((path, contents) => writeFileSync(join(folder, path), contents));
    countGroup(list, points, starts, group, groups, shards, files);
    for (const [path, digest] of files.digests) written.push([path, digest, files.sizes.get(path) ?? 0]);
    port.postMessage(written);
  });
}

/** The shards of one group (`group + k × groups`): keys sorted, postings encoded. */
function writeGroup(table: GramTable, group: number, groups: number, perGroup: number, groupShift: number, shards: number, files: IndexFiles): void {
  const byShard: number[][] = Array.from({ length: perGroup }, () => []);
  for (let entry = 0; entry < table.size; entry++) byShard[(table.hashes[entry] & (shards - 1)) >>> groupShift].push(entry);
  const keys: string[] = new Array(table.size);
  const order = new Int32Array(table.size);
  const shardEnds: number[] = [];
  let position = 0;
  for (const entries of byShard) {
    for (const entry of entries) keys[entry] = table.key(entry);
    entries.sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
    for (const entry of entries) order[position++] = entry;
    shardEnds.push(position);
  }
  const { starts, ordinals, counts } = table.finish(order);
  position = 0;
  for (let index = 0; index < perGroup; index++) {
    let out = '{';
    for (const first = position; position < shardEnds[index]; position++) {
      out += `${position > first ? ',' : ''}${JSON.stringify(keys[order[position]])}:"${encodeRange(ordinals, counts, starts[position], starts[position + 1])}"`;
    }
    files.add(postingsFile(group + index * groups), `${out}}`);
  }
}

/**
 * The display rows of `reports` (by ordinal), whose texts are already
 * written, and what their postings are made from: the texts, taken from the
 * reports, and the number of shards and groups.
 */
function writeRows(reports: PreparedReport[], files: IndexFiles, options: Pick<Options, 'shards' | 'groups'>): { grams: Grams[]; shards: number; groups: number } {
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

/** The catalogue, written last: its version is a digest of every other file. */
function writeCatalog(reports: PreparedReport[], base: string, shards: number, files: IndexFiles): CatalogFile {
  const catalog = encodeCatalog(
    reports.map((report) => report.facts),
    base,
    shards,
  );
  catalog.version = files.version(catalog);
  files.add('catalog.json', JSON.stringify(catalog));
  return catalog;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

// ---------------------------------------------------------------------------
// Pagefind

/** A heading without its number (`一、`, `（二）`, `3.`): what is left is what a reader would search for. */
const withoutNumber = (heading: string) => heading.replace(/^\s*(?:[（(]?[一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇\d]+[、.．])\s*/u, '');

/** Pagefind's record of a report: what the search page offers as 相近 results. */
export function pagefindRecord(report: PreparedReport) {
  const { facts } = report;
  const filters: Record<string, string[]> = {};
  const filter = (name: string, value: string) => {
    if (value) filters[name] = [value];
  };
  filter(SEARCH_FILTERS.year, facts.year);
  filter(SEARCH_FILTERS.province, facts.province);
  filter(SEARCH_FILTERS.city, facts.city);
  filter(SEARCH_FILTERS.agency, facts.agency);
  filter(SEARCH_FILTERS.level, facts.level);
  return {
    url: `/reports/${report.id}/`,
    content: [report.title, facts.agency, report.region, facts.year ? `${facts.year}年度` : '', ...report.headings.map(withoutNumber)].filter(Boolean).join('\n'),
    language: 'zh-cn',
    meta: { title: report.title, agency: facts.agency, year: facts.year, date: facts.date },
    filters,
    sort: { date: facts.date },
  };
}

/**
 * Reports one Pagefind index takes at most; more are indexed in parts, one
 * at a time, merged by the search page. Pagefind's memory grows with the
 * text: these records (some 400 characters each) take about 180 KB each, so
 * 20,000 reports take 3.5 GB in one index. Parts are a last resort: Pagefind
 * drops a query word that a part does not know, so a split index finds the
 * reports one index finds and some more (`tests/browser/search-offers-similar-reports.test.ts`).
 */
export const PAGEFIND_PART_SIZE = 25_000;

/** The folder of Pagefind part `n` inside `pagefind/`: the first part is `pagefind/` itself. */
export const pagefindPart = (n: number) => (n === 0 ? '' : `part${n + 1}/`);

/**
 * Index `reports` with Pagefind into `<dir>/pagefind/`: in parts of at most
 * `partSize` reports (by ordinal, so mostly by year), the first part in
 * `pagefind/`, the others in `pagefind/part2/`, …, listed in
 * `pagefind/parts.json` for the search page to merge (`mergeIndex`). One
 * part is in memory at a time. Resolves once the first part's records are
 * added, with `written`, which resolves once every file is written: the
 * Pagefind binary builds them in its own process meanwhile.
 */
async function startPagefind(reports: PreparedReport[], dir: string, partSize: number, log: (line: string) => void): Promise<{ written: Promise<string[]> }> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  const problems: string[] = [];
  const out = join(dir, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const parts: PreparedReport[][] = [];
  const count = Math.ceil(reports.length / partSize);
  for (let n = 0; n < count; n++) parts.push(reports.slice(Math.floor((n * reports.length) / count), Math.floor(((n + 1) * reports.length) / count)));
  const add = async (list: PreparedReport[]) => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    problems.push(...errors.map((error) => `pagefind: ${error}`));
    if (!index) return undefined;
    for (let start = 0; start < list.length; start += 500) {
      const added = await Promise.all(list.slice(start, start + 500).map((report) => index.addCustomRecord(pagefindRecord(report))));
      for (const { errors: recordErrors } of added) problems.push(...recordErrors.map((error) => `pagefind: ${error}`));
    }
    return index;
  };
  const write = async (index: Awaited<ReturnType<typeof add>>, part: number) => {
    if (!index) return;
    const written = await index.writeFiles({ outputPath: join(out, pagefindPart(part)) });
    problems.push(...written.errors.map((error) => `pagefind: ${error}`));
    await index.deleteIndex();
  };
  const first = await add(parts[0]);
  const written = (async () => {
    try {
      await write(first, 0);
      for (let part = 1; part < parts.length; part++) await write(await add(parts[part]), part);
      writeFileSync(join(out, 'parts.json'), JSON.stringify(parts.map((_, part) => pagefindPart(part))));
      log(`pagefind: ${reports.length} records${parts.length > 1 ? ` in ${parts.length} parts` : ''} in ${seconds(started)}`);
    } catch (error) {
      problems.push(`pagefind: ${(error as Error).message}`);
    } finally {
      await pagefind.close();
    }
    return problems;
  })();
  return { written };
}

// ---------------------------------------------------------------------------
// Reading the site

/** Every `index.html` under `reports/`, as paths inside the site, sorted by report id. */
function reportFiles(dir: string): string[] {
  const root = join(dir, 'reports');
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found.map((file) => ({ file, id: idOf(file) })).sort(byId).map(({ file }) => file);
}

const idOf = (file: string) => file.replace(/^reports\//, '').replace(/\/index\.html$/, '');

/** The base path the search page was built with, from its `data-search-base`. */
function builtBase(dir: string): string | undefined {
  const file = join(dir, 'search', 'index.html');
  if (!existsSync(file)) return undefined;
  const match = /data-search-base="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  return match?.[1];
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** What reading one page gives back (from a worker or this thread). */
interface ReadResult {
  index: number;
  /** No `data-pagefind-body`: not a report page. */
  skipped: boolean;
  messages: string[];
  prepared?: PreparedReport;
  textBytes?: number;
  /** The page's key in the page cache, when there is one. */
  key?: string;
  /** Taken from the page cache rather than parsed. */
  fromCache?: boolean;
}

const WORKER_ROLE = 'index-search: read pages';

/** What the page cache keeps of a page besides its text: all of `PreparedReport` but the n-grams, which the text gives. */
interface CachedHeader {
  prepared: Omit<PreparedReport, 'grams'>;
  messages: string[];
}

/**
 * Read page `file`, write its text to `<stage>/texts/<index>.json`. With a
 * `cache` folder (`page-cache.ts`), a page read before is taken from it.
 */
function readPage(dir: string, stage: string, base: string, file: string, index: number, cache: string | undefined): ReadResult {
  const html = readFileSync(join(dir, file), 'utf8');
  if (!html.includes('data-pagefind-body')) return { index, skipped: true, messages: [] };
  const key = cache === undefined ? undefined : pageKey(file, base, html);
  const cached = key === undefined ? undefined : readCachedPage<CachedHeader>(cache as string, key);
  if (cached && key) {
    const sections = JSON.parse(cached.text) as SectionRow[];
    writeFileSync(join(stage, textFile(index)), cached.text);
    const prepared: PreparedReport = { ...cached.header.prepared, grams: gramsOf(sections) };
    return { index, skipped: false, messages: cached.header.messages, prepared, textBytes: Buffer.byteLength(cached.text), key, fromCache: true };
  }
  const report = extractReport(html, file, base);
  const { prepared, text } = prepareReport(report);
  writeFileSync(join(stage, textFile(index)), text);
  if (key) {
    const { grams: _, ...rest } = prepared;
    writeCachedPage(cache as string, key, { prepared: rest, messages: report.messages } satisfies CachedHeader, text);
  }
  return { index, skipped: false, messages: report.messages, prepared, textBytes: Buffer.byteLength(text), key };
}

/** Read every page, in worker threads when `workers` > 0; results come back in any order. */
async function readPages(dir: string, stage: string, base: string, files: string[], workers: number, cache: string | undefined, onResult: (result: ReadResult) => void): Promise<void> {
  if (workers === 0 || files.length < 50) {
    files.forEach((file, index) => onResult(readPage(dir, stage, base, file, index, cache)));
    return;
  }
  let next = 0;
  const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { role: WORKER_ROLE, dir, stage, base, cache } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            let inFlight = 0;
            const send = () => {
              while (inFlight < 4 && next < files.length) {
                worker.postMessage({ file: files[next], index: next });
                next++;
                inFlight++;
              }
              if (inFlight === 0) done();
            };
            worker.on('message', (result: ReadResult) => {
              inFlight--;
              onResult(result);
              send();
            });
            worker.on('error', fail);
            worker.on('exit', (code) => (code !== 0 ? fail(new Error(`index worker stopped with exit code ${code}`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}

if (workerData?.role === WORKER_ROLE && parentPort) {
  const { dir, stage, base, cache } = workerData as { dir: string; stage: string; base: string; cache: string | undefined };
  const port = parentPort;
  port.on('message', ({ file, index }: { file: string; index: number }) => {
    const result = readPage(dir, stage, base, file, index, cache);
    port.postMessage(result, result.prepared ? [result.prepared.grams.buffer as ArrayBuffer] : []);
  });
}

/** Index the built site in `dir`. Returns the problems that make the build fail. */
export async function indexSite(dir: string, options: Options = {}): Promise<{ fatal: string[]; warnings: string[]; reports: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (!existsSync(dir)) return { fatal: [`No built site at ${dir}; run astro build first or pass the site folder`], warnings, reports: 0 };

  const fromPage = builtBase(dir);
  const base = normaliseBase(options.base ?? fromPage ?? process.env.BASE_PATH ?? '/');
  const asked = options.base ?? process.env.BASE_PATH;
  if (fromPage !== undefined && asked !== undefined && normaliseBase(asked) !== normaliseBase(fromPage)) {
    fatal.push(`Base path ${normaliseBase(asked)} differs from ${fromPage}, which search/index.html was built with; build and index with the same BASE_PATH`);
  }
  if (fromPage === undefined) warnings.push(`search/index.html: missing or without data-search-base; using base path ${base}`);

  // Read the pages; texts go straight to a staging folder.
  const started = performance.now();
  const out = join(dir, EXACT_DIR);
  const stage = `${out}.new`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'texts'), { recursive: true });
  const pages = reportFiles(dir);
  const results: ReadResult[] = new Array(pages.length);
  const workers = options.workers ?? Math.min(4, availableParallelism());
  const cache = options.cache === false ? undefined : (options.cache ?? pageCacheDirectory());
  await readPages(dir, stage, base, pages, workers, cache, (result) => (results[result.index] = result));
  const fromCache = results.filter((result) => result.fromCache).length;
  const how = [workers > 0 && pages.length >= 50 ? `${workers} workers` : '', cache ? `${fromCache} from the cache` : ''].filter(Boolean).join(', ');
  log(`search-exact: ${pages.length} pages read in ${seconds(started)}${how ? ` (${how})` : ''}`);
  if (cache) prunePageCache(cache, new Set(results.flatMap((result) => (result.key ? [result.key] : []))));

  const files = new IndexFiles((path, contents) => {
    const target = join(stage, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  });
  const reports: PreparedReport[] = [];
  for (const result of results) {
    warnings.push(...result.messages.map((message) => `${pages[result.index]}: ${message}`));
    if (result.skipped || !result.prepared) continue;
    const ordinal = reports.length;
    // A page skipped before this one: the text file takes the report's ordinal.
    if (ordinal !== result.index) renameSync(join(stage, textFile(result.index)), join(stage, textFile(ordinal)));
    files.record(textFile(ordinal), result.prepared.textDigest, result.textBytes ?? 0);
    reports.push(result.prepared);
  }
  if (reports.length === 0) fatal.push(`No report pages in ${join(dir, 'reports')}; expected reports/<year>/<id>/index.html with data-pagefind-body`);

  // Pagefind writes its index in its own process while the postings are built here.
  const pagefind = options.pagefind !== false && reports.length > 0 ? await startPagefind(reports, dir, options.pagefindPartSize ?? (Number(process.env.PAGEFIND_PART_SIZE) || PAGEFIND_PART_SIZE), log) : { written: Promise.resolve([]) };

  const postingsStarted = performance.now();
  const { grams, shards, groups } = writeRows(reports, files, options);
  const postingsOptions = { log, spill: join(stage, '.grams'), inMemory: options.inMemory };
  // Counting the groups in worker threads pays once there is more to count than starting them costs.
  const counters = options.workers ?? Math.min(2, availableParallelism());
  if (counters > 0 && totalChars(grams) >= 2_000_000) await writePostingsInWorkers(grams, shards, groups, files, stage, counters, postingsOptions);
  else writePostings(grams, shards, groups, files, postingsOptions);
  const catalog = writeCatalog(reports, base, shards, files);
  // The old index is moved aside and deleted while Pagefind finishes.
  const old = `${out}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(stage, out);
  const removing = rm(old, { recursive: true, force: true, maxRetries: 3 });
  log(
    `search-exact: ${reports.length} reports, ${catalog.shards} postings shards, ${files.count} files, ${(files.bytes / 1024 ** 2).toFixed(1)} MiB; postings in ${seconds(postingsStarted)}, all in ${seconds(started)}`,
  );
  fatal.push(...(await pagefind.written));
  await removing;
  return { fatal, warnings, reports: reports.length };
}

if (import.meta.main && isMainThread) {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg.startsWith('-'))) {
    console.error(`Unknown option \`${args.find((arg) => arg.startsWith('-'))}\`, expected: node scripts/index-search.ts [site folder]`);
    process.exit(2);
  }
  const dir = resolve(args[0] ?? process.env.OUT_DIR ?? 'dist');
  const { fatal, warnings } = await indexSite(dir);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const problem of fatal) console.error(`error: ${problem}`);
  process.exitCode = fatal.length > 0 ? 1 : 0;
}
