/**
 * The search page as results arrive, served under /fzzfjs/, at 360 and
 * 1280 px: the browser's own layout-shift entries add up to a CLS under
 * 0.1 (Google's "good"), for a short term answered at once and a long one
 * confirmed progressively; the page has one search box, and on a phone the
 * first result is on the first screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForSearch } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');

/** Layout shifts not caused by input, from the start of the page's load (the observer sees buffered entries). */
async function cumulativeShift(page: Page): Promise<{ cls: number; shifts: string[] }> {
  await page.waitForTimeout(500);
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        let cls = 0;
        const shifts: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
            if (entry.hadRecentInput) continue;
            cls += entry.value;
            shifts.push(`${entry.value.toFixed(4)} ${entry.sources?.map((source) => (source.node as Element | undefined)?.className ?? source.node?.nodeName).join(',')}`);
          }
          resolve({ cls, shifts });
        }).observe({ type: 'layout-shift', buffered: true });
        // No shift at all: the observer has nothing to report.
        setTimeout(() => resolve({ cls, shifts }), 300);
      }),
  );
}

describe('the search page while results arrive', () => {
  for (const [width, height] of [
    [360, 740],
    [1280, 800],
  ]) {
    for (const query of ['法治', '法治政府建设']) {
      it(`should shift its layout by less than 0.1 at ${width} px for ${query}`, async () => {
        const { page, errors } = await site.open({ viewport: { width, height } });
        await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
        await waitForSearch(page);
        const { cls, shifts } = await cumulativeShift(page);
        expect(cls, shifts.join('\n')).toBeLessThan(0.1);
        expect(await page.locator('#search-list > li').count()).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      });
    }
  }

  it('should have one search box, and on a phone the first result on the first screen', async () => {
    const { page } = await site.open({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}search/?q=${encodeURIComponent('法治')}`);
    await waitForSearch(page);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    const first = await page.locator('#search-list > li h3').first().boundingBox();
    expect(first!.y + first!.height).toBeLessThan(740);
  });
});
