/**
 * What the indexer (`read-pages.ts`) read from each report page, cached by the
 * page's bytes, so a rebuild after one report changed parses one page, not
 * all of them (parsing is most of the time it takes to read a page).
 *
 * Entries live in `<cache>/search-pages/<fingerprint>/<2 hex>/<sha256>`, the
 * fingerprint a digest of the code that reads pages (`EXTRACTOR_FILES`) and
 * of the lockfile, so a change to either reads every page afresh. The key
 * is a digest of the page's path, the base path and the page. An entry is the
 * sha256 of the rest of the entry, a line end, one line of JSON (the messages),
 * a line end, then the text file as the index writes it. An entry whose
 * digest does not match (cut short on disk, changed) or that cannot be read
 * is not used: the page is parsed again and the entry rewritten. A cache that
 * cannot be written only costs time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWhole } from '../../src/archive/atomic.ts';
import { cacheDirectory, pruneEntries, pruneOtherFingerprints } from '../../src/build/cache.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The code that decides what is read from a page and how it is normalised. */
const EXTRACTOR_FILES = [
  'scripts/index-search/read-page.ts', 'scripts/index-search/read-pages.ts', 'scripts/index-search/prepare.ts', 'scripts/index-search/page-cache.ts',
  'src/search/format.ts', 'src/search/normalise.ts', 'src/search/filters.ts', 'src/archive/layout.ts', 'package-lock.json',
];

/** The code that decides what the exact index holds of a report, besides `EXTRACTOR_FILES`. */
const INDEXER_FILES = ['scripts/index-search/postings.ts', 'scripts/index-search/segments.ts', 'src/search/hash.ts'];

const fingerprintOf = (files: string[]) => {
  const hash = createHash('sha256');
  for (const file of files) {
    const path = resolve(ROOT, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
};

/** The cache folder for this code: `<cacheDir>/search-pages/<fingerprint>`. */
export function pageCacheDirectory(cacheDir = cacheDirectory(ROOT)): string {
  return join(cacheDir, 'search-pages', fingerprintOf(EXTRACTOR_FILES));
}

/** A digest of the code that reads and indexes pages: a report indexed by other code is indexed again. */
export function indexFingerprint(): string {
  return fingerprintOf([...EXTRACTOR_FILES, ...INDEXER_FILES]);
}


/** The key of a page: where it is in the site, the base path its links carry, and its bytes. */
export function pageKey(file: string, base: string, html: string): string {
  return createHash('sha256').update(`${file}\0${base}\0`).update(html).digest('hex');
}

const entryFile = (directory: string, key: string) => join(directory, key.slice(0, 2), key);

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cached header and text of page `key`, or undefined when there is none or it does not match its digest. */
export function readCachedPage<Header>(directory: string, key: string): { header: Header; text: string } | undefined {
  let contents: string;
  try {
    contents = readFileSync(entryFile(directory, key), 'utf8');
  } catch {
    return undefined;
  }
  const first = contents.indexOf('\n');
  if (first !== 64) return undefined;
  const rest = contents.slice(first + 1);
  if (digestOf(rest) !== contents.slice(0, first)) return undefined;
  const split = rest.indexOf('\n');
  if (split <= 0) return undefined;
  try {
    return { header: JSON.parse(rest.slice(0, split)) as Header, text: rest.slice(split + 1) };
  } catch {
    return undefined;
  }
}

/** Store page `key`'s header and text, whole or not at all. */
export function writeCachedPage(directory: string, key: string, header: unknown, text: string): void {
  const rest = `${JSON.stringify(header)}\n${text}`;
  try {
    writeWhole(entryFile(directory, key), `${digestOf(rest)}\n${rest}`);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

/**
 * Remove the folders of other fingerprints, and the entries of `directory`
 * not in `used` (pages since changed or removed). Returns how many entries
 * were removed.
 */
export function prunePageCache(directory: string, used: ReadonlySet<string>): number {
  pruneOtherFingerprints(directory);
  return pruneEntries(directory, (name) => used.has(name));
}
