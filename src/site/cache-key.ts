/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in
 * astro.config.mjs). A page that `getStaticPaths` returns with a `cacheKey`
 * is copied from the previous build, not rendered, when its key and the
 * code it is built from (Astro hashes the page's module graph; the config
 * and the lockfile too) are those of that build.
 *
 * So a key must cover everything a page shows that does not come from code:
 * the reports it shows, by their file's digest (frontmatter and body), and
 * `site.yaml`, which the layout reads when the page renders. Anything else a
 * page shows is derived from those or from code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { siteSettingsFile } from '../archive/layout.ts';

/** What a report entry contributes to a key: its id and its file's digest. */
export interface Keyed {
  id: string;
  digest?: string | number;
}

let settingsDigest: string | undefined;

/** Digest of `site.yaml` as this build reads it (once per build). */
function siteSettingsDigest(): string {
  if (settingsDigest === undefined || !import.meta.env.PROD) {
    let text = '';
    try {
      text = readFileSync(siteSettingsFile(), 'utf8');
    } catch {
      // loadSiteSettings reports a missing file; the key only has to differ.
    }
    settingsDigest = createHash('sha256').update(text).digest('hex');
  }
  return settingsDigest;
}

/**
 * The key of a page that shows `reports` (in the order shown) and `extra`
 * (other data it shows, as plain JSON values).
 */
export function pageCacheKey(reports: ReadonlyArray<Keyed | undefined>, extra: unknown = null): string {
  const hash = createHash('sha256').update(siteSettingsDigest()).update('\0');
  for (const report of reports) hash.update(report ? `${report.id}\u0001${report.digest ?? ''}\n` : '-\n');
  hash.update(JSON.stringify(extra));
  return hash.digest('hex').slice(0, 32);
}
