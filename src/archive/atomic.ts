/**
 * Writing a file whole or not at all: into a temporary file beside it, then
 * a rename, so a killed run or a full disk leaves the old file or the new
 * one, never half of one. Used for the archive's reports and state, the
 * build's own files and the build caches.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** A temporary file a write left behind when it was killed: `<name>.<pid>-<thread>-<n>.tmp`. */
export const TEMPORARY_FILE = /\.\d+-\d+-\d+\.tmp$/;

let writes = 0;

/** A temporary name beside `file`, unique to this process and thread; a short one where the long would pass 255 bytes. */
function temporaryFor(file: string): string {
  const suffix = `.${process.pid}-${threadId}-${++writes}.tmp`;
  return Buffer.byteLength(basename(file) + suffix) <= 255 ? `${file}${suffix}` : join(dirname(file), suffix);
}

/** Write `content` to `file` whole or not at all (its folder made if need be). */
export function writeWhole(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = temporaryFor(file);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** `writeWhole`, unless `file` already holds exactly `content`. Returns whether it wrote. */
export function writeIfChanged(file: string, content: string | Uint8Array): boolean {
  if (existsSync(file)) {
    const current = readFileSync(file);
    if (typeof content === 'string' ? current.toString('utf8') === content : current.equals(content)) return false;
  }
  writeWhole(file, content);
  return true;
}

/** `writeWhole` without blocking: for caches written while pages render. */
export async function writeWholeAsync(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = temporaryFor(file);
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
