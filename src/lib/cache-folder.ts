/**
 * Pruning a cache kept as `<kind>/<fingerprint>/<2 hex>/<entry>`, the
 * fingerprint a digest of the code that made the entries: the rendered
 * report bodies (`render-cache.ts`) and what the search index read from each
 * page (`scripts/search-index/page-cache.ts`).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
