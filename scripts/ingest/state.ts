/**
 * What ingest extracted last time, per report (`<archive>/ingest-state.json`),
 * kept consistent with the reports on disk whatever happens mid-run.
 *
 * A run does not rewrite the state file after every report (that would make
 * a batch quadratic in the archive's size). Instead, before it writes a
 * report, it appends one line to `<archive>/ingest-state.journal`: the
 * report's id, what was extracted, and the digest of the file it is about
 * to write. At the end of the run the state file is written whole (through a
 * temporary file) and the journal removed. After a crash, a kill or a full
 * disk, the next run replays the journal, taking an entry only when the
 * report on disk is the file that entry was written for: a report written
 * counts with its extraction, a report not written keeps its old one.
 *
 * A state file that is missing (while the archive holds reports) or cannot
 * be read is not fatal: `known` is false, and corrections.ts then keeps
 * every value that differs from the text, as if corrected by hand.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_FILE, reportFile, stateFile } from '../../src/archive/layout.ts';
import type { State, Values } from './corrections.ts';
import { writeIfChanged } from '../../src/archive/atomic.ts';

export const JOURNAL_FILE = 'ingest-state.journal';

export const digestOf = (content: string) => createHash('sha256').update(content).digest('hex');

export class IngestState {
  /** Values per report id. */
  readonly entries: State;
  /** False when the state file was missing or unreadable although reports exist: no entry can be trusted to be complete. */
  readonly known: boolean;
  /** What a person should know about the state file. */
  readonly warnings: string[];
  readonly #archiveDir: string;
  #journalled = false;

  private constructor(archiveDir: string, entries: State, known: boolean, warnings: string[]) {
    this.#archiveDir = archiveDir;
    this.entries = entries;
    this.known = known;
    this.warnings = warnings;
  }

  /** Read the state of `archiveDir`; `hasReports` says whether a missing file is a loss or a new archive. */
  static open(archiveDir: string, hasReports: boolean): IngestState {
    const file = stateFile(archiveDir);
    const shown = join(archiveDir, STATE_FILE);
    const warnings: string[] = [];
    const treatment = 'so every value of an archived report that differs from its text is kept as a hand edit (and locked)';
    let entries: State = {};
    let known = true;
    if (existsSync(file)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (!isState(parsed)) throw new Error(parsed === null ? 'it holds null' : 'it is not an object of reports');
        entries = parsed;
      } catch (error) {
        known = false;
        warnings.push(`${shown} cannot be read (${firstLine(error)}), ${treatment}; it is written afresh at the end of this run`);
      }
    } else if (hasReports) {
      known = false;
      warnings.push(`${shown} is missing, ${treatment}; it is written afresh at the end of this run`);
    }
    const state = new IngestState(archiveDir, entries, known, warnings);
    state.#replayJournal();
    return state;
  }

  /**
   * Record what was extracted for report `id`, before `content` is written
   * as its file. Returns what undoes it in memory, for when that write fails
   * (the journal's line then names a file that is not on disk, and is not taken).
   */
  record(id: string, values: Values, content: string): () => void {
    const before = this.entries[id];
    if (JSON.stringify(before) === JSON.stringify(values)) return () => undefined;
    appendFileSync(join(this.#archiveDir, JOURNAL_FILE), `${JSON.stringify({ id, values, digest: digestOf(content) })}\n`);
    this.#journalled = true;
    this.entries[id] = values;
    return () => {
      if (before === undefined) delete this.entries[id];
      else this.entries[id] = before;
    };
  }

  /** Whether anything needs writing: new entries, a journal to fold in, or a state file to write afresh. */
  get dirty(): boolean {
    return this.#journalled || !this.known;
  }

  /** Write the state file whole, with sorted keys (stable in git), then drop the journal. */
  commit(): void {
    if (!this.dirty) return;
    const sorted = Object.fromEntries(Object.keys(this.entries).sort().map((id) => [id, this.entries[id]]));
    writeIfChanged(stateFile(this.#archiveDir), `${JSON.stringify(sorted, null, 2)}\n`);
    rmSync(join(this.#archiveDir, JOURNAL_FILE), { force: true });
    this.#journalled = false;
  }

  #replayJournal(): void {
    const journal = join(this.#archiveDir, JOURNAL_FILE);
    if (!existsSync(journal)) return;
    let replayed = 0;
    for (const line of readFileSync(journal, 'utf8').split('\n')) {
      let entry: { id?: unknown; values?: unknown; digest?: unknown };
      try {
        entry = JSON.parse(line);
      } catch {
        continue; // an empty or cut-off last line
      }
      if (typeof entry.id !== 'string' || typeof entry.digest !== 'string' || !isValues(entry.values)) continue;
      let onDisk: string;
      try {
        onDisk = readFileSync(reportFile(this.#archiveDir, entry.id), 'utf8');
      } catch {
        continue;
      }
      if (digestOf(onDisk) !== entry.digest) continue;
      this.entries[entry.id] = entry.values;
      replayed++;
    }
    this.#journalled = true;
    if (replayed > 0) this.warnings.push(`took ${replayed} report(s) from ${join(this.#archiveDir, JOURNAL_FILE)}, left by a run that did not finish`);
  }
}

function isValues(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isState(value: unknown): value is State {
  return isValues(value) && Object.values(value).every(isValues);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
