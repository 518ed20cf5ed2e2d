import { describe, expect, it } from 'vitest';
import type { Hit } from '../../src/scripts/search/engine.ts';
import type { ReportRecord } from '../../src/scripts/search/format.ts';
import { applyFilters, emptySelection, facetCounts, readState, sortHits, writeState } from '../../src/scripts/search/state.ts';

function hit(ordinal: number, fields: Partial<ReportRecord>, score = 1): Hit {
  const record: ReportRecord = {
    id: `r${ordinal}`, url: `/r${ordinal}/`, title: '', agency: '甲局', year: '2020', date: '2020-01-01',
    region: '', province: '上海市', city: '上海市', level: '县区', textFile: 0, ...fields,
  };
  return { ordinal, record, counts: [score], score };
}

const hits = [
  hit(0, { year: '2018', date: '2019-01-30', province: '上海市' }, 5),
  hit(1, { year: '2019', date: '2020-02-14', province: '上海市' }, 2),
  hit(2, { year: '2019', date: '2020-03-01', province: '四川省', city: '南充市' }, 9),
];

describe('search state in the URL', () => {
  it('should round-trip query, filters and sort', () => {
    const state = readState('?q=%E6%B3%95%E6%B2%BB+%E6%94%BF%E5%BA%9C&year=2019&year=2018&province=%E4%B8%8A%E6%B5%B7%E5%B8%82&sort=date');
    expect(state.q).toBe('法治 政府');
    expect(state.filters.year).toEqual(['2019', '2018']);
    expect(state.sort).toBe('date');
    expect(readState(writeState(state))).toEqual(state);
  });
  it('should leave defaults out of the URL', () => {
    expect(writeState({ q: '法治', filters: emptySelection(), sort: 'relevance' })).toBe('q=%E6%B3%95%E6%B2%BB');
  });
});

describe('filters and counts', () => {
  it('should count each facet over the hits the other facets let through', () => {
    const selection = { ...emptySelection(), year: ['2019'] };
    const counts = facetCounts(hits, selection);
    expect(counts.year).toEqual([
      { value: '2019', count: 2, selected: true },
      { value: '2018', count: 1, selected: false },
    ]);
    expect(counts.province).toEqual([
      { value: '上海市', count: 1, selected: false },
      { value: '四川省', count: 1, selected: false },
    ]);
    expect(applyFilters(hits, selection).map((h) => h.ordinal)).toEqual([1, 2]);
  });
  it('should sort by matches, or by date newest first', () => {
    expect(sortHits(hits, 'relevance').map((h) => h.ordinal)).toEqual([2, 0, 1]);
    expect(sortHits(hits, 'date').map((h) => h.ordinal)).toEqual([2, 1, 0]);
  });
});
