/**
 * Citing a report, served under /fzzfjs/: a section's # link, clicked after
 * arriving from a search (`?highlight=…`), copies the section's stable
 * address and offers its GB/T 7714-2015 citation, both with the section's
 * anchor and without the query; 引用本报告 gives the report's. The
 * address bar drops the query once the terms are marked.
 */
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';
const AGENCY = '上海市宝山区人民政府';
const TITLE = '宝山区人民政府2018年度法治政府建设情况报告';

/** Today in the browser, as the citation writes it. */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

describe('the citation of a section', () => {
  it('should give the section’s address with its anchor and no query, and its GB/T 7714 citation, to copy', async () => {
    const { context, page, errors } = await site.open({ fresh: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(`${site.url}${REPORT}?highlight=${encodeURIComponent('政府职能')}#s1-2`);
    await page.waitForSelector('mark.search-hit');
    expect(new URL(page.url()).search, 'the address bar drops the query').toBe('');

    const stable = `${site.url}${REPORT}#s1-2`;
    const expected = `${AGENCY}. ${TITLE}[EB/OL]. (2019-01-30)[${today()}]. ${stable}.`;
    await page.locator('#s1-2 a.heading-link').click();
    const panel = page.locator('#section-cite');
    await panel.waitFor({ state: 'visible' });
    expect(await page.locator('#section-cite-heading').textContent()).toBe('（二）政府职能进一步优化');
    expect(await page.locator('#section-cite-url').textContent()).toBe(stable);
    const citation = (await page.locator('#section-cite-gbt').textContent()) ?? '';
    expect(citation).toBe(expected);
    const cited = new URL(citation.split(' ').pop()!.replace(/\.$/, ''));
    expect(cited.hash).toBe('#s1-2');
    expect(cited.search).toBe('');
    // The panel is under its heading, inside the window.
    const [heading, box] = [await page.locator('#s1-2').boundingBox(), await panel.boundingBox()];
    expect(box!.y).toBeGreaterThan(heading!.y);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1200);

    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === '已复制链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stable);
    await panel.getByRole('button', { name: '复制引用格式' }).click();
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === '已复制引用格式');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // Esc closes it, back on the link it came from.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.closest('h3')?.id)).toBe('s1-2');
    expect(errors).toEqual([]);
  });

  it('should give the report’s citation and address under its facts', async () => {
    const { context, page, errors } = await site.open({ fresh: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(`${site.url}${REPORT}?highlight=${encodeURIComponent('宝山')}`);
    await page.getByText('引用本报告').click();
    const address = `${site.url}${REPORT}`;
    expect(await page.locator('#cite-gbt').textContent()).toBe(`${AGENCY}. ${TITLE}[EB/OL]. (2019-01-30)[${today()}]. ${address}.`);
    expect(await page.locator('#cite-url').textContent()).toBe(address);
    await page.locator('#cite').getByRole('button', { name: '复制链接' }).click();
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === '已复制链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    expect(errors).toEqual([]);
  });

  it('should show the report’s citation without JavaScript, its address the canonical one', async () => {
    const { page } = await site.open({ javaScript: false });
    await page.goto(`${site.url}${REPORT}`);
    await page.getByText('引用本报告').click();
    expect(await page.locator('#cite-gbt').textContent()).toBe(`${AGENCY}. ${TITLE}[EB/OL]. (2019-01-30)[引用日期]. https://fzzf.example.gov.cn/fzzfjs/${REPORT}.`);
    expect(await page.locator('#cite button').count()).toBe(2);
    expect(await page.locator('#cite button:visible').count()).toBe(0);
  });
});
