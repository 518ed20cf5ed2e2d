/**
 * Pure helpers over the catalog of reports: agencies, years, levels,
 * newest first, and a report's previous and next year from the same agency.
 *
 * They take `{ id, data }`, which a `reports` collection entry is, so they can
 * be tested without Astro. `catalogIndex` builds every lookup a page needs in
 * one pass, so that each page's query costs the size of its own answer, not
 * of the archive.
 */
import { LEVELS, type Level, type ReportData } from '../schema/report.ts';
import { agencyKeyOf } from '../archive/layout.ts';
import { regionCodesOf } from '../archive/regions.ts';

export interface ReportEntry {
  /** `2018/310113-rmzf`: the file's path under `reports/`, without `.md`. */
  id: string;
  data: ReportData;
}

/** An agency: every report filed under one basename (`310113-rmzf`), across the years. */
export interface Agency<R extends ReportEntry = ReportEntry> {
  key: string;
  /** The name in its newest report. */
  name: string;
  region: string;
  regionCode: string;
  level: Level;
  /** Oldest year first. */
  reports: R[];
}

/** Newest date first, reports whose page states no date last; the same date by id, so the order never changes between builds. */
export function byNewest(a: ReportEntry, b: ReportEntry): number {
  return (b.data.date ?? '').localeCompare(a.data.date ?? '') || a.id.localeCompare(b.id);
}

/** Sort by region code, then by name, the way a government directory lists bodies. */
function byRegionThenName(a: { regionCode: string; name: string }, b: { regionCode: string; name: string }): number {
  return a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN');
}

export function newest<R extends ReportEntry>(reports: readonly R[], count: number): R[] {
  return [...reports].sort(byNewest).slice(0, count);
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Every agency, by region code then name. */
export function agencies<R extends ReportEntry>(reports: readonly R[]): Agency<R>[] {
  return [...groupBy(reports, (report) => agencyKeyOf(report.id))]
    .map(([key, group]) => {
      const sorted = [...group].sort((a, b) => a.data.year - b.data.year);
      const latest = sorted[sorted.length - 1].data;
      return { key, name: latest.agency, region: latest.region, regionCode: latest.regionCode, level: latest.level, reports: sorted };
    })
    .sort(byRegionThenName);
}

/** Reports grouped by the year they cover, newest year first, each year newest first. */
export function byYear<R extends ReportEntry>(reports: readonly R[]): Array<{ year: number; reports: R[] }> {
  return [...groupBy(reports, (report) => report.data.year)]
    .sort(([a], [b]) => b - a)
    .map(([year, group]) => ({ year, reports: group.sort(byNewest) }));
}

/** Reports grouped by level, in the order of `LEVELS`; levels with no report left out. */
export function byLevel<R extends ReportEntry>(reports: readonly R[]): Array<{ level: Level; reports: R[] }> {
  const groups = groupBy(reports, (report) => report.data.level);
  return LEVELS.filter((level) => groups.has(level)).map((level) => ({ level, reports: groups.get(level)!.sort(byNewest) }));
}

/**
 * The same agency's report for the nearest earlier and later year, where there is one.
 *
 * `reports` may be the whole catalog or, faster, the agency's own reports
 * (`Agency.reports`, or `CatalogIndex.agencyByKey`): the answer is the same.
 */
export function neighbours<R extends ReportEntry>(reports: readonly R[], id: string): { previous?: R; next?: R } {
  const key = agencyKeyOf(id);
  const own = reports.find((report) => report.id === id);
  if (!own) return {};
  let previous: R | undefined;
  let next: R | undefined;
  for (const report of reports) {
    if (report.id === id || agencyKeyOf(report.id) !== key) continue;
    const year = report.data.year;
    if (year < own.data.year && (!previous || year > previous.data.year)) previous = report;
    if (year > own.data.year && (!next || year < next.data.year)) next = report;
  }
  return { previous, next };
}

/** Every lookup the pages need, built once per build. */
export interface CatalogIndex<R extends ReportEntry = ReportEntry> {
  /** Every agency, by region code then name. */
  agencies: Agency<R>[];
  /** An agency by its key (`310113-rmzf`). */
  agencyByKey: Map<string, Agency<R>>;
  /**
   * The reports lying in a region (province, city or county code: a report
   * lies in each of the regions `regionCodesOf` its code gives), in the order
   * of `reports`.
   */
  reportsByRegion: Map<string, R[]>;
}

/** One pass over `reports` (keep them newest first: every list keeps their order). */
export function catalogIndex<R extends ReportEntry>(reports: readonly R[]): CatalogIndex<R> {
  const list = agencies(reports);
  const reportsByRegion = new Map<string, R[]>();
  const codesOf = new Map<string, string[]>();
  for (const report of reports) {
    const code = report.data.regionCode;
    let codes = codesOf.get(code);
    if (!codes) codesOf.set(code, (codes = regionCodesOf(code)));
    for (const region of codes) {
      const group = reportsByRegion.get(region);
      if (group) group.push(report);
      else reportsByRegion.set(region, [report]);
    }
  }
  return { agencies: list, agencyByKey: new Map(list.map((agency) => [agency.key, agency])), reportsByRegion };
}
