import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSite } from '../../../scripts/index-search/index-site.ts';
import { pagefindParts } from '../../../scripts/index-search/pagefind.ts';
import { mergePlan } from '../../../scripts/index-search/segments.ts';
import { decodeRuns, encodeRuns } from '../../../src/search/format.ts';
import { page, randomText, temporarySites, writeSite, type TestPage } from '../../helpers/report-pages.ts';
import { answers } from '../../../scripts/eval/answers.ts';
import { hashes } from '../../helpers/archive-builds.ts';

const report = (n: number, extra = '') =>
  page(`reports/20${10 + (n % 10)}/${String(n).padStart(3, '0')}-x/index.html`, {
    title: `第${n}号报告`,
    year: `20${10 + (n % 10)}`,
    agency: `机构${n % 7}`,
    body: `<h2 id="s1">一、情况</h2><p>${randomText(n, 60)}${extra}</p><h2 id="s2">二、问题</h2><p>${randomText(n + 500, 40)}</p>`,
  });

const site = temporarySites('rebuild-');
/** Index the site in `dir` with `options`; the log. */
const index = async (dir: string, options: Parameters<typeof indexSite>[1]) => {
  const lines: string[] = [];
  const result = await indexSite(dir, { workers: 0, cache: false, ...options, log: (line) => lines.push(line) });
  expect(result.fatal).toEqual([]);
  return lines.join('\n');
};

