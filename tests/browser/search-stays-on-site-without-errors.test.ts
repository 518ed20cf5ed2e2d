import { describe, expect, it } from 'vitest';
import { waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('searching the site', () => {
  it('should make no request outside the site and log no error, from home page to a marked section', async () => {
    const { page, errors, requests } = await site.open();
    await page.goto(site.url);
    await page.fill('#site-search', '行政复议');
    await page.press('#site-search', 'Enter');
    await waitForSearch(page);
    await page.getByRole('checkbox').first().check();
    await waitForSearch(page);
    await page.selectOption('#search-sort', 'date');
    await waitForSearch(page);
    await page.locator('.search-hit-sections a').first().click();
    await page.waitForSelector('mark.search-hit');
    await page.goBack();
    await waitForSearch(page);

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/`))).toEqual([]);
  });

  it('should not load Pagefind or anything but the exact index for a search with results enough', async () => {
    const { page, requests } = await site.open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('法治')}`);
    await waitForSearch(page);
    const paths = requests.map((url) => new URL(url).pathname);
    expect(paths.filter((path) => path.includes('/search-exact/')).length).toBeGreaterThan(1);
    expect(paths.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    expect(await page.locator('#search-list > li').count()).toBeGreaterThanOrEqual(5);
  });
});
