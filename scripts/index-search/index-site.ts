/**
 * Index a built site for search: read the report pages (`read-pages.ts`),
 * write the exact index (`<site>/search-exact/`, see `src/search/format.ts`)
 * into a staging folder and swap it in, and Pagefind (`pagefind.ts`) in its
 * own process meanwhile.
 *
 * Output is deterministic: two builds of the same site give identical bytes.
 * Problems in a page are reported with the file and go on; Pagefind errors
 * and a site without report pages are fatal.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { EXACT_DIR, textFile } from '../../src/search/format.ts';
import { writeCatalog, writeRows } from './exact-index.ts';
import { IndexFiles } from './index-files.ts';
import { seconds } from './log.ts';
import { pageCacheDirectory, prunePageCache } from './page-cache.ts';
import { PAGEFIND_PART_SIZE, startPagefind } from './pagefind.ts';
import { totalChars, writePostings, writePostingsInWorkers } from './postings.ts';
import type { PreparedReport } from './prepare.ts';
import { readReportFacts } from './report-facts.ts';
import { builtBase, normaliseBase, readPages, reportFiles, type ReadResult } from './read-pages.ts';

export interface Options {
  /** Base path the site was built with (default: the search page's `data-search-base`, else env `BASE_PATH`, else `/`). */
  base?: string;
  /** Number of postings shards, a power of two (default: about 32 KiB a shard, 8 to 65536). */
  shards?: number;
  /** Shard groups, counted one at a time, a power of two dividing `shards` (default: about a million n-gram occurrences a group). */
  groups?: number;
  /** N-gram occurrences kept in memory while the postings are built; past that, temporary files (default: 2^26). */
  inMemory?: number;
  /** Run Pagefind too (default: true). */
  pagefind?: boolean;
  /** Reports per Pagefind index; more are split into parts merged in the browser (default: env `PAGEFIND_PART_SIZE`, else 25,000). */
  pagefindPartSize?: number;
  /** Worker threads that read the pages (default: one per core, at most 4; 0 reads them in this thread). */
  workers?: number;
  /** Where progress lines and messages go (default: `console.log`). */
  log?: (line: string) => void;
  /**
   * Folder of the page cache (`scripts/index-search/page-cache.ts`): what was read from
   * each page, by its bytes, so unchanged pages are not parsed again (default: its folder
   * in env `CACHE_DIR`, else `node_modules/.astro`; false: no cache).
   */
  cache?: string | false;
}

/** Index the built site in `dir`. Returns the problems that make the build fail. */
export async function indexSite(dir: string, options: Options = {}): Promise<{ fatal: string[]; warnings: string[]; reports: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (!existsSync(dir)) return { fatal: [`No built site at ${dir}; run astro build first or pass the site folder`], warnings, reports: 0 };

  const fromPage = builtBase(dir);
  const base = normaliseBase(options.base ?? fromPage ?? process.env.BASE_PATH ?? '/');
  const asked = options.base ?? process.env.BASE_PATH;
  if (fromPage !== undefined && asked !== undefined && normaliseBase(asked) !== normaliseBase(fromPage)) {
    fatal.push(`Base path ${normaliseBase(asked)} differs from ${fromPage}, which search/index.html was built with; build and index with the same BASE_PATH`);
  }
  if (fromPage === undefined) warnings.push(`search/index.html: missing or without data-search-base; using base path ${base}`);

  // Read the pages; texts go straight to a staging folder.
  const started = performance.now();
  const out = join(dir, EXACT_DIR);
  const stage = `${out}.new`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'texts'), { recursive: true });
  const pages = reportFiles(dir);
  const results: ReadResult[] = new Array(pages.length);
  const workers = options.workers ?? Math.min(4, availableParallelism());
  const cache = options.cache === false ? undefined : (options.cache ?? pageCacheDirectory());
  const published = readReportFacts(dir, base);
  if (published.problem) fatal.push(published.problem);
  await readPages({ dir, stage, base, cache }, pages, published.facts, workers, (result) => (results[result.index] = result));
  const fromCache = results.filter((result) => result.fromCache).length;
  const how = [workers > 0 && pages.length >= 50 ? `${workers} workers` : '', cache ? `${fromCache} from the cache` : ''].filter(Boolean).join(', ');
  log(`search-exact: ${pages.length} pages read in ${seconds(started)}${how ? ` (${how})` : ''}`);
  if (cache) prunePageCache(cache, new Set(results.flatMap((result) => (result.key ? [result.key] : []))));

  const files = new IndexFiles((path, contents) => {
    const target = join(stage, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  });
  const reports: PreparedReport[] = [];
  for (const result of results) {
    warnings.push(...result.messages.map((message) => `${pages[result.index]}: ${message}`));
    if (result.skipped || !result.prepared) continue;
    const ordinal = reports.length;
    // A page skipped before this one: the text file takes the report's ordinal.
    if (ordinal !== result.index) renameSync(join(stage, textFile(result.index)), join(stage, textFile(ordinal)));
    files.record(textFile(ordinal), result.prepared.textDigest, result.textBytes ?? 0);
    reports.push(result.prepared);
  }
  if (reports.length === 0) fatal.push(`No report pages in ${join(dir, 'reports')}; expected reports/<year>/<id>/index.html with data-pagefind-body`);

  // Pagefind writes its index in its own process while the postings are built here.
  const pagefind = options.pagefind !== false && reports.length > 0 ? await startPagefind(reports, dir, options.pagefindPartSize ?? (Number(process.env.PAGEFIND_PART_SIZE) || PAGEFIND_PART_SIZE), log) : { written: Promise.resolve([]) };

  const postingsStarted = performance.now();
  const { grams, shards, groups } = writeRows(reports, files, options);
  const postingsOptions = { log, spill: join(stage, '.grams'), inMemory: options.inMemory };
  // Counting the groups in worker threads pays once there is more to count than starting them costs.
  const counters = options.workers ?? Math.min(2, availableParallelism());
  if (counters > 0 && totalChars(grams) >= 2_000_000) await writePostingsInWorkers(grams, shards, groups, files, stage, counters, postingsOptions);
  else writePostings(grams, shards, groups, files, postingsOptions);
  const catalog = writeCatalog(reports, base, shards, files);
  // The old index is moved aside and deleted while Pagefind finishes.
  const old = `${out}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(stage, out);
  const removing = rm(old, { recursive: true, force: true, maxRetries: 3 });
  log(
    `search-exact: ${reports.length} reports, ${catalog.shards} postings shards, ${files.count} files, ${(files.bytes / 1024 ** 2).toFixed(1)} MiB; postings in ${seconds(postingsStarted)}, all in ${seconds(started)}`,
  );
  fatal.push(...(await pagefind.written));
  await removing;
  return { fatal, warnings, reports: reports.length };
}

