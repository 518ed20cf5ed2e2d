/**
 * The built site deployed under a sub-path (/fzzfjs/), served by nginx with
 * the README's configuration: every kind of page loads cleanly from its own
 * origin, fits a 360 px phone, and can be used from the keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';
const PAGES = ['', REPORT, 'agencies/310113-rmzf/', 'regions/', 'regions/310113/', 'years/2018/', 'about/', 'cite/', 'years/', 'agencies/', 'levels/', 'levels/county/', 'reports/', 'reports/2018/', 'data/'];
const MISSING = 'reports/2099/no-such-report/';

/** Record failed requests and error responses of `page` (a 404 for `expected404` is the test's own doing). */
function watchNetwork(page: Page, expected404: string) {
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== expected404) failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return failures;
}

describe('the site served under /fzzfjs/', () => {
  it('should load every kind of page with no console error, no failed request and nothing from another origin', async () => {
    const { page, errors, requests } = await site.open();
    const missing = `${site.url}${MISSING}`;
    const failures = watchNetwork(page, missing);

    for (const path of PAGES) {
      const response = await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.locator('footer').textContent(), path).toContain('网站标识码');
    }

    const response = await page.goto(missing, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    // The 404 page's own links and form point into the site, under the base path.
    const hrefs = await page.locator('main a, main form').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href || (node as HTMLFormElement).action));
    for (const href of hrefs) expect(href.startsWith(site.url), href).toBe(true);

    // Chromium logs the deliberate 404 of the missing page itself as a console error; nothing else may.
    const unexpected = errors.filter((error) => !(error.includes('status of 404') && error.includes(missing)));
    expect(unexpected).toEqual([]);
    expect(failures).toEqual([]);
    expect(requests.length).toBeGreaterThan(PAGES.length);
    expect(requests.filter((url) => !url.startsWith(`${site.origin}/fzzfjs/`))).toEqual([]);
  });

  it('should fit a 360 px wide screen without scrolling the page sideways', async () => {
    const { page } = await site.open();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['', REPORT, 'regions/', 'agencies/310113-rmzf/', 'agencies/', 'years/', 'levels/']) {
      await page.goto(`${site.url}${path}`);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(innerWidth, path).toBe(360);
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth + 1);
    }
  });

  it('should move focus with Tab to the skip link first, then to the header search box', async () => {
    const { page } = await site.open();
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      className: document.activeElement?.className,
      text: document.activeElement?.textContent,
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
    }));
    expect(first.className).toBe('skip-link');
    expect(first.text).toBe('跳到正文');
    // A focused skip link is on screen.
    expect(first.top).toBeGreaterThanOrEqual(0);

    // Before anything in the page's content, Tab reaches the search box (after the site name).
    const before: string[] = [];
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ id: document.activeElement?.id ?? '', inMain: !!document.activeElement?.closest('main'), text: document.activeElement?.textContent ?? '' }));
      if (focused.id === 'site-search') break;
      expect(focused.inMain).toBe(false);
      before.push(focused.text);
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(before).toEqual(['法治政府建设年度报告库']);
    await page.keyboard.type('宝山');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}search/?q=${encodeURIComponent('宝山')}`);
  });

  it('should move focus into the content from the skip link', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(new URL(page.url()).hash).toBe('#main');
  });

  it('should reach every link, field and button with Tab alone', async () => {
    const { page } = await site.open();
    for (const path of ['', REPORT]) {
      await page.goto(`${site.url}${path}`);
      const total = await page.evaluate(() => {
        const candidates = [...document.querySelectorAll<HTMLElement>('a[href], input:not([type=hidden]), button, select, textarea, summary')].filter(
          // What a closed <details> holds is reached once it is opened (its summary is reached).
          (element) => !element.closest('[hidden]') && !element.closest('details:not([open]) > :not(summary)') && element.getClientRects().length > 0,
        );
        candidates.forEach((element, index) => (element.dataset.kb = String(index)));
        return candidates.length;
      });
      expect(total, path).toBeGreaterThan(10);
      const reached = new Set<string>();
      for (let step = 0; step < total + 5; step++) {
        await page.keyboard.press('Tab');
        const kb = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kb);
        if (kb !== undefined) reached.add(kb);
        if (reached.size === total) break;
      }
      const missed = await page.evaluate(
        (seen) => [...document.querySelectorAll<HTMLElement>('[data-kb]')].filter((element) => !seen.includes(element.dataset.kb!)).map((element) => element.outerHTML.slice(0, 120)),
        [...reached],
      );
      expect(missed, path).toEqual([]);
    }
  });
});
