/**
 * Catalog helpers (src/site/catalog.ts, src/archive/regions.ts,
 * src/site/catalog-export.ts, src/site/urls.ts): agencies, years,
 * previous/next, the region tree and the CSV.
 */
import { describe, expect, it } from 'vitest';
import { agencyKeyOf } from '../../src/archive/layout.ts';
import { agencies, byLevel, byNewest, byYear, catalogIndex, neighbours, newest, type ReportEntry } from '../../src/site/catalog.ts';
import { catalogRows, toCsv } from '../../src/site/catalog-export.ts';
import { cityNameOf, isInRegion, regionCodesOf, regionPathOf } from '../../src/archive/regions.ts';
import { flattenRegions, regionTree } from '../../src/site/region-tree.ts';
import { joinBase } from '../../src/site/urls.ts';
import type { ReportData } from '../../src/schema/report.ts';

function report(id: string, data: Partial<ReportData>): ReportEntry {
  const year = Number(id.slice(0, 4));
  return {
    id,
    data: {
      title: `${year}年度报告`,
      agency: '上海市宝山区人民政府',
      region: '上海市宝山区',
      regionCode: id.slice(5, 11),
      level: '县区',
      year,
      date: `${year + 1}-01-30`,
      dateSource: 'published',
      sourceFile: 'sources/x.txt',
      ...data,
    },
  };
}

const reports = [
  report('2018/310113-rmzf', {}),
  report('2020/310113-rmzf', { agency: '上海市宝山区人民政府（新）' }),
  report('2019/310113-rmzf', {}),
  report('2021/511304-rmzf', { agency: '南充市嘉陵区人民政府', region: '四川省南充市嘉陵区', date: '2022-03-22' }),
  report('2023/500235-cgj', { agency: '重庆市云阳县城市管理局', region: '重庆市云阳县', level: '部门', date: '2024-01-12' }),
  report('2023/310000-rmzf', { agency: '上海市人民政府', region: '上海市', level: '省', date: '2024-02-01' }),
];

describe('agencies and years', () => {
  it('should take the agency key from the file name', () => {
    expect(agencyKeyOf('2018/310113-rmzf')).toBe('310113-rmzf');
  });

  it('should group reports by agency, oldest year first, named as in the newest report', () => {
    const list = agencies(reports);
    expect(list.map((agency) => agency.key)).toEqual(['310000-rmzf', '310113-rmzf', '500235-cgj', '511304-rmzf']);
    const baoshan = list[1];
    expect(baoshan.reports.map((r) => r.data.year)).toEqual([2018, 2019, 2020]);
    expect(baoshan.name).toBe('上海市宝山区人民政府（新）');
  });

  it('should find the same agency’s nearest previous and next year', () => {
    const of = (id: string) => {
      const { previous, next } = neighbours(reports, id);
      return [previous?.id, next?.id];
    };
    expect(of('2019/310113-rmzf')).toEqual(['2018/310113-rmzf', '2020/310113-rmzf']);
    expect(of('2018/310113-rmzf')).toEqual([undefined, '2019/310113-rmzf']);
    expect(of('2020/310113-rmzf')).toEqual(['2019/310113-rmzf', undefined]);
    expect(of('2021/511304-rmzf')).toEqual([undefined, undefined]);
    expect(of('2099/000000-none')).toEqual([undefined, undefined]);
  });

  it('should sort newest first by date, then by id', () => {
    expect(newest(reports, 3).map((r) => r.id)).toEqual(['2023/310000-rmzf', '2023/500235-cgj', '2021/511304-rmzf']);
  });

  it('should group by year, newest year first, and by level in the schema’s order', () => {
    expect(byYear(reports).map(({ year, reports }) => [year, reports.length])).toEqual([[2023, 2], [2021, 1], [2020, 1], [2019, 1], [2018, 1]]);
    expect(byLevel(reports).map(({ level, reports }) => [level, reports.length])).toEqual([['省', 1], ['县区', 4], ['部门', 1]]);
  });
});

