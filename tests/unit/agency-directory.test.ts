/**
 * The directory of agencies (`src/site/agency-directory.ts`): by province
 * in code order, then by city (the county where there is no city), A–Z by
 * pinyin within each, the province's own bodies first.
 */
import { describe, expect, it } from 'vitest';
import { agencyDirectory } from '../../src/site/agency-directory.ts';
import { agencies, type ReportEntry } from '../../src/site/catalog.ts';

function report(id: string, agency: string, region: string, level: ReportEntry['data']['level'] = '部门'): ReportEntry {
  const [year, rest] = id.split('/');
  const regionCode = rest.slice(0, 6);
  return {
    id,
    data: { title: `${agency}${year}年报告`, agency, region, regionCode, level, year: Number(year), date: `${Number(year) + 1}-03-01`, dateSource: 'published', sourceFile: `sources/${id}.txt` },
  };
}

const REPORTS = [
  report('2022/511304-rmzf', '南充市嘉陵区人民政府', '四川省南充市嘉陵区', '县区'),
  report('2023/511300-sfj', '南充市司法局', '四川省南充市'),
  report('2023/511300-cgj', '南充市城市管理局', '四川省南充市'),
  report('2023/510000-rmzf', '四川省人民政府', '四川省', '省'),
  report('2023/510100-sfj', '成都市司法局', '四川省成都市'),
  report('2022/310113-rmzf', '上海市宝山区人民政府', '上海市宝山区', '县区'),
  report('2023/310113-rmzf', '上海市宝山区人民政府', '上海市宝山区', '县区'),
  report('2023/310000-sfj', '上海市司法局', '上海市'),
  report('2023/429004-rmzf', '仙桃市人民政府', '湖北省仙桃市', '县区'),
  report('2023/100000-sfb', '司法部', '中央', '中央部委'),
];

describe('the agency directory', () => {
  const directory = agencyDirectory(agencies(REPORTS));
  const shape = directory.map((province) => [province.name, province.count, province.groups.map((group) => [group.name, group.agencies.map((agency) => agency.name)])]);

  it('should group by province in code order, then by city, the province’s own bodies first, A–Z within', () => {
    expect(shape).toEqual([
      ['中央', 1, [['中央', ['司法部']]]],
      ['上海市', 2, [['市级', ['上海市司法局']], ['宝山区', ['上海市宝山区人民政府']]]],
      ['湖北省', 1, [['仙桃市', ['仙桃市人民政府']]]],
      [
        '四川省',
        5,
        [
          ['省级', ['四川省人民政府']],
          ['成都市', ['成都市司法局']],
          // 城 chéng, 嘉 jiā, 司 sī: pinyin order, city and county bodies together.
          ['南充市', ['南充市城市管理局', '南充市嘉陵区人民政府', '南充市司法局']],
        ],
      ],
    ]);
  });

  it('should keep each agency’s reports, oldest year first, and its level', () => {
    const baoshan = directory[1].groups[1].agencies[0];
    expect(baoshan.reports.map((entry) => entry.data.year)).toEqual([2022, 2023]);
    expect(baoshan.level).toBe('县区');
  });
});
