/**
 * Headless Chromium for browser tests and the search eval (no Vitest in
 * here, so `scripts/eval/search.ts` can use it too): Debian's
 * `/usr/bin/chromium` driven by playwright-core (never a downloaded browser),
 * a fresh profile each launch, and a page that records console errors,
 * page errors and every request it makes.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { simplifiedOf } from '../../src/search/normalise.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch Chromium (playwright gives every launch a fresh user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console messages of type `error`, and uncaught page errors. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

export interface PageOptions {
  javaScript?: boolean;
  /** Window size (default: 1200 × 800, a desktop). */
  viewport?: { width: number; height: number };
  /** `prefers-color-scheme` (default: light). */
  colorScheme?: 'light' | 'dark';
}

/** A new context and page (zh-CN locale, desktop size unless told) that records errors and requests. */
export async function watchedPage(browser: Browser, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: options.viewport ?? { width: 1200, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
  });
  return watchPage(context, await context.newPage());
}

/** Record a page's errors and requests. */
export function watchPage(context: BrowserContext, page: Page): WatchedPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, errors, requests };
}

/** Wait until the search page has finished (`#search-results[data-state=done]`) the search for `q`. */
export async function waitForSearch(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { timeout });
}

/** A report's text as a browser shows it: the blocks of its `data-pagefind-body`, without ignored or hidden parts. */
export interface ShownText {
  url: string;
  blocks: string[];
}

/**
 * The shown text of each page, read in the browser itself (fetch and
 * DOMParser), independently of the indexer: the truth searches are checked
 * against.
 */
export async function shownTexts(page: Page, urls: string[]): Promise<ShownText[]> {
  // 500 pages an evaluation: a page holding the text of tens of thousands at once crashes.
  const texts: ShownText[] = [];
  for (let start = 0; start < urls.length; start += 500) texts.push(...(await shownTextsOf(page, urls.slice(start, start + 500))));
  return texts;
}

function shownTextsOf(page: Page, urls: string[]): Promise<ShownText[]> {
  return page.evaluate(async (list) => {
    const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,td,th,dt,dd,pre,blockquote,figcaption,caption,summary,div,section,article,ul,ol,table,tr,dl,nav,header,footer,aside';
    const read = async (url: string) => {
      const html = await (await fetch(url)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const body = doc.querySelector('[data-pagefind-body]');
      if (!body) return { url, blocks: [] };
      for (const gone of body.querySelectorAll('[data-pagefind-ignore],[hidden],script,style,noscript,template')) gone.remove();
      const blocks: string[] = [];
      let current: Element | null = null;
      const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = node.parentElement?.closest(BLOCKS) ?? body;
        if (block !== current) blocks.push('');
        current = block;
        blocks[blocks.length - 1] += node.textContent ?? '';
      }
      return { url, blocks: blocks.filter((block) => block.trim() !== '') };
    };
    // A few at a time: thousands of fetches at once fail.
    const texts: Array<{ url: string; blocks: string[] }> = new Array(list.length);
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const index = next++;
        texts[index] = await read(list[index]);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return texts;
  }, urls);
}

/** Normalised as the search promises: NFKC, lowercase, letters and digits only, traditional characters as simplified (OpenCC's character table). */
export function plain(text: string): string {
  return Array.from(text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''), simplifiedOf).join('');
}

/** URLs of the pages whose shown text contains every normalised term, each inside one block. */
export function truthOf(texts: ShownText[], terms: string[]): string[] {
  const norms = terms.map(plain).filter(Boolean);
  if (norms.length === 0) return [];
  return texts
    .filter((text) => norms.every((norm) => plainText(text).includes(norm)))
    .map((text) => text.url)
    .sort();
}

const plainTexts = new WeakMap<ShownText, string>();

/** A report's blocks normalised and joined by U+0000, which no term holds: a match inside one block. */
export function plainText(text: ShownText): string {
  let joined = plainTexts.get(text);
  if (joined === undefined) plainTexts.set(text, (joined = text.blocks.map(plain).join('\u0000')));
  return joined;
}

/** The result links the search page lists now, without query or fragment, in list order. */
export async function listedUrls(page: Page): Promise<string[]> {
  const hrefs = await page.locator('#search-list > li h3 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs.map((href) => href.replace(/[?#].*$/, ''));
}

/** The result links on the search page (all pages of results, 显示更多 clicked until none is left). */
export async function resultUrls(page: Page): Promise<string[]> {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    await more.click();
    await waitForSearch(page);
  }
  return (await listedUrls(page)).sort();
}

/** Reports per year, from report URLs (`reports/<year>/<id>/`). */
export function countByYear(urls: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const url of urls) {
    const year = /\/reports\/(\d{4})\//.exec(url)?.[1] ?? '?';
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/** The year filter's values and counts as the search page shows them (`2019 (1)`). */
export async function yearFacet(page: Page): Promise<Map<string, number>> {
  const labels = await page.locator('[data-facet="year"] label').allInnerTexts();
  return new Map(
    labels.map((label): [string, number] => {
      const match = /^(\S+)\s*\((\d+)\)$/.exec(label.trim());
      return [match?.[1] ?? label, Number(match?.[2])];
    }),
  );
}

/** Open the search page of the site at `siteUrl` for `q` (and other parameters) and wait for the results. */
export async function searchFor(site: { url: string }, page: Page, q: string, extra = ''): Promise<void> {
  await page.goto(`${site.url}search/?q=${encodeURIComponent(q)}${extra}`);
  await waitForSearch(page);
}
