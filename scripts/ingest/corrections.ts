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
 *      when what ingest wrote last time is not known (the state file is
 *      missing or unreadable, or has no entry for the report), every value
 *      that differs from the text counts as corrected by hand;
 *   4. everything else takes the newly extracted value.
 *
 * What ingest extracted last time is kept per report in
 * `<archive>/ingest-state.json` (`state.ts`), so rule 3 can tell a hand edit
 * from an improvement of the extractor.
 */
import { EXTRACTED_FIELDS } from '../../src/schema/report.ts';

export type Values = Record<string, unknown>;
export type State = Record<string, Values>;

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
  /** What ingest wrote for it last time; undefined when not known. */
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
    } else if (previous && !lastExtracted && !same(previous[field], extracted[field]) && previous[field] !== undefined) {
      data[field] = previous[field];
      locked.add(field);
      notes.push(`kept ${field} as found in the report (${String(previous[field])}; the text gives ${String(extracted[field] ?? 'nothing')}) and locked it: what ingest wrote last time is not known`);
    }
  }
  if (locked.size > 0) data.locked = [...locked].sort();
  return { data, notes };
}
