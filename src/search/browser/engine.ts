/**
 * The exact search over `search-exact/` (see `format.ts`).
 *
 * A term of up to `MAX_GRAM` normalised characters is answered exactly by
 * its own postings, counts included: no text is fetched. A longer term gets
 * candidates from the intersection of its `MAX_GRAM`-grams' postings (few
 * false ones), which `confirm` checks against their texts, in the order
 * asked, concurrently, within a download budget if asked: what is confirmed
 * becomes a hit, what is not checked yet stays `pending` and is never shown
 * as a result. With everything confirmed, the hits are exactly the reports
 * whose text contains every term.
 */
import {
  IndexCatalog,
  MAX_GRAM,
  decodePostings,
  keysOf,
  postingsFile,
  rowsFile,
  textFile,
  type CatalogFile,
  type DisplayRow,
  type SectionRow,
} from '../format.ts';
import { shardOf } from '../hash.ts';
import { countTerms, excerpt, matchingSections, reportText, type ReportText, type SectionMatch, type Segment } from './match.ts';
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

/** A report that may contain every term, not yet checked against its text. */
export interface Candidate {
  ordinal: number;
  /** At most this many occurrences (the smallest count among the n-grams of each long term, summed). */
  bound: number;
}

export interface Outcome {
  terms: Term[];
  /** Reports known to contain every term. */
  hits: Hit[];
  /** Candidates not yet checked against their text, by ordinal. */
  pending: Map<number, Candidate>;
  /**
   * For each term: how many reports may contain it by the index alone
   * (exact for terms of up to `MAX_GRAM` characters, an upper bound otherwise).
   */
  indexCounts: number[];
  /** Candidates checked against their text so far. */
  checked: number;
  /** Of those, how many did not contain every term. */
  rejected: number;
  /** Postings counts of the exact terms (undefined for long ones), by term. */
  exactCounts: Array<Map<number, number> | undefined>;
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

export interface ConfirmOptions {
  /** Stop before fetching texts past this many bytes in all (default: no limit). */
  budget?: number;
  /** Stop once this says so (checked before each text). */
  enough?: () => boolean;
  /** Called after each candidate is checked. */
  onProgress?: (checked: number, total: number, hit: Hit | undefined) => void;
  /** Stop early when this says so (a newer search started). */
  isStale?: () => boolean;
}

/** Text files fetched at once while confirming. */
const CONCURRENCY = 6;
/** Texts kept in memory. */
const TEXTS_KEPT = 64;

export class StaleSearch extends Error {
  override name = 'StaleSearch';
}

export class ExactSearch {
  readonly #load: Loader;
  #catalog: Promise<IndexCatalog> | undefined;
  readonly #shards = new Map<number, Promise<Record<string, string>>>();
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #rows = new Map<number, Promise<DisplayRow[]>>();
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

  /** Postings of one key: ordinal → count. */
  async postings(key: string): Promise<Map<number, number>> {
    const cached = this.#postings.get(key);
    if (cached) return cached;
    const catalog = await this.catalog();
    const n = shardOf(key, catalog.shards);
    const shard = await this.#cached(this.#shards, n, () => this.#load(postingsFile(n), catalog.version) as Promise<Record<string, string>>);
    const postings = decodePostings(Object.hasOwn(shard, key) ? shard[key] : '');
    this.#postings.set(key, postings);
    return postings;
  }

