/** What quick find suggests from Pagefind's results (src/search/browser/quick-find.ts). */
import { describe, expect, it } from 'vitest';
import { suggestionsOf } from '../../src/search/browser/quick-find-suggestions.ts';

const result = (url: string, meta: Record<string, string>, excerpt = '<mark>嘉定区</mark>…') => ({ url, meta, excerpt });
const CGZFJ = { title: '嘉定区城市管理行政执法局2023年法治政府建设工作报告', agency: '上海市嘉定区城市管理行政执法局', region: '上海市嘉定区', year: '2023' };
const LHSRJ = { title: '嘉定区绿化和市容管理局2022年度法治政府建设情况报告', agency: '上海市嘉定区绿化和市容管理局', region: '上海市嘉定区', year: '2022' };

describe('suggestionsOf', () => {
  it('should suggest the agencies whose name or region holds every word, then the reports, then the exact search', () => {
    const found = suggestionsOf([result('/fzzfjs/reports/2023/310114-cgzfj/', CGZFJ), result('/fzzfjs/reports/2022/310114-lhsrj/', LHSRJ)], '嘉定 城市管理', '/fzzfjs/');
    expect(found).toEqual([
      { kind: 'agency', href: '/fzzfjs/agencies/310114-cgzfj/', title: '上海市嘉定区城市管理行政执法局', detail: '上海市嘉定区' },
      { kind: 'report', href: '/fzzfjs/reports/2023/310114-cgzfj/', title: CGZFJ.title, detail: '2023年度 · 上海市嘉定区城市管理行政执法局' },
      { kind: 'report', href: '/fzzfjs/reports/2022/310114-lhsrj/', title: LHSRJ.title, detail: '2022年度 · 上海市嘉定区绿化和市容管理局' },
      { kind: 'search', href: `/fzzfjs/search/?q=${encodeURIComponent('嘉定 城市管理')}`, title: '全文搜索“嘉定 城市管理”', detail: '逐字匹配正文' },
    ]);
  });

  it('should leave out a result that matched no word, and name an agency once', () => {
    const found = suggestionsOf(
      [result('/reports/2023/310114-cgzfj/', CGZFJ, '嘉定区城市…'), result('/reports/2018/310113-rmzf/', { title: 'A', agency: '上海市宝山区人民政府', region: '上海市宝山区', year: '2018' }), result('/reports/2019/310113-rmzf/', { title: 'B', agency: '上海市宝山区人民政府', region: '上海市宝山区', year: '2019' })],
      '宝山区',
      '/',
    );
    expect(found.map((suggestion) => `${suggestion.kind} ${suggestion.title}`)).toEqual(['agency 上海市宝山区人民政府', 'report A', 'report B', 'search 全文搜索“宝山区”']);
  });
});
