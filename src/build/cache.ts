/**
 * The build caches: where they live (env `CACHE_DIR`, else
 * `node_modules/.astro`, relative to the project), and pruning a cache kept
 * as `<kind>/<fingerprint>/<2 hex>/<entry>`, the fingerprint a digest of the
 * code that made the entries: the rendered report bodies
 * (`src/site/render-cache.ts`) and what the search index read from each page
 * (`scripts/index-search/page-cache.ts`). Astro keeps its own there too.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The cache folder: env `CACHE_DIR` (relative to `root`, the project), else `node_modules/.astro`. */
export function cacheDirectory(root: string): string {
  return resolve(root, process.env.CACHE_DIR || 'node_modules/.astro');
}

/** Remove the other fingerprints' folders beside `directory` (entries made by other code). */
export function pruneOtherFingerprints(directory: string): void {
  const parent = resolve(directory, '..');
  for (const name of list(parent)) {
    if (resolve(parent, name) !== resolve(directory)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Remove the entries of `directory` that `keep` rejects. Returns how many were removed. */
export function pruneEntries(directory: string, keep: (name: string) => boolean): number {
  let removed = 0;
  for (const shard of list(directory)) {
    for (const name of list(join(directory, shard))) {
      if (keep(name)) continue;
      rmSync(join(directory, shard, name), { force: true });
      removed++;
    }
  }
  return removed;
}

function list(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
