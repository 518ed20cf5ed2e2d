import { describe, expect, it } from 'vitest';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

describe('needsReview', () => {
  it('should list no field when every value is certain', () => {
    const m = readPage(['玉龙纳西族自治县人民政府关于2023年度法治政府建设情况的报告', '发布时间：2024-03-25', `2023年，县政府${PLAIN}`, ...SECTIONS]);
    expect(m.needsReview).toEqual([]);
    expect(m).toMatchObject({ agency: '玉龙纳西族自治县人民政府', region: '云南省丽江市玉龙纳西族自治县', year: 2023, date: '2024-03-25', titleSupplied: false });
  });

  it('should name every uncertain field and never present a guess as certain', () => {
    const m = readPage(['发布日期：2024-03-20', `今年以来，我局${PLAIN}`, ...SECTIONS]);
    expect(m.needsReview).toEqual(expect.arrayContaining(['title', 'agency', 'region', 'level', 'year']));
    expect(m.agency).toBeNull();
  });

  it('should make a given value certain', () => {
    const m = readPage([`今年以来，我局${PLAIN}`, ...SECTIONS], { agency: '丽江市司法局', regionCode: '530700', year: 2023 });
    expect(m.needsReview).not.toContain('agency');
    expect(m.needsReview).not.toContain('region');
    expect(m.needsReview).not.toContain('year');
  });
});
