/**
 * Read and check the site settings file, `<ARCHIVE_DIR>/site.yaml`.
 *
 * A problem stops the build with one message that names the file and each
 * field at fault, e.g.
 * `Invalid site settings in content/site.yaml:\n  - contact.email: expected an email address`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
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
  cache.set(file, settings);
  return settings;
}
