/**
 * How far the site's own search can be trusted, measured as a reader meets it.
 *
 *   npm run eval:search -- [site folder] [--queries 120] [--verbose]
 *
 * The site folder defaults to env `OUT_DIR`, else `dist` (the built sample
 * archive: `npm run build` first). Queries are drawn deterministically from
 * the report texts as a browser shows them (2–8 characters, common and rare,
 * long phrases of 5–16 characters, multi-word, some with punctuation as
 * copied from the page, digits and Latin letters, a few that occur nowhere),
 * plus the vocabulary readers of these reports type and traditional forms
 * of both. The truth is exact substring match on the normalised text of
 * each block (traditional characters folded to simplified ones). Each query
 * runs in headless Chromium through the search page in its default mode, a
 * fresh page per query (`search/?q=…`): the first in a fresh browser, the
 * rest in the same browser, so its HTTP cache holds what earlier queries
 * fetched; results are read once `#search-results[data-state=done]`.
 * Prints recall and precision per kind of query, bytes transferred and time
 * to the first screen of results (paging through every result to read them
 * is not counted) for the first query and the median and worst of the
 * later ones; the last line is `search: recall=R precision=P queries=N`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { ID_SHAPE } from '../../src/archive/layout.ts';
import { countByYear, launchBrowser, listedUrls, plain, plainText, resultUrls, shownTexts, truthOf, waitForSearch, yearFacet, type ShownText } from '../../tests/helpers/browser.ts';
import { traditionalFormsOf } from '../ingest/traditional.ts';
import { serve } from '../serve.ts';
import { ExactSearch, fetchLoader } from '../../src/search/browser/engine.ts';
import { parseQuery } from '../../src/search/browser/query.ts';

/**
 * Results past this many are listed through the page's own search engine
 * (the same module, over HTTP from the same server) instead of clicking
 * 显示更多 to the end, which costs seconds per thousand; the page's count,
 * first page and year counts are still read from the page and checked
 * against that list.
 */
const PAGED_UP_TO = 200;

/** What the first screen says and the whole list of results. */
async function readResults(page: Page, engine: ExactSearch, query: Query): Promise<{ found: string[]; problems: string[] }> {
  const problems: string[] = [];
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const count = /没有报告/.test(status) ? 0 : Number(/找到 (\d+) 份报告/.exec(status)?.[1] ?? NaN);
  const firstPage = await listedUrls(page);
  const years = await yearFacet(page);
  let found: string[];
  if (!(count > PAGED_UP_TO)) {
    found = await resultUrls(page);
  } else {
    const outcome = await engine.search(parseQuery(query.text).terms);
    const rows = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
    found = [...rows.values()].map((row) => new URL(row.url, page.url()).href).sort();
    const listed = new Set(found);
    if (firstPage.some((url) => !listed.has(url))) problems.push('its first page holds a report the engine does not list');
  }
  if (count !== found.length) problems.push(`the status says ${Number.isNaN(count) ? `“${status}”` : count}, the list holds ${found.length}`);
  const byYear = countByYear(found);
  for (const [year, shown] of years) {
    if (byYear.get(year) !== shown) problems.push(`year ${year} shows ${shown}, the list holds ${byYear.get(year) ?? 0}`);
  }
  return { found, problems };
}

interface Query {
  text: string;
  /** What it must match, normalised: every term. */
  terms: string[];
  kind: 'common' | 'rare' | 'random' | 'long-phrase' | 'reader' | 'traditional' | 'multi-word' | 'as-copied' | 'digits-latin' | 'absent';
}

interface Measured {
  query: Query;
  expected: string[];
  found: string[];
  /** Where what the page shows disagrees with the list of results (its count, first page or year counts). */
  problems: string[];
  ms: number;
  bytes: number;
  rawBytes: number;
  indexBytes: number;
  requests: number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reportUrls(dir: string, siteUrl: string): string[] {
  const reports = join(dir, 'reports');
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      // Report pages only: reports/ and reports/<year>/ are index pages.
      else if (entry.name === 'index.html' && ID_SHAPE.test(relative(reports, folder).split(sep).join('/'))) found.push(relative(dir, folder).split(sep).join('/') + '/');
    }
  };
  walk(reports);
  return found.sort().map((path) => new URL(path, siteUrl).href);
}

