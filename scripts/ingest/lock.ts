/**
 * One ingest at a time per archive: `<archive>/.ingest.lock`, created
 * exclusively (O_EXCL), holding the process id, host and start time of the
 * run that writes. A second run gets a message saying who holds it; a lock
 * left by a run that was killed (its process is gone, on this host) is taken
 * over with a note.
 *
 * Not proper-lockfile: it decides that a lock is stale when its holder has
 * not touched it for a while, from a timer, and a long synchronous analysis
 * of one big file starves that timer; a process id is exact on one machine.
 */
import { hostname } from 'node:os';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from './errors.ts';

export const LOCK_FILE = '.ingest.lock';

interface Holder {
  pid: number;
  host: string;
  started: string;
}

export interface Lock {
  /** Said when a dead run's lock was taken over. */
  note: string | null;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Take the archive's lock, or throw IngestError('locked') saying who holds it. */
export function lockArchive(archiveDir: string): Lock {
  mkdirSync(archiveDir, { recursive: true });
  const file = join(archiveDir, LOCK_FILE);
  let note: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && (holder.host !== hostname() || alive(holder.pid))) {
        throw new IngestError(
          'locked',
          `${archiveDir}: another ingest (process ${holder.pid} on ${holder.host}, started ${holder.started}) is writing into this archive; ` +
            `wait for it to finish and run again (if that process is gone, delete ${file})`,
        );
      }
      // Left by a run that was killed, or cut off while being written: take it over.
      note = `took over ${file}, left by ${holder ? `process ${holder.pid} (started ${holder.started}), which is no longer running` : 'a run that did not finish'}`;
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies Holder));
    closeSync(fd);
    return {
      note,
      release: () => {
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new IngestError('locked', `${archiveDir}: cannot take ${file}; delete it if no ingest is running, and run again`);
}
