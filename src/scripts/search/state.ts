/**
 * What a search is, as it lives in the URL (`?q=…&year=2018&sort=date`):
 * query, filters and sort; and the filtering, counting and sorting of hits.
 * Filters: values of one facet are alternatives (OR), facets combine (AND);
 * each facet's counts are over the hits that the other facets let through.
 */
import { SEARCH_FILTERS } from '../../consts.ts';
import type { Hit } from './engine.ts';
import type { ReportRecord } from './format.ts';

export const FACETS = [
  { key: 'year', label: SEARCH_FILTERS.year },
  { key: 'province', label: SEARCH_FILTERS.province },
  { key: 'city', label: SEARCH_FILTERS.city },
  { key: 'agency', label: SEARCH_FILTERS.agency },
  { key: 'level', label: SEARCH_FILTERS.level },
] as const satisfies ReadonlyArray<{ key: keyof ReportRecord; label: string }>;

export type FacetKey = (typeof FACETS)[number]['key'];
export type Selection = Record<FacetKey, string[]>;
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
  return { q: params.get('q') ?? '', filters, sort: params.get('sort') === 'date' ? 'date' : 'relevance' };
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

function passes(record: ReportRecord, selection: Selection, except?: FacetKey): boolean {
  return FACETS.every(({ key }) => key === except || selection[key].length === 0 || selection[key].includes(record[key]));
}

export function applyFilters(hits: Hit[], selection: Selection): Hit[] {
  return hits.filter((hit) => passes(hit.record, selection));
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
export function facetCounts(hits: Hit[], selection: Selection): Record<FacetKey, FacetValue[]> {
  const result = {} as Record<FacetKey, FacetValue[]>;
  for (const { key } of FACETS) {
    const counts = new Map<string, number>();
    for (const hit of hits) {
      const value = hit.record[key];
      if (!value || !passes(hit.record, selection, key)) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const value of selection[key]) if (!counts.has(value)) counts.set(value, 0);
    const values = [...counts].map(([value, count]) => ({ value, count, selected: selection[key].includes(value) }));
    values.sort(key === 'year' ? (a, b) => collator.compare(b.value, a.value) : (a, b) => b.count - a.count || collator.compare(a.value, b.value));
    result[key] = values;
  }
  return result;
}

/** Relevance: more occurrences first, then newer, then by id. Date: newer first, then more occurrences. */
export function sortHits(hits: Hit[], order: SortOrder): Hit[] {
  const byDate = (a: Hit, b: Hit) => (a.record.date < b.record.date ? 1 : a.record.date > b.record.date ? -1 : 0);
  const byId = (a: Hit, b: Hit) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
  return [...hits].sort(order === 'date' ? (a, b) => byDate(a, b) || b.score - a.score || byId(a, b) : (a, b) => b.score - a.score || byDate(a, b) || byId(a, b));
}
