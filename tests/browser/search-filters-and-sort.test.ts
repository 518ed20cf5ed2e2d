import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchFor, waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

/** `{value: count}` of one facet, read from its checkbox labels. */
async function facet(page: Page, key: string): Promise<Record<string, number>> {
  const labels = await page.locator(`[data-facet="${key}"] label`).allTextContents();
  return Object.fromEntries(labels.map((label) => {
    const match = /^(.*) \((\d+)\)$/.exec(label);
    return [match?.[1] ?? label, Number(match?.[2])];
  }));
}

const hitIds = (page: Page) => page.locator('#search-list > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.reportId ?? ''));

describe('filters and sort', () => {
  it('should show counts over the exact result set, and filter by them', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '法治政府');
    const all = await hitIds(page);
    const years = await facet(page, 'year');
    expect(Object.values(years).reduce((a, b) => a + b, 0)).toBe(all.length);
    for (const [year, count] of Object.entries(years)) expect(all.filter((id) => id.startsWith(`${year}/`))).toHaveLength(count);
    for (const key of ['province', 'city', 'agency', 'level']) expect(Object.keys(await facet(page, key)).length).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: /^2023 / }).check();
    await waitForSearch(page);
    expect(page.url()).toContain('year=2023');
    const filtered = await hitIds(page);
    expect(filtered).toHaveLength(years['2023']);
    expect(filtered.every((id) => id.startsWith('2023/'))).toBe(true);
    expect(await page.locator('#search-status').textContent()).toBe(`${all.length} 份报告包含“法治政府”，符合筛选条件的 ${years['2023']} 份`);
    // Other facets now count within 2023 only; the year facet still offers every year.
    const provinces = await facet(page, 'province');
    expect(Object.values(provinces).reduce((a, b) => a + b, 0)).toBe(years['2023']);
    expect(await facet(page, 'year')).toEqual(years);

    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await waitForSearch(page);
    expect(await hitIds(page)).toHaveLength(all.length);
    expect(page.url()).not.toContain('year=');
  });

  it('should sort by date, newest first, and by number of matches', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '法治政府');
    const scores = await page.locator('#search-list > li').evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.score)));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    await page.selectOption('#search-sort', 'date');
    await waitForSearch(page);
    expect(page.url()).toContain('sort=date');
    const dates = await page.locator('#search-list > li').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.date ?? ''));
    expect(dates.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
