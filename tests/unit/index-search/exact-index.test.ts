import { describe, expect, it } from 'vitest';
import { buildExactIndex } from '../../../scripts/index-search/exact-index.ts';
import { IndexCatalog, decodePostings, encodeCatalog, encodeRuns, type CatalogFacts, type CatalogFile, type DisplayRow } from '../../../src/search/format.ts';
import { shardOf } from '../../../src/search/hash.ts';
import { charsOf, countOccurrences, normalise } from '../../../src/search/normalise.ts';
import { extracted, randomReports, segmentOf } from '../../helpers/report-pages.ts';

describe('buildExactIndex', () => {
  it('should give identical bytes whatever the order of pages', () => {
    const a = buildExactIndex(extracted(), '/fzzfjs/');
    const b = buildExactIndex(extracted().reverse(), '/fzzfjs/');
    expect([...a]).toEqual([...b]);
    expect(JSON.parse(segmentOf(a).get('rows/0.json') ?? '') as DisplayRow[]).toEqual([
      ['2018/310113-rmzf', '宝山区2018年度法治政府建设情况报告'],
      ['2019/310113-rmzf', '宝山区2019年度法治政府建设情况报告'],
    ]);
  });

  it('should give identical bytes whatever the number of shard groups, in memory or through temporary files', () => {
    const reports = randomReports(30);
    const one = buildExactIndex(reports, '/', { shards: 16, groups: 1 });
    for (const options of [{ groups: 2 }, { groups: 16 }, { groups: 4, inMemory: 10 }]) {
      const other = buildExactIndex(reports, '/', { shards: 16, ...options });
      expect([...other].filter(([path]) => path !== 'catalog.json')).toEqual([...one].filter(([path]) => path !== 'catalog.json'));
      expect(other.get('catalog.json')).toEqual(one.get('catalog.json'));
    }
  });

  it('should write a catalog whose columns give back every report\'s facts', () => {
    const files = buildExactIndex(extracted(), '/fzzfjs/');
    const catalog = new IndexCatalog(JSON.parse(files.get('catalog.json') ?? '') as CatalogFile);
    expect(catalog.count).toBe(2);
    expect([catalog.value('year', 0), catalog.value('year', 1)]).toEqual(['2018', '2019']);
    expect(catalog.value('agency', 1)).toBe('上海市宝山区人民政府');
    expect(catalog.date(0)).toBe('2018-03-01');
    expect(catalog.url('2018/310113-rmzf')).toBe('/fzzfjs/reports/2018/310113-rmzf/');
  });
});

describe('the compact catalog', () => {
  it('should round-trip codes and dates, with dictionaries past 64 values', () => {
    const facts: CatalogFacts[] = Array.from({ length: 300 }, (_, index) => ({
      year: String(2016 + (index % 10)),
      province: index % 7 === 0 ? '' : `省${index % 31}`,
      city: `市${index % 97}`,
      agency: `机构${index}`,
      level: ['省', '市', '县区', '部门'][index % 4],
      date: index % 50 === 0 ? '' : new Date(Date.UTC(2017, 0, 1) + index * 86_400_000 * 9).toISOString().slice(0, 10),
    }));
    const file = JSON.parse(JSON.stringify(encodeCatalog(facts, '/', [{ name: 's', count: facts.length, shards: 64, ordinals: encodeRuns(facts.map((_, ordinal) => ordinal)) }]))) as CatalogFile;
    expect(file.widths.agency).toBe(2);
    expect(file.widths.year).toBe(1);
    const catalog = new IndexCatalog(file);
    facts.forEach((fact, ordinal) => {
      for (const field of ['year', 'province', 'city', 'agency', 'level'] as const) expect(catalog.value(field, ordinal)).toBe(fact[field]);
      expect(catalog.date(ordinal)).toBe(fact.date);
    });
    expect(catalog.codeOf('agency', '机构7')).toBe(file.dictionaries.agency.indexOf('机构7'));
    expect(catalog.codeOf('agency', '没有')).toBe(-1);
    // Small: 10 characters a report (1 + 1 + 2 + 2 + 1 for the facets, 3 for the date) besides the dictionaries.
    expect(Object.values(file.columns).join('').length).toBe(300 * 10);
  });
});

describe('n-gram postings', () => {
  it('should list, for every n-gram of 1 to 4 characters inside a block, exactly the reports and occurrences', () => {
    const reports = randomReports(25);
    reports[3].sections[0][2].push('𠮷野家𠮷野'); // characters outside the BMP
    const files = buildExactIndex(reports, '/', { shards: 8, groups: 2 });
    const sorted = [...reports].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    const truth = new Map<string, Map<number, number>>();
    sorted.forEach((report, ordinal) => {
      for (const [, , blocks] of report.sections) {
        for (const block of blocks) {
          const chars = charsOf(normalise(block));
          for (let n = 1; n <= 4; n++) {
            for (let at = 0; at + n <= chars.length; at++) {
              const key = chars.slice(at, at + n).join('');
              const counts = truth.get(key) ?? new Map<number, number>();
              counts.set(ordinal, (counts.get(ordinal) ?? 0) + 1);
              truth.set(key, counts);
            }
          }
        }
      }
    });
    const shards = Array.from({ length: 8 }, (_, n) => JSON.parse(segmentOf(files).get(`postings/${n}.json`) ?? '{}') as Record<string, string>);
    const keys = shards.flatMap((shard) => Object.keys(shard));
    expect(keys.sort()).toEqual([...truth.keys()].sort());
    for (const [key, counts] of truth) {
      expect([...decodePostings(shards[shardOf(key, 8)][key])], key).toEqual([...counts].sort((a, b) => a[0] - b[0]));
    }
    expect(truth.has('𠮷野家𠮷')).toBe(true);
    // No n-gram across two blocks.
    expect(countOccurrences(keys.join(' '), '\u0000')).toBe(0);
  });
});