describe('catalogIndex', () => {
  const sorted = [...reports].sort(byNewest);
  const index = catalogIndex(sorted);

  it('should find an agency by its key, with the same reports agencies() gives', () => {
    expect(index.agencies).toEqual(agencies(sorted));
    expect([...index.agencyByKey.keys()]).toEqual(index.agencies.map((agency) => agency.key));
    expect(index.agencyByKey.get('310113-rmzf')?.reports.map((r) => r.id)).toEqual(['2018/310113-rmzf', '2019/310113-rmzf', '2020/310113-rmzf']);
  });

  it('should give the same neighbours from the agency’s own reports as from the whole catalog', () => {
    for (const report of sorted) {
      const own = index.agencyByKey.get(agencyKeyOf(report.id))!.reports;
      expect(neighbours(own, report.id)).toEqual(neighbours(sorted, report.id));
    }
  });

  it('should keep the nearest year when two files of one agency name the same year', () => {
    // A hand edit can make the folder year and the frontmatter year differ.
    const twice = [...sorted, report('2017/310113-rmzf', { year: 2018, date: '2019-01-29' })].sort(byNewest);
    const own = catalogIndex(twice).agencyByKey.get('310113-rmzf')!.reports;
    for (const { id } of own) expect(neighbours(own, id)).toEqual(neighbours(twice, id));
  });

  it('should list every report of a region, of the regions under it too, in catalog order', () => {
    for (const node of flattenRegions(regionTree(sorted))) {
      expect(index.reportsByRegion.get(node.code), node.code).toEqual(sorted.filter((r) => isInRegion(r.data.regionCode, node.code)));
    }
    expect(index.reportsByRegion.get('310000')?.map((r) => r.id)).toEqual(['2023/310000-rmzf', '2020/310113-rmzf', '2019/310113-rmzf', '2018/310113-rmzf']);
  });
});

describe('regions', () => {
  it('should place a county under its city, and a municipality’s district under the province', () => {
    expect(regionPathOf('511304')).toEqual({
      province: { code: '510000', name: '四川省' },
      city: { code: '511300', name: '南充市' },
      county: { code: '511304', name: '嘉陵区' },
    });
    expect(regionPathOf('310113')).toEqual({ province: { code: '310000', name: '上海市' }, city: undefined, county: { code: '310113', name: '宝山区' } });
    expect(regionPathOf('429004').city).toBeUndefined();
  });

  it('should name a code the table lacks from the report’s region', () => {
    expect(regionPathOf('511399', '四川省南充市新区').county).toEqual({ code: '511399', name: '新区' });
  });

  it('should give a municipality’s district the municipality as its city filter', () => {
    expect(cityNameOf(regionPathOf('310113'))).toBe('上海市');
    expect(cityNameOf(regionPathOf('511304'))).toBe('南充市');
    expect(cityNameOf(regionPathOf('310000'))).toBeUndefined();
  });

  it('should build the tree province → city → county with counts', () => {
    const tree = regionTree(reports);
    const summary = (nodes: ReturnType<typeof regionTree>): unknown =>
      nodes.map((node) => [node.name, node.count, ...(node.children.length ? [summary(node.children)] : [])]);
    expect(summary(tree)).toEqual([
      ['上海市', 4, [['宝山区', 3]]],
      ['重庆市', 1, [['云阳县', 1]]],
      ['四川省', 1, [['南充市', 1, [['嘉陵区', 1]]]]],
    ]);
    expect(flattenRegions(tree).map((node) => node.code)).toEqual(['310000', '310113', '500000', '500235', '510000', '511300', '511304']);
  });

  it('should give the codes of the regions a report lies in', () => {
    expect(regionCodesOf('511304')).toEqual(['510000', '511300', '511304']);
    expect(regionCodesOf('310113')).toEqual(['310000', '310113']);
    expect(regionCodesOf('310000')).toEqual(['310000']);
  });

  it('should tell whether a report lies in a region', () => {
    expect(isInRegion('511304', '510000')).toBe(true);
    expect(isInRegion('511304', '511300')).toBe(true);
    expect(isInRegion('511304', '310000')).toBe(false);
    expect(isInRegion('310000', '310113')).toBe(false);
  });
});

describe('links and export', () => {
  it('should put the base path in front of every link', () => {
    expect(joinBase('/', 'years/2018/')).toBe('/years/2018/');
    expect(joinBase('/fzzfjs/', '/years/2018/')).toBe('/fzzfjs/years/2018/');
    expect(joinBase('/fzzfjs', '')).toBe('/fzzfjs/');
  });

  it('should quote CSV fields that need it', () => {
    const rows = catalogRows([report('2018/310113-rmzf', { title: '报告,"第一"稿', publisher: null })], 'https://x.example/');
    const csv = toCsv(rows);
    expect(csv.split('\r\n')[1]).toBe(
      '2018/310113-rmzf,https://x.example/reports/2018/310113-rmzf/,"报告,""第一""稿",上海市宝山区人民政府,上海市宝山区,310113,县区,2018,2019-01-30,published,,,,,',
    );
  });
});
