/**
 * Index a built site for search: read the report pages (`read-pages.ts`),
 * bring the exact index (`<site>/search-exact/`, see `src/search/format.ts`)
 * up to date, and write Pagefind's (`pagefind.ts`) in its own process
 * meanwhile.
 *
 * The exact index is kept in segments (`segments.ts`): the reports the last
 * build indexed as they still are stay where they are, the new and changed
 * ones go into a new segment, and small segments are merged. The catalog,
 * written last, makes the new state the index's at once. A full build (no
 * index yet, or other code) cuts the archive into segments of at most
 * `SEGMENT_MAX` reports and holds one of them in memory at a time.
 *
 * Output is deterministic: two full builds of the same site give identical
 * bytes, and a rebuild answers every query as a full build does.
 * Problems in a page are reported with the file and go on; Pagefind errors
 * and a site without report pages are fatal.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeWhole } from '../../src/archive/atomic.ts';
import { EXACT_DIR, encodeRuns, type SegmentEntry } from '../../src/search/format.ts';
import { catalogFile } from './exact-index.ts';
import { seconds } from './log.ts';
import { indexFingerprint, pageCacheDirectory, prunePageCache } from './page-cache.ts';
import { PAGEFIND_PART_SIZE, startPagefind } from './pagefind.ts';
import type { PreparedReport } from './prepare.ts';
import { readReportFacts } from './report-facts.ts';
import { builtBase, normaliseBase, readPages, reportFiles, type ReadResult } from './read-pages.ts';
import { SEGMENT_MAX, adoptParts, mergeInputs, mergePlan, readSegments, writeSegment, type HeldSegment, type LastSegment, type SegmentInput } from './segments.ts';

export interface Options {
  /** Base path the site was built with (default: the search page's `data-search-base`, else env `BASE_PATH`, else `/`). */
  base?: string;
  /** Index every report afresh, not on the last build's segments (default: false; `shards` implies it). */
  full?: boolean;
  /**
   * Site folders of parts built apart (`scripts/parts.ts`), whose report pages are
   * already in this site: their segments are moved into this index and kept as
   * they are (not merged), and one catalog is written over them.
   */
  parts?: string[];
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

  const started = performance.now();
  const exact = join(dir, EXACT_DIR);
  // What the last build left, unless asked to start afresh (a set shard count is a fresh layout too).
  const last = options.parts
    ? adoptParts(exact, options.parts, base)
    : options.full || options.shards !== undefined
      ? { problem: 'a full build was asked for' }
      : readSegments(exact, base);
  if (options.parts && 'problem' in last) return { fatal: [last.problem], warnings, reports: 0 };
  const previous: LastSegment[] = 'segments' in last ? last.segments : [];
  if ('problem' in last) log(`search-exact: full build (${last.problem})`);
  else log(`search-exact: ${previous.length} segments held`);
  const scratch = join(exact, 'segments', `.scratch-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });

  // Where the last build holds each report, and with which key.
  const heldAt = new Map<string, { segment: number; local: number }>();
  const heldKey = new Map<string, string>();
  previous.forEach((segment, s) =>
    segment.reports.forEach(([id, key], local) => {
      if (!segment.live[local]) return;
      heldAt.set(id, { segment: s, local });
      heldKey.set(id, key);
    }),
  );

  const pages = reportFiles(dir);
  const workers = options.workers ?? Math.min(4, availableParallelism());
  const counters = options.workers ?? Math.min(2, availableParallelism());
  const cache = options.cache === false ? undefined : (options.cache ?? pageCacheDirectory());
  const published = readReportFacts(dir, base);
  if (published.problem) fatal.push(published.problem);
  const context = { dir, scratch, base, cache, fingerprint: indexFingerprint() };
  const segmentOptions = { shards: options.shards, groups: options.groups, inMemory: options.inMemory, counters, log };

  // The pages are read a segment's worth at a time; the new and changed reports wait in `pending` for a segment.
  const size = pages.length === 0 ? 1 : Math.ceil(pages.length / Math.ceil(pages.length / SEGMENT_MAX));
  const reports: PreparedReport[] = [];
  const kept = new Set<string>();
  const pending: SegmentInput[] = [];
  const written: HeldSegment[] = [];
  const cacheKeys = new Set<string>();
  let fromCache = 0;
  const flush = async (inputs: SegmentInput[]) => {
    const segment = await writeSegment(exact, inputs, segmentOptions);
    written.push(segment);
    log(`search-exact: segment ${segment.name}, ${segment.reports.length} reports, ${segment.shards} shards, ${(segment.bytes / 1024 ** 2).toFixed(1)} MiB`);
  };
  for (let from = 0; from < pages.length; from += size) {
    const results: ReadResult[] = [];
    await readPages(context, pages, { from, to: Math.min(pages.length, from + size) }, published.facts, heldKey, workers, (result) => results.push(result));
    results.sort((a, b) => a.index - b.index);
    for (const result of results) {
      if (result.key) cacheKeys.add(result.key);
      if (result.fromCache) fromCache++;
      const report = result.prepared;
      if (result.skipped || !report) {
        warnings.push(...result.messages.map((message) => `${pages[result.index]}: ${message}`));
        continue;
      }
      if (result.kept) {
        const at = heldAt.get(report.id) as { segment: number; local: number };
        const held = previous[at.segment].reports[at.local];
        report.headings = held[2];
        result.messages.push(...held[3]);
        kept.add(report.id);
      } else {
        pending.push({
          row: [report.id, report.title],
          held: [report.id, result.changeKey ?? '', report.headings, result.pageMessages ?? [], report.textDigest, result.textBytes ?? 0],
          grams: report.grams,
          text: { path: join(scratch, `${result.index}.json`), move: true },
        });
        report.grams = new Uint16Array(0);
      }
      warnings.push(...result.messages.map((message) => `${pages[result.index]}: ${message}`));
      reports.push(report);
    }
    // Pages that are no reports (a year's listing) make a chunk short of `size`: half of it is a segment's worth.
    if (from + size < pages.length && pending.length * 2 >= size) await flush(pending.splice(0, pending.length));
  }
  log(`search-exact: ${pages.length} pages read, ${kept.size} held as they are, in ${seconds(started)}${cache ? ` (${fromCache} from the cache)` : ''}`);
  if (cache) prunePageCache(cache, cacheKeys);
  if (reports.length === 0) fatal.push(`No report pages in ${join(dir, 'reports')}; expected reports/<year>/<id>/index.html with data-pagefind-body`);

  // Pagefind writes its index in its own process while the last segment is written here.
  const pagefind = options.pagefind !== false && reports.length > 0 ? await startPagefind(reports, dir, options.pagefindPartSize ?? (Number(process.env.PAGEFIND_PART_SIZE) || PAGEFIND_PART_SIZE), log) : { written: Promise.resolve([]) };
  if (pending.length > 0) await flush(pending.splice(0, pending.length));

  // Which reports each segment still holds; merge where small ones piled up.
  const ordinalOf = new Map(reports.map((report, ordinal) => [report.id, ordinal]));
  const segments = [...previous, ...written];
  // A report of the last build stays where it was live if it was kept; a new segment's reports are all current.
  const live = segments.map((segment, s) => segment.reports.map(([id], local) => (s < previous.length ? previous[s].live[local] && kept.has(id) : true)));
  // The parts' segments are taken as they are: merging them would index their reports again on one machine.
  const plan = options.parts ? [] : mergePlan(segments.map((segment, s) => ({ live: live[s].filter(Boolean).length, count: segment.reports.length })));
  const merged = new Set(plan.flat());
  const mergedInto: HeldSegment[] = [];
  for (const group of plan) {
    const inputs = mergeInputs(exact, group.map((s) => segments[s]), group.map((s) => live[s]));
    if (inputs.length === 0) continue;
    const segment = await writeSegment(exact, inputs, segmentOptions);
    mergedInto.push(segment);
    log(`search-exact: merged ${group.length} segments into ${segment.name}, ${segment.reports.length} reports`);
  }
  // A merged segment holds only live reports, all current.
  const keptSegments = [
    ...segments.map((segment, s) => ({ segment, live: live[s] })).filter((_, s) => !merged.has(s)),
    ...mergedInto.map((segment) => ({ segment, live: segment.reports.map(() => true) })),
  ].filter(({ live: list }) => list.some(Boolean));

  const entries: SegmentEntry[] = keptSegments.map(({ segment, live: list }) => ({
    name: segment.name,
    count: segment.reports.length,
    shards: segment.shards,
    ordinals: encodeRuns(segment.reports.map(([id], local) => (list[local] ? (ordinalOf.get(id) as number) : -1))),
  }));
  const catalog = catalogFile(
    reports.map((report) => report.facts),
    base,
    entries,
  );
  if (reports.length > 0) writeWhole(join(exact, 'catalog.json'), JSON.stringify(catalog));
  rmSync(scratch, { recursive: true, force: true });
  // Only now, with the new catalog in place, go segments it does not name, what a run cut short left, and an index of an older format.
  const named = new Set(entries.map((entry) => entry.name));
  const removing = Promise.all([
    ...readdirSync(join(exact, 'segments'))
      .filter((name) => !named.has(name))
      .map((name) => rm(join(exact, 'segments', name), { recursive: true, force: true, maxRetries: 3 })),
    ...(reports.length > 0 ? readdirSync(exact).filter((name) => name !== 'catalog.json' && name !== 'segments') : []).map((name) => rm(join(exact, name), { recursive: true, force: true, maxRetries: 3 })),
  ]);
  log(
    `search-exact: ${reports.length} reports in ${entries.length} segments (${written.length} written, ${plan.length} merges, ${kept.size} reports held); all in ${seconds(started)}`,
  );
  fatal.push(...(await pagefind.written));
  await removing;
  return { fatal, warnings, reports: reports.length };
}
