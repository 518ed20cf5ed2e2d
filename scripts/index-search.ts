/**
 * Command line of the indexer; `npm run build` runs it after `astro build`.
 *
 *     node scripts/index-search.ts [site folder]
 *
 * The site folder defaults to env `OUT_DIR`, else `dist`. It writes the
 * exact-match index (`<site>/search-exact/`) and Pagefind's
 * (`<site>/pagefind/`); the work itself is in `scripts/index-search/`
 * (`index-site.ts` composes it). Exit code 1 when the index could not be
 * built (no report pages, a Pagefind error, a folder that is not a site
 * this project built), 2 for a usage error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { STAMP_FILE, isSiteBuild } from '../src/build/out-dir.ts';
import { indexSite } from './index-search/index-site.ts';

const USAGE = 'node scripts/index-search.ts [site folder]';

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const option = argv.find((arg) => arg.startsWith('-'));
  if (option !== undefined) {
    err.write(`Unknown option \`${option}\`, expected: ${USAGE}\n`);
    return 2;
  }
  if (argv.length > 1) {
    err.write(`Expected one site folder, got ${argv.length}: ${USAGE}\n`);
    return 2;
  }
  const dir = resolve(argv[0] ?? process.env.OUT_DIR ?? 'dist');
  // The index replaces search-exact/ and pagefind/ in the folder: only in a site this project built.
  if (existsSync(dir) && !isSiteBuild(dir)) {
    err.write(`error: ${dir} is not a site built by this project (it has no ${STAMP_FILE}); build it with astro build (npm run build), or pass the site folder\n`);
    return 1;
  }
  const { fatal, warnings } = await indexSite(dir, { log: (line) => out.write(`${line}\n`) });
  for (const warning of warnings) err.write(`warning: ${warning}\n`);
  for (const problem of fatal) err.write(`error: ${problem}\n`);
  return fatal.length > 0 ? 1 : 0;
}

if (import.meta.main && isMainThread) {
  process.exitCode = await main(process.argv.slice(2));
}
