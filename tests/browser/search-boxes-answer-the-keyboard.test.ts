/**
 * The search boxes, served under /fzzfjs/: `/` puts the cursor in the page's
 * search box (the header's, or the search page's own), unless one is typing
 * in a field already; the 404 page's box looks like the search page's.
 */
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const focused = () => document.activeElement?.id ?? '';

describe('the search boxes', () => {
  it('should focus the header’s box on / and leave a / typed in a field alone', async () => {
    const { page, errors } = await site.open();
    await page.goto(`${site.url}reports/2018/310113-rmzf/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(focused)).toBe('site-search');
    expect(await page.inputValue('#site-search')).toBe('');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#site-search')).toBe('a/b');
    expect(errors).toEqual([]);
  });

  it('should focus the search page’s own box on /', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}search/`);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(focused)).toBe('search-q');
  });

  it('should style the 404 page’s search box as the search page’s', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}reports/2099/no-such-report/`);
    const style = (selector: string) =>
      page.locator(selector).evaluate((element) => {
        const css = getComputedStyle(element);
        return { border: css.borderTopWidth, background: css.backgroundColor, color: css.color, fontSize: css.fontSize };
      });
    const [input, button] = [await style('#notfound-search'), await style('.notfound-search button')];
    await page.goto(`${site.url}search/`);
    expect(input).toEqual(await style('#search-q'));
    expect(button).toEqual(await style('#search-form button'));
    expect(input.border).toBe('2px');
  });
});
