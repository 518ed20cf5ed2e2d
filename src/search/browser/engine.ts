/**
 * The exact search over `search-exact/` (see `format.ts`).
 *
 * A term of up to `MAX_GRAM` normalised characters is answered by its own
 * postings; a longer one by the positions of the grams that cover it
 * (`coverOf`): it occurs wherever they all occur at their offsets. Both are
 * exact, counts included, and need no report text: texts are fetched only
 * for the excerpts and section links of the results shown.
 *
 * Every segment's entry is read, and its local ordinals mapped to the
 * reports' ordinals (those a segment holds no more are dropped): the
 * answer is the one a single index of the same reports would give.
 */
import {
  IndexCatalog,
  POSITION_SHARDS_PER_SHARD,
  coverOf,
  decodePositions,
  decodePostings,
  positionsFile,
  postingsFile,
  rowsFile,
  segmentFile,
  textFile,
  type CatalogFile,
  type DisplayRow,
  type SectionRow,
} from '../format.ts';
import { shardOf } from '../hash.ts';
import { excerpt, matchingSections, reportText, type ReportText, type SectionMatch, type Segment } from './match.ts';
import type { Term } from './query.ts';

/** Load one index file as parsed JSON; `version` is the catalog's, for cache busting (absent for the catalog). */
export type Loader = (path: string, version: string | undefined) => Promise<unknown>;

export interface Hit {
  ordinal: number;
  /** Occurrences of each term, in the order of the query's terms. */
  counts: number[];
  /** All occurrences: the relevance. */
  score: number;
}

export interface Outcome {
  terms: Term[];
  /** Every report that contains every term. */
  hits: Hit[];
  /** For each term: how many reports contain it. */
  indexCounts: number[];
}

/** What a result shows besides the catalog's facts. */
export interface Row {
  id: string;
  title: string;
  url: string;
}

export interface Details {
  excerpt: Segment[];
  sections: SectionMatch[];
}

/** Texts kept in memory. */
const TEXTS_KEPT = 64;

export class ExactSearch {
  readonly #load: Loader;
  #catalog: Promise<IndexCatalog> | undefined;
  readonly #shards = new Map<string, Promise<Record<string, string>>>();
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #positions = new Map<string, Map<number, Int32Array>>();
  readonly #rows = new Map<string, Promise<DisplayRow[]>>();
  readonly #texts = new Map<number, Promise<ReportText>>();

  constructor(load: Loader) {
    this.#load = load;
  }

  /** The catalog, fetched once. */
  catalog(): Promise<IndexCatalog> {
    this.#catalog ??= this.#load('catalog.json', undefined).then((data) => new IndexCatalog(data as CatalogFile));
    this.#catalog.catch(() => (this.#catalog = undefined));
    return this.#catalog;
  }

  #cached<K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> {
    let value = cache.get(key);
    if (!value) {
      value = load();
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  }

