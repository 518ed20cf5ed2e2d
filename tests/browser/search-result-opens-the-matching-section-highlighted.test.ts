import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchFor } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

async function inView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const box = document.getElementById(target)?.getBoundingClientRect();
    return box !== undefined && box.top >= 0 && box.top < window.innerHeight;
  }, id);
}

describe('a search result', () => {
  it('should link to the matching section, which opens in view with the terms marked', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '重大行政决策程序');
    const link = page.locator('.search-hit-sections a[href*="#s"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    const section = href.split('#')[1];
    expect(section).toMatch(/^s\d+(-\d+)*$/);
    const heading = await link.textContent();

    await link.click();
    await page.waitForURL(`**#${section}`);
    await page.waitForSelector('mark.search-hit');
    expect(await page.locator(`[id="${section}"]`).textContent()).toContain((heading ?? '').trim());
    expect(await inView(page, section)).toBe(true);

    const marks = await page.locator('mark.search-hit').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.replace(/[^\p{L}\p{N}]/gu, '')).toBe('重大行政决策程序');
    expect(await page.locator('.search-hit-note').textContent()).toContain(`共 ${marks.length} 处`);
  });

  it('should mark terms matched across punctuation, and clear the marks on request', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '放管服改革');
    await page.locator('#search-list h3 a').first().click();
    await page.waitForSelector('mark.search-hit');
    expect(await page.locator('mark.search-hit').first().textContent()).toMatch(/^放管服.?改革$/);
    await page.getByRole('button', { name: '清除标记' }).click();
    expect(await page.locator('mark.search-hit').count()).toBe(0);
    expect(page.url()).not.toContain('highlight=');
  });

  it('should leave the report page whole when JavaScript is off', async () => {
    const { page: withScript } = await site.open();
    await searchFor(site, withScript, '宝山区');
    const hit = withScript.locator('.search-hit', { has: withScript.locator('.search-hit-sections a[href*="#s"]') }).first();
    const title = (await hit.locator('h3').textContent()) ?? '';
    expect(title).toMatch(/宝山区.*报告/);
    const href = (await hit.locator('.search-hit-sections a[href*="#s"]').first().getAttribute('href')) ?? '';

    const { page } = await site.open({ javaScript: false });
    await page.goto(new URL(href, site.url).href);
    expect(await page.locator('mark').count()).toBe(0);
    const section = href.split('#')[1];
    expect(await page.locator(`[id="${section}"]`).count()).toBe(1);
    expect(await page.locator('article h1').textContent()).toBe(title);
  });
});
