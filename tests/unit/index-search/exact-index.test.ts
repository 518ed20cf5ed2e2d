import { describe, expect, it } from 'vitest';
import { buildExactIndex } from '../../../scripts/index-search/exact-index.ts';
import { IndexCatalog, decodeColumn, decodeDictionary, decodePostings, encodeCatalog, encodeColumn, encodeDictionary, encodeRuns, type CatalogFacts, type CatalogFile, type DisplayRow } from '../../../src/search/format.ts';
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
  it('should round-trip codes and dates, with dictionaries past 64 values and differences past 32', () => {
    const facts: CatalogFacts[] = Array.from({ length: 300 }, (_, index) => ({
      id: `${2016 + Math.floor(index / 30)}/${String(110000 + (index % 30) * 7).padStart(6, '0')}-x${index % 90}`,
      year: String(2016 + Math.floor(index / 30)),
      province: index % 7 === 0 ? '' : `省${index % 31}`,
      city: `市${index % 97}`,
      agency: `机构${index}`,
      level: ['省', '市', '县区', '部门'][index % 4],
      date: index % 50 === 0 ? '' : new Date(Date.UTC(2017, 0, 1) + index * 86_400_000 * 9).toISOString().slice(0, 10),
    }));
    const file = JSON.parse(JSON.stringify(encodeCatalog(facts, '/', [{ name: 's', count: facts.length, shards: 64, ordinals: encodeRuns(facts.map((_, ordinal) => ordinal)) }]))) as CatalogFile;
    const catalog = new IndexCatalog(file);
    facts.forEach((fact, ordinal) => {
      for (const field of ['year', 'province', 'city', 'agency', 'level'] as const) expect(catalog.value(field, ordinal)).toBe(fact[field]);
      expect(catalog.date(ordinal)).toBe(fact.date);
    });
    expect(catalog.values('agency')[catalog.codeOf('agency', '机构7')]).toBe('机构7');
    expect(catalog.codeOf('agency', '没有')).toBe(-1);
    expect([...catalog.values('year')].sort()).toEqual(['', ...Array.from({ length: 10 }, (_, n) => String(2016 + n))]);
  });

  it('should order a dictionary by the ids after the year, so that one agency a region each year takes one digit a report', () => {
    const regions = Array.from({ length: 200 }, (_, n) => String(110000 + n * 100));
    const facts: CatalogFacts[] = ['2019', '2020', '2021'].flatMap((year) =>
      regions.map((code, n) => ({ id: `${year}/${code}-rmzf`, year, province: `省${n % 3}`, city: `市${n % 5}`, agency: `${code}区人民政府`, level: year === '2021' && n === 7 ? '市' : '县区', date: '' })),
    );
    const file = encodeCatalog(facts, '/', [{ name: 's', count: facts.length, shards: 8, ordinals: encodeRuns(facts.map((_, ordinal) => ordinal)) }]);
    // A rise of one is one digit; the drop back at a new year is two.
    expect(file.columns.agency.length).toBe(600 + 2);
    expect(file.columns.year.length).toBe(600);
    // Province and city follow the agency: nothing but zeros a report.
    expect(file.columns.city).toBe('0'.repeat(600));
    const catalog = new IndexCatalog(file);
    expect(catalog.value('agency', 401)).toBe('110100区人民政府');
    expect([catalog.value('city', 401), catalog.value('province', 401)]).toEqual(['市1', '省1']);
    // An agency whose level changed keeps its own level that year.
    expect([catalog.value('level', 7), catalog.value('level', 407), catalog.value('level', 408)]).toEqual(['县区', '市', '县区']);
  });

  it('should front-code a dictionary and refuse a column of the wrong length', () => {
    const values = ['', '上海市宝山区司法局', '上海市宝山区人民政府', '四川省南充市'];
    expect(encodeDictionary(values)).toBe('0\n0上海市宝山区司法局\n6人民政府\n0四川省南充市');
    expect(decodeDictionary(encodeDictionary(values))).toEqual(values);
    for (const column of [[0, 5, 3, 100_000, -2, 0], [], [7]]) expect([...decodeColumn(encodeColumn(column), column.length)]).toEqual(column);
    expect(() => decodeColumn(encodeColumn([1, 2, 3]), 4)).toThrow(/holds 3 values, expected 4/);
    expect(() => decodeColumn(encodeColumn([1, 2, 3]), 2)).toThrow(/more than 2 values/);
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
