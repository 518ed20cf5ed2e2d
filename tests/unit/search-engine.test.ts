import { describe, expect, it } from 'vitest';
import { buildExactIndex } from '../../scripts/index-search/exact-index.ts';
import { countOccurrences, normalise } from '../../src/search/normalise.ts';
import { parseQuery } from '../../src/search/browser/query.ts';
import { engineOver, extracted, ids, randomReports } from '../helpers/report-pages.ts';

describe('ExactSearch', () => {
  const engine = engineOver(buildExactIndex(extracted(), '/fzzfjs/', { shards: 4 }));

  it('should find a term across punctuation inside one block', async () => {
    expect(await ids(engine, '放管服改革')).toEqual(['2018/310113-rmzf']);
  });
  it('should not match across two blocks', async () => {
    expect(await ids(engine, '放管服改革')).not.toContain('2019/310113-rmzf');
  });
  it('should require every space-separated word', async () => {
    expect(await ids(engine, '行政复议 法律顾问')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, '行政复议 火星')).toEqual([]);
  });
  it('should find digits and Latin letters, full-width or not', async () => {
    expect(await ids(engine, '12345')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, 'icp')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, '100%')).toEqual(['2019/310113-rmzf']);
  });
  it('should not find text that is only in ignored parts', async () => {
    expect(await ids(engine, '目录里的标题')).toEqual([]);
    expect(await ids(engine, '报告机构')).toEqual([]);
  });
  it('should count occurrences for relevance', async () => {
    const outcome = await engine.search(parseQuery('法治').terms);
    expect(outcome.hits.map((hit) => [hit.ordinal, hit.score])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
  it('should answer a term longer than four characters exactly from the positions of its grams, counts included', async () => {
    const long = await engine.search(parseQuery('行政复议案件').terms);
    expect(long.hits.map((hit) => [hit.ordinal, hit.counts])).toEqual([[1, [1]]]);
    const both = await engine.search(parseQuery('建设情况报告').terms);
    expect(both.hits.map((hit) => hit.ordinal)).toEqual([0, 1]);
  });
  it('should fetch no report text to count, filter or rank results', async () => {
    const fetched: string[] = [];
    const files = buildExactIndex(extracted(), '/fzzfjs/', { shards: 4 });
    const watched = engineOver(new Map([...files].filter(([path]) => !path.includes('/texts/'))), (path) => fetched.push(path));
    const outcome = await watched.search(parseQuery('行政复议案件 法治').terms);
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(fetched.filter((path) => path.includes('/texts/'))).toEqual([]);
  });
  it('should link matches to their sections', async () => {
    const terms = parseQuery('决策').terms;
    const [hit] = (await engine.search(terms)).hits;
    const details = await engine.details(hit, terms);
    expect(details.sections.map((section) => [section.id, section.count])).toEqual([['s1-1', 2]]);
  });
});

describe('ExactSearch against a brute-force scan', () => {
  const reports = randomReports(40);
  const engine = engineOver(buildExactIndex(reports, '/', { shards: 8 }));
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const truth = (query: string) => {
    const norms = parseQuery(query).terms.map((term) => term.norm);
    if (norms.length === 0) return [];
    return reports
      .filter((report) => norms.every((norm) => report.sections.some(([, , blocks]) => blocks.some((block) => normalise(block).includes(norm)))))
      .map((report) => report.record.id)
      .sort();
  };

  const counted = (query: string) => {
    const [term] = parseQuery(query).terms;
    return reports
      .map((report, ordinal) => [ordinal, report.sections.reduce((sum, [, , blocks]) => sum + blocks.reduce((inner, block) => inner + countOccurrences(normalise(block), term.norm), 0), 0)])
      .filter(([, count]) => count > 0);
  };

  it('should return exactly the reports that contain every term', async () => {
    for (let n = 0; n < 200; n++) {
      const query = n % 4 === 0 ? `${word(2)} ${word(3)}` : n % 5 === 0 ? `${word(3)} ${word(6)}` : word(1 + (n % 7));
      expect(await ids(engine, query), query).toEqual(truth(query));
    }
  });
  it('should count every occurrence of a long term, overlapping ones included, as a scan does', async () => {
    for (let n = 0; n < 60; n++) {
      const query = word(5 + (n % 12));
      const outcome = await engine.search(parseQuery(query).terms);
      expect(outcome.hits.map((hit) => [hit.ordinal, hit.score]), query).toEqual(counted(query));
    }
  });
});
