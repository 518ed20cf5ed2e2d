/**
 * The exact index's segments (`src/search/format.ts`): each a complete index
 * of some reports in `segments/<name>/`, whose files never change once
 * written. A build keeps the segments of the last one, adds one for the
 * reports it found new or changed (their old versions are dropped from the
 * catalog's map, not from the files), and merges segments when small ones
 * pile up (`mergePlan`), so a rebuild costs what changed and a search reads
 * a few segments. A full build cuts the archive into segments of at most
 * `SEGMENT_MAX` reports, so its memory does not grow with the archive.
 *
 * Besides what the search page reads, a segment holds `reports.json`, for
 * the next build: each report's id, change key, headings (for Pagefind),
 * the problems found in its page, and its text file's digest and size.
 */
import { cpSync, existsSync, linkSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXACT_DIR, FORMAT_VERSION, ROWS_PER_FILE, decodeRuns, rowsFile, segmentFile, textFile, type CatalogFile, type DisplayRow, type SectionRow } from '../../src/search/format.ts';
import { writeWhole } from '../../src/archive/atomic.ts';
import { IndexFiles } from './index-files.ts';
import { groupsFor, shardsFor, totalChars, writePostings, writePostingsInWorkers } from './postings.ts';
import { gramsOf, type Grams } from './prepare.ts';

/** Reports one segment holds at most: a full build's memory is that of one segment this size (with Pagefind's part beside it). */
export const SEGMENT_MAX = 20_000;
/** Segments of one size class (by powers of `MERGE_FAN_IN`) that are merged into one. */
export const MERGE_FAN_IN = 4;

/** What the next build needs of a report in a segment: `[id, change key, headings, page problems, text digest, text bytes]`. */
export type HeldReport = [id: string, key: string, headings: string[], messages: string[], textDigest: string, textBytes: number];

export const MANIFEST = 'reports.json';

/** A segment as a build sees it: its name, shards and reports (by local ordinal). */
export interface HeldSegment {
  name: string;
  shards: number;
  reports: HeldReport[];
}

/** A segment of the last build, and which of its reports that build's catalog still used. */
export interface LastSegment extends HeldSegment {
  live: boolean[];
}

/** One report to write into a segment: its row, what the next build keeps, its n-grams, and where its text file is. */
export interface SegmentInput {
  row: DisplayRow;
  held: HeldReport;
  grams: Grams;
  /** A file to move or link in, or the contents. */
  text: { path: string; move: boolean } | { contents: string };
}

export interface SegmentOptions {
  shards?: number;
  groups?: number;
  inMemory?: number;
  /** Worker threads that count postings (0: this thread). */
  counters: number;
  log?: (line: string) => void;
}

/**
 * The segments of the index in `exact` as the last build left them, or why
 * they cannot be built on (then the build starts afresh).
 */
export function readSegments(exact: string, base: string): { segments: LastSegment[] } | { problem: string } {
  const file = join(exact, 'catalog.json');
  if (!existsSync(file)) return { problem: 'no index yet' };
  try {
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as CatalogFile;
    if (catalog.format !== FORMAT_VERSION) return { problem: `index format ${catalog.format}, this code writes ${FORMAT_VERSION}` };
    if (catalog.base !== base) return { problem: `index built for base path ${catalog.base}` };
    const segments = catalog.segments.map(({ name, shards, count, ordinals }): LastSegment => {
      const reports = JSON.parse(readFileSync(join(exact, segmentFile(name, MANIFEST)), 'utf8')) as HeldReport[];
      if (!Array.isArray(reports) || reports.length !== count) throw new Error(`segments/${name}/${MANIFEST} does not list ${count} reports`);
      return { name, shards, reports, live: [...decodeRuns(ordinals, count)].map((ordinal) => ordinal >= 0) };
    });
    return { segments };
  } catch (error) {
    return { problem: `the index cannot be read (${(error as Error).message})` };
  }
}

/**
 * The segments of parts built apart (`scripts/parts.ts`), moved into the
 * index in `exact` and taken as the last build's: the merge of a build in
 * parts writes one catalog over them and indexes nothing again. Each part is
 * a site folder whose index covers its own reports; a report in two parts,
 * or a part without a readable index, is a problem (the merge fails rather
 * than index the whole archive on one machine).
 */
export function adoptParts(exact: string, parts: string[], base: string): { segments: LastSegment[] } | { problem: string } {
  const segments: LastSegment[] = [];
  const partOf = new Map<string, string>();
  for (const part of parts) {
    const last = readSegments(join(part, EXACT_DIR), base);
    if ('problem' in last) return { problem: `part ${part}: ${last.problem}; index the part first (node scripts/parts.ts part …)` };
    for (const segment of last.segments) {
      for (const [id] of segment.reports.filter((_, local) => segment.live[local])) {
        const other = partOf.get(id);
        if (other !== undefined) return { problem: `report ${id} is in two parts, ${other} and ${part}; parts must not overlap` };
        partOf.set(id, part);
      }
      const from = join(part, EXACT_DIR, 'segments', segment.name);
      const to = join(exact, 'segments', segment.name);
      if (!existsSync(to)) {
        mkdirSync(dirname(to), { recursive: true });
        try {
          renameSync(from, to);
        } catch {
          cpSync(from, to, { recursive: true });
        }
      }
      segments.push(segment);
    }
  }
  return { segments };
}

/**
 * Which segments to merge, given each one's live reports and all it holds:
 * groups of indexes into `segments`. Segments are sized in classes by
 * powers of `fanIn`; when a class holds `fanIn` segments, they are merged
 * (and the result may fill the next class), as long as the merged segment
 * holds at most `max` reports. A segment more than half of whose reports
 * were dropped is written again, alone if nothing else merges with it.
 * So each report is written about log(N) times over the archive's life,
 * and a search reads at most `fanIn - 1` segments per class.
 */
