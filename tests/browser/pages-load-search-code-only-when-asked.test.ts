/**
 * Every page has the header's search box and every report page the
 * highlighter, but the matching code and OpenCC's character table it
 * normalises with (about 30 KB) load only when a reader asks: a search,
 * quick find's first suggestions, or a page opened from a search result.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');
const REPORT = 'reports/2018/310113-rmzf/';
/** Two entries of OpenCC's traditional→simplified table, as the bundle carries it. */
const TABLE = '營 营';

/** Watch the scripts a page loads: whether any holds the character table. */
function watchScripts(page: Page): () => Promise<boolean> {
  const bodies: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text().catch(() => ''));
  });
  return async () => (await Promise.all(bodies)).some((body) => body.includes(TABLE));
}

describe('a page of the site', () => {
  it('should load no matching code or character table when it is only read', async () => {
    const { page } = await site.open({ fresh: true });
    const loadedTable = watchScripts(page);
    await page.goto(`${site.url}${REPORT}`, { waitUntil: 'networkidle' });
    expect(await loadedTable()).toBe(false);
  });

  it('should load them for quick find once something is typed', async () => {
    const { page } = await site.open({ fresh: true });
    const loadedTable = watchScripts(page);
    await page.goto(`${site.url}${REPORT}`, { waitUntil: 'networkidle' });
    await page.locator('#site-search').click();
    await page.keyboard.type('嘉定');
    await page.waitForSelector('#quick-find:not([hidden]) [role="option"]');
    expect(await loadedTable()).toBe(true);
  });

  it('should load them to mark the terms of a page opened from a search result', async () => {
    const { page } = await site.open({ fresh: true });
    const loadedTable = watchScripts(page);
    await page.goto(`${site.url}${REPORT}?highlight=${encodeURIComponent('法治')}`);
    await page.waitForSelector('mark.search-hit');
    expect(await loadedTable()).toBe(true);
  });
});
