import { describe, expect, it } from 'vitest';
import { searchFor } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('a search excerpt of text that looks like markup', () => {
  it('should show <script> and {props} as written, never run or interpret them', async () => {
    const { page } = await site.open();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    await searchFor(site, page, '源码残留');
    const results = page.locator('#search-list');
    await expect.poll(() => results.locator('li').count()).toBeGreaterThan(0);
    const text = await results.innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{props}');
    expect(await results.locator('script').count()).toBe(0);
    expect(dialogs).toBe(0);
  });
});
