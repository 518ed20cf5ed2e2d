import { describe, expect, it } from 'vitest';
import { searchFor } from '../helpers/browser.ts';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/');

describe('a search without results', () => {
  it('should say that no report contains the term and suggest what to change', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '火星基地');
    expect(await page.locator('#search-status').textContent()).toBe('没有报告包含“火星基地”');
    const message = await page.locator('#search-message').innerText();
    expect(message).toContain('没有报告包含“火星基地”。');
    expect(message).toContain('检查错别字');
    expect(await page.locator('#search-list > li').count()).toBe(0);
    expect(await page.locator('#search-filters').isHidden()).toBe(true);
  });

  it('should name the word that occurs nowhere', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '法治政府 火星');
    const message = await page.locator('#search-message').innerText();
    expect(message).toContain('其中“火星”在所有报告中都没有出现。');
    expect(message).toContain('删去没有结果的词');
  });

  it('should say when every word occurs but never together, or a phrase never as written', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '“政府 法治”');
    const message = await page.locator('#search-message').innerText();
    expect(message).toContain('没有报告包含“政府 法治”。');
    expect(message).toContain('引号中的短语须原样连续出现');
  });

  it('should offer to clear filters that hide every result', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '宝山区', '&year=2023');
    expect(await page.locator('#search-message').innerText()).toContain('但都不符合所选筛选条件');
    await page.getByRole('button', { name: /清除筛选/ }).first().click();
    await expect.poll(() => page.locator('#search-list > li').count()).toBeGreaterThan(0);
  });

  it('should explain a query of punctuation only', async () => {
    const { page } = await site.open();
    await searchFor(site, page, '，。');
    expect(await page.locator('#search-message').innerText()).toContain('只含空格或标点');
  });
});
