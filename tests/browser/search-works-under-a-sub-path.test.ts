import { describe, expect, it } from 'vitest';
import { searchFor, waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');

describe('the site built with BASE_PATH=/fzzfjs/', () => {
  it('should search, link and highlight under the sub-path only', async () => {
    const { page, errors, requests } = await site.open();
    await page.goto(site.url);
    expect(new URL(page.url()).pathname).toBe('/fzzfjs/');
    await page.fill('#site-search', '宝山区');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/fzzfjs/search/?q=*');
    await waitForSearch(page);

    const hrefs = await page.locator('#search-list a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/fzzfjs\/reports\/\d{4}\/[\w-]+\/$/);

    const link = page.locator('.search-hit-sections a[href*="#s"]').first();
    const section = ((await link.getAttribute('href')) ?? '').split('#')[1];
    await link.click();
    await page.waitForURL(`**/fzzfjs/reports/**#${section}`);
    await page.waitForSelector('mark.search-hit');
    const top = await page.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top ?? -1, section);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);

    expect(errors).toEqual([]);
    const outside = requests.filter((url) => !url.startsWith(`${site.origin}/fzzfjs/`));
    expect(outside).toEqual([]);
  });

  it('should reload a shared search under the sub-path', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '12345', '&sort=date');
    expect(new URL(page.url()).pathname).toBe('/fzzfjs/search/');
    expect(await page.locator('#search-list > li').count()).toBeGreaterThan(0);
    expect(await page.inputValue('#search-sort')).toBe('date');
  });
});
