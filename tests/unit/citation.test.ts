/** A report's and a section's citation (src/site/citation.ts), as GB/T 7714-2015 writes an electronic resource. */
import { describe, expect, it } from 'vitest';
import { dayOf, gbt7714, stableUrl } from '../../src/site/citation.ts';

const REPORT = { agency: '上海市宝山区人民政府', title: '宝山区人民政府2018年度法治政府建设情况报告', date: '2019-01-30' };

describe('gbt7714', () => {
  it('should write agency, title, [EB/OL], publication date, access date and address', () => {
    expect(gbt7714(REPORT, 'https://fzzf.example.gov.cn/fzzfjs/reports/2018/310113-rmzf/#s1-2', '2026-03-01')).toBe(
      '上海市宝山区人民政府. 宝山区人民政府2018年度法治政府建设情况报告[EB/OL]. (2019-01-30)[2026-03-01]. https://fzzf.example.gov.cn/fzzfjs/reports/2018/310113-rmzf/#s1-2.',
    );
  });

  it('should leave out the publication date when the page states none, and hold the access date’s place until it is known', () => {
    expect(gbt7714({ ...REPORT, date: undefined }, 'https://x.gov.cn/r/')).toBe('上海市宝山区人民政府. 宝山区人民政府2018年度法治政府建设情况报告[EB/OL]. [引用日期]. https://x.gov.cn/r/.');
  });
});

describe('stableUrl', () => {
  it('should drop the query (?highlight=…) and set the section', () => {
    expect(stableUrl('http://127.0.0.1:4321/fzzfjs/reports/2018/310113-rmzf/?highlight=%E5%AE%9D#s3', '#s1-2')).toBe('http://127.0.0.1:4321/fzzfjs/reports/2018/310113-rmzf/#s1-2');
    expect(stableUrl('http://127.0.0.1:4321/r/?highlight=x#s3')).toBe('http://127.0.0.1:4321/r/');
  });
});

describe('dayOf', () => {
  it('should write the day as YYYY-MM-DD', () => {
    expect(dayOf(new Date(2026, 2, 1, 23, 59))).toBe('2026-03-01');
  });
});