/**
 * What readers of these reports type: the legal vocabulary of 法治政府建设
 * (five characters or more is the normal query), and the commonest long
 * phrases of the reports themselves.
 */
export const READER_QUERIES = [
  '规范性文件', '第一责任人', '非现场执法', '谁执法谁普法', '法治政府建设实施纲要', '习近平法治思想', '推进依法行政',
  '重大行政决策', '行政复议', '行政应诉', '行政执法三项制度', '行政执法公示制度', '法律顾问', '公职律师', '合法性审查',
  '合法性审核', '证明事项告知承诺制', '包容审慎监管', '综合行政执法', '公平竞争审查', '营商环境', '放管服改革',
  '双随机一公开', '一网通办', '权责清单', '政务公开', '法治督察', '述法', '八五普法', '行政机关负责人出庭应诉',
];

/** A traditional rendering of `text` (OpenCC's character table, first choice), or `undefined` when it has no other form. */
function traditionalOf(text: string): string | undefined {
  let out = '';
  for (const char of text) out += traditionalFormsOf(char).slice(0, 1) || char;
  return out !== text && plain(out) === plain(text) ? out : undefined;
}

/** Draw `count` queries from the texts, always the same ones for the same texts. */
export function drawQueries(texts: ShownText[], count: number, seed = 20240401): Query[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const blocks = texts.map((text) => text.blocks.map(plain).filter((block) => block.length >= 2));
  const reportsWith = (term: string) => texts.filter((text) => plainText(text).includes(term)).length;
  const slice = (report = Math.floor(next() * blocks.length), length = 2 + Math.floor(next() * 7)) => {
    const block = pick(blocks[report].length > 0 ? blocks[report] : blocks.flat());
    const start = Math.floor(next() * Math.max(1, block.length - length));
    return Array.from(block).slice(start, start + length).join('');
  };
  const queries: Query[] = [];
  const seen = new Set<string>();
  const add = (query: Query) => {
    if (query.terms.some((term) => term.length === 0) || seen.has(query.text)) return false;
    seen.add(query.text);
    queries.push(query);
    return true;
  };
  const share = (fraction: number) => Math.max(1, Math.round(count * fraction));

  // Common (in at least half the reports) and rare (in exactly one).
  for (let tries = 0, made = 0; made < share(0.1) && tries < 5000; tries++) {
    const term = slice(undefined, 2 + Math.floor(next() * 3));
    if (reportsWith(term) * 2 >= blocks.length && add({ text: term, terms: [term], kind: 'common' })) made++;
  }
  for (let tries = 0, made = 0; made < share(0.1) && tries < 5000; tries++) {
    const term = slice(undefined, 3 + Math.floor(next() * 6));
    if (reportsWith(term) === 1 && add({ text: term, terms: [term], kind: 'rare' })) made++;
  }
  for (let made = 0, tries = 0; made < share(0.05) && tries < 1000; tries++) {
    const term = slice();
    if (add({ text: term, terms: [term], kind: 'random' })) made++;
  }
  // Long phrases, as a reader copies or types them: 5–16 characters of one block.
  for (let made = 0, tries = 0; made < share(0.2) && tries < 5000; tries++) {
    const term = slice(undefined, 5 + Math.floor(next() * 12));
    if (Array.from(term).length >= 5 && add({ text: term, terms: [term], kind: 'long-phrase' })) made++;
  }
  // What readers type, whether or not this archive holds it.
  for (const text of READER_QUERIES.slice(0, share(0.25))) add({ text, terms: [plain(text)], kind: 'reader' });
  // Traditional forms of reader vocabulary and of phrases from the texts: they must find the simplified text.
  for (let made = 0, tries = 0; made < share(0.1) && tries < 1000; tries++) {
    const source = made % 2 === 0 ? pick(READER_QUERIES) : slice(undefined, 4 + Math.floor(next() * 6));
    const text = traditionalOf(source);
    if (text && add({ text, terms: [plain(text)], kind: 'traditional' })) made++;
  }
  // Two or three words, from one report (mostly found) or from any (often not).
  for (let made = 0, tries = 0; made < share(0.08) && tries < 1000; tries++) {
    const report = made % 2 === 0 ? Math.floor(next() * blocks.length) : undefined;
    const words = Array.from({ length: 2 + Math.floor(next() * 2) }, () => slice(report, 2 + Math.floor(next() * 3)));
    if (add({ text: words.join(' '), terms: words, kind: 'multi-word' })) made++;
  }
  // Copied from the page with its punctuation (quotes left out: they mean a phrase).
  for (let made = 0, tries = 0; made < share(0.06) && tries < 5000; tries++) {
    const block = pick(pick(texts).blocks);
    const start = Math.floor(next() * Math.max(1, block.length - 10));
    const text = block.slice(start, start + 4 + Math.floor(next() * 6)).trim();
    if (!/[，、。；：,.;:（）()《》]/.test(text) || /["“”「」『』\s]/.test(text)) continue;
    if (add({ text, terms: [plain(text)], kind: 'as-copied' })) made++;
  }
  // Digits and Latin letters.
  const runs = [...new Set(blocks.flat().flatMap((block) => block.match(/[0-9a-z]{2,}/g) ?? []))].sort();
  for (let made = 0, tries = 0; made < share(0.04) && runs.length > 0 && tries < 1000; tries++) {
    const run = pick(runs);
    const term = run.length > 8 ? run.slice(0, 2 + Math.floor(next() * 7)) : run;
    if (add({ text: term, terms: [term], kind: 'digits-latin' })) made++;
  }
  // Found nowhere: a real term written backwards, checked absent.
  for (let made = 0, tries = 0; made < share(0.02) && tries < 1000; tries++) {
    const term = Array.from(slice(undefined, 4)).reverse().join('');
    if (reportsWith(term) === 0 && add({ text: term, terms: [term], kind: 'absent' })) made++;
  }
  return queries;
}

interface Taken {
  /** Bytes transferred (compressed, headers included). */
  bytes: number;
  /** Bytes after decompression. */
  rawBytes: number;
  /** Transferred bytes of the exact index (`search-exact/`) alone. */
  indexBytes: number;
  requests: number;
}

/** Count what the page downloads, from the browser's own network events. */
async function countBytes(page: Page): Promise<{ take: () => Taken }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  let taken: Taken = { bytes: 0, rawBytes: 0, indexBytes: 0, requests: 0 };
  cdp.on('Network.requestWillBeSent', (event) => {
    urls.set(event.requestId, event.request.url);
    taken.requests++;
  });
  cdp.on('Network.loadingFinished', (event) => {
    taken.bytes += event.encodedDataLength;
    if (urls.get(event.requestId)?.includes('/search-exact/')) taken.indexBytes += event.encodedDataLength;
  });
  cdp.on('Network.dataReceived', (event) => (taken.rawBytes += event.dataLength));
  return {
    take: () => {
      const result = taken;
      taken = { bytes: 0, rawBytes: 0, indexBytes: 0, requests: 0 };
      return result;
    },
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)];
};

