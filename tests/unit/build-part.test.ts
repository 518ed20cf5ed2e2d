/**
 * Which pages a build in parts renders (`src/site/build-part.ts`), and how
 * `scripts/parts.ts` cuts an archive into parts of about equal size.
 */
import { describe, expect, it } from 'vitest';
import { planParts, selection } from '../../scripts/parts.ts';
import { parseBuildPart, rendersReport, rendersShared } from '../../src/site/build-part.ts';

describe('BUILD_PART', () => {
  it('should render the whole site when unset or all', () => {
    for (const value of [undefined, '', 'all']) {
      const part = parseBuildPart(value);
      expect(rendersShared(part)).toBe(true);
      expect(rendersReport(part, { year: 2020, regionCode: '310113' })).toBe(true);
    }
  });

  it('should render no report page in the shared part', () => {
    const part = parseBuildPart('shared');
    expect(rendersShared(part)).toBe(true);
    expect(rendersReport(part, { year: 2020, regionCode: '310113' })).toBe(false);
  });

  it('should render only the report pages of the years and ranges named', () => {
    const part = parseBuildPart('years:2016-2018,2021');
    expect(rendersShared(part)).toBe(false);
    expect([2015, 2016, 2017, 2018, 2019, 2021].map((year) => rendersReport(part, { year, regionCode: '110101' }))).toEqual([false, true, true, true, false, true]);
  });

  it('should select provinces by the first two digits of the region code, and both selections together', () => {
    const part = parseBuildPart('years:2020; provinces:31,44');
    expect(rendersReport(part, { year: 2020, regionCode: '310113' })).toBe(true);
    expect(rendersReport(part, { year: 2020, regionCode: '440300' })).toBe(true);
    expect(rendersReport(part, { year: 2020, regionCode: '320100' })).toBe(false);
    expect(rendersReport(part, { year: 2019, regionCode: '310113' })).toBe(false);
  });

  it('should name what it cannot read, with the forms it takes', () => {
    expect(() => parseBuildPart('2018')).toThrow(/`2018` is not a selection; expected all, shared/);
    expect(() => parseBuildPart('years:2019-2017')).toThrow(/`2019-2017` is not a year or a range of years/);
    expect(() => parseBuildPart('provinces:310')).toThrow(/`310` is not a province code/);
  });
});

describe('planning parts', () => {
  it('should cut consecutive years into parts of about equal size', () => {
    const counts = new Map([[2016, 100], [2017, 100], [2018, 100], [2019, 100], [2020, 300], [2021, 300]]);
    expect(planParts(counts, 3)).toEqual([[2016, 2017, 2018, 2019], [2020], [2021]]);
    expect(planParts(counts, 1)).toEqual([[2016, 2017, 2018, 2019, 2020, 2021]]);
  });

  it('should give each key its own part when there are more parts than keys', () => {
    expect(planParts(new Map([['31', 5], ['44', 1]]), 4)).toEqual([['31'], ['44']]);
  });

  it('should write a run of years as a range and other keys as a list', () => {
    expect(selection('year', [2016, 2017, 2018])).toBe('years:2016-2018');
    expect(selection('year', [2016, 2018])).toBe('years:2016,2018');
    expect(selection('year', [2020])).toBe('years:2020');
    expect(selection('province', ['31', '44'])).toBe('provinces:31,44');
  });
});
