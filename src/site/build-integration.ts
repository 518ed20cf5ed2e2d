/**
 * What the build does besides Astro's own work (astro.config.mjs):
 *
 * - The site is built into a new folder (`stagingFolder`) and swapped in
 *   when it is complete, so a build that fails or is killed leaves the last
 *   good site in `OUT_DIR` as it was. The new folder is a hidden sibling of
 *   `OUT_DIR` when that lies in the project (a rename swaps it in), else a
 *   folder in the project's `.astro/` (Astro keeps its prerender output in
 *   the project then, and moves files from there into the site: the same
 *   file system), copied next to `OUT_DIR` first when `OUT_DIR` is on
 *   another file system. The previous site's search index (`search-exact/`,
 *   `pagefind/`) moves into the new site with the swap, so search keeps
 *   working until `scripts/index-search.ts` writes the new one; the rest of
 *   the previous site is deleted. Every site gets `STAMP_FILE`.
 * - Astro's incremental build copies unchanged pages from its cache
 *   (`<cacheDir>/dist/`); before it does, each copy is checked against what
 *   was recorded when it was written (`page-copies.json`: size, time,
 *   digest), and a copy that differs, or has none, is deleted, so the page
 *   is rendered again.
 * - After the build, rendered report bodies it did not use are dropped from
 *   the cache (`pruneRenderCache`), unless some report pages were copied
 *   from the previous build rather than rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { cp, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ID_SHAPE } from '../archive/layout.ts';
import { writeStamp } from '../build/out-dir.ts';
import { writeWhole } from '../archive/atomic.ts';
import { pruneRenderCache, renderedBodyCount } from './render-cache.ts';

/** A report page, by the `pathname` Astro reports (`reports/2018/310113-rmzf/`; not the index pages `reports/`, `reports/2018/`). */
const isReportPage = (pathname: string) => pathname.startsWith('reports/') && ID_SHAPE.test(pathname.slice('reports/'.length).replace(/\/$/, ''));

/** What the previous site hands on to the new one until the indexer replaces it. */
const CARRIED_OVER = ['search-exact', 'pagefind'];

/** Astro's copies of the pages of the last build, inside the cache folder (see Astro's incremental build). */
const PAGE_COPIES = 'dist';
/** The digest of each copy, written when the build that made it ended. */
const PAGE_COPY_DIGESTS = 'page-copies.json';

/**
 * The folder the site is built into before it replaces `outDir`: beside it
 * (`.dist.building`) when `outDir` is in the project `root`, else in the
 * project's `.astro/`.
 */
export function stagingFolder(outDir: string, root: string): string {
  const rel = relative(root, outDir);
  const inside = rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  // Outside the project, two OUT_DIRs may share a name: the folder is named after the whole path.
  const key = createHash('sha256').update(outDir).digest('hex').slice(0, 8);
  return inside ? join(dirname(outDir), `.${basename(outDir)}.building`) : join(root, '.astro', 'building', `${basename(outDir)}-${key}`);
}

/** Folders of earlier swaps: the next site before its rename, the previous one being deleted. */
const sideFolder = (outDir: string, what: 'next' | 'old') => join(dirname(outDir), `.${basename(outDir)}.${what}-${process.pid}`);
const isSideFolder = (outDir: string, name: string) => name.startsWith(`.${basename(outDir)}.next-`) || name.startsWith(`.${basename(outDir)}.old-`);

export function archiveBuild(options: { cacheDir: string; renderCache: string; outDir: string; staging: string }): AstroIntegration {
  const { outDir, staging, cacheDir } = options;
  return {
    name: 'archive-build',
    hooks: {
      'astro:config:done': () => {
        restoreInterruptedSwap(outDir);
        rmSync(staging, { recursive: true, force: true });
      },
      'astro:build:start': async ({ logger }) => {
        const dropped = await checkPageCopies(cacheDir);
        if (dropped > 0) logger.warn(`${dropped} page(s) in the build cache (${join(cacheDir, PAGE_COPIES)}) did not match their digest; they are rendered again`);
      },
      'astro:build:done': async ({ pages, logger }) => {
        // Pages copied by the incremental build did not ask for their bodies: keep the cache's entries then.
        const reportPages = pages.filter((page) => isReportPage(page.pathname)).length;
        pruneRenderCache(options.renderCache, { keepEntries: renderedBodyCount() < reportPages });
        recordPageCopies(cacheDir);
        writeStamp(staging);
        await swapIn(staging, outDir);
        logger.info(`site in ${outDir}`);
      },
    },
  };
}

