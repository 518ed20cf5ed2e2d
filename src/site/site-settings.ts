/**
 * Read and check the site settings file, `<ARCHIVE_DIR>/site.yaml`.
 *
 * A problem stops the build with one message that names the file and each
 * field at fault, e.g.
 * `Invalid site settings in content/site.yaml:\n  - contact.email: expected an email address`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { describeIssue } from '../schema/issues.ts';
import { siteSchema, type SiteSettings } from '../schema/site.ts';
import { siteSettingsFile } from '../archive/layout.ts';

export type { SiteSettings };

/** A problem in site.yaml: thrown from astro.config.mjs, where Astro prints a stack when there is one; this has none. */
export class SiteSettingsError extends Error {
  override name = 'SiteSettingsError';

  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** Check the text of a settings file; `file` names it in messages. */
export function parseSiteSettings(text: string, file: string): SiteSettings {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new SiteSettingsError(`Invalid YAML in ${file}: ${(error as Error).message}`);
  }
  const result = siteSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue, data, { root: '(top level)' })}`);
  throw new SiteSettingsError(`Invalid site settings in ${file}:\n${lines.join('\n')}`);
}

/** The image files the settings name, by field (`badge.image`), as paths relative to the archive folder. */
export function siteFiles(settings: SiteSettings): Array<{ field: string; path: string }> {
  const files = [
    { field: 'badge.image', path: settings.badge?.image },
    { field: 'errorReport.image', path: settings.errorReport?.image },
    { field: 'accessibility.image', path: settings.accessibility?.image },
  ];
  return files.filter((file): file is { field: string; path: string } => file.path !== undefined);
}

/** Where the site publishes an image the settings name (`images/dzjg.png` → `site-files/images/dzjg.png`). */
export const siteFilePath = (path: string) => `site-files/${path}`;

/** Each image the settings name must be a file beside the settings file; `shown` names that file in the message. */
function checkSiteFiles(settings: SiteSettings, archive: string, shown: string): void {
  const missing = siteFiles(settings).filter(({ path }) => {
    const full = join(archive, path);
    return !existsSync(full) || !statSync(full).isFile();
  });
  if (missing.length === 0) return;
  const folder = dirname(shown);
  const lines = missing.map(({ field, path }) => `  - ${field}: no file ${folder === '.' ? path : `${folder}/${path}`}`);
  throw new SiteSettingsError(`Invalid site settings in ${shown}:\n${lines.join('\n')}`);
}

const cache = new Map<string, SiteSettings>();

/** The site settings of the archive (default: the one `ARCHIVE_DIR` names), read once. */
export function loadSiteSettings(file = siteSettingsFile()): SiteSettings {
  const cached = cache.get(file);
  if (cached) return cached;
  const fromHere = relative(process.cwd(), file);
  const shown = fromHere && !fromHere.startsWith('..') ? fromHere : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SiteSettingsError(
      `Missing site settings file ${shown}: create it with at least name, sponsor (主办单位) and contact, or set ARCHIVE_DIR to the archive folder`,
    );
  }
  const settings = parseSiteSettings(text, shown);
  checkSiteFiles(settings, dirname(file), shown);
  cache.set(file, settings);
  return settings;
}
