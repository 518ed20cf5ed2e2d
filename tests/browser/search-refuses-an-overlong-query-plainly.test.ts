/**
 * Item 14 of issue 13: a 64 KB query is refused at once with a plain
 * message, not after a long wait with one that blames the network; a
 * damaged index file is not called a network error either.
 */
import { describe, expect, it } from 'vitest';
import { searchFor } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('a query that is too long', () => {
  it('should say so within seconds when 64 KB are pasted into the search box, and fetch no index', async () => {
    const { page, requests } = await site.open({ fresh: true });
    await page.goto(`${site.url}search/`);
    await page.locator('#search-q').fill('法治'.repeat(11_000));
    const started = performance.now();
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => document.querySelector('#search-message')?.textContent?.includes('搜索词过长'), null, { timeout: 10_000 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await page.locator('#search-results').getAttribute('data-state')).toBe('done');
    const message = await page.locator('#search-message').innerText();
    expect(message).toContain('搜索词过长（22000 个字），最多 200 个字');
    expect(message).not.toContain('网络');
    expect(requests.filter((url) => /\/search-exact\/segments\/[^/]+\/postings\//.test(url))).toEqual([]);
  });
});

describe('a damaged index file', () => {
  it('should say the index is damaged, not that the network failed', async () => {
    const { page, context } = await site.open({ fresh: true });
    await context.route('**/search-exact/catalog.json*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"cut off' }));
    await searchFor(site, page, '法治');
    expect(await page.locator('#search-results').getAttribute('data-state')).toBe('error');
    const message = await page.locator('#search-message').innerText();
    expect(message).toContain('搜索索引文件已损坏');
    expect(message).not.toContain('网络');
  });
});