/**
 * Replace `outDir` by `staging`: move the new site next to `outDir` (copy it
 * there when it is on another file system), move the previous site aside,
 * hand its search index on, rename the new one into place, delete the old.
 */
async function swapIn(staging: string, outDir: string): Promise<void> {
  mkdirSync(dirname(outDir), { recursive: true });
  let next = staging;
  if (dirname(staging) !== dirname(outDir)) {
    next = sideFolder(outDir, 'next');
    rmSync(next, { recursive: true, force: true });
    try {
      renameSync(staging, next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(staging, next, { recursive: true });
      await rm(staging, { recursive: true, force: true });
    }
  }
  const old = sideFolder(outDir, 'old');
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) {
    renameSync(outDir, old);
    for (const name of CARRIED_OVER) {
      if (existsSync(join(old, name)) && !existsSync(join(next, name))) renameSync(join(old, name), join(next, name));
    }
  }
  renameSync(next, outDir);
  await rm(old, { recursive: true, force: true, maxRetries: 3 });
  // What earlier interrupted swaps left.
  for (const name of readdirSync(dirname(outDir))) {
    if (isSideFolder(outDir, name)) await rm(join(dirname(outDir), name), { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A build killed between moving the previous site aside and renaming the new one in: put the previous site back. */
function restoreInterruptedSwap(outDir: string): void {
  if (existsSync(outDir) || !existsSync(dirname(outDir))) return;
  const old = readdirSync(dirname(outDir)).filter((name) => name.startsWith(`.${basename(outDir)}.old-`));
  if (old.length === 1) renameSync(join(dirname(outDir), old[0]), outDir);
}

interface CopyDigest {
  size: number;
  mtimeMs: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, as paths relative to it with `/`. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function readDigests(cacheDir: string): Record<string, CopyDigest> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(cacheDir, PAGE_COPY_DIGESTS), 'utf8')) as { files?: Record<string, CopyDigest> };
    return parsed.files && typeof parsed.files === 'object' ? parsed.files : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Delete the page copies whose bytes are not those recorded. A copy whose
 * size and modification time are those recorded is taken as it was (as make
 * and git take a file; reading 100,000 pages would cost a rebuild half a
 * minute); one whose size or time differs is read and its digest compared.
 * Returns how many were deleted.
 */
async function checkPageCopies(cacheDir: string): Promise<number> {
  const copies = join(cacheDir, PAGE_COPIES);
  const files = filesUnder(copies);
  if (files.length === 0) return 0;
  const digests = readDigests(cacheDir) ?? {};
  let dropped = 0;
  for (const file of files) {
    const recorded = digests[file];
    const path = join(copies, file);
    const stat = recorded ? statSync(path, { throwIfNoEntry: false }) : undefined;
    if (recorded && stat && stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs) continue;
    const bytes = recorded && stat?.size === recorded.size ? await readFile(path).catch(() => undefined) : undefined;
    if (recorded && bytes && sha256(bytes) === recorded.sha256) continue;
    rmSync(path, { force: true });
    dropped++;
  }
  return dropped;
}

/** Record the digest of every page copy; a copy unchanged since it was checked keeps its digest. */
function recordPageCopies(cacheDir: string): void {
  const copies = join(cacheDir, PAGE_COPIES);
  if (!existsSync(copies)) return;
  const before = readDigests(cacheDir) ?? {};
  const files: Record<string, CopyDigest> = {};
  for (const file of filesUnder(copies).sort()) {
    const path = join(copies, file);
    const { size, mtimeMs } = statSync(path);
    const known = before[file];
    files[file] = known && known.size === size && known.mtimeMs === mtimeMs ? known : { size, mtimeMs, sha256: sha256(readFileSync(path)) };
  }
  writeWhole(join(cacheDir, PAGE_COPY_DIGESTS), JSON.stringify({ files }));
}
