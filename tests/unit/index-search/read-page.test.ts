import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../scripts/index-search/read-page.ts';
import { extracted } from '../../helpers/report-pages.ts';

describe('extractReport', () => {
  const [first] = extracted();

  it('should read the catalog facts from the Pagefind filters and meta', () => {
    expect(first.record).toEqual({
      id: '2018/310113-rmzf',
      url: '/fzzfjs/reports/2018/310113-rmzf/',
      title: '宝山区2018年度法治政府建设情况报告',
      agency: '上海市宝山区人民政府',
      year: '2018',
      date: '2018-03-01',
      region: '上海市宝山区',
      province: '上海市',
      city: '上海市',
      level: '县区',
    });
    expect(first.messages).toEqual([]);
  });

  it('should split the shown text into sections at headings with ids, without ignored parts', () => {
    expect(first.sections).toEqual([
      ['', 0, ['宝山区2018年度法治政府建设情况报告', '2018年，全面推进“放管服”改革。']],
      ['s1', 2, ['一、主要举措', '开通12345热线，办理ＩＣＰ备案。', '行政复议', '法律顾问']],
      ['s1-1', 3, ['（一）依法决策', '严格执行重大行政决策程序。 第二行']],
    ]);
  });

  it('should say what is missing from a page without filters', () => {
    const report = extractReport('<html><body><article data-pagefind-body><h1>题</h1><p>正文</p></article></body></html>', 'reports/2020/x/index.html', '/');
    expect(report.messages).toContain('missing agency; expected a data-pagefind-filter or data-pagefind-meta that gives it');
  });
});
