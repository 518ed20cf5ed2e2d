/**
 * Pagefind (`<site>/pagefind/`), through its Node API, fed one small record
 * per report (title, agency, region, year and the headings of the first two
 * levels, without their numbers, with filters), not the bodies: the search
 * page uses it only to offer reports whose title or headings hold similar
 * words when the exact search finds few, and every other page's header for
 * quick find (`src/search/browser/quick-find.ts`: reports, and agencies
 * named by the meta's agency and region). Past `PAGEFIND_PART_SIZE` reports it
 * is built in parts of whole years, one at a time, which the page merges
 * (`mergeIndex`); a rebuild keeps the parts whose records are unchanged.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_FILTERS } from '../../src/search/filters.ts';
import { seconds } from './log.ts';
import type { PreparedReport } from './prepare.ts';

/** A heading without its number (`一、`, `（二）`, `3.`): what is left is what a reader would search for. */
const withoutNumber = (heading: string) => heading.replace(/^\s*(?:[（(]?[一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇\d]+[、.．])\s*/u, '');

/** Pagefind's record of a report: what the search page offers as 相近 results, and quick find suggests. */
export function pagefindRecord(report: PreparedReport) {
  const { facts } = report;
  const filters: Record<string, string[]> = {};
  const filter = (name: string, value: string) => {
    if (value) filters[name] = [value];
  };
  filter(SEARCH_FILTERS.year, facts.year);
  filter(SEARCH_FILTERS.province, facts.province);
  filter(SEARCH_FILTERS.city, facts.city);
  filter(SEARCH_FILTERS.agency, facts.agency);
  filter(SEARCH_FILTERS.level, facts.level);
  return {
    url: `/reports/${report.id}/`,
    content: [report.title, facts.agency, report.region, facts.year ? `${facts.year}年度` : '', ...report.headings.map(withoutNumber)].filter(Boolean).join('\n'),
    language: 'zh-cn',
    meta: { title: report.title, agency: facts.agency, region: report.region, year: facts.year, date: facts.date },
    filters,
    sort: { date: facts.date },
  };
}

/**
 * Reports one Pagefind index takes at most; more are indexed in parts, one
 * at a time, merged by the search page. Pagefind's memory grows with the
 * text: these records (some 400 characters each) take about 180 KB each, so
 * 20,000 reports take 3.5 GB in one index. Parts are a last resort: Pagefind
 * drops a query word that a part does not know, so a split index finds the
 * reports one index finds and some more (`tests/browser/search-offers-similar-reports.test.ts`).
 */
export const PAGEFIND_PART_SIZE = 25_000;

/** The folder of Pagefind part `n` inside `pagefind/`: the first part is `pagefind/` itself. */
export const pagefindPart = (n: number) => (n === 0 ? '' : `part${n + 1}/`);

/**
 * The reports of each Pagefind part: whole years in order (the reports come
 * in ordinal order, which is by year), as many as fit in `partSize`; a year
 * larger than that is cut into even pieces. The parts depend only on the
 * reports, so a rebuild and a full build cut them alike, and a report added
 * to one year changes one part.
 */
export function pagefindParts<R extends { facts: { year: string } }>(reports: R[], partSize: number): R[][] {
  const parts: R[][] = [];
  let current: R[] = [];
  for (let start = 0; start < reports.length; ) {
    let end = start;
    while (end < reports.length && reports[end].facts.year === reports[start].facts.year) end++;
    const year = reports.slice(start, end);
    start = end;
    if (current.length + year.length <= partSize) {
      current.push(...year);
      continue;
    }
    if (current.length) parts.push(current);
    current = [];
    if (year.length <= partSize) current = year;
    else {
      const pieces = Math.ceil(year.length / partSize);
      for (let n = 0; n < pieces; n++) parts.push(year.slice(Math.floor((n * year.length) / pieces), Math.floor(((n + 1) * year.length) / pieces)));
    }
  }
  if (current.length) parts.push(current);
  return parts;
}

/** What the next build reads to keep parts: each part's folder and the digest of its records. */
const BUILT = 'parts-built.json';
/** Pagefind's version and this file: a part written by other code is not kept. */
const MAKER = (() => {
  const pkg = readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8');
  return createHash('sha256').update(pkg).update(readFileSync(new URL(import.meta.url))).digest('hex');
})();

/** The digest of a part's records, as Pagefind is given them. */
const partDigest = (records: unknown[]) => createHash('sha256').update(MAKER).update(JSON.stringify(records)).digest('hex').slice(0, 24);

/** Hard-link (else copy) the files of Pagefind part folder `from` into `to`, without the other parts' folders inside the first part's. */
function linkPart(from: string, to: string, top: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (top && (/^part\d+$/.test(entry.name) || entry.name === 'parts.json' || entry.name === BUILT)) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) linkPart(source, target, false);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/**
 * Index `reports` with Pagefind into `<dir>/pagefind/`: in parts of at most
 * `partSize` reports (`pagefindParts`), the first part in
 * `pagefind/`, the others in `pagefind/part2/`, …, listed in
 * `pagefind/parts.json` for the search page to merge (`mergeIndex`). A part
 * whose records the last build wrote as they are is linked from its files
 * (`parts-built.json` keeps each part's digest), not written again. One
 * part is in memory at a time. Resolves once the first part's records are
 * added, with `written`, which resolves once every file is written: the
 * Pagefind binary builds them in its own process meanwhile.
 */
export async function startPagefind(reports: PreparedReport[], dir: string, partSize: number, log: (line: string) => void): Promise<{ written: Promise<string[]> }> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  const problems: string[] = [];
  // Written into pagefind.new/ and swapped in whole, so a run cut short leaves the last index in place.
  const final = join(dir, 'pagefind');
  const out = `${final}.new`;
  rmSync(out, { recursive: true, force: true });
  const parts = pagefindParts(reports, partSize).map((list) => {
    const records = list.map(pagefindRecord);
    return { records, digest: partDigest(records) };
  });
  // The parts of the last build, by digest.
  const before = new Map<string, string>();
  try {
    for (const { path, digest } of JSON.parse(readFileSync(join(final, BUILT), 'utf8')) as Array<{ path: string; digest: string }>) {
      if (existsSync(join(final, path, 'pagefind-entry.json'))) before.set(digest, path);
    }
  } catch {
    // No index yet, or one from before parts were kept: every part is written.
  }
  const kept = parts.filter(({ digest }) => before.has(digest)).length;
  const add = async (records: ReturnType<typeof pagefindRecord>[]) => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    problems.push(...errors.map((error) => `pagefind: ${error}`));
    if (!index) return undefined;
    for (let start = 0; start < records.length; start += 500) {
      const added = await Promise.all(records.slice(start, start + 500).map((record) => index.addCustomRecord(record)));
      for (const { errors: recordErrors } of added) problems.push(...recordErrors.map((error) => `pagefind: ${error}`));
    }
    return index;
  };
  const write = async (index: Awaited<ReturnType<typeof add>>, part: number) => {
    if (!index) return;
    const written = await index.writeFiles({ outputPath: join(out, pagefindPart(part)) });
    problems.push(...written.errors.map((error) => `pagefind: ${error}`));
    await index.deleteIndex();
  };
  // A part written again or linked as it was; the first one to write is added before this resolves.
  const build = async (part: number) => {
    const old = before.get(parts[part].digest);
    if (old !== undefined) linkPart(join(final, old), join(out, pagefindPart(part)), old === '');
    else await write(await add(parts[part].records), part);
  };
  const firstNew = parts.findIndex(({ digest }) => !before.has(digest));
  const first = firstNew >= 0 ? await add(parts[firstNew].records) : undefined;
  const written = (async () => {
    try {
      for (let part = 0; part < parts.length; part++) {
        if (part === firstNew) await write(first, part);
        else await build(part);
      }
      writeFileSync(join(out, 'parts.json'), JSON.stringify(parts.map((_, part) => pagefindPart(part))));
      writeFileSync(join(out, BUILT), JSON.stringify(parts.map(({ digest }, part) => ({ path: pagefindPart(part), digest }))));
      if (problems.length === 0) {
        const old = `${final}.old`;
        rmSync(old, { recursive: true, force: true });
        if (existsSync(final)) renameSync(final, old);
        renameSync(out, final);
        await rm(old, { recursive: true, force: true, maxRetries: 3 });
      }
      log(`pagefind: ${reports.length} records${parts.length > 1 ? ` in ${parts.length} parts` : ''}${kept ? `, ${kept} of them kept as they were` : ''} in ${seconds(started)}`);
    } catch (error) {
      problems.push(`pagefind: ${(error as Error).message}`);
    } finally {
      await pagefind.close();
    }
    return problems;
  })();
  return { written };
}

