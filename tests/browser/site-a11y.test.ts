/**
 * Accessibility (WCAG 2.1 AA, which GB/T 37668 follows) of every kind of
 * page, the index pages of every parent path included, served under /fzzfjs/
 * by nginx as deployed, checked with axe-core in Chromium: no violation of
 * impact `serious` or `critical`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
  ['the 404 page', 'reports/2099/no-such-report/'],
];

describe('accessibility', () => {
  for (const [name, path] of PAGES) {
    it(`should have no serious or critical axe violation on ${name}`, async () => {
      const { page } = await site.open();
      await page.goto(`${site.url}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('should have no serious or critical axe violation on the search page with results', async (context) => {
    if (!existsSync(join(site.dir, 'search/index.html'))) context.skip();
    const { page } = await site.open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('行政复议')}`);
    await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { timeout: 20_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
