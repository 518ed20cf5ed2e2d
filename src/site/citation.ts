/**
 * A report's citation, as GB/T 7714-2015 writes an electronic resource
 * (4.8, 电子资源) found online:
 *
 *     主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 *
 * e.g. `上海市宝山区人民政府. 宝山区人民政府2018年度法治政府建设情况报告[EB/OL].
 * (2019-01-30)[2026-03-01]. https://…/reports/2018/310113-rmzf/#s1-2.`
 * The responsible body is the reporting agency, the date the page's
 * publication (or signing) date, left out when the page states none; the
 * address is the report's, or its section's, without any query. Used by
 * the report page as it is built, and by its script for a section and for
 * the day the reader cites it.
 */

export interface Cited {
  agency: string;
  title: string;
  /** `YYYY-MM-DD`, where the page states one. */
  date?: string;
}

/** What stands for the access date where it is not known yet (a page read without JavaScript). */
export const ACCESS_DATE_PLACEHOLDER = '引用日期';

/** The GB/T 7714-2015 citation of `report` at `url`, accessed on `accessed` (`YYYY-MM-DD`). */
export function gbt7714(report: Cited, url: string, accessed: string = ACCESS_DATE_PLACEHOLDER): string {
  const published = report.date ? `(${report.date})` : '';
  return `${report.agency}. ${report.title}[EB/OL]. ${published}[${accessed}]. ${url}.`;
}

/** `date` as `YYYY-MM-DD` in the reader's own time zone. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A page's stable address: `href` without its query (`?highlight=…`), with `hash` (`#s1-2`) or none. */
export function stableUrl(href: string, hash = ''): string {
  const url = new URL(href);
  url.search = '';
  url.hash = hash;
  return url.href;
}
