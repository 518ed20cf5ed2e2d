/**
 * The archive's layout, in one place: what ingest writes and the site reads.
 *
 *   <archive>/site.yaml                                  the site's settings
 *   <archive>/reports/<year>/<regionCode>-<agencyKey>.md a report (its id: 2018/310113-rmzf)
 *   <archive>/sources/…                                  the sources as received
 *   <archive>/ingest-state.json                          what ingest extracted last time
 *   <archive>/review/<source>.md                         a report kept for review: not published until a person confirms it
 *
 * and where a report's page is in the built site (`reports/<id>/`). The
 * archive is env `ARCHIVE_DIR` (default `content`); `astro.config.mjs` makes
 * it absolute against the project root, a relative value is taken from the
 * working folder.
 */
import { join, relative, resolve } from 'node:path';

/** The archive folder when env `ARCHIVE_DIR` is not set, relative to the project root. */
export const DEFAULT_ARCHIVE_DIR = 'content';

/** The site settings file inside the archive folder. */
export const SITE_SETTINGS_FILE = 'site.yaml';

/** The reports folder inside the archive folder. */
export const REPORTS_DIR = 'reports';

/** What ingest extracted last time, per report id, inside the archive folder. */
export const STATE_FILE = 'ingest-state.json';

/** Reports kept for review (agency, region or year not certain), inside the archive folder. */
export const REVIEW_DIR = 'review';

/** A report id: `<year>/<regionCode>-<agencyKey>`, the key lowercase ASCII, maybe with a -2, -3 … suffix. */
export const ID_SHAPE = /^(\d{4})\/(\d{6})-[a-z0-9-]+$/;

/** The archive folder: env `ARCHIVE_DIR`, else `content`. */
export function archiveDirectory(): string {
  return resolve(process.env.ARCHIVE_DIR || DEFAULT_ARCHIVE_DIR);
}

export function reportsDirectory(archive = archiveDirectory()): string {
  return resolve(archive, REPORTS_DIR);
}

export function siteSettingsFile(archive = archiveDirectory()): string {
  return resolve(archive, SITE_SETTINGS_FILE);
}

export function stateFile(archive: string): string {
  return join(archive, STATE_FILE);
}

/** The Markdown file of report `id` in `archive`. */
export function reportFile(archive: string, id: string): string {
  return join(archive, REPORTS_DIR, `${id}.md`);
}

/** The id of a report file given as its path under `reports/` (`2018/310113-rmzf.md`, any separator). */
export function idOfReportFile(pathUnderReports: string): string {
  return pathUnderReports.split('\\').join('/').replace(/\.md$/, '');
}

/** The id a report of `year` by agency `key` in region `regionCode` takes; `n` > 1 for the n-th report that would take it. */
export function reportId(year: number | string, regionCode: string, key: string, n = 1): string {
  return `${year}/${regionCode}-${key}${n > 1 ? `-${n}` : ''}`;
}

/** The agency key of a report: its file's basename, `2018/310113-rmzf` → `310113-rmzf`. */
export function agencyKeyOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * The review file of the source at `sourceFile` (relative to the archive):
 * `sources/imported/x.txt` → `<archive>/review/imported~x.md`, one per source.
 */
export function reviewFile(archive: string, sourceFile: string): string {
  const name = sourceFile.replace(/^sources\//, '').replace(/\.[^./]+$/, '').split('/').join('~');
  return join(archive, REVIEW_DIR, `${name}.md`);
}

/** A source path as recorded in frontmatter: relative to the archive folder, with forward slashes. */
export function sourcePath(archive: string, file: string): string {
  return relative(archive, file).split('\\').join('/');
}

/** The page of report `id` inside the built site (`reports/2018/310113-rmzf/`). */
export const reportPath = (id: string) => `${REPORTS_DIR}/${id}/`;

/** The id of a built report page given as its path inside the site (`reports/2018/310113-rmzf/index.html`). */
export function idOfReportPage(pathInSite: string): string {
  return pathInSite.replace(/^reports\//, '').replace(/\/index\.html$/, '');
}
