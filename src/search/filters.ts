/**
 * The filters of search, as the search page, the report pages and Pagefind
 * name them: one list, so the indexer, the page and the browser agree.
 */

/** Filter names as shown (Chinese, as Pagefind's filter keys display them). */
export const SEARCH_FILTERS = {
  year: '年度',
  province: '省份',
  city: '城市',
  region: '地区',
  agency: '机构',
  level: '层级',
} as const;

/** The facets the exact search counts and filters by, in the catalog's column order. */
export const FACET_FIELDS = ['year', 'province', 'city', 'agency', 'level'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Each facet with its label, in order. */
export const FACETS: ReadonlyArray<{ key: FacetField; label: string }> = FACET_FIELDS.map((key) => ({ key, label: SEARCH_FILTERS[key] }));