  /** Load a file of a segment (its files never change: the name is their digest). */
  #segmentFile(segment: number, path: string, catalog: IndexCatalog): Promise<unknown> {
    const { name } = catalog.segments[segment];
    return this.#load(segmentFile(name, path), name);
  }

  /**
   * The entry of `key` in every segment, decoded by `decode` (local ordinal →
   * value) and mapped to ordinals: the shard file `file(n)` its hash picks among
   * `count(shards)` in each segment (each file fetched once).
   */
  async #entries<V>(key: string, count: (shards: number) => number, file: (n: number) => string, decode: (encoded: string) => Map<number, V>): Promise<Map<number, V>> {
    const catalog = await this.catalog();
    const found = new Map<number, V>();
    const shards = await Promise.all(
      catalog.segments.map((segment, index) => {
        const path = file(shardOf(key, count(segment.shards)));
        return this.#cached(this.#shards, segmentFile(segment.name, path), () => this.#segmentFile(index, path, catalog) as Promise<Record<string, string>>);
      }),
    );
    shards.forEach((shard, index) => {
      if (!Object.hasOwn(shard, key)) return;
      const { ordinals } = catalog.segments[index];
      for (const [local, value] of decode(shard[key])) {
        const ordinal = ordinals[local] ?? -1;
        if (ordinal >= 0) found.set(ordinal, value);
      }
    });
    return found;
  }

  /** Postings of one n-gram of up to `MAX_GRAM` characters: ordinal → count. */
  async postings(key: string): Promise<Map<number, number>> {
    let postings = this.#postings.get(key);
    if (!postings) {
      postings = await this.#entries(key, (shards) => shards, postingsFile, decodePostings);
      this.#postings.set(key, postings);
    }
    return postings;
  }

  /** Positions of one `MAX_GRAM`-gram: ordinal → where it starts, ascending. */
  async positions(gram: string): Promise<Map<number, Int32Array>> {
    let positions = this.#positions.get(gram);
    if (!positions) {
      positions = await this.#entries(gram, (shards) => shards * POSITION_SHARDS_PER_SHARD, positionsFile, decodePositions);
      this.#positions.set(gram, positions);
    }
    return positions;
  }

  /** Each report holding a normalised term, with how often: by its postings, or by its cover's positions. */
  async occurrences(norm: string): Promise<Map<number, number>> {
    const cover = coverOf(norm);
    if (cover.length === 1) return this.postings(norm);
    const lists = await Promise.all(cover.map(({ gram }) => this.positions(gram)));
    // Anchor on the gram in fewest reports; a start p counts when every other gram is at p + its offset.
    const [anchor, ...rest] = cover.map((_, index) => index).sort((a, b) => lists[a].size - lists[b].size);
    const found = new Map<number, number>();
    for (const [ordinal, starts] of lists[anchor]) {
      const others = rest.map((index) => lists[index].get(ordinal));
      if (others.some((list) => list === undefined)) continue;
      let count = 0;
      for (const at of starts) {
        const start = at - cover[anchor].offset;
        if (rest.every((index, n) => holds(others[n] as Int32Array, start + cover[index].offset))) count++;
      }
      if (count > 0) found.set(ordinal, count);
    }
    return found;
  }

  /** Id, title and URL of reports, fetching the row files they are in (each once). */
  async rows(ordinals: number[]): Promise<Map<number, Row>> {
    const catalog = await this.catalog();
    const where = (ordinal: number) => {
      const segment = catalog.segmentOf[ordinal];
      if (segment === undefined) throw new Error(`search-exact: no report ${ordinal}`);
      const local = catalog.localOf[ordinal];
      return { segment, local, path: rowsFile(local), file: segmentFile(catalog.segments[segment].name, rowsFile(local)) };
    };
    const places = new Map(ordinals.map((ordinal) => [ordinal, where(ordinal)]));
    const loaded = new Map<string, DisplayRow[]>();
    await Promise.all(
      [...new Map([...places.values()].map((place) => [place.file, place])).values()].map(async ({ segment, path, file }) =>
        loaded.set(file, await this.#cached(this.#rows, file, () => this.#segmentFile(segment, path, catalog) as Promise<DisplayRow[]>)),
      ),
    );
    const rows = new Map<number, Row>();
    for (const ordinal of ordinals) {
      const { local, file } = places.get(ordinal) as ReturnType<typeof where>;
      const row = loaded.get(file)?.[local % catalog.file.rowsPerFile];
      if (!row) throw new Error(`search-exact/${file} lacks report ${ordinal}`);
      rows.set(ordinal, { id: row[0], title: row[1], url: catalog.url(row[0]) });
    }
    return rows;
  }

  /** The text of report `ordinal`, as shown (the last `TEXTS_KEPT` are kept). */
  async text(ordinal: number): Promise<ReportText> {
    const catalog = await this.catalog();
    const text = this.#cached(this.#texts, ordinal, async () => {
      const segment = catalog.segmentOf[ordinal];
      if (segment === undefined) throw new Error(`search-exact: no report ${ordinal}`);
      return reportText((await this.#segmentFile(segment, textFile(catalog.localOf[ordinal]), catalog)) as SectionRow[]);
    });
    // Most recently used last; forget the oldest.
    this.#texts.delete(ordinal);
    this.#texts.set(ordinal, text);
    if (this.#texts.size > TEXTS_KEPT) this.#texts.delete(this.#texts.keys().next().value as number);
    return text;
  }

  /** Every report containing all `terms`, with each term's count. */
  async search(terms: Term[]): Promise<Outcome> {
    const outcome: Outcome = { terms, hits: [], indexCounts: [] };
    if (terms.length === 0) return outcome;
    const perTerm = await Promise.all(terms.map((term) => this.occurrences(term.norm)));
    outcome.indexCounts = perTerm.map((found) => found.size);
    const smallest = [...perTerm].sort((a, b) => a.size - b.size)[0];
    const ordinals = [...smallest.keys()].filter((ordinal) => perTerm.every((found) => found.has(ordinal))).sort((a, b) => a - b);
    for (const ordinal of ordinals) {
      const counts = perTerm.map((found) => found.get(ordinal) ?? 0);
      outcome.hits.push({ ordinal, counts, score: counts.reduce((a, b) => a + b, 0) });
    }
    return outcome;
  }

  /** Excerpt and matching sections of one hit. */
  async details(hit: Hit, terms: Term[]): Promise<Details> {
    const text = await this.text(hit.ordinal);
    const norms = terms.map((term) => term.norm);
    return { excerpt: excerpt(text, norms), sections: matchingSections(text, norms) };
  }
}

/** Whether the ascending `sorted` holds `value`. */
function holds(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** A loader that fetches from the site: `<base>search-exact/<path>?v=<version>`. */
export function fetchLoader(base: string): Loader {
  return async (path, version) => {
    const url = `${base}search-exact/${path}${version ? `?v=${version}` : ''}`;
    const response = await fetch(url, version ? {} : { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  };
}