  /** Id, title and URL of reports, fetching the row files they are in (each once). */
  async rows(ordinals: number[]): Promise<Map<number, Row>> {
    const catalog = await this.catalog();
    const files = new Map<string, number>();
    for (const ordinal of ordinals) files.set(rowsFile(ordinal), Math.floor(ordinal / catalog.file.rowsPerFile));
    const loaded = new Map<number, DisplayRow[]>();
    await Promise.all(
      [...files].map(async ([path, n]) => loaded.set(n, await this.#cached(this.#rows, n, () => this.#load(path, catalog.version) as Promise<DisplayRow[]>))),
    );
    const rows = new Map<number, Row>();
    for (const ordinal of ordinals) {
      const row = loaded.get(Math.floor(ordinal / catalog.file.rowsPerFile))?.[ordinal % catalog.file.rowsPerFile];
      if (!row) throw new Error(`search-exact/${rowsFile(ordinal)} lacks report ${ordinal}`);
      rows.set(ordinal, { id: row[0], title: row[1], url: catalog.url(row[0]) });
    }
    return rows;
  }

  /** The text of report `ordinal`, as shown (the last `TEXTS_KEPT` are kept). */
  async text(ordinal: number): Promise<ReportText> {
    const catalog = await this.catalog();
    const text = this.#cached(this.#texts, ordinal, async () => reportText((await this.#load(textFile(ordinal), catalog.version)) as SectionRow[]));
    // Most recently used last; forget the oldest.
    this.#texts.delete(ordinal);
    this.#texts.set(ordinal, text);
    if (this.#texts.size > TEXTS_KEPT) this.#texts.delete(this.#texts.keys().next().value as number);
    return text;
  }

  /** Every report containing all `terms` by the postings; long terms' candidates left `pending`. */
  async search(terms: Term[]): Promise<Outcome> {
    const outcome: Outcome = { terms, hits: [], pending: new Map(), indexCounts: [], checked: 0, rejected: 0, exactCounts: [] };
    if (terms.length === 0) return outcome;

    // Each term's reports (all shards at once): exact with counts, or candidates with a bound.
    const perTerm = await Promise.all(
      terms.map(async (term) => {
        const lists = await Promise.all(keysOf(term.norm).map((key) => this.postings(key)));
        lists.sort((a, b) => a.size - b.size);
        const found = new Map<number, number>();
        for (const [ordinal, count] of lists[0]) {
          let bound = count;
          for (const list of lists) {
            const other = list.get(ordinal);
            if (other === undefined) {
              bound = -1;
              break;
            }
            bound = Math.min(bound, other);
          }
          if (bound >= 0) found.set(ordinal, bound);
        }
        return { exact: term.length <= MAX_GRAM, found };
      }),
    );
    outcome.indexCounts = perTerm.map(({ found }) => found.size);
    outcome.exactCounts = perTerm.map(({ exact, found }) => (exact ? found : undefined));
    const smallest = [...perTerm].sort((a, b) => a.found.size - b.found.size)[0];
    const ordinals = [...smallest.found.keys()].filter((ordinal) => perTerm.every(({ found }) => found.has(ordinal))).sort((a, b) => a - b);
    const allExact = perTerm.every(({ exact }) => exact);
    for (const ordinal of ordinals) {
      const counts = perTerm.map(({ found }) => found.get(ordinal) ?? 0);
      const score = counts.reduce((a, b) => a + b, 0);
      if (allExact) outcome.hits.push({ ordinal, counts, score });
      else outcome.pending.set(ordinal, { ordinal, bound: score });
    }
    return outcome;
  }

  /**
   * Check pending candidates against their texts, in the order of
   * `ordinals`, moving each to `hits` when it contains every term; stops at
   * the budget or when `enough`.
   */
  async confirm(outcome: Outcome, ordinals: number[], options: ConfirmOptions = {}): Promise<void> {
    const catalog = await this.catalog();
    const order = ordinals.filter((ordinal) => outcome.pending.has(ordinal));
    const long = outcome.terms.map((term, index) => (outcome.exactCounts[index] ? -1 : index)).filter((index) => index >= 0);
    const norms = long.map((index) => outcome.terms[index].norm);
    const budget = options.budget ?? Infinity;
    let spent = 0;
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < order.length) {
        if (options.isStale?.()) throw new StaleSearch();
        if (options.enough?.()) return;
        const ordinal = order[next];
        const bytes = catalog.textBytes(ordinal);
        if (spent > 0 && spent + bytes > budget) return;
        next++;
        spent += bytes;
        const text = await this.text(ordinal);
        if (options.isStale?.()) throw new StaleSearch();
        if (!outcome.pending.delete(ordinal)) continue;
        const found = countTerms(text, norms);
        outcome.checked++;
        let hit: Hit | undefined;
        if (found.every((count) => count > 0)) {
          const counts = outcome.terms.map((_, index) => outcome.exactCounts[index]?.get(ordinal) ?? found[long.indexOf(index)]);
          hit = { ordinal, counts, score: counts.reduce((a, b) => a + b, 0) };
          outcome.hits.push(hit);
        } else {
          outcome.rejected++;
        }
        options.onProgress?.(++done, order.length, hit);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, order.length) }, worker));
    if (options.isStale?.()) throw new StaleSearch();
  }

  /** Excerpt and matching sections of one hit. */
  async details(hit: Hit, terms: Term[]): Promise<Details> {
    const text = await this.text(hit.ordinal);
    const norms = terms.map((term) => term.norm);
    return { excerpt: excerpt(text, norms), sections: matchingSections(text, norms) };
  }
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
