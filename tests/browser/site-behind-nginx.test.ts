/**
 * The site as it is deployed: built for /fzzfjs/ and served by Debian's
 * nginx with the README's configuration (`deploy/nginx/fzzfjs.conf`; the
 * other browser tests under /fzzfjs/ run behind it too). A visitor who trims
 * a URL lands on a page of the site, the 当前位置 trail leads the same way
 * up, the footer's marks come from the site itself, and a search arrives
 * compressed.
 */
import { describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const REPORT = 'reports/2018/310113-rmzf/';

describe('the site behind nginx under /fzzfjs/', () => {
  it('should land on a page of the site at every URL a section link trims to, with or without the slash', async () => {
    const { page, errors } = await site.open({ fresh: true });
    const trimmed = [`${REPORT}#s1-2`, REPORT, 'reports/2018/', 'reports/2018', 'reports/', 'reports', ''];
    for (const path of trimmed) {
      const response = await page.goto(`${site.url}${path}`);
      expect(response?.status(), path).toBe(200);
      const shown = new URL(page.url());
      expect(shown.pathname, path).toMatch(/\/$/);
      expect(shown.pathname.startsWith('/fzzfjs/'), path).toBe(true);
      expect(await page.locator('h1').count(), path).toBe(1);
    }
    // The sub-path itself without its slash.
    const response = await page.goto(site.url.replace(/\/$/, ''));
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(site.url);
    expect(await page.locator('h1').textContent()).toBe('法治政府建设年度报告库');
    expect(errors).toEqual([]);
  });

  it('should show the 当前位置 trail on a report page, each step the page its URL trims to', async () => {
    const { page } = await site.open();
    await page.goto(`${site.url}${REPORT}`);
    const trail = page.getByRole('navigation', { name: '当前位置' });
    expect(await trail.textContent()).toMatch(/^当前位置：首页\s*全部报告\s*2018年度$/);
    const steps = await trail.locator('a').evaluateAll((links) => links.map((link) => [link.textContent, (link as HTMLAnchorElement).href]));
    expect(steps).toEqual([
      ['首页', site.url],
      ['全部报告', `${site.url}reports/`],
      ['2018年度', `${site.url}reports/2018/`],
    ]);
    await trail.getByRole('link', { name: '2018年度' }).click();
    await page.waitForURL(`${site.url}reports/2018/`);
    expect(await page.locator('main').textContent()).toContain('宝山区人民政府2018年度法治政府建设情况报告');
  });

  it('should show the footer’s badge from the site itself, and the 找错 and 无障碍 links site.yaml sets', async () => {
    const { page, requests } = await site.open({ fresh: true });
    await page.goto(`${site.url}agencies/`, { waitUntil: 'networkidle' });
    const badge = page.locator('footer img[alt="党政机关"]');
    expect(await badge.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(50);
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
    const footer = page.locator('footer');
    expect(await footer.getByRole('link', { name: '党政机关' }).getAttribute('href')).toMatch(/^https:\/\/bszs\.conac\.cn\//);
    expect(await footer.getByRole('link', { name: '政府网站找错' }).getAttribute('href')).toMatch(/^https:\/\/zfwzzc\.www\.gov\.cn\//);
    await footer.getByRole('link', { name: '无障碍' }).click();
    await page.waitForURL(`${site.url}about/`);
  });

  it('should send a first search and everything it loads compressed', async () => {
    const { context, page } = await site.open({ fresh: true });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const responses = new Map<string, { url: string; mime: string; encoding?: string; decoded: number; sent: number }>();
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
      responses.set(requestId, { url: response.url, mime: response.mimeType, encoding: headers['content-encoding'], decoded: 0, sent: 0 });
    });
    cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
      const response = responses.get(requestId);
      if (response) response.decoded += dataLength;
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const response = responses.get(requestId);
      if (response) response.sent = encodedDataLength;
    });

    await page.goto(`${site.url}search/?q=${encodeURIComponent('行政执法')}`);
    await page.waitForSelector('#search-results[data-state="done"]', { timeout: 20_000 });
    await page.waitForLoadState('networkidle');

    const all = [...responses.values()];
    const text = all.filter((response) => /^(text\/|application\/(javascript|json|xml)|image\/svg)/.test(response.mime) && response.decoded > 1024);
    expect(text.length).toBeGreaterThan(5);
    expect(text.filter((response) => response.encoding !== 'gzip').map((response) => response.url)).toEqual([]);
    const sent = all.reduce((sum, response) => sum + response.sent, 0);
    const decoded = all.reduce((sum, response) => sum + response.decoded, 0);
    console.log(`first search for 行政执法 behind nginx: ${all.length} requests, ${(sent / 1024).toFixed(1)} KiB sent for ${(decoded / 1024).toFixed(1)} KiB of files`);
    // The index files are compact already (differences, front-coded dictionaries): gzip saves less than half, but well over a third.
    expect(sent).toBeLessThan(decoded * 0.6);
  });
});
