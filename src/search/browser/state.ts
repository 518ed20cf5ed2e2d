/**
 * What a search is, as it lives in the URL (`?q=…&year=2018&sort=date`):
 * query, filters and sort; and the filtering, counting and sorting of hits
 * over the catalog's codes. Filters: values of one facet are alternatives (OR),
 * facets combine (AND); each facet's counts are over the hits that the
 * other facets let through.
 */
import { FACETS, type FacetField } from '../filters.ts';
import type { Hit } from './engine.ts';
import type { IndexCatalog } from '../format.ts';

export type Selection = Record<FacetField, string[]>;
export type SortOrder = 'relevance' | 'date';

export interface SearchState {
  q: string;
  filters: Selection;
  sort: SortOrder;
}

export function emptySelection(): Selection {
  return { year: [], province: [], city: [], agency: [], level: [] };
}

/** Read the state from a query string (`location.search`). */
export function readState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptySelection();
  for (const { key } of FACETS) filters[key] = [...new Set(params.getAll(key).filter((value) => value !== ''))];
  return {
    q: params.get('q') ?? '',
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The query string of a state, without `?`; defaults are left out. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of FACETS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort === 'date') params.set('sort', 'date');
  return params.toString();
}

export function hasFilters(selection: Selection): boolean {
  return FACETS.some(({ key }) => selection[key].length > 0);
}

/** A selection as code sets, for testing reports quickly. */
export class Filter {
  readonly #catalog: IndexCatalog;
  readonly #codes: Array<[FacetField, Set<number>]>;

  constructor(catalog: IndexCatalog, selection: Selection) {
    this.#catalog = catalog;
    this.#codes = FACETS.filter(({ key }) => selection[key].length > 0).map(({ key }) => [key, new Set(selection[key].map((value) => catalog.codeOf(key, value)))]);
  }

  /** Whether report `ordinal` passes every facet but `except`. */
  passes(ordinal: number, except?: FacetField): boolean {
    for (const [key, codes] of this.#codes) {
      if (key !== except && !codes.has(this.#catalog.codes[key][ordinal])) return false;
    }
    return true;
  }
}

export function applyFilters(hits: Hit[], selection: Selection, catalog: IndexCatalog): Hit[] {
  if (!hasFilters(selection)) return hits;
  const filter = new Filter(catalog, selection);
  return hits.filter((hit) => filter.passes(hit.ordinal));
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

const collator = new Intl.Collator('zh-CN');

/**
 * For each facet, its values with counts over the hits the other facets let
 * through; selected values stay listed (count 0 if need be). Years newest
 * first, other facets by count, then by name.
 */
export function facetCounts(hits: Hit[], selection: Selection, catalog: IndexCatalog): Record<FacetField, FacetValue[]> {
  const filter = new Filter(catalog, selection);
  const result = {} as Record<FacetField, FacetValue[]>;
  for (const { key } of FACETS) {
    const names = catalog.values(key);
    const codes = catalog.codes[key];
    const counts = new Int32Array(names.length);
    for (const hit of hits) if (filter.passes(hit.ordinal, key)) counts[codes[hit.ordinal]]++;
    const values: FacetValue[] = [];
    names.forEach((value, code) => {
      const selected = selection[key].includes(value);
      if (value && (counts[code] > 0 || selected)) values.push({ value, count: counts[code], selected });
    });
    for (const value of selection[key]) if (!names.includes(value)) values.push({ value, count: 0, selected: true });
    values.sort(key === 'year' ? (a, b) => collator.compare(b.value, a.value) : (a, b) => b.count - a.count || collator.compare(a.value, b.value));
    result[key] = values;
  }
  return result;
}

/**
 * Relevance: more occurrences first, then newer, then by id (ordinals are
 * in id order). Date: newer first, then more occurrences, then by id.
 */
export function sortHits<T extends { ordinal: number; score: number }>(hits: T[], order: SortOrder, catalog: IndexCatalog): T[] {
  const days = catalog.days;
  return [...hits].sort(
    order === 'date'
      ? (a, b) => days[b.ordinal] - days[a.ordinal] || b.score - a.score || a.ordinal - b.ordinal
      : (a, b) => b.score - a.score || days[b.ordinal] - days[a.ordinal] || a.ordinal - b.ordinal,
  );
}
