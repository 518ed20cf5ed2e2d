/**
 * Quick find in the header's search box (src/search/browser/quick-find.ts),
 * on a report page served under /fzzfjs/ by nginx: from two characters on it
 * suggests the agencies and reports whose name, title, region or headings
 * hold what is typed, from Pagefind; ↓ and Enter open a suggestion; Enter
 * alone still opens the exact full-text search for what was typed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';
const AGENCY = '嘉定区城市管理';

/** The suggestions on screen, as `kind title`. */
async function suggestions(page: Page): Promise<string[]> {
  await page.waitForSelector('#quick-find:not([hidden]) [role="option"]');
  return page.locator('#quick-find-list [role="option"]').evaluateAll((options) =>
    options.map((option) => `${option.querySelector('.quick-find-kind')?.textContent} ${option.querySelector('.quick-find-title')?.textContent}`),
  );
}

describe('quick find in the header', () => {
  it('should suggest the agency and its report for part of an agency’s name, and open the agency chosen with ↓ and Enter', async () => {
    const { page, errors, requests } = await site.open({ fresh: true });
    await page.goto(`${site.url}${REPORT}`);
    const box = page.locator('#site-search');
    expect(await box.getAttribute('role')).toBe('combobox');
    await box.click();
    await page.keyboard.type('嘉');
    // One character: nothing yet.
    await page.waitForTimeout(400);
    expect(await page.locator('#quick-find').isHidden()).toBe(true);
    await page.keyboard.type(AGENCY.slice(1), { delay: 30 });

    const shown = await suggestions(page);
    expect(shown[0]).toBe('机构 上海市嘉定区城市管理行政执法局');
    expect(shown).toContain('报告 嘉定区城市管理行政执法局2023年法治政府建设工作报告');
    expect(shown[shown.length - 1]).toBe(`搜索 全文搜索“${AGENCY}”`);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#quick-find-status').textContent()).toMatch(/^\d+ 条快速查找建议/);

    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`[id="${active}"] .quick-find-title`).textContent()).toBe('上海市嘉定区城市管理行政执法局');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}agencies/310114-cgzfj/`);
    expect(await page.locator('h1').textContent()).toBe('上海市嘉定区城市管理行政执法局');

    // Pagefind served the suggestions, from the site itself.
    const paths = requests.map((url) => new URL(url).pathname);
    expect(paths.some((path) => path.startsWith('/fzzfjs/pagefind/'))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/`))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('should open a report chosen with ↓ ↓ and Enter, and close on Esc', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    await page.locator('#site-search').click();
    await page.keyboard.type(AGENCY, { delay: 30 });
    await suggestions(page);
    await page.keyboard.press('Escape');
    expect(await page.locator('#quick-find').isHidden()).toBe(true);
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('false');
    expect(await page.inputValue('#site-search')).toBe(AGENCY);

    await page.fill('#site-search', '');
    await page.keyboard.type('宝山区人民政府', { delay: 30 });
    const shown = await suggestions(page);
    expect(shown.slice(0, 3).sort()).toEqual(['报告 宝山区人民政府2018年度法治政府建设情况报告', '报告 宝山区人民政府2019年度法治政府建设情况报告', '机构 上海市宝山区人民政府']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const chosen = page.locator('[role="option"][aria-selected="true"]');
    expect(await chosen.locator('.quick-find-kind').textContent()).toBe('报告');
    const year = /(\d{4})年度/.exec((await chosen.locator('.quick-find-title').textContent()) ?? '')?.[1];
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}reports/${year}/310113-rmzf/`);
    expect(errors).toEqual([]);
  });

  it('should open the exact full-text search for what was typed on Enter with nothing chosen', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    await page.locator('#site-search').click();
    await page.keyboard.type(AGENCY, { delay: 30 });
    await suggestions(page);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}search/?q=${encodeURIComponent(AGENCY)}`);
    await waitForSearch(page);
    expect(await page.inputValue('#search-q')).toBe(AGENCY);
    expect(await page.locator('#search-list > li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('should leave the box a plain search form without JavaScript', async () => {
    const { page } = await site.open({ javaScript: false });
    await page.goto(`${site.url}${REPORT}`);
    expect(await page.locator('#site-search').getAttribute('role')).toBeNull();
    expect(await page.locator('#quick-find').isHidden()).toBe(true);
    await page.fill('#site-search', '宝山');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(`${site.url}search/?q=${encodeURIComponent('宝山')}`);
  });
});
