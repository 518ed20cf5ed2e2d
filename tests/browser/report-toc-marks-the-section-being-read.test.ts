/**
 * A long report as a reader meets it, served under /fzzfjs/: at 1280 px the
 * table of contents stands beside a text of about 40 characters a line,
 * sticky, and marks the section being read as the page scrolls; at 360 px it
 * stays above the text, and 目录 / 返回顶部 are at hand once one has read past
 * it. Headings step down in size with their level, none below the text;
 * the 落款 is set right.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';

/** The table of contents' marked entry. */
const marked = (page: Page) => page.evaluate(() => document.querySelector('#toc a[aria-current="true"]')?.getAttribute('href') ?? null);

/** Scroll so that the element's top is just under the top of the window, and let the marking catch up. */
async function scrollToSection(page: Page, selector: string): Promise<void> {
  await page.evaluate((query) => {
    const top = document.querySelector(query)!.getBoundingClientRect().top + scrollY;
    window.scrollTo(0, top - 40);
  }, selector);
  await page.waitForTimeout(150);
}

describe('the table of contents on a wide screen', () => {
  it('should stay in view beside the text and mark the section being read as the page scrolls', async () => {
    const { page, errors } = await site.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}${REPORT}`);
    const toc = page.locator('#toc');
    const text = page.locator('.report-body');
    const [tocBox, textBox] = [await toc.boundingBox(), await text.boundingBox()];
    expect(tocBox!.x, 'beside the text, on its right').toBeGreaterThan(textBox!.x + textBox!.width);
    expect(await marked(page)).toBeNull();

    await scrollToSection(page, '#s1-2');
    await expect.poll(() => marked(page)).toBe('#s1-2');
    // The 1、 under （二） belong to （二）.
    await scrollToSection(page, '#s1-2-2');
    await expect.poll(() => marked(page)).toBe('#s1-2');
    await scrollToSection(page, '#s2');
    await expect.poll(() => marked(page)).toBe('#s2');
    const place = await toc.boundingBox();
    expect(place!.y, 'sticky: still at the top of the window').toBeGreaterThanOrEqual(0);
    expect(place!.y).toBeLessThan(40);
    expect(await page.locator('#toc a[href="#s2"]').isVisible()).toBe(true);

    // Following an entry marks it too.
    await page.locator('#toc a[href="#s3-2"]').click();
    await page.waitForTimeout(150);
    await expect.poll(() => marked(page)).toBe('#s3-2');
    expect(await page.locator('.page-jump').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('should set the text at about 40 characters a line, headings in order, the 落款 right', async () => {
    const { page } = await site.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}reports/2019/310113-rmzf/`);
    const measure = await page.evaluate(() => {
      const paragraph = document.querySelector('.report-body p')!;
      return paragraph.getBoundingClientRect().width / parseFloat(getComputedStyle(paragraph).fontSize);
    });
    expect(measure).toBeGreaterThanOrEqual(36);
    expect(measure).toBeLessThanOrEqual(44);

    const sizes = await page.evaluate(() =>
      ['article h1', '.report-body h2', '.report-body h3', '.report-body h4', '.report-body h5', '.report-body p'].map((query) => parseFloat(getComputedStyle(document.querySelector(query)!).fontSize)),
    );
    const [h1, h2, h3, h4, h5, body] = sizes;
    expect(h1).toBeGreaterThan(h2);
    expect(h2).toBeGreaterThan(h3);
    expect(h3).toBeGreaterThan(h4);
    expect(h4).toBeGreaterThan(body);
    expect(h5).toBeGreaterThanOrEqual(body);

    const signature = await page.locator('.report-body p.signature').evaluateAll((lines) => lines.map((line) => [line.textContent, getComputedStyle(line).textAlign]));
    expect(signature).toEqual([
      ['上海市宝山区人民政府', 'right'],
      ['2020年2月10日', 'right'],
    ]);
  });
});

describe('the table of contents on a phone', () => {
  it('should stay above the text, with 目录 and 返回顶部 at hand once one has read past it', async () => {
    const { page, errors } = await site.open({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}${REPORT}`);
    const [tocBox, textBox] = [await page.locator('#toc').boundingBox(), await page.locator('.report-body').boundingBox()];
    expect(tocBox!.y + tocBox!.height).toBeLessThanOrEqual(textBox!.y);
    const jump = page.locator('.page-jump');
    // The controls fade out (a 0.2 s transition of visibility) once the script sees the table of contents on screen.
    await expect.poll(() => jump.isVisible(), { message: 'not before one has read past the table of contents' }).toBe(false);

    await scrollToSection(page, '#s2');
    await expect.poll(() => jump.isVisible()).toBe(true);
    const box = await jump.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    await jump.getByRole('link', { name: '目录' }).click();
    await page.waitForURL('**#toc');
    const toc = await page.locator('#toc').boundingBox();
    expect(toc!.y).toBeGreaterThanOrEqual(0);
    expect(toc!.y).toBeLessThan(100);

    await scrollToSection(page, '#s3');
    await page.waitForTimeout(300);
    await jump.getByRole('link', { name: '返回顶部' }).click();
    await page.waitForFunction(() => scrollY === 0);
    expect(errors).toEqual([]);
  });

  it('should offer 目录 and 返回顶部 without JavaScript too', async () => {
    const { page } = await site.open({ javaScript: false, viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}${REPORT}`);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await page.getByRole('link', { name: '返回顶部' }).click();
    await page.waitForFunction(() => scrollY === 0);
  });
});
