import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportFacts } from '../../../scripts/index-search/report-facts.ts';
import { PAGES, writeSite } from '../../helpers/report-pages.ts';

describe('readReportFacts', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-facts-'));
    dirs.push(dir);
    return dir;
  };

  it('should take each report’s facts from the site’s catalog, with its province and city from the region table', () => {
    const dir = folder();
    writeSite(dir, PAGES);
    const { facts, problem } = readReportFacts(dir, '/fzzfjs/');
    expect(problem).toBeUndefined();
    expect(facts.get('2018/310113-rmzf')).toEqual({
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
    expect([...facts.keys()]).toEqual(['2018/310113-rmzf', '2019/310113-rmzf']);
  });

  it('should give a prefecture city as the city, and none for a province’s own report', () => {
    const dir = folder();
    mkdirSync(join(dir, 'data'));
    const row = { title: '报告', agency: '机构', level: '县区', year: 2021, date: '2022-03-22' };
    writeFileSync(
      join(dir, 'data/reports.json'),
      JSON.stringify({ reports: [{ ...row, id: '2021/511304-rmzf', region: '四川省南充市嘉陵区', regionCode: '511304' }, { ...row, id: '2021/510000-rmzf', region: '四川省', regionCode: '510000' }] }),
    );
    const { facts } = readReportFacts(dir, '/');
    expect([facts.get('2021/511304-rmzf')?.province, facts.get('2021/511304-rmzf')?.city]).toEqual(['四川省', '南充市']);
    expect([facts.get('2021/510000-rmzf')?.province, facts.get('2021/510000-rmzf')?.city]).toEqual(['四川省', '']);
  });

  it('should name the catalog and what to do when the site has none', () => {
    expect(readReportFacts(folder(), '/').problem).toBe(
      "data/reports.json: it is missing; the index takes each report's facts from it: build the site (astro build) before indexing",
    );
  });
});
