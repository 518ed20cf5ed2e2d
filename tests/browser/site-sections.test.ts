/**
 * A report page in Chromium, served under /fzzfjs/: section links land on
 * their section, a heading's link icon copies the section's URL, the page
 * reads with JavaScript off, and previous/next lead through the same
 * agency's years.
 */
import GithubSlugger from 'github-slugger';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';

/** Where the element is relative to the viewport, once scrolling has settled. */
async function placeOf(page: Page, selector: string) {
  await page.waitForFunction(() => document.readyState === 'complete');
  return page.evaluate((query) => {
    const element = document.querySelector(query);
    if (!element) return undefined;
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, height: innerHeight, scrolled: scrollY };
  }, selector);
}

function expectInView(place: Awaited<ReturnType<typeof placeOf>>) {
  expect(place).toBeDefined();
  expect(place!.scrolled, 'the page scrolled to the section').toBeGreaterThan(0);
  expect(place!.top).toBeGreaterThanOrEqual(0);
  expect(place!.bottom).toBeLessThanOrEqual(place!.height);
}

describe('section links on a report page', () => {
  it('should show the section in view when the page is opened at #s1-2', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}${REPORT}#s1-2`);
    expect(await page.locator('#s1-2').textContent()).toContain('（二）政府职能进一步优化');
    expectInView(await placeOf(page, '#s1-2'));
    expect(errors).toEqual([]);
  });

  it('should land on the same section from the github-slugger anchor of its heading text', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    // The heading's text without its link icon, as rehype-slug saw it.
    const text = ((await page.locator('#s1-2').textContent()) ?? '').replace(/\s*#$/, '');
    expect(text).toBe('（二）政府职能进一步优化');
    const slug = new GithubSlugger().slug(text);
    expect(slug).toBe('二政府职能进一步优化');

    await page.goto(`${site.url}${REPORT}#${encodeURIComponent(slug)}`);
    expectInView(await placeOf(page, '#s1-2'));
  });

  it('should copy the section’s URL, under the base path, when its heading link is clicked, and say so', async () => {
    const { context, page, errors } = await site.open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(`${site.url}${REPORT}`);
    const link = page.locator('#s1-2 a.heading-link');
    expect(await link.getAttribute('aria-label')).toBe('本节链接：（二）政府职能进一步优化');
    expect(await link.isVisible()).toBe(true);
    await link.click();

    const status = page.locator('#copy-status');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === '已复制链接');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('copy-status')!).opacity === '1');
    expect(await status.isVisible()).toBe(true);

    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${site.url}${REPORT}#s1-2`);
    expect(new URL(copied).pathname).toBe(`/fzzfjs/${REPORT}`);
    expect(copied).toMatch(/#s[\d-]+$/);
    // The link still goes to the section.
    expect(new URL(page.url()).hash).toBe('#s1-2');
    expect(errors).toEqual([]);
  });

  it('should show title, facts, table of contents and body with JavaScript off', async () => {
    const { page, errors } = await site.open({ javaScript: false });
    await page.goto(`${site.url}${REPORT}`);
    expect(await page.locator('h1').textContent()).toBe('宝山区人民政府2018年度法治政府建设情况报告');

    const facts = page.locator('dl.report-facts');
    expect(await facts.isVisible()).toBe(true);
    const factsText = (await facts.textContent()) ?? '';
    for (const fact of ['报告机构', '上海市宝山区人民政府', '地区', '宝山区', '年度', '2018年度', '发布日期', '2019年1月30日']) expect(factsText).toContain(fact);

    const toc = page.locator('nav.toc');
    expect(await toc.isVisible()).toBe(true);
    const entries = toc.locator('a[href^="#s"]');
    expect(await entries.count()).toBeGreaterThan(5);
    expect(await entries.first().isVisible()).toBe(true);

    const body = page.locator('.report-body');
    expect(await body.locator('p').count()).toBeGreaterThan(5);
    expect(await body.locator('p').first().isVisible()).toBe(true);
    expect(await body.textContent()).toContain('现将宝山区2018年度法治政府建设的主要情况报告如下');

    // A table-of-contents entry goes to its section without any script.
    await toc.locator('a[href="#s1-2"]').click();
    expect(new URL(page.url()).hash).toBe('#s1-2');
    expectInView(await placeOf(page, '#s1-2'));
    expect(errors).toEqual([]);
  });

  it('should lead to the same agency’s next and previous year', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    expect(await page.locator('.report-neighbours a[rel="prev"]').count()).toBe(0);

    await page.locator('.report-neighbours a[rel="next"]').click();
    await page.waitForURL(`${site.url}reports/2019/310113-rmzf/`);
    expect(await page.locator('h1').textContent()).toContain('2019');
    expect(await page.locator('.report-facts').textContent()).toContain('上海市宝山区人民政府');

    await page.locator('.report-neighbours a[rel="prev"]').click();
    await page.waitForURL(`${site.url}${REPORT}`);
    expect(await page.locator('h1').textContent()).toBe('宝山区人民政府2018年度法治政府建设情况报告');

    await page.locator('.report-neighbours li.all a').click();
    await page.waitForURL(`${site.url}agencies/310113-rmzf/`);
    const listed = await page.locator('main a[href*="/reports/"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(listed).toEqual(expect.arrayContaining(['/fzzfjs/reports/2018/310113-rmzf/', '/fzzfjs/reports/2019/310113-rmzf/']));
    expect(errors).toEqual([]);
  });
});
