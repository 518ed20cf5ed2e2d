import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../scripts/index-search/read-page.ts';
import { extracted } from '../../helpers/report-pages.ts';

describe('extractReport', () => {
  const [first] = extracted();

  it('should split the shown text into sections at headings with ids, without ignored parts', () => {
    expect(first.sections).toEqual([
      ['', 0, ['宝山区2018年度法治政府建设情况报告', '2018年，全面推进“放管服”改革。']],
      ['s1', 2, ['一、主要举措', '开通12345热线，办理ＩＣＰ备案。', '行政复议', '法律顾问']],
      ['s1-1', 3, ['（一）依法决策', '严格执行重大行政决策程序。 第二行']],
    ]);
    expect(first.messages).toEqual([]);
  });

  it('should say when the site’s catalog does not list a page, and still read its text', () => {
    const report = extractReport('<html><body><article data-pagefind-body><h1>题</h1><p>正文</p></article></body></html>', 'reports/2020/310113-x/index.html', undefined);
    expect(report.messages).toEqual(["not in the site's data/reports.json; its facts (title, agency, year …) are unknown: build the site again"]);
    expect(report.record.id).toBe('2020/310113-x');
    expect(report.sections).toEqual([['', 0, ['题', '正文']]]);
  });

  it('should say when a page has no report body', () => {
    const report = extractReport('<html><body><p>跳转</p></body></html>', 'reports/2020/310113-x/index.html', extracted()[0].record);
    expect(report.messages).toEqual(['no `data-pagefind-body` element; expected the report in one']);
    expect(report.sections).toEqual([]);
  });
});
