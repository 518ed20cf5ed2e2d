import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/search/browser/engine.ts';
import { IndexCatalog, encodeCatalog, encodeRuns, type CatalogFacts } from '../../src/search/format.ts';
import { applyFilters, emptySelection, facetCounts, readState, sortHits, writeState } from '../../src/search/browser/state.ts';

const fact = (fields: Partial<CatalogFacts>): CatalogFacts => ({
  id: '2020/310000-a', year: '2020', province: '上海市', city: '上海市', agency: '甲局', level: '县区', date: '2020-01-01', ...fields,
});
const catalog = new IndexCatalog(
  encodeCatalog(
    [
      fact({ year: '2018', date: '2019-01-30', province: '上海市' }),
      fact({ year: '2019', date: '2020-02-14', province: '上海市' }),
      fact({ year: '2019', date: '2020-03-01', province: '四川省', city: '南充市' }),
    ],
    '/',
    [{ name: 's', count: 3, shards: 8, ordinals: encodeRuns([0, 1, 2]) }],
  ),
);
const hit = (ordinal: number, score: number): Hit => ({ ordinal, counts: [score], score });
const hits = [hit(0, 5), hit(1, 2), hit(2, 9)];

describe('search state in the URL', () => {
  it('should round-trip query, filters and sort', () => {
    const state = readState('?q=%E6%B3%95%E6%B2%BB+%E6%94%BF%E5%BA%9C&year=2019&year=2018&province=%E4%B8%8A%E6%B5%B7%E5%B8%82&sort=date');
    expect(state.q).toBe('法治 政府');
    expect(state.filters.year).toEqual(['2019', '2018']);
    expect(state.sort).toBe('date');
    expect(readState(writeState(state))).toEqual(state);
  });
  it('should leave defaults out of the URL, and drop the old verify parameter of a shared link', () => {
    expect(writeState({ q: '法治', filters: emptySelection(), sort: 'relevance' })).toBe('q=%E6%B3%95%E6%B2%BB');
    expect(writeState(readState('?q=%E6%B3%95%E6%B2%BB&verify=all'))).toBe('q=%E6%B3%95%E6%B2%BB');
  });
});

describe('filters and counts', () => {
  it('should count each facet over the hits the other facets let through', () => {
    const selection = { ...emptySelection(), year: ['2019'] };
    const counts = facetCounts(hits, selection, catalog);
    expect(counts.year).toEqual([
      { value: '2019', count: 2, selected: true },
      { value: '2018', count: 1, selected: false },
    ]);
    expect(counts.province).toEqual([
      { value: '上海市', count: 1, selected: false },
      { value: '四川省', count: 1, selected: false },
    ]);
    expect(applyFilters(hits, selection, catalog).map((h) => h.ordinal)).toEqual([1, 2]);
  });
  it('should keep a selected value no report has, with count 0', () => {
    const selection = { ...emptySelection(), year: ['2030'] };
    expect(facetCounts(hits, selection, catalog).year).toContainEqual({ value: '2030', count: 0, selected: true });
    expect(applyFilters(hits, selection, catalog)).toEqual([]);
  });
  it('should sort by matches, or by date newest first', () => {
    expect(sortHits(hits, 'relevance', catalog).map((h) => h.ordinal)).toEqual([2, 0, 1]);
    expect(sortHits(hits, 'date', catalog).map((h) => h.ordinal)).toEqual([2, 1, 0]);
  });
});
