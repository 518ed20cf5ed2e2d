import { beforeAll, describe, expect, it } from 'vitest';
import { resultUrls, searchFor, truthOf, waitForSearch, type ShownText } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');
let texts: ShownText[];

beforeAll(async () => {
  texts = await site.reportTexts();
  expect(texts.length).toBeGreaterThan(3);
});

describe('search', () => {
  it('should return every report containing a Chinese term typed in the box, and no other', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/`);
    const queries: Array<[query: string, terms: string[]]> = [
      ['法治政府', ['法治政府']],
      ['宝山区', ['宝山区']],
      ['行政复议 法律顾问', ['行政复议', '法律顾问']],
      ['城市 管理', ['城市', '管理']],
      ['“城市 管理”', ['城市管理']],
      ['"法治 建设"', ['法治建设']],
      ['12345', ['12345']],
      ['2018', ['2018']],
      ['script', ['script']],
      ['法', ['法']],
    ];
    for (const [query, terms] of queries) {
      await page.fill('#search-q', query);
      await page.press('#search-q', 'Enter');
      await waitForSearch(page);
      const expected = truthOf(texts, terms);
      expect(expected.length, `truth for ${query}`).toBeGreaterThan(0);
      expect(await resultUrls(page), query).toEqual(expected);
      await expect.poll(() => page.locator('#search-status').textContent()).toContain(`找到 ${expected.length} 份报告`);
    }
  });

  it('should tell a quoted phrase from words that must all occur', () => {
    expect(truthOf(texts, ['城市管理']).length).toBeLessThan(truthOf(texts, ['城市', '管理']).length);
  });

  it('should ignore spaces and punctuation in the text and in the query', async () => {
    const { page } = await site.open();
    // The text writes 1、“放管服”改革更加深入.
    await searchFor(site, page, '放管服改革');
    expect(await resultUrls(page)).toEqual(truthOf(texts, ['放管服改革']));
    expect(await page.locator('#search-list mark').first().textContent()).toMatch(/放管服.?改革/);
  });

  it('should mark the terms in every excerpt and show text as text', async () => {
    const { page } = await site.open();
    await searchFor(site, page, 'script');
    const excerpts = page.locator('.search-hit-excerpt');
    expect(await excerpts.count()).toBeGreaterThan(0);
    for (const excerpt of await excerpts.all()) {
      // Excerpts fill as their result comes into view.
      await excerpt.scrollIntoViewIfNeeded();
      await expect.poll(() => excerpt.locator('mark').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('#search-list script').count()).toBe(0);
  });

  it('should announce the number of results in a live region', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '宝山区');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toBe(`找到 ${truthOf(texts, ['宝山区']).length} 份报告包含“宝山区”`);
  });

  it('should work from the keyboard alone', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/`);
    await page.focus('#search-q');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    // Tab on from the box: the button, the sort order, the filters' heading, a filter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('搜索');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-sort');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    await page.keyboard.press('Space');
    await waitForSearch(page);
    expect(page.url()).toMatch(/[?&]year=/);
  });
});
