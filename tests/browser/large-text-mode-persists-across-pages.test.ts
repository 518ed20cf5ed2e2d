/**
 * The large-text mode (适老化), served under /fzzfjs/: 大字版 in the header
 * sets the text larger, says it is on (aria-pressed), and the choice holds
 * on every page the reader opens next, from the first paint, until turned off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');

/** The size of the report text and of the root, in px, and whether the root had the mode before any script of the page's body ran. */
const sizes = (page: Page) =>
  page.evaluate(() => ({
    root: parseFloat(getComputedStyle(document.documentElement).fontSize),
    body: parseFloat(getComputedStyle(document.body).fontSize),
    atFirstPaint: (window as unknown as { largeAtStart?: boolean }).largeAtStart,
  }));

describe('large text', () => {
  it('should make the text larger, and keep it so on the next pages until turned off', async () => {
    const { context, page, errors } = await site.open({ fresh: true });
    // Record, as the first thing the body holds is parsed, whether the mode was already on.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { largeAtStart?: boolean }).largeAtStart = document.documentElement.classList.contains('large-text');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${site.url}reports/2018/310113-rmzf/`);
    const toggle = page.getByRole('button', { name: '大字版' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await sizes(page);
    expect(before.root).toBe(16);

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const large = await sizes(page);
    expect(large.root).toBe(20);
    expect(large.body).toBeGreaterThanOrEqual(20);
    expect(large.body / before.body).toBeCloseTo(1.25);

    // The next page, and one opened afresh in another tab of the same browser.
    await page.getByRole('link', { name: '上海市宝山区人民政府' }).first().click();
    await page.waitForURL(`${site.url}agencies/310113-rmzf/`);
    expect(await sizes(page)).toEqual({ ...large, atFirstPaint: true });
    expect(await page.getByRole('button', { name: '大字版' }).getAttribute('aria-pressed')).toBe('true');
    const other = await context.newPage();
    await other.goto(`${site.url}search/?q=${encodeURIComponent('宝山')}`);
    expect((await sizes(other)).root).toBe(20);
    // Nothing spills sideways on a phone-wide reading either.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.url}reports/2019/310113-rmzf/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

    await page.getByRole('button', { name: '大字版' }).click();
    expect((await sizes(page)).root).toBe(16);
    await page.reload();
    expect((await sizes(page)).root).toBe(16);
    expect(await page.getByRole('button', { name: '大字版' }).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
  });

  it('should leave the button out without JavaScript, where the choice could not be kept', async () => {
    const { page } = await site.open({ javaScript: false });
    await page.goto(site.url);
    expect(await page.locator('#text-size').isHidden()).toBe(true);
  });
});
