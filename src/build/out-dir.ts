/**
 * Where the site is built (env `OUT_DIR`), checked before anything is
 * written, and how a folder is known as a build of this site.
 *
 * The build replaces the whole folder, so it refuses a folder that is, holds
 * or lies inside the archive, the cache, or the project (other than a folder
 * of its own, like `dist/`), and a folder holding files that no build of
 * this site made: every build leaves `STAMP_FILE` in the site it writes.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError } from './config-error.ts';

/** The file every build leaves in its site: how a later build knows the folder is its own to replace. */
export const STAMP_FILE = '.fzzf-site.json';
const STAMP = `${JSON.stringify({ builtBy: 'fzzf-report-archive', note: 'made by npm run build; the next build replaces this whole folder' })}\n`;

/** Folders of the project that hold its code or data; a site is never built into one. Only `tests/.tmp` is open. */
const PROJECT_FOLDERS = ['src', 'scripts', 'tests', 'public', 'content', 'node_modules', '.git', '.astro', 'corpus'];

const within = (path: string, folder: string) => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

/** Mark `dir` as a site this project built. */
export function writeStamp(dir: string): void {
  writeFileSync(join(dir, STAMP_FILE), STAMP);
}

/** Whether `dir` is a site this project built: its stamp, or (a build from before the stamp) a search page with `data-search-base`. */
export function isSiteBuild(dir: string): boolean {
  if (existsSync(join(dir, STAMP_FILE))) return true;
  try {
    return readFileSync(join(dir, 'search', 'index.html'), 'utf8').includes('data-search-base=') && existsSync(join(dir, '_astro'));
  } catch {
    return false;
  }
}

export interface Places {
  /** The project folder. */
  root: string;
  /** The archive (`ARCHIVE_DIR`). */
  archive: string;
  /** The build cache (`CACHE_DIR`). */
  cache: string;
}

/** Throw a ConfigError when the site may not be built into `outDir`. */
export function checkOutDir(outDir: string, places: Places): void {
  const out = resolve(outDir);
  const refuse = (why: string) => {
    throw new ConfigError(`OUT_DIR ${outDir}: ${why}. The build replaces the whole folder: set OUT_DIR to a new or empty folder of its own (default: dist).`);
  };
  const archive = resolve(places.archive);
  const cache = resolve(places.cache);
  const root = resolve(places.root);
  if (within(root, out)) refuse(out === root ? 'is the project folder' : `holds the project ${root}`);
  if (within(archive, out) || within(out, archive)) refuse(out === archive ? 'is the archive (ARCHIVE_DIR)' : within(out, archive) ? `lies inside the archive ${archive}` : `holds the archive ${archive}`);
  if (within(cache, out) || within(out, cache)) refuse(out === cache ? 'is the build cache (CACHE_DIR)' : within(out, cache) ? `lies inside the build cache ${cache}` : `holds the build cache ${cache}`);
  if (within(out, root)) {
    const [top, next] = relative(root, out).split(sep);
    if (PROJECT_FOLDERS.includes(top) && !(top === 'tests' && next === '.tmp')) refuse(`lies inside the project's ${top}/ folder`);
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) refuse('is a file, not a folder');
  if (readdirSync(out).length > 0 && !isSiteBuild(out)) refuse(`holds files that no build of this site made (it has no ${STAMP_FILE}); empty it yourself if they can go`);
}
