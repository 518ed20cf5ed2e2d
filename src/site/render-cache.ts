/**
 * The on-disk cache of rendered report bodies (`report-body.ts`), used from
 * `astro.config.mjs`:
 *
 * - `renderCacheDirectory` names the folder for this renderer:
 *   `<cacheDir>/report-html/<fingerprint>/`, the fingerprint a digest of
 *   every file in `src/site/` (the Markdown pipeline and its plugins) and of
 *   the lockfile (the versions of unified, remark, rehype …), so a change to
 *   either renders every body afresh.
 * - `pruneRenderCache`, after a build (`build-integration.ts`), removes the other renderers' folders
 *   and the entries this build did not use (reports since changed or removed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pruneEntries, pruneOtherFingerprints } from '../build/cache.ts';

const RENDERER_FILES = ['src/site'];
const DEPENDENCY_FILES = ['package-lock.json', 'package.json'];

/**
 * Keys of the entries used by this process, by cache folder: the report pages
 * (bundled into Astro's build, so another copy of this module) record them,
 * the build hook in astro.config.mjs reads them. Hence a global registry.
 */
const USED = Symbol.for('fzzf.report-html.used');
const CALLS = Symbol.for('fzzf.report-html.calls');
type Registry = { [USED]?: Map<string, Set<string>>; [CALLS]?: number };

export function markUsed(directory: string, key: string): void {
  const registry = ((globalThis as Registry)[USED] ??= new Map());
  let keys = registry.get(directory);
  if (!keys) registry.set(directory, (keys = new Set()));
  keys.add(key);
  (globalThis as Registry)[CALLS] = ((globalThis as Registry)[CALLS] ?? 0) + 1;
}

/** How many report bodies this process asked for (one per report page rendered). */
export function renderedBodyCount(): number {
  return (globalThis as Registry)[CALLS] ?? 0;
}

export function usedCacheKeys(directory: string): Set<string> | undefined {
  return (globalThis as Registry)[USED]?.get(directory);
}

/** Digest of what decides a body's HTML: the renderer's code and its dependencies' versions. */
export function rendererFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const folder of RENDERER_FILES) {
    for (const name of readdirSync(resolve(root, folder)).sort()) {
      if (!/\.[cm]?[jt]s$/.test(name)) continue;
      hash.update(`${folder}/${name}\0`).update(readFileSync(resolve(root, folder, name))).update('\0');
    }
  }
  const dependencies = DEPENDENCY_FILES.map((name) => resolve(root, name)).find((file) => existsSync(file));
  if (dependencies) hash.update(readFileSync(dependencies));
  return hash.digest('hex').slice(0, 16);
}

/** `<cacheDir>/report-html/<fingerprint>`. */
export function renderCacheDirectory(root: string, cacheDir: string): string {
  return join(cacheDir, 'report-html', rendererFingerprint(root));
}

/**
 * Remove the other fingerprints' folders, and, unless `keepEntries`, the
 * entries of `directory` this process did not use. Does nothing when it used
 * none (no report page built). Returns how many entries were removed.
 *
 * An incremental build (astro.config.mjs) copies unchanged report pages
 * instead of rendering them, so their bodies are not used; it passes
 * `keepEntries` for their entries to stay for the next full render.
 */
export function pruneRenderCache(directory: string, options: { keepEntries?: boolean } = {}): number {
  const used = usedCacheKeys(directory);
  if (!used || used.size === 0) return 0;
  pruneOtherFingerprints(directory);
  if (options.keepEntries) return 0;
  return pruneEntries(directory, (name) => name.endsWith('.html') && used.has(name.slice(0, -'.html'.length)));
}