describe('a rebuild of the exact index', () => {
  const run = (dir: string, full = false) => index(dir, { pagefind: false, full });
  const queries = (pages: TestPage[]) => [
    ...pages.slice(0, 12).flatMap((one, n) => {
      const text = randomText(Number(/\/(\d{3})-x\//.exec(one.file)?.[1] ?? n), 60);
      return [text.slice(n % 5, (n % 5) + 2), text.slice(10, 14), text.slice(20, 27), `${text.slice(3, 5)} ${text.slice(30, 33)}`];
    }),
    '改过的一句话',
    '新来的报告',
    '情况',
  ];

  it('should answer every query as a full build of the same site does, after reports are added, changed and removed', async () => {
    const before = Array.from({ length: 40 }, (_, n) => report(n));
    const dir = site(before);
    expect(await run(dir)).toContain('full build (no index yet)');
    const catalog = readFileSync(join(dir, 'search-exact', 'catalog.json'), 'utf8');
    // Nothing changed: nothing is written but the catalog, which is the same.
    expect(await run(dir)).toMatch(/0 written, 0 merges, 40 reports held/);
    expect(readFileSync(join(dir, 'search-exact', 'catalog.json'), 'utf8')).toBe(catalog);

    const after = [...before.filter((_, n) => n !== 7).map((one, n) => (n === 3 ? report(3, '改过的一句话') : one)), report(40, '新来的报告'), report(41), report(100)];
    rmSync(join(dir, before[7].file), { force: true });
    writeSite(dir, after);
    const log = await run(dir);
    // The changed and added reports go into one new segment; the others are not read again.
    expect(log).toMatch(/1 written, 0 merges, 38 reports held/);
    const fresh = site(after);
    await run(fresh, true);
    expect(await answers(dir, queries(after))).toEqual(await answers(fresh, queries(after)));
    expect((await answers(dir, ['改过的一句话']))[0]).toMatchObject({ counts: [1] });
  });

  it('should merge small segments as they pile up, and still answer as a full build does', async () => {
    const pages = Array.from({ length: 20 }, (_, n) => report(n));
    const dir = site(pages);
    await run(dir);
    for (let n = 20; n < 27; n++) {
      pages.push(report(n, n === 26 ? '新来的报告' : ''));
      writeSite(dir, pages);
      await run(dir);
    }
    const catalog = JSON.parse(readFileSync(join(dir, 'search-exact', 'catalog.json'), 'utf8')) as { segments: unknown[] };
    // 20 + seven single reports: four singles were merged, so 1 + 1 + 3 segments, not 8.
    expect(catalog.segments.length).toBeLessThanOrEqual(5);
    // Only the segments the catalog names are on disk.
    expect(readdirSync(join(dir, 'search-exact', 'segments')).sort()).toEqual(catalog.segments.map((segment) => (segment as { name: string }).name).sort());
    const fresh = site(pages);
    await run(fresh, true);
    expect(await answers(dir, queries(pages))).toEqual(await answers(fresh, queries(pages)));
  });

  it('should replace an index of an older format, its files removed once the new catalog is in place', async () => {
    const pages = Array.from({ length: 10 }, (_, n) => report(n));
    const dir = site(pages);
    mkdirSync(join(dir, 'search-exact', 'texts'), { recursive: true });
    writeFileSync(join(dir, 'search-exact', 'texts', '0.json'), '[]');
    writeFileSync(join(dir, 'search-exact', 'catalog.json'), JSON.stringify({ format: 3 }));
    expect(await run(dir)).toContain('full build (index format 3, this code writes 5)');
    expect(readdirSync(join(dir, 'search-exact')).sort()).toEqual(['catalog.json', 'segments']);
  });
});

describe('a rebuild of Pagefind’s index in parts', () => {
  const run = (dir: string) => index(dir, { pagefindPartSize: 10 });
  const pagefindFiles = (dir: string) => hashes(join(dir, 'pagefind'));

  it('should write again only the part of the year a report was added to, and give a full build’s files', async () => {
    // 40 reports over ten years, four a year: parts of two years each.
    const before = Array.from({ length: 40 }, (_, n) => report(n));
    const dir = site(before);
    expect(await run(dir)).toMatch(/pagefind: 40 records in 5 parts in/);
    const after = [...before, report(50, '新来的报告')];
    writeSite(dir, after);
    expect(await run(dir)).toMatch(/pagefind: 41 records in 5 parts, 4 of them kept as they were in/);
    // Report 50 is of the first year, whose part is pagefind/ itself: the other parts are linked beside it.
    const fresh = site(after);
    await run(fresh);
    expect(pagefindFiles(dir)).toEqual(pagefindFiles(fresh));
    expect(Object.keys(pagefindFiles(dir)).filter((path) => path.endsWith('pagefind-entry.json'))).toHaveLength(5);
    // Report 59 is of the last year: the first part is kept, linked without the others' folders.
    const later = [...after, report(59)];
    writeSite(dir, later);
    expect(await run(dir)).toMatch(/pagefind: 42 records in 5 parts, 4 of them kept as they were in/);
    const fresher = site(later);
    await run(fresher);
    expect(pagefindFiles(dir)).toEqual(pagefindFiles(fresher));
  }, 60_000);
});

describe('pagefindParts', () => {
  const of = (years: number[]) => years.map((year, n) => ({ n, facts: { year: String(year) } }));
  const cut = (years: number[], size: number) => pagefindParts(of(years), size).map((part) => part.map((one) => one.n));

  it('should keep one part while everything fits, as one index', () => {
    expect(cut([2016, 2016, 2017, 2018], 4)).toEqual([[0, 1, 2, 3]]);
  });

  it('should put whole years into parts, in order, as many as fit', () => {
    expect(cut([2016, 2016, 2017, 2017, 2018, 2019, 2019, 2019], 4)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    expect(cut([2016, 2016, 2016, 2017, 2017, 2018], 4)).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  it('should cut a year larger than a part into even pieces', () => {
    expect(cut([2015, 2016, 2016, 2016, 2016, 2016, 2017], 2)).toEqual([[0], [1], [2, 3], [4, 5], [6]]);
  });
});

describe('mergePlan', () => {
  it('should merge four segments of one size class, and leave a big one and a batch alone', () => {
    expect(mergePlan([{ live: 20_000, count: 20_000 }, { live: 5_000, count: 5_000 }, { live: 1, count: 1 }])).toEqual([]);
    expect(mergePlan([{ live: 20_000, count: 20_000 }, { live: 1, count: 1 }, { live: 2, count: 2 }, { live: 3, count: 3 }, { live: 1, count: 1 }])).toEqual([[1, 2, 3, 4]]);
  });
  it('should merge what a merge makes with the next class when that fills it', () => {
    const small = Array.from({ length: 4 }, () => ({ live: 1, count: 1 }));
    const mid = Array.from({ length: 3 }, () => ({ live: 5, count: 5 }));
    expect(mergePlan([...mid, ...small])).toEqual([[0, 1, 2, 3, 4, 5, 6]]);
  });
  it('should not merge past the largest segment, and write again a segment that lost more than half its reports', () => {
    const big = Array.from({ length: 4 }, () => ({ live: 16_000, count: 16_000 }));
    expect(mergePlan(big, 20_000)).toEqual([]);
    expect(mergePlan([{ live: 100, count: 300 }, { live: 20_000, count: 20_000 }])).toEqual([[0]]);
  });
});

describe('segment maps', () => {
  it('should round-trip ordinals with gaps and reports no more held', () => {
    for (const ordinals of [[], [0, 1, 2], [0, 1, 2, -1, 5, 6], [-1, -1, 3], [7], [2, 4, 6, -1, 9]]) {
      expect([...decodeRuns(encodeRuns(ordinals), ordinals.length)]).toEqual(ordinals);
    }
    expect(encodeRuns([0, 1, 2, -1, 5, 6])).toBe('0.3,_1,2.2');
    expect(() => decodeRuns('0.3', 5)).toThrow(/covers 3 reports, expected 5/);
  });
});
