/**
 * Pagefind (`<site>/pagefind/`), through its Node API, fed one small record
 * per report (title, agency, region, year and the headings of the first two
 * levels, without their numbers, with filters), not the bodies: the search
 * page uses it only to offer reports whose title or headings hold similar
 * words when the exact search finds few, and every other page's header for
 * quick find (`src/search/browser/quick-find.ts`: reports, and agencies
 * named by the meta's agency and region). Past `PAGEFIND_PART_SIZE` reports it
 * is built in parts, one at a time, which the page merges (`mergeIndex`).
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * Index `reports` with Pagefind into `<dir>/pagefind/`: in parts of at most
 * `partSize` reports (by ordinal, so mostly by year), the first part in
 * `pagefind/`, the others in `pagefind/part2/`, …, listed in
 * `pagefind/parts.json` for the search page to merge (`mergeIndex`). One
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
  const parts: PreparedReport[][] = [];
  const count = Math.ceil(reports.length / partSize);
  for (let n = 0; n < count; n++) parts.push(reports.slice(Math.floor((n * reports.length) / count), Math.floor(((n + 1) * reports.length) / count)));
  const add = async (list: PreparedReport[]) => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    problems.push(...errors.map((error) => `pagefind: ${error}`));
    if (!index) return undefined;
    for (let start = 0; start < list.length; start += 500) {
      const added = await Promise.all(list.slice(start, start + 500).map((report) => index.addCustomRecord(pagefindRecord(report))));
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
  const first = await add(parts[0]);
  const written = (async () => {
    try {
      await write(first, 0);
      for (let part = 1; part < parts.length; part++) await write(await add(parts[part]), part);
      writeFileSync(join(out, 'parts.json'), JSON.stringify(parts.map((_, part) => pagefindPart(part))));
      if (problems.length === 0) {
        const old = `${final}.old`;
        rmSync(old, { recursive: true, force: true });
        if (existsSync(final)) renameSync(final, old);
        renameSync(out, final);
        await rm(old, { recursive: true, force: true, maxRetries: 3 });
      }
      log(`pagefind: ${reports.length} records${parts.length > 1 ? ` in ${parts.length} parts` : ''} in ${seconds(started)}`);
    } catch (error) {
      problems.push(`pagefind: ${(error as Error).message}`);
    } finally {
      await pagefind.close();
    }
    return problems;
  })();
  return { written };
}

