/**
 * What a search downloads: serve the built site with the project's own
 * static server (scripts/serve.ts, which gzips text when the browser accepts
 * it) on 127.0.0.1, port 0, open `search/?q=<first>` in headless Chromium,
 * wait for `#search-results[data-state=done]`, then search `<later>` in the
 * same page (the form, as a person would) and wait again. Bytes are transfer
 * sizes as DevTools counts them (CDP `encodedDataLength`: headers and the
 * body as sent, so gzip is counted compressed and a 304 costs its headers).
 */
import type { AddressInfo } from 'node:net';
import { chromium, type CDPSession } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export interface Download {
  bytes: number;
  requests: number;
  /** Bytes by kind: document, script, wasm, index (search data), other. */
  byKind: Record<string, number>;
  /** Wall time from navigation or submit to done, in seconds. */
  seconds: number;
  /** Every response: path inside the site and transfer bytes, largest first. */
  files: { path: string; bytes: number }[];
}

export interface Payload {
  first: Download;
  later: Download;
  /** Whether the server compressed anything (Content-Encoding seen). */
  compressed: boolean;
  firstQuery: string;
  laterQuery: string;
  /** How many results the page reported, as its status line says. */
  firstStatus: string;
  laterStatus: string;
}

const DONE = '#search-results[data-state="done"], #search-results[data-state="error"]';

/** Measures the search payload of the site in `dir` (built with base path `/`). */
export async function measurePayload(dir: string, options: { first?: string; later?: string; timeout?: number } = {}): Promise<Payload> {
  const first = options.first ?? '法治';
  const later = options.later ?? '行政执法';
  const timeout = options.timeout ?? 120_000;
  const { createStaticServer } = await import('../serve.ts');
  const server = createStaticServer({ dir, base: '/' });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map<string, { url: string; mime: string; encoded: boolean }>();
    let current = emptyDownload();
    let compressed = false;
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const encoded = Boolean(headers['content-encoding']);
      if (encoded) compressed = true;
      types.set(event.requestId, { url: event.response.url, mime: event.response.mimeType, encoded });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const info = types.get(event.requestId);
      current.bytes += event.encodedDataLength;
      current.requests++;
      const kind = kindOf(info?.url ?? '', info?.mime ?? '');
      current.byKind[kind] = (current.byKind[kind] ?? 0) + event.encodedDataLength;
      current.files.push({ path: info ? new URL(info.url).pathname : '?', bytes: event.encodedDataLength });
    });

    let started = performance.now();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(first)}`, { waitUntil: 'load', timeout });
    await page.waitForSelector(DONE, { timeout, state: 'attached' });
    await settle(page);
    const firstDownload = finish(current, started);
    const firstStatus = (await page.textContent('#search-status'))?.trim() ?? '';

    current = emptyDownload();
    started = performance.now();
    await page.evaluate(() => {
      const results = document.getElementById('search-results');
      if (results) results.dataset.state = 'bench';
    });
    await page.fill('#search-q', later);
    await page.press('#search-q', 'Enter');
    await page.waitForSelector(DONE, { timeout, state: 'attached' });
    await settle(page);
    const laterDownload = finish(current, started);
    const laterStatus = (await page.textContent('#search-status'))?.trim() ?? '';
    return { first: firstDownload, later: laterDownload, compressed, firstQuery: first, laterQuery: later, firstStatus, laterStatus };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

function emptyDownload(): Download {
  return { bytes: 0, requests: 0, byKind: {}, seconds: 0, files: [] };
}

function finish(download: Download, started: number): Download {
  return { ...download, seconds: (performance.now() - started) / 1000, files: [...download.files].sort((a, b) => b.bytes - a.bytes) };
}

/** Let requests that the results started (e.g. prefetches) finish before counting stops. */
async function settle(page: import('playwright-core').Page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
}

function kindOf(url: string, mime: string): string {
  const path = new URL(url, 'http://x').pathname;
  if (/\/search-exact\/|\/pagefind\//.test(path) && !/\.(js|wasm)$/.test(path)) return 'index';
  if (/\.wasm$/.test(path) || mime === 'application/wasm') return 'wasm';
  if (/javascript/.test(mime) || /\.m?js$/.test(path)) return 'script';
  if (/html/.test(mime)) return 'document';
  return 'other';
}