export async function evaluate(dir: string, count: number, verbose: boolean, log = console.log): Promise<{ recall: number; precision: number; queries: number; problems: number }> {
  const page0 = readFileSync(join(dir, 'search', 'index.html'), 'utf8');
  const base = /data-search-base="([^"]*)"/.exec(page0)?.[1] ?? '/';
  const running = await serve({ dir, base, host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  try {
    const reader = await browser.newPage();
    await reader.goto(running.url);
    const urls = reportUrls(dir, running.url);
    const texts = await shownTexts(reader, urls);
    await reader.close();
    const queries = drawQueries(texts, count);
    log(`eval: ${urls.length} reports, ${queries.length} queries (${Object.entries(Object.groupBy(queries, (query) => query.kind)).map(([kind, list]) => `${list?.length} ${kind}`).join(', ')})`);

    // The default mode, a fresh page per query: the first in a fresh browser, the rest in the same one (its HTTP cache warm).
    const context = await browser.newContext({ locale: 'zh-CN' });
    // The page's own engine and loader, in Node, for lists too long to page through.
    const engine = new ExactSearch(fetchLoader(running.url));
    const measured: Measured[] = [];
    for (const query of queries) {
      const page = await context.newPage();
      const bytes = await countBytes(page);
      const started = performance.now();
      await page.goto(`${running.url}search/?q=${encodeURIComponent(query.text)}`);
      await waitForSearch(page);
      const ms = performance.now() - started;
      const state = await page.getAttribute('#search-results', 'data-state');
      if (state !== 'done') throw new Error(`search for ${query.text} ended in state ${state}`);
      // What the first screen of results took; paging through them all (to read every result) is not counted.
      const taken = bytes.take();
      const { found, problems } = await readResults(page, engine, query);
      await page.close();
      measured.push({ query, expected: truthOf(texts, query.terms), found, problems, ms, ...taken });
    }
    await context.close();

    let truePositives = 0;
    let expectedTotal = 0;
    let foundTotal = 0;
    let problems = 0;
    for (const { query, expected, found, problems: seen } of measured) {
      if (seen.length > 0) {
        problems++;
        log(`PAGE [${query.kind}] ${query.text}: ${seen.join('; ')}`);
      }
      const right = found.filter((url) => expected.includes(url)).length;
      truePositives += right;
      expectedTotal += expected.length;
      foundTotal += found.length;
      if (verbose || right !== expected.length || right !== found.length) {
        const short = (list: string[]) => list.map((url) => url.replace(`${running.url}reports/`, '')).join(' ');
        log(`${right === expected.length && right === found.length ? 'ok  ' : 'MISS'} [${query.kind}] ${query.text}: expected ${expected.length}, found ${found.length}${right !== expected.length || right !== found.length ? ` (missing: ${short(expected.filter((url) => !found.includes(url)))}; extra: ${short(found.filter((url) => !expected.includes(url)))})` : ''}`);
      }
    }
    for (const [kind, list] of Object.entries(Object.groupBy(measured, (m) => m.query.kind))) {
      if (!list) continue;
      let right = 0;
      let expected = 0;
      let found = 0;
      for (const m of list) {
        right += m.found.filter((url) => m.expected.includes(url)).length;
        expected += m.expected.length;
        found += m.found.length;
      }
      const bytes = list.map((m) => m.bytes);
      log(
        `  ${kind.padEnd(12)} ${String(list.length).padStart(3)} queries: recall ${(expected === 0 ? 1 : right / expected).toFixed(3)}, precision ${(found === 0 ? 1 : right / found).toFixed(3)}; transfer median ${kib(median(bytes))}, max ${kib(Math.max(...bytes))}`,
      );
    }
    const [first, ...later] = measured;
    log(
      `first query "${first.query.text}" (fresh browser, page load included): ${kib(first.bytes)} transferred in ${first.requests} requests (index ${kib(first.indexBytes)}; ${kib(first.rawBytes)} uncompressed), ${first.ms.toFixed(0)} ms to results`,
    );
    if (later.length > 0) {
      const total = later.reduce((sum, m) => sum + m.bytes, 0);
      const worst = later.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      log(
        `later queries: median ${kib(median(later.map((m) => m.bytes)))} transferred (mean ${kib(total / later.length)}, max ${kib(worst.bytes)} for [${worst.query.kind}] "${worst.query.text}", ${worst.expected.length} reports); median ${median(later.map((m) => m.ms)).toFixed(0)} ms to results, max ${Math.max(...later.map((m) => m.ms)).toFixed(0)} ms`,
      );
    }
    const recall = expectedTotal === 0 ? 1 : truePositives / expectedTotal;
    const precision = foundTotal === 0 ? 1 : truePositives / foundTotal;
    return { recall, precision, queries: measured.length, problems };
  } finally {
    await browser.close();
    await running.close();
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  let dirArg: string | undefined;
  let count = 120;
  let verbose = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--queries') count = Number(args[++index]);
    else if (arg === '--verbose') verbose = true;
    else if (arg.startsWith('-')) {
      console.error(`Unknown option \`${arg}\`, expected: npm run eval:search -- [site folder] [--queries 120] [--verbose]`);
      process.exit(2);
    } else dirArg = arg;
  }
  const dir = resolve(dirArg ?? process.env.OUT_DIR ?? 'dist');
  if (!existsSync(join(dir, 'search-exact', 'catalog.json')) || !existsSync(join(dir, 'search', 'index.html'))) {
    console.error(`No search index in ${dir}; run npm run build first (or pass the built site folder)`);
    process.exit(1);
  }
  const { recall, precision, queries, problems } = await evaluate(dir, count, verbose);
  console.log(`search: recall=${recall.toFixed(3)} precision=${precision.toFixed(3)} queries=${queries}${problems > 0 ? ` (${problems} whose first screen disagrees with the list)` : ''}`);
  // The search promises exact results: anything less fails the run (and CI).
  if (recall < 1 || precision < 1 || problems > 0) process.exitCode = 1;
}
