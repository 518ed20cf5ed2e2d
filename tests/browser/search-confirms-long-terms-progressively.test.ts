import { beforeAll, describe, expect, it } from 'vitest';
import { resultUrls, searchFor, truthOf, waitForSearch, type ShownText } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');
let texts: ShownText[];

beforeAll(async () => {
  texts = await site.reportTexts();
});

describe('a term longer than four characters', () => {
  it('should answer a term of up to four characters without fetching any text', async () => {
    const { page, requests } = await site.open({ fresh: true });
    await page.setViewportSize({ width: 1200, height: 200 });
    await searchFor(site, page, '行政执法');
    expect(await resultUrls(page)).toEqual(truthOf(texts, ['行政执法']));
    // Texts only for the excerpts on screen, not one per result.
    const fetched = requests.filter((url) => url.includes('/search-exact/texts/'));
    expect(fetched.length).toBeLessThan(truthOf(texts, ['行政执法']).length);
  });

  it('should show only confirmed reports, say how many are left, and confirm the rest on request', async () => {
    const { page } = await site.open();
    const expected = truthOf(texts, ['法治政府建设']);
    expect(expected.length).toBeGreaterThan(2);
    // A budget of 1 KiB: one text is checked, the rest wait.
    await searchFor(site, page, '法治政府建设', '&verify=1');
    expect(await page.locator('#search-list > li').count()).toBe(1);
    const left = expected.length - 1;
    expect(await page.locator('#search-status').textContent()).toBe(`找到 1 份报告包含“法治政府建设”；另有 ${left} 份可能包含，尚未核对原文`);
    expect(await page.locator('#search-pending').innerText()).toContain(`另有 ${left} 份报告可能包含“法治政府建设”，尚未核对，未列入结果。`);
    for (const url of await resultUrls(page)) expect(expected).toContain(url);

    await page.getByRole('button', { name: `核对其余 ${left} 份` }).click();
    await expect.poll(() => page.locator('#search-status').textContent()).toBe(`找到 ${expected.length} 份报告包含“法治政府建设”`);
    await waitForSearch(page);
    expect(await resultUrls(page)).toEqual(expected);
    expect(await page.locator('#search-pending button').count()).toBe(0);
  });

  it('should confirm every candidate with verify=all, and keep it for the next search', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '重大行政决策', '&verify=all');
    expect(await resultUrls(page)).toEqual(truthOf(texts, ['重大行政决策']));
    await page.fill('#search-q', '法治政府建设');
    await page.press('#search-q', 'Enter');
    await waitForSearch(page);
    expect(page.url()).toContain('verify=all');
    expect(await resultUrls(page)).toEqual(truthOf(texts, ['法治政府建设']));
    expect(await page.locator('#search-pending').innerText()).toBe('');
  });
});
