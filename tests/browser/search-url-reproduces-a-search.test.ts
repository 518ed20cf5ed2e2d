import { describe, expect, it } from 'vitest';
import { waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('the URL of a search', () => {
  it('should reproduce query, filters and sort when shared and reloaded', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/`);
    await page.fill('#search-q', '执法 人员');
    await page.press('#search-q', 'Enter');
    await waitForSearch(page);
    await page.getByRole('checkbox', { name: /^部门 / }).check();
    await waitForSearch(page);
    await page.selectOption('#search-sort', 'date');
    await waitForSearch(page);
    const shared = page.url();
    expect(shared).toContain('q=%E6%89%A7%E6%B3%95+%E4%BA%BA%E5%91%98');
    expect(shared).toContain('level=%E9%83%A8%E9%97%A8');
    expect(shared).toContain('sort=date');
    const before = await page.locator('#search-list').innerText();

    const { page: other } = await site.open({ fresh: true });
    await other.goto(shared);
    await waitForSearch(other);
    expect(await other.inputValue('#search-q')).toBe('执法 人员');
    expect(await other.getByRole('checkbox', { name: /^部门 / }).isChecked()).toBe(true);
    expect(await other.inputValue('#search-sort')).toBe('date');
    expect(await other.locator('#search-list').innerText()).toBe(before);
    expect(await other.title()).toContain('执法 人员');
  });

  it('should take the query from the search form in the header of every page', async () => {
    const { page } = await site.open();
    await page.goto(site.url);
    await page.fill('#site-search', '宝山区');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/search/?q=*');
    await waitForSearch(page);
    expect(await page.inputValue('#search-q')).toBe('宝山区');
    expect(await page.locator('#search-list > li').count()).toBeGreaterThan(0);
  });

  it('should go back to the previous search', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/?q=12345`);
    await waitForSearch(page);
    const first = await page.locator('#search-status').textContent();
    await page.fill('#search-q', '宝山区');
    await page.press('#search-q', 'Enter');
    await waitForSearch(page);
    await page.goBack();
    await expect.poll(() => page.locator('#search-status').textContent()).toBe(first);
    expect(await page.inputValue('#search-q')).toBe('12345');
  });
});
