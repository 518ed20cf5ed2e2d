import type { Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countByYear, resultUrls, truthOf, waitForSearch, yearFacet, type ShownText } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');
let texts: ShownText[];

beforeAll(async () => {
  texts = await site.reportTexts();
});

describe('a term of any length, in the default mode', () => {
  it.each([
    ['five', '规范性文件'],
    ['twelve', '推进违法违规经营综合治理'],
  ])('should show the exact count and filter counts of a %s-character term before any report text arrives', async (_, term) => {
    const expected = truthOf(texts, [term]);
    expect(expected.length, `the fixture holds ${term} in two reports or more`).toBeGreaterThan(1);
    const { page, requests } = await site.open({ fresh: true });
    // Hold every report text: whatever needs one cannot finish until they are let go.
    const held: Route[] = [];
    await page.route('**/search-exact/segments/*/texts/**', (route) => void held.push(route));
    await page.goto(`${site.url}search/?q=${encodeURIComponent(term)}`);

    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toBe(`找到 ${expected.length} 份报告包含“${term}”`);
    expect(await page.locator('#search-list > li').count()).toBe(expected.length);
    expect(await yearFacet(page)).toEqual(countByYear(expected));
    const before = requests.filter((url) => /\/search-exact\/segments\/[^/]+\/texts\//.test(url));

    for (const route of held.splice(0)) await route.continue();
    await page.unroute('**/search-exact/segments/*/texts/**');
    await waitForSearch(page);
    expect(await resultUrls(page)).toEqual(expected);
    // Texts were asked for the excerpts on screen only, never to confirm a count.
    expect(before.length).toBeLessThanOrEqual(expected.length);
    expect(await page.locator('#search-list .search-hit-excerpt mark').count()).toBeGreaterThan(0);
  });

  it('should give the same reports under either sort', async () => {
    const term = '推进违法违规经营综合治理';
    const { page } = await site.open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent(term)}&sort=date`);
    await waitForSearch(page);
    expect(await resultUrls(page)).toEqual(truthOf(texts, [term]));
  });
});

describe('traditional and simplified characters', () => {
  it('should find the simplified text for a traditional query', async () => {
    const expected = truthOf(texts, ['行政执法']);
    expect(expected.length).toBeGreaterThan(1);
    const { page } = await site.open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('行政執法')}`);
    await waitForSearch(page);
    expect(await resultUrls(page)).toEqual(expected);
    expect(await page.locator('#search-status').textContent()).toBe(`找到 ${expected.length} 份报告包含“行政執法”`);
  });

  it('should find the traditional text for a simplified query, and show it as written', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('包容审慎监管')}`);
    await waitForSearch(page);
    expect(await resultUrls(page)).toEqual([`${site.url}reports/2019/310113-rmzf/`]);
    expect(await page.locator('#search-list .search-hit-excerpt mark').first().textContent()).toBe('包容審慎監管');
  });
});
