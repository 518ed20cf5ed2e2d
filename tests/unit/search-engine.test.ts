import { describe, expect, it } from 'vitest';
import { buildExactIndex } from '../../scripts/index-search/exact-index.ts';
import { normalise } from '../../src/search/normalise.ts';
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
  it('should answer terms of up to four characters from the postings alone, and confirm longer ones', async () => {
    const short = await engine.search(parseQuery('行政复议').terms);
    expect(short.pending.size).toBe(0);
    expect(short.hits.map((hit) => hit.ordinal)).toEqual([0, 1]);
    const long = await engine.search(parseQuery('行政复议案件').terms);
    expect(long.hits).toEqual([]);
    expect([...long.pending.keys()]).toEqual([1]);
    await engine.confirm(long, [1]);
    expect(long.hits.map((hit) => [hit.ordinal, hit.counts])).toEqual([[1, [1]]]);
    expect(long.pending.size).toBe(0);
  });
  it('should stop confirming at the budget, leaving the rest pending', async () => {
    const outcome = await engine.search(parseQuery('建设情况报告').terms);
    expect(outcome.pending.size).toBe(2);
    await engine.confirm(outcome, [1, 0], { budget: 1 });
    expect(outcome.hits.map((hit) => hit.ordinal)).toEqual([1]);
    expect([...outcome.pending.keys()]).toEqual([0]);
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

  it('should return exactly the reports that contain every term', async () => {
    for (let n = 0; n < 200; n++) {
      const query = n % 4 === 0 ? `${word(2)} ${word(3)}` : n % 5 === 0 ? `${word(3)} ${word(6)}` : word(1 + (n % 7));
      expect(await ids(engine, query), query).toEqual(truth(query));
    }
  });
});
