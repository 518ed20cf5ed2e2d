/**
 * Reading the built site: every report page, in worker threads
 * (`read-worker.ts`) when there are many. A page whose report the index
 * already holds as it is (its change key, `changeKey`, is the one the
 * index keeps) is only hashed; any other page's text is written to a
 * scratch folder as it is read. What was read from a page is cached by its
 * bytes (`page-cache.ts`), so a full rebuild parses only the pages that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPORTS_DIR, idOfReportPage } from '../../src/archive/layout.ts';
import type { SectionRow } from '../../src/search/format.ts';
import { readCachedPage, pageKey, writeCachedPage } from './page-cache.ts';
import { byId, prepareReport, type PreparedReport } from './prepare.ts';
import { factsFor, readSections } from './read-page.ts';
import type { ReportFacts } from './report-facts.ts';
import { runInWorkers } from './worker-pool.ts';

/** Every `index.html` under `reports/`, as paths inside the site, sorted by report id. */
export function reportFiles(dir: string): string[] {
  const root = join(dir, REPORTS_DIR);
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found.map((file) => ({ file, id: idOfReportPage(file) })).sort(byId).map(({ file }) => file);
}

/** The base path the search page was built with, from its `data-search-base`. */
export function builtBase(dir: string): string | undefined {
  const file = join(dir, 'search', 'index.html');
  if (!existsSync(file)) return undefined;
  const match = /data-search-base="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  return match?.[1];
}

export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** What reading one page gives back (from a worker or this thread). */
export interface ReadResult {
  index: number;
  /** No `data-pagefind-body`: not a report page. */
  skipped: boolean;
  messages: string[];
  /** What the index keeps of the report; a kept one has no n-grams and no headings (the index has them). */
  prepared?: PreparedReport;
  textBytes?: number;
  /** The page's key in the page cache, when there is one. */
  key?: string;
  /** Taken from the page cache rather than parsed. */
  fromCache?: boolean;
  /** The index holds this report as it is (the page was not read further). */
  kept?: boolean;
  /** The report's change key (`changeKey`). */
  changeKey?: string;
  /** The problems found in the page itself (not in its facts), which the index keeps with it. */
  pageMessages?: string[];
}

/**
 * What tells a report's version apart: the code that reads and indexes it,
 * the page (its path, the base and its bytes) and its title. A report whose
 * key is unchanged is not read again.
 */
export function changeKey(fingerprint: string, page: string, title: string): string {
  return createHash('sha256').update(`${fingerprint}\0${title}\0${page}`).digest('hex').slice(0, 32);
}

/** Where pages are read from and their texts written to: what a reading worker (`read-worker.ts`) is started with. */
export interface ReadContext {
  /** The built site. */
  dir: string;
  /** Where the texts of reports to index go, as `<index>.json`. */
  scratch: string;
  base: string;
  /** The page cache folder, if any. */
  cache: string | undefined;
  /** A digest of the code that reads and indexes pages (`indexFingerprint`). */
  fingerprint: string;
}

/** What the page cache keeps of a page besides its text (the sections as JSON): the problems found in it. */
interface CachedHeader {
  messages: string[];
}

/** One page to read: where it is, its ordinal, the report's facts from the catalog, and the change key the index holds it with. */
export interface PageTask {
  file: string;
  index: number;
  facts: ReportFacts | undefined;
  held?: string;
}

/**
 * Read page `file`: when its change key is `held`, only that; else write
 * its text to `<scratch>/<index>.json`. With a `cache` folder
 * (`page-cache.ts`), a page read before is taken from it (its text: the
 * facts always come from the catalog).
 */
export function readPage({ dir, scratch, base, cache, fingerprint }: ReadContext, { file, index, facts, held }: PageTask): ReadResult {
  const html = readFileSync(join(dir, file), 'utf8');
  if (!html.includes('data-pagefind-body')) return { index, skipped: true, messages: [] };
  const known = factsFor(file, facts);
  // One digest of the page serves both keys.
  const page = pageKey(file, base, html);
  const key = cache === undefined ? undefined : page;
  const reportKey = changeKey(fingerprint, page, known.record.title);
  if (reportKey === held) {
    const { prepared } = prepareReport({ file, record: known.record, sections: [], messages: [] });
    return { index, skipped: false, messages: known.messages, prepared, key, kept: true, changeKey: reportKey };
  }
  const cached = key === undefined ? undefined : readCachedPage<CachedHeader>(cache as string, key);
  const reused = cached ? cachedPage(cached) : undefined;
  const read = reused ?? readSections(html);
  const { prepared, text } = prepareReport({ file, record: known.record, sections: read.sections, messages: read.messages });
  writeFileSync(join(scratch, `${index}.json`), text);
  if (key && !reused) writeCachedPage(cache as string, key, { messages: read.messages } satisfies CachedHeader, text);
  return { index, skipped: false, messages: [...known.messages, ...read.messages], prepared, textBytes: Buffer.byteLength(text), key, fromCache: reused !== undefined, changeKey: reportKey, pageMessages: read.messages };
}

/** A cache entry's sections and messages, or undefined when it does not hold what the index writes. */
function cachedPage(cached: { header: CachedHeader; text: string }): { sections: SectionRow[]; messages: string[] } | undefined {
  try {
    const sections = JSON.parse(cached.text) as SectionRow[];
    return Array.isArray(sections) && Array.isArray(cached.header.messages) ? { sections, messages: cached.header.messages } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read the pages `files[from]` to `files[to - 1]`, in worker threads when
 * `workers` > 0; `held` gives each report id's change key in the index.
 * Results come back in any order.
 */
export async function readPages(
  context: ReadContext,
  files: string[],
  range: { from: number; to: number },
  facts: ReadonlyMap<string, ReportFacts>,
  held: ReadonlyMap<string, string>,
  workers: number,
  onResult: (result: ReadResult) => void,
): Promise<void> {
  const task = (index: number): PageTask => {
    const id = idOfReportPage(files[index]);
    return { file: files[index], index, facts: facts.get(id), held: held.get(id) };
  };
  if (workers === 0 || range.to - range.from < 50) {
    for (let index = range.from; index < range.to; index++) onResult(readPage(context, task(index)));
    return;
  }
  let next = range.from;
  await runInWorkers<PageTask, ReadResult>({
    module: new URL('./read-worker.ts', import.meta.url),
    workerData: context,
    size: workers,
    inFlight: 4,
    name: 'index worker',
    next: () => (next < range.to ? { message: task(next++) } : undefined),
    onResult,
  });
}
