import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexSite } from '../../scripts/index-search/index-site.ts';
import { searchFor } from '../helpers/browser.ts';
import { serveSite, useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('when the exact search finds few reports', () => {
  it('should list, apart and labelled as not exact, reports whose title or headings hold similar words', async () => {
    const { page, errors } = await site.open();
    await searchFor(site, page, '宝山区 火星');
    expect(await page.locator('#search-list > li').count()).toBe(0);
    expect(await page.locator('#search-status').textContent()).toBe('没有报告同时包含“宝山区”和“火星”');
    const related = page.locator('#search-related');
    expect(await related.isVisible()).toBe(true);
    expect(await related.locator('h2').textContent()).toBe('标题或章节名含有相近词语的报告（非完全匹配）');
    const titles = await related.locator('li h3 a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((title) => title.includes('宝山区'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('should leave out of the similar list the reports already found exactly', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '宝山区');
    const exact = await page.locator('#search-list > li h3 a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.length).toBeLessThan(5);
    const similar = await page.locator('#search-related li h3 a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    for (const path of similar) expect(exact).not.toContain(path);
  });

  it('should show nothing of the kind when the exact search finds enough', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '法治');
    expect(await page.locator('#search-related').isHidden()).toBe(true);
  });
});

describe('a Pagefind index built in parts', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** URLs Pagefind finds for each query, on the site in `dir`, its parts merged as the search page merges them. */
  async function pagefindUrls(dir: string, queries: string[]): Promise<string[][]> {
    const running = await serveSite(dir, '/');
    const { page } = await site.open({ fresh: true });
    try {
      await page.goto(running.url);
      // As a string: Vitest would rewrite an import() inside a function.
      const script = `(async (list) => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const parts = await (await fetch('/pagefind/parts.json')).json();
        for (const part of parts) if (part) await pagefind.mergeIndex('/pagefind/' + part);
        const out = [];
        for (const query of list) {
          const search = await pagefind.search(query);
          const data = await Promise.all(search.results.map((result) => result.data()));
          out.push(data.map((result) => result.url).sort());
        }
        return out;
      })(${JSON.stringify(queries)})`;
      return (await page.evaluate(script)) as string[][];
    } finally {
      await running.close();
    }
  }

  it('should find what one index finds: the same reports for words every part holds, more for words some part lacks', { timeout: 120_000 }, async () => {
    const whole = mkdtempSync(join(tmpdir(), 'pagefind-whole-'));
    const split = mkdtempSync(join(tmpdir(), 'pagefind-split-'));
    dirs.push(whole, split);
    cpSync(site.dir, whole, { recursive: true });
    cpSync(site.dir, split, { recursive: true });
    const quiet = { log: () => undefined };
    // Two parts of three reports (by id: 2018, 2019, 2021 | 2022, 2023, 2023).
    expect((await indexSite(split, { ...quiet, pagefindPartSize: 3 })).fatal).toEqual([]);
    expect((await indexSite(whole, quiet)).fatal).toEqual([]);
    expect(JSON.parse(readFileSync(join(split, 'pagefind/parts.json'), 'utf8'))).toEqual(['', 'part2/']);
    expect(JSON.parse(readFileSync(join(whole, 'pagefind/parts.json'), 'utf8'))).toEqual(['']);
    const everywhere = ['法治政府', '法治 政府', '依法行政', '建设'];
    const somewhere = ['宝山区', '城市管理', '嘉陵区', '营商环境'];
    const [one, parts] = [await pagefindUrls(whole, [...everywhere, ...somewhere]), await pagefindUrls(split, [...everywhere, ...somewhere])];
    expect(parts.slice(0, everywhere.length)).toEqual(one.slice(0, everywhere.length));
    expect(one.slice(0, everywhere.length).every((urls) => urls.length > 0)).toBe(true);
    // Pagefind drops a word that a part does not know: that part then matches on the other words.
    one.forEach((urls, index) => expect(parts[index]).toEqual(expect.arrayContaining(urls)));
  });
});
