/**
 * What the build does besides Astro's own work (astro.config.mjs):
 *
 * - Before the build, the previous site in `outDir` is moved aside into the
 *   cache folder (one rename per top-level entry) and deleted while the new
 *   site builds. Astro empties `outDir` file by file before it builds, which
 *   at 20,000 reports (28,000 page folders) takes longer than half a minute
 *   on a slow disk; it then finds the folder empty.
 * - After the build, rendered report bodies it did not use are dropped from
 *   the cache (`pruneRenderCache`), unless some report pages were copied
 *   from the previous build (Astro's incremental build) rather than rendered.
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ID_SHAPE } from '../archive/layout.ts';
import { pruneRenderCache, renderedBodyCount } from './render-cache.ts';

/** A report page, by the `pathname` Astro reports (`reports/2018/310113-rmzf/`; not the index pages `reports/`, `reports/2018/`). */
const isReportPage = (pathname: string) => pathname.startsWith('reports/') && ID_SHAPE.test(pathname.slice('reports/'.length).replace(/\/$/, ''));

/** Folders of earlier sites being deleted, in the cache folder. */
const TRASH_PREFIX = 'old-site-';

export function archiveBuild(options: { cacheDir: string; renderCache: string }): AstroIntegration {
  let outDir: string | undefined;
  let deleting: Promise<unknown> = Promise.resolve();
  return {
    name: 'archive-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        if (outDir) deleting = moveAsideAndDelete(outDir, options.cacheDir);
      },
      'astro:build:done': async ({ pages }) => {
        // Pages copied by the incremental build did not ask for their bodies: keep the cache's entries then.
        const reportPages = pages.filter((page) => isReportPage(page.pathname)).length;
        pruneRenderCache(options.renderCache, { keepEntries: renderedBodyCount() < reportPages });
        await deleting;
      },
    },
  };
}

/**
 * Move the entries of `folder` into a new folder under `cacheDir` and delete
 * that (and what earlier interrupted builds left there) in the background.
 * Entries that cannot be renamed (another file system) stay for Astro to delete.
 */
function moveAsideAndDelete(folder: string, cacheDir: string): Promise<unknown> {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    entries = [];
  }
  const trash = join(cacheDir, `${TRASH_PREFIX}${process.pid}-${Date.now()}`);
  if (entries.length > 0) {
    try {
      mkdirSync(trash, { recursive: true });
      for (const entry of entries) renameSync(join(folder, entry), join(trash, entry));
    } catch {
      // Astro empties what is left.
    }
  }
  let leftovers: string[];
  try {
    leftovers = readdirSync(cacheDir).filter((name) => name.startsWith(TRASH_PREFIX));
  } catch {
    leftovers = [];
  }
  return Promise.all(leftovers.map((name) => rm(join(cacheDir, name), { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)));
}
