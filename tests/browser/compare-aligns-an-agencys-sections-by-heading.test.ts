/**
 * One agency across the years, served under /fzzfjs/: from the agency page
 * to its comparison view, 宝山区's 2018 and 2019 reports side by side, the
 * 一、 sections aligned by heading: the same heading paired whatever its
 * number, a renamed one (二、…存在的不足 → …存在的问题和不足) paired and
 * marked, a new one alone. As built (JavaScript off) it shows the latest two
 * years; with JavaScript the form's choice goes in the URL and the page
 * aligns the reports it fetches the same way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const AGENCY = 'agencies/310113-rmzf/';

/** Each row: its note, then each cell's heading (开头 for the opening, — where the year has none). */
function rows(page: Page): Promise<string[][]> {
  return page.locator('.compare-row').evaluateAll((list) =>
    list.map((row) => [
      row.querySelector('.compare-note')?.textContent ?? '',
      ...[...row.querySelectorAll('.compare-cell')].map((cell) =>
        cell.classList.contains('compare-missing') ? '—' : (cell.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.replace(/\s*#$/, '') ?? '开头'),
      ),
    ]),
  );
}

const EXPECTED = [
  ['开头', '开头', '开头'],
  ['', '一、2018年度法治政府建设工作开展的基本情况和主要成效', '一、2019年度法治政府建设工作开展的基本情况和主要成效'],
  ['标题有改动：按序号和大部分词语对应', '二、2018年法治政府建设工作中存在的不足', '二、2019年法治政府建设工作中存在的问题和不足'],
  ['仅2019年度报告有此部分', '—', '三、党政主要负责人履行推进法治建设第一责任人职责情况'],
  ['', '三、2019年法治政府建设工作思路', '四、2020年法治政府建设工作思路'],
];

describe('the comparison of an agency’s reports', () => {
  it('should show the latest two years section by section without JavaScript, from the agency page', async () => {
    const { page, errors } = await site.open({ javaScript: false });
    await page.goto(`${site.url}${AGENCY}`);
    await page.getByRole('link', { name: /对比最近两个年度/ }).click();
    await page.waitForURL(`${site.url}${AGENCY}compare/`);
    expect(await page.locator('h1').textContent()).toBe('上海市宝山区人民政府：报告逐节对比');
    expect(await page.locator('.compare-years a').allTextContents()).toEqual(['2018年度', '2019年度']);
    expect(await rows(page)).toEqual(EXPECTED);

    // Side by side: the cells of a row start level.
    const renamed = page.locator('.compare-renamed .compare-cell');
    const [left, right] = [await renamed.nth(0).boundingBox(), await renamed.nth(1).boundingBox()];
    expect(right!.x).toBeGreaterThan(left!.x + left!.width);
    expect(Math.abs(right!.y - left!.y)).toBeLessThan(2);

    // Each cell leads to its section in the report.
    const href = await page.locator('.compare-renamed .compare-cell').nth(1).locator('.compare-year a').getAttribute('href');
    expect(href).toBe('/fzzfjs/reports/2019/310113-rmzf/#s2');
    // No id twice on the page.
    const ids = await page.locator('[id]').evaluateAll((list) => list.map((element) => element.id));
    expect(ids.length).toBe(new Set(ids).size);
    expect(errors).toEqual([]);
  });

  it('should keep the choice in the URL and align the fetched reports the same way', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}${AGENCY}`);
    await page.locator('.agency-compare-form').getByRole('button', { name: '对比所选年度' }).click();
    await page.waitForURL(`${site.url}${AGENCY}compare/?years=2018,2019`);
    expect(await rows(page)).toEqual(EXPECTED);

    // Fewer than two: said, nothing changed.
    const form = page.locator('#compare-form');
    await form.getByLabel('2018年度').uncheck();
    await form.getByRole('button', { name: '对比所选年度' }).click();
    expect(await page.locator('#compare-status').textContent()).toBe('请至少选择两个年度。');
    expect(page.url()).toBe(`${site.url}${AGENCY}compare/?years=2018,2019`);

    // The same two again, now fetched and aligned in the browser.
    await form.getByLabel('2018年度').check();
    await form.getByRole('button', { name: '对比所选年度' }).click();
    await page.waitForFunction(() => document.getElementById('compare-status')?.textContent?.startsWith('正在对比'));
    expect(await rows(page)).toEqual(EXPECTED);
    const ids = await page.locator('[id]').evaluateAll((list) => list.map((element) => element.id));
    expect(ids.length).toBe(new Set(ids).size);
    expect(await page.locator('.compare-cell a.heading-link').first().getAttribute('href')).toMatch(/^\/fzzfjs\/reports\/2018\/310113-rmzf\/#s1$/);

    // A shared link with the choice written the other way opens the same.
    const { page: other } = await site.open({ fresh: true });
    await other.goto(`${site.url}${AGENCY}compare/?years=2019&years=2018`);
    expect(new URL(other.url()).search).toBe('?years=2018,2019');
    expect(await other.locator('#compare-form input[name="years"]:checked').count()).toBe(2);
    expect(await rows(other)).toEqual(EXPECTED);
    expect(errors).toEqual([]);
  });
});
