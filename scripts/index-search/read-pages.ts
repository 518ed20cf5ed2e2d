/**
 * Reading the built site: every report page, in worker threads
 * (`read-worker.ts`) when there are many, each page's text written to the
 * staging folder as it is read; what was read from a page is cached by its
 * bytes (`page-cache.ts`), so a rebuild parses only the pages that changed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPORTS_DIR, idOfReportPage } from '../../src/archive/layout.ts';
import { textFile, type SectionRow } from '../../src/search/format.ts';
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
  prepared?: PreparedReport;
  textBytes?: number;
  /** The page's key in the page cache, when there is one. */
  key?: string;
  /** Taken from the page cache rather than parsed. */
  fromCache?: boolean;
}

/** Where pages are read from and their texts written to: what a reading worker (`read-worker.ts`) is started with. */
export interface ReadContext {
  /** The built site. */
  dir: string;
  /** The staging folder of the exact index. */
  stage: string;
  base: string;
  /** The page cache folder, if any. */
  cache: string | undefined;
}

/** What the page cache keeps of a page besides its text (the sections as JSON): the problems found in it. */
interface CachedHeader {
  messages: string[];
}

/** One page to read: where it is, its ordinal, and the report's facts from the catalog. */
export interface PageTask {
  file: string;
  index: number;
  facts: ReportFacts | undefined;
}

/**
 * Read page `file`, write its text to `<stage>/texts/<index>.json`. With a
 * `cache` folder (`page-cache.ts`), a page read before is taken from it (its
 * text: the facts always come from the catalog).
 */
export function readPage({ dir, stage, base, cache }: ReadContext, { file, index, facts }: PageTask): ReadResult {
  const html = readFileSync(join(dir, file), 'utf8');
  if (!html.includes('data-pagefind-body')) return { index, skipped: true, messages: [] };
  const key = cache === undefined ? undefined : pageKey(file, base, html);
  const cached = key === undefined ? undefined : readCachedPage<CachedHeader>(cache as string, key);
  const reused = cached ? cachedPage(cached) : undefined;
  const page = reused ?? readSections(html);
  const known = factsFor(file, facts);
  const { prepared, text } = prepareReport({ file, record: known.record, sections: page.sections, messages: [] });
  writeFileSync(join(stage, textFile(index)), text);
  if (key && !reused) writeCachedPage(cache as string, key, { messages: page.messages } satisfies CachedHeader, text);
  return { index, skipped: false, messages: [...known.messages, ...page.messages], prepared, textBytes: Buffer.byteLength(text), key, fromCache: reused !== undefined };
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

/** Read every page, in worker threads when `workers` > 0; results come back in any order. */
export async function readPages(context: ReadContext, files: string[], facts: ReadonlyMap<string, ReportFacts>, workers: number, onResult: (result: ReadResult) => void): Promise<void> {
  const task = (index: number): PageTask => ({ file: files[index], index, facts: facts.get(idOfReportPage(files[index])) });
  if (workers === 0 || files.length < 50) {
    files.forEach((_, index) => onResult(readPage(context, task(index))));
    return;
  }
  let next = 0;
  await runInWorkers<PageTask, ReadResult>({
    module: new URL('./read-worker.ts', import.meta.url),
    workerData: context,
    size: workers,
    inFlight: 4,
    name: 'index worker',
    next: () => (next < files.length ? { message: task(next++) } : undefined),
    onResult,
  });
}