export function mergePlan(segments: Array<{ live: number; count: number }>, max = SEGMENT_MAX, fanIn = MERGE_FAN_IN): number[][] {
  const classOf = (live: number) => Math.floor(Math.log(Math.max(1, live)) / Math.log(fanIn));
  // Each candidate: the original segments it is made of and its live reports.
  let groups = segments.map((segment, index) => ({ members: [index], live: segment.live, rewrite: segment.live * 2 < segment.count }));
  for (let merged = true; merged; ) {
    merged = false;
    const byClass = new Map<number, typeof groups>();
    for (const group of groups) {
      const list = byClass.get(classOf(group.live)) ?? [];
      list.push(group);
      byClass.set(classOf(group.live), list);
    }
    for (const level of [...byClass.keys()].sort((a, b) => a - b)) {
      const list = (byClass.get(level) ?? []).sort((a, b) => a.live - b.live || a.members[0] - b.members[0]).slice(0, fanIn);
      const live = list.reduce((sum, group) => sum + group.live, 0);
      if (list.length < fanIn || live > max) continue;
      groups = [...groups.filter((group) => !list.includes(group)), { members: list.flatMap((group) => group.members).sort((a, b) => a - b), live, rewrite: true }];
      merged = true;
      break;
    }
  }
  return groups
    .filter((group) => group.members.length > 1 || group.rewrite)
    .map((group) => group.members)
    .sort((a, b) => a[0] - b[0]);
}

/** The inputs that merge the live reports of `segments` (`live[s][local]`), their texts read back from the segment folders. */
export function mergeInputs(exact: string, segments: HeldSegment[], live: boolean[][]): SegmentInput[] {
  const inputs: SegmentInput[] = [];
  segments.forEach((segment, s) => {
    const rows: DisplayRow[][] = [];
    segment.reports.forEach((held, local) => {
      if (!live[s][local]) return;
      const file = Math.floor(local / ROWS_PER_FILE);
      rows[file] ??= JSON.parse(readFileSync(join(exact, segmentFile(segment.name, rowsFile(local))), 'utf8')) as DisplayRow[];
      const path = join(exact, segmentFile(segment.name, textFile(local)));
      const sections = JSON.parse(readFileSync(path, 'utf8')) as SectionRow[];
      inputs.push({ row: rows[file][local % ROWS_PER_FILE], held, grams: gramsOf(sections), text: { path, move: false } });
    });
  });
  return inputs.sort((a, b) => (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : 0));
}

/**
 * A segment's files but its postings, through `files`: texts (placed by
 * `place`), rows and the manifest; and what its postings are made from, the
 * n-grams taken from the inputs.
 */
export function segmentFiles(inputs: SegmentInput[], files: IndexFiles, place: (input: SegmentInput, local: number) => void, options: Pick<SegmentOptions, 'shards' | 'groups'>) {
  inputs.forEach((input, local) => {
    place(input, local);
    files.record(textFile(local), input.held[4], input.held[5]);
  });
  for (let start = 0; start < inputs.length; start += ROWS_PER_FILE) {
    files.add(rowsFile(start), JSON.stringify(inputs.slice(start, start + ROWS_PER_FILE).map((input) => input.row)));
  }
  const reports = inputs.map((input) => input.held);
  const grams = inputs.map((input) => input.grams);
  for (const input of inputs) input.grams = new Uint16Array(0);
  const chars = totalChars(grams);
  const shards = options.shards ?? shardsFor(chars);
  // The manifest is the next build's, not the search page's: it is no part of the name.
  return { reports, manifest: JSON.stringify(reports), grams, chars, shards, groups: options.groups ?? groupsFor(chars, shards) };
}

/**
 * Write a segment of `inputs` (in id order: their local ordinals) under
 * `<exact>/segments/`, named by a digest of its files. Texts are moved or
 * linked in; n-grams are let go of once counted.
 */
export async function writeSegment(exact: string, inputs: SegmentInput[], options: SegmentOptions): Promise<HeldSegment & { files: number; bytes: number }> {
  const stage = join(exact, 'segments', `.new-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'texts'), { recursive: true });
  const files = new IndexFiles((path, contents) => {
    const target = join(stage, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  });
  const { reports, manifest, grams, chars, shards, groups } = segmentFiles(
    inputs,
    files,
    ({ text }, local) => {
      const target = join(stage, textFile(local));
      if ('contents' in text) writeFileSync(target, text.contents);
      else if (text.move) renameSync(text.path, target);
      else placeLink(text.path, target);
    },
    options,
  );
  const postingsOptions = { log: options.log, spill: join(stage, '.grams'), inMemory: options.inMemory };
  // Counting the groups in worker threads pays once there is more to count than starting them costs.
  if (options.counters > 0 && chars >= 2_000_000) await writePostingsInWorkers(grams, shards, groups, files, stage, options.counters, postingsOptions);
  else writePostings(grams, shards, groups, files, postingsOptions);
  rmSync(join(stage, '.grams'), { recursive: true, force: true });
  const name = files.version(`${shards}`);
  const final = join(exact, 'segments', name);
  // The same reports give the same files: a segment already there is that one.
  if (existsSync(final)) rmSync(stage, { recursive: true, force: true });
  else renameSync(stage, final);
  writeWhole(join(final, MANIFEST), manifest);
  return { name, shards, reports, files: files.count, bytes: files.bytes };
}

/** A hard link to `from` at `to` (a segment's texts are never written to), a copy where links cannot be made. */
function placeLink(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
