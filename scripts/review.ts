/**
 * What waits for review, and a manifest to settle it:
 *
 *   npm run review -- [--archive <dir>] [--out <file>]
 *
 * Lists each report ingest kept for review (`<archive>/review/`): its source,
 * the fields a person must confirm and their candidates; and writes a
 * manifest (CSV, default `<archive>/review/manifest.csv`) with the values
 * ingest found and the best candidates filled in. Correct the columns named
 * in `needsReview`, then give it back: `npm run ingest -- --manifest <file>`.
 * Exit code 0; 2 for a usage error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ARCHIVE_DIR, REVIEW_DIR } from '../src/archive/layout.ts';
import { readReviews, reviewManifest } from './ingest/review.ts';

const USAGE = `Usage: npm run review -- [--archive <dir>] [--out <file>]

Lists the reports kept for review and writes a manifest to settle them.

Options:
  --archive <dir>   the archive folder (default: $ARCHIVE_DIR or content)
  --out <file>      where the manifest goes (default: <archive>/review/manifest.csv)
  --help            show this help`;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { archive: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  const archive = values.archive ?? process.env.ARCHIVE_DIR ?? DEFAULT_ARCHIVE_DIR;
  const { entries, problems } = readReviews(archive);
  for (const problem of problems) err.write(`warning: ${problem}\n`);
  if (entries.length === 0) {
    out.write(`review: nothing waits for review in ${join(archive, REVIEW_DIR)}\n`);
    return 0;
  }
  for (const entry of entries) {
    out.write(`${entry.sourceFile}: confirm ${entry.needsReview.join(', ')}\n`);
    for (const field of entry.needsReview) {
      const found = entry.data[field === 'region' ? 'region' : field];
      const evidence = entry.evidence[field];
      out.write(`  ${field}: ${found ?? '(not found)'}${evidence ? ` ← ${evidence}` : ''}\n`);
      for (const candidate of entry.candidates[field] ?? []) out.write(`    candidate: ${candidate}\n`);
    }
  }
  const manifest = values.out ?? join(archive, REVIEW_DIR, 'manifest.csv');
  mkdirSync(dirname(manifest), { recursive: true });
  writeFileSync(manifest, reviewManifest(archive, entries, manifest));
  const shown = relative(process.cwd(), manifest) || manifest;
  out.write(
    `review: ${entries.length} report${entries.length > 1 ? 's' : ''} wait${entries.length > 1 ? '' : 's'} for review; wrote ${shown}.\n` +
      `Correct the columns named in needsReview (a region as its six-digit regionCode; see the candidates), then: npm run ingest -- --manifest ${shown}\n`,
  );
  return 0;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
