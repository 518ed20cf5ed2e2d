/** Constants of the site, in one place. */
import type { Level } from '../schema/report.ts';

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
