/**
 * Every internal link goes through here, so the site works under a sub-path
 * (`BASE_PATH=/fzzfjs/`). Paths inside the site are written without a leading
 * slash and, for pages, with a trailing one (`trailingSlash: 'always'`).
 */
import { LEVEL_SLUGS } from './consts.ts';
import type { Level } from '../schema/report.ts';

/** Join a base path (`/`, `/fzzfjs/`, `/fzzfjs`) and a path inside the site. */
export function joinBase(base: string, path = ''): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

/** A path inside the site as a link: the base path in front (`url('years/2018/')` → `/fzzfjs/years/2018/`). */
export function url(path = ''): string {
  return joinBase(import.meta.env.BASE_URL ?? '/', path);
}

/** A path inside the site as an absolute URL on `site` (`SITE_URL`). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(url(path), site).href;
}

/** `reports/2018/310113-rmzf/` for entry id `2018/310113-rmzf`. */
export { reportPath } from '../archive/layout.ts';
export const agencyPath = (key: string) => `agencies/${key}/`;
/** An agency's reports side by side, section by section (`?years=2018,2019` chooses which). */
export const comparePath = (key: string) => `agencies/${key}/compare/`;
export const regionPath = (code: string) => `regions/${code}/`;
export const yearPath = (year: number) => `years/${year}/`;
/** The reports of one year under `reports/`, the parent of each of their pages. */
export const reportsYearPath = (year: number) => `reports/${year}/`;
export const levelPath = (level: Level) => `levels/${LEVEL_SLUGS[level]}/`;
