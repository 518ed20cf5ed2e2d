/**
 * Where the archive is: env `ARCHIVE_DIR` (default `content`), holding
 * `reports/**\/*.md` and `site.yaml`. `astro.config.mjs` makes it absolute
 * against the project root; a relative value is taken from the working folder.
 */
import { resolve } from 'node:path';
import { DEFAULT_ARCHIVE_DIR, REPORTS_DIR, SITE_SETTINGS_FILE } from '../consts.ts';

export function archiveDirectory(): string {
  return resolve(process.env.ARCHIVE_DIR || DEFAULT_ARCHIVE_DIR);
}

export function reportsDirectory(archive = archiveDirectory()): string {
  return resolve(archive, REPORTS_DIR);
}

export function siteSettingsFile(archive = archiveDirectory()): string {
  return resolve(archive, SITE_SETTINGS_FILE);
}
