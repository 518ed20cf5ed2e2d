/**
 * Accessibility (WCAG 2.1 AA, which GB/T 37668 follows) of every kind of
 * page, the index pages of every parent path included, served under /fzzfjs/
 * by nginx as deployed, checked with axe-core in Chromium: no violation of
 * impact `serious` or `critical`, in light colours, in dark colours
 * (`prefers-color-scheme: dark`) and in the large-text mode; with a report's
 * section citation and the header's quick find open too.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WatchedPage } from '../helpers/browser.ts';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const site = useSearchSite('/fzzfjs/');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** axe-core's serious and critical violations on the page, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}\n  ${violation.nodes[0]?.failureSummary?.replaceAll('\n', '\n  ')}`);
}

const PAGES: Array<[string, string]> = [
  ['the home page', ''],
  ['a report page', 'reports/2018/310113-rmzf/'],
  ['an agency page', 'agencies/310113-rmzf/'],
  ['an agency’s comparison page', 'agencies/310113-rmzf/compare/'],
  ['the regions index', 'regions/'],
  ['a region page', 'regions/310113/'],
  ['a year page', 'years/2018/'],
  ['a level page', 'levels/county/'],
  ['the years index', 'years/'],
  ['the levels index', 'levels/'],
  ['the agencies index', 'agencies/'],
  ['the reports index', 'reports/'],
  ['a year under reports/', 'reports/2018/'],
  ['the data page', 'data/'],
  ['the about page', 'about/'],
  ['the cite page', 'cite/'],
  ['the 404 page', 'reports/2099/no-such-report/'],
];

/** Pages built from the same layout as another in the list. */
const SAME_LAYOUT = new Set(['levels/county/', 'levels/', 'reports/', 'reports/2018/', 'regions/310113/']);

const MODES: Array<{ name: string; dark?: boolean; large?: boolean }> = [{ name: 'light colours' }, { name: 'dark colours', dark: true }, { name: 'large text', large: true }];

for (const mode of MODES) {
  describe(`accessibility in ${mode.name}`, () => {
    let watched: WatchedPage | undefined;
    /** One page for the mode, in a context of its own. */
    async function open(path: string): Promise<Page> {
      if (!watched) {
        watched = await site.open({ fresh: true, colorScheme: mode.dark ? 'dark' : 'light' });
        if (mode.large) await watched.context.addInitScript(() => localStorage.setItem('fzzf-text-size', 'large'));
      }
      await watched.page.goto(`${site.url}${path}`);
      const state = await watched.page.evaluate(() => ({ large: document.documentElement.classList.contains('large-text'), dark: matchMedia('(prefers-color-scheme: dark)').matches }));
      expect(state).toEqual({ large: !!mode.large, dark: !!mode.dark });
      return watched.page;
    }

    // Dark colours and large text change no markup: one page of each layout is checked in them.
    for (const [name, path] of mode.dark || mode.large ? PAGES.filter(([, path]) => !SAME_LAYOUT.has(path)) : PAGES) {
      it(`should have no serious or critical axe violation on ${name}`, async () => {
        const page = await open(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    it('should have no serious or critical axe violation on the search page with results', async (context) => {
      if (!existsSync(join(site.dir, 'search/index.html'))) context.skip();
      const page = await open(`search/?q=${encodeURIComponent('行政复议')}`);
      await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { timeout: 20_000 });
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('should have no serious or critical axe violation with a section’s citation and quick find open', async () => {
      const page = await open('reports/2019/310113-rmzf/');
      await page.locator('#s1-2 a.heading-link').click();
      await page.locator('#section-cite').waitFor({ state: 'visible' });
      await page.getByText('引用本报告').click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('#site-search').click();
      await page.keyboard.type('宝山区', { delay: 20 });
      await page.waitForSelector('#quick-find:not([hidden]) [role="option"]');
      await page.keyboard.press('ArrowDown');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
