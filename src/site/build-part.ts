/**
 * Which pages a build renders (env `BUILD_PART`), so that an archive too
 * large for one machine is built by independent workers and merged
 * (`scripts/parts.ts`, ARCHITECTURE.md "A build in parts"):
 *
 * - unset or `all`: the whole site.
 * - `years:2016-2018,2021`, `provinces:31,32` (the first two digits of the
 *   region code), or both joined by `;`: only the report pages of those
 *   reports. Every part still loads the whole archive's frontmatter (a
 *   report page links its agency's year before and after), which is cheap
 *   beside rendering; the pages that are not report pages are left out,
 *   except the few of a fixed path, which the merge does not take.
 * - `shared`: every page but the report pages: home, listings, agencies,
 *   regions, years, catalog, sitemap. The merge builds it.
 *
 * The parts' report pages, the shared build and the parts' index segments
 * together are the site one build makes, byte for byte
 * (`tests/build/a-site-built-in-parts.test.ts`).
 *
 * Pages filter their `getStaticPaths` with `reportPages` and `sharedPages`.
 */
import { ConfigError } from '../build/config-error.ts';

export type BuildPart =
  | { kind: 'all' }
  | { kind: 'shared' }
  | { kind: 'reports'; years: ReadonlySet<number> | null; provinces: ReadonlySet<string> | null; label: string };

const USAGE = 'expected all, shared, or report pages by year and/or province, e.g. years:2016-2018 or provinces:31,32 or years:2020;provinces:44';

/** The part `value` names (env `BUILD_PART`); throws a ConfigError naming what is wrong. */
export function parseBuildPart(value: string | undefined): BuildPart {
  const text = (value ?? '').trim();
  if (text === '' || text === 'all') return { kind: 'all' };
  if (text === 'shared') return { kind: 'shared' };
  let years: Set<number> | null = null;
  let provinces: Set<string> | null = null;
  for (const clause of text.split(';').map((one) => one.trim())) {
    const match = /^(years|provinces):(.+)$/.exec(clause);
    if (!match) throw new ConfigError(`BUILD_PART \`${text}\`: \`${clause}\` is not a selection; ${USAGE}`);
    const [, kind, list] = match;
    const items = list.split(',').map((item) => item.trim());
    if (kind === 'years') {
      years ??= new Set();
      for (const item of items) {
        const range = /^(\d{4})(?:-(\d{4}))?$/.exec(item);
        if (!range || Number(range[2] ?? range[1]) < Number(range[1])) throw new ConfigError(`BUILD_PART \`${text}\`: \`${item}\` is not a year or a range of years like 2016-2018; ${USAGE}`);
        for (let year = Number(range[1]); year <= Number(range[2] ?? range[1]); year++) years.add(year);
      }
    } else {
      provinces ??= new Set();
      for (const item of items) {
        if (!/^\d{2}$/.test(item)) throw new ConfigError(`BUILD_PART \`${text}\`: \`${item}\` is not a province code (the first two digits of a region code, like 31); ${USAGE}`);
        provinces.add(item);
      }
    }
  }
  return { kind: 'reports', years, provinces, label: text };
}

let current: BuildPart | undefined;

/** The part this build renders, from env `BUILD_PART`. */
export function buildPart(): BuildPart {
  current ??= parseBuildPart(process.env.BUILD_PART);
  return current;
}

/** Whether `part` renders the page of a report of `year` in region `regionCode`. */
export function rendersReport(part: BuildPart, report: { year: number; regionCode: string }): boolean {
  if (part.kind !== 'reports') return part.kind === 'all';
  return (part.years === null || part.years.has(report.year)) && (part.provinces === null || part.provinces.has(report.regionCode.slice(0, 2)));
}

/** Whether `part` renders the pages that are not report pages. */
export const rendersShared = (part: BuildPart): boolean => part.kind !== 'reports';

/** The reports whose pages this build renders. */
export const reportPages = <R extends { data: { year: number; regionCode: string } }>(reports: R[]): R[] => {
  const part = buildPart();
  return part.kind === 'all' ? reports : reports.filter((report) => rendersReport(part, report.data));
};

/** `paths` of a page that is not a report page, or none in a build of report pages. */
export const sharedPages = <P>(paths: P[]): P[] => (rendersShared(buildPart()) ? paths : []);
