/**
 * Corrections that survive re-runs.
 *
 * A person may correct a report's frontmatter by hand, or give a value in a
 * manifest. On the next ingest of the same source:
 *
 *   1. a value given now (manifest, --url) wins;
 *   2. a field listed in `locked` keeps its value;
 *   3. a field whose value differs from what ingest wrote last time was
 *      corrected by hand: it keeps its value and is added to `locked`;
 *   4. everything else takes the newly extracted value.
 *
 * What ingest extracted last time is kept per report in
 * `<archive>/ingest-state.json`, so rule 3 can tell a hand edit from an
 * improvement of the extractor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stateFile } from '../../src/archive/layout.ts';
import { EXTRACTED_FIELDS } from '../../src/schema/report.ts';
import { writeAtomic } from './write.ts';

export type Values = Record<string, unknown>;
export type State = Record<string, Values>;

export function readState(archiveDir: string): State {
  const file = stateFile(archiveDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as State) : {};
}

/** Write the state with sorted keys, so the file is stable in git. */
export function writeState(archiveDir: string, state: State): void {
  const sorted = Object.fromEntries(Object.keys(state).sort().map((id) => [id, state[id]]));
  writeAtomic(stateFile(archiveDir), `${JSON.stringify(sorted, null, 2)}\n`);
}

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

export interface Merged {
  data: Values;
  notes: string[];
}

export function mergeCorrections({
  extracted,
  given,
  previous,
  lastExtracted,
}: {
  extracted: Values;
  /** Fields given for this run (manifest, --url). */
  given: Values;
  /** The report's frontmatter as it is now in the archive, if it exists. */
  previous?: Values;
  /** What ingest wrote for it last time, if known. */
  lastExtracted?: Values;
}): Merged {
  const data: Values = { ...extracted };
  const notes: string[] = [];
  const locked = new Set<string>(Array.isArray(previous?.locked) ? (previous!.locked as string[]) : []);
  for (const field of EXTRACTED_FIELDS) {
    if (field in given && given[field] !== null && given[field] !== undefined) {
      data[field] = given[field];
      locked.add(field);
    } else if (previous && locked.has(field)) {
      data[field] = previous[field];
      if (!same(previous[field], extracted[field])) notes.push(`kept ${field} as corrected (${String(previous[field])}); the text gives ${String(extracted[field] ?? 'nothing')}`);
    } else if (previous && lastExtracted && !same(previous[field], lastExtracted[field])) {
      data[field] = previous[field];
      locked.add(field);
      notes.push(`kept ${field} as corrected by hand (${String(previous[field])}) and locked it`);
    }
  }
  if (locked.size > 0) data.locked = [...locked].sort();
  return { data, notes };
}
