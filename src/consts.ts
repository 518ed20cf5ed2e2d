/** Constants of the site, in one place. */
import type { Level } from './schema/report.ts';

/** The archive folder when env `ARCHIVE_DIR` is not set, relative to the project root. */
export const DEFAULT_ARCHIVE_DIR = 'content';

/** The site settings file inside the archive folder. */
export const SITE_SETTINGS_FILE = 'site.yaml';

/** The reports folder inside the archive folder: `reports/<year>/<regionCode>-<agencyKey>.md`. */
export const REPORTS_DIR = 'reports';

/** How many reports the home page and the RSS feed list. */
export const NEWEST_COUNT = 20;

/** ASCII path segment of each level, for `/levels/<slug>/`. */
export const LEVEL_SLUGS: Record<Level, string> = {
  中央部委: 'central',
  省: 'province',
  市: 'city',
  县区: 'county',
  部门: 'department',
  乡镇街道: 'township',
};

/** How the page names where a report's date came from. */
export const DATE_SOURCE_LABELS = {
  published: '网页发布日期',
  signed: '落款成文日期',
} as const;

/** Pagefind filter names, as the search page shows them. */
export const SEARCH_FILTERS = {
  year: '年度',
  province: '省份',
  city: '城市',
  region: '地区',
  agency: '机构',
  level: '层级',
} as const;
