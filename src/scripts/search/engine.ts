/**
 * The exact search over `search-exact/` (see `format.ts`).
 *
 * Candidates are the intersection of postings: a term of one or two
 * normalised characters is answered exactly by its own postings (with
 * counts); a longer term by the intersection of its bigrams' postings, which
 * is then confirmed against the text of each remaining candidate (fetched
 * concurrently, each file once). What comes back is exactly the set of
 * reports whose text contains every term.
 */
import {
  EXACT_DIR,
  decodePostings,
  fileName,
  keysOf,
  recordOf,
  shardOf,
  type Catalog,
  type ReportRecord,
  type TextFile,
} from './format.ts';
import { countTerms, excerpt, matchingSections, reportText, type ReportText, type SectionMatch, type Segment } from './match.ts';
import type { Term } from './query.ts';

/** Load one index file as parsed JSON; `version` is the catalogue's, for cache busting (absent for the catalogue). */
export type Loader = (path: string, version: string | undefined) => Promise<unknown>;

export interface Hit {
  ordinal: number;
  record: ReportRecord;
  /** Occurrences of each term, in the order of the query's terms. */
  counts: number[];
  /** All occurrences: the relevance. */
  score: number;
}

export interface Outcome {
  terms: Term[];
  /** Every report that contains every term, by ordinal. */
  hits: Hit[];
  /**
   * For each term: how many reports may contain it by the index alone
   * (exact for terms of one or two characters, an upper bound otherwise).
   */
  indexCounts: number[];
  /** How many candidates were checked against their text. */
  confirmed: number;
}

export interface Details {
  excerpt: Segment[];
  sections: SectionMatch[];
}

export interface SearchOptions {
  /** Called while candidates are checked against their text. */
  onProgress?: (done: number, total: number) => void;
  /** Stop early when this says so (a newer search started). */
  isStale?: () => boolean;
}

/** Text files fetched at once while confirming (default: 6). */
const CONCURRENCY = 6;

export class StaleSearch extends Error {
  override name = 'StaleSearch';
}

export class ExactSearch {
  readonly #load: Loader;
  #catalog: Promise<{ catalog: Catalog; records: ReportRecord[] }> | undefined;
  readonly #shards = new Map<number, Promise<Record<string, string>>>();
  readonly #postings = new Map<string, Map<number, number>>();
  readonly #texts = new Map<number, Promise<Map<number, ReportText>>>();

  constructor(load: Loader) {
    this.#load = load;
  }

  /** The catalogue, fetched once. */
  catalog(): Promise<{ catalog: Catalog; records: ReportRecord[] }> {
    this.#catalog ??= this.#load('catalog.json', undefined).then((data) => {
      const catalog = data as Catalog;
      return { catalog, records: catalog.reports.map(recordOf) };
    });
    this.#catalog.catch(() => (this.#catalog = undefined));
    return this.#catalog;
  }

  async #shard(n: number): Promise<Record<string, string>> {
    const { catalog } = await this.catalog();
    let shard = this.#shards.get(n);
    if (!shard) {
      shard = this.#load(`postings/${fileName(n)}`, catalog.version) as Promise<Record<string, string>>;
      this.#shards.set(n, shard);
      shard.catch(() => this.#shards.delete(n));
    }
    return shard;
  }

  /** Postings of one key: ordinal → count. */
  async postings(key: string): Promise<Map<number, number>> {
    const cached = this.#postings.get(key);
    if (cached) return cached;
    const { catalog } = await this.catalog();
    const shard = await this.#shard(shardOf(key, catalog.shards));
    const postings = decodePostings(shard[key] ?? '');
    this.#postings.set(key, postings);
    return postings;
  }

  /** The text of report `ordinal`, as shown, fetched once per text file. */
  async text(ordinal: number): Promise<ReportText> {
    const { catalog, records } = await this.catalog();
    const n = records[ordinal].textFile;
    let file = this.#texts.get(n);
    if (!file) {
      file = (this.#load(`texts/${fileName(n)}`, catalog.version) as Promise<TextFile>).then(
        (data) => new Map(data.reports.map(([index, rows]) => [index, reportText(rows)])),
      );
      this.#texts.set(n, file);
      file.catch(() => this.#texts.delete(n));
    }
    const text = (await file).get(ordinal);
    if (!text) throw new Error(`${EXACT_DIR}/texts/${fileName(n)} lacks report ${ordinal}`);
    return text;
  }

  /** Every report containing all `terms`. */
  async search(terms: Term[], options: SearchOptions = {}): Promise<Outcome> {
    const { records } = await this.catalog();
    if (terms.length === 0) return { terms, hits: [], indexCounts: [], confirmed: 0 };

    // Each term's candidates from the postings (all shards at once).
    const perTerm = await Promise.all(
      terms.map(async (term) => {
        const lists = await Promise.all(keysOf(term.norm).map((key) => this.postings(key)));
        lists.sort((a, b) => a.size - b.size);
        const exact = term.length <= 2;
        const candidates = new Map<number, number>();
        for (const [ordinal, count] of lists[0]) {
          if (lists.every((list) => list.has(ordinal))) candidates.set(ordinal, exact ? count : 0);
        }
        return { exact, candidates };
      }),
    );
    const indexCounts = perTerm.map(({ candidates }) => candidates.size);
    const smallest = [...perTerm].sort((a, b) => a.candidates.size - b.candidates.size)[0];
    const candidates = [...smallest.candidates.keys()].filter((ordinal) => perTerm.every(({ candidates }) => candidates.has(ordinal))).sort((a, b) => a - b);

    // Confirm long terms against the text.
    const long = terms.map((term, index) => (perTerm[index].exact ? -1 : index)).filter((index) => index >= 0);
    const hits: Hit[] = [];
    const toHit = (ordinal: number, counts: number[]): Hit => ({ ordinal, record: records[ordinal], counts, score: counts.reduce((a, b) => a + b, 0) });
    if (long.length === 0) {
      for (const ordinal of candidates) hits.push(toHit(ordinal, perTerm.map(({ candidates }) => candidates.get(ordinal) ?? 0)));
      return { terms, hits, indexCounts, confirmed: 0 };
    }

    const norms = long.map((index) => terms[index].norm);
    let done = 0;
    let next = 0;
    const confirmedCounts = new Map<number, number[]>();
    // Group by text file so concurrent workers do not wait on the same file.
    const order = [...candidates].sort((a, b) => records[a].textFile - records[b].textFile || a - b);
    const worker = async () => {
      while (next < order.length) {
        if (options.isStale?.()) throw new StaleSearch();
        const ordinal = order[next++];
        const counts = countTerms(await this.text(ordinal), norms);
        if (counts.every((count) => count > 0)) confirmedCounts.set(ordinal, counts);
        options.onProgress?.(++done, order.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, order.length) }, worker));
    if (options.isStale?.()) throw new StaleSearch();

    for (const ordinal of candidates) {
      const found = confirmedCounts.get(ordinal);
      if (!found) continue;
      const counts = perTerm.map(({ exact, candidates }, index) => (exact ? (candidates.get(ordinal) ?? 0) : found[long.indexOf(index)]));
      hits.push(toHit(ordinal, counts));
    }
    return { terms, hits, indexCounts, confirmed: candidates.length };
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
    const url = `${base}${EXACT_DIR}/${path}${version ? `?v=${version}` : ''}`;
    const response = await fetch(url, version ? {} : { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.json();
  };
}
