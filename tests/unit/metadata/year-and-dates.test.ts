import { describe, expect, it } from 'vitest';
import { yearInTitle } from '../../../scripts/ingest/metadata/year.ts';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

describe('year and dates', () => {
  it('should read the year from the report formula when the page has no title', () => {
    const m = readPage([`按照上级要求，现将本局2021年度法治政府建设工作情况报告如下：`, `一年来，${PLAIN}`, ...SECTIONS]);
    expect(m.year).toBe(2021);
    expect(m.needsReview).not.toContain('year');
  });

  it('should read the year a sentence reports on before 现报告如下 (no 现将)', () => {
    const m = readPage([`根据有关规定，区财政局认真梳理总结2025年度法治政府建设情况，现报告如下。`, PLAIN, ...SECTIONS]);
    expect(m.isReport).toBe(true);
    expect(m.year).toBe(2025);
    expect(m.needsReview).not.toContain('year');
  });

  it("should take the title's year, not the year of a plan after 及 or of a 纲要's period", () => {
    expect(yearInTitle('某县2023年度法治政府建设情况报告及2024年工作安排')).toBe(2023);
    expect(yearInTitle('某县落实法治政府建设实施纲要(2021-2025年)2022年度情况报告')).toBe(2022);
  });

  it('should flag a year guessed from the publication date', () => {
    const m = readPage(['发布日期：2024-03-20', `今年以来，蒙自市${PLAIN}`, ...SECTIONS]);
    expect(m.year).toBe(2023);
    expect(m.needsReview).toContain('year');
  });

  it('should flag the years of a page whose site rewrote them', () => {
    const m = readPage(['个旧市2024年度法治政府建设情况报告', `2024年，个旧市贯彻法治政府建设实施纲要(2024-2024)，${PLAIN}`, ...SECTIONS]);
    expect(m.year).toBe(2024);
    expect(m.needsReview).toContain('year');
    expect(m.damage.join()).toMatch(/years rewritten/);
  });

  it('should take the date at the head of a line of page metadata', () => {
    const m = readPage(['个旧市人民政府关于2023年度法治政府建设情况的报告', '2024-03-18 09:54 来源： 【字体： 打印', `2023年，市政府${PLAIN}`, ...SECTIONS]);
    expect(m.date).toBe('2024-03-18');
    expect(m.publisher).toBeNull();
  });

  it("should take the signing date of a cover letter at the head of the text, and the title without its quotes", () => {
    const m = readPage(['黔卫〔2024〕5号《贵州省卫生健康委关于2023年度法治政府建设情况的报告》', '省委、省政府：', '现呈送我委2023年度法治政府建设情况报告，请审阅。', '贵州省卫生健康委', '2024年3月6日', `2023年，省卫生健康委${PLAIN}`, ...SECTIONS]);
    expect(m.title).toBe('贵州省卫生健康委关于2023年度法治政府建设情况的报告');
    expect(m).toMatchObject({ date: '2024-03-06', dateSource: 'signed', agency: '贵州省卫生健康委员会' });
  });

  it("should never take a date from the URL's path: a page that shows none has none", () => {
    const m = readPage(['个旧市人民政府关于2023年度法治政府建设情况的报告', `2023年，市政府${PLAIN}`, ...SECTIONS], { url: 'https://www.gejiu.gov.cn/zwgk/202403/t20240328_1.html' });
    expect(m.date).toBeNull();
    expect(m.needsReview).not.toContain('date');
  });
});
