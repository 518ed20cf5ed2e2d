/**
 * Reports ingest kept for review (`<archive>/review/`): not published, since
 * their agency, region or year is not certain; the site only says how many
 * wait, so a reader knows the archive is not yet complete.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_DIR, archiveDirectory } from '../archive/layout.ts';

/** How many reports wait for review in the archive. */
export function reviewCount(archive = archiveDirectory()): number {
  try {
    return readdirSync(join(archive, REVIEW_DIR)).filter((name) => name.endsWith('.md')).length;
  } catch {
    return 0;
  }
}
