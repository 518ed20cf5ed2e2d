/**
 * The postings of the exact index: `postings/<n>.json` for every shard, each
 * n-gram (1 to `MAX_GRAM` characters, inside a block) with the reports that
 * hold it and how often; and `positions/<m>.json`, each `MAX_GRAM`-gram with
 * where it starts in each of those reports.
 *
 * An n-gram's hash picks its shard, and the shard's low bits its group. One
 * pass over the texts notes where each group's n-grams start (4 bytes an
 * occurrence; in temporary files when there are many); then each group is
 * counted with a table small enough to stay in the processor's cache, and its
 * shards written, in this thread or in worker threads that share the texts
 * (`count-worker.ts`). Memory holds the texts (2 bytes a character) and one
 * group's postings.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_GRAM, POSITION_SHARDS_PER_SHARD, encodePositions, encodePostings, positionsFile, postingsFile } from '../../src/search/format.ts';
import { FNV_OFFSET, fnvCodePoint, mix } from '../../src/search/hash.ts';
import type { IndexFiles } from './index-files.ts';
import { seconds } from './log.ts';
import type { Grams } from './prepare.ts';
import { runInWorkers } from './worker-pool.ts';

const pow2 = (value: number) => 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, value))));
export const totalChars = (grams: Grams[]) => grams.reduce((sum, list) => sum + list.length, 0);

/** Postings bytes come to about this many per normalised character (measured on generated reports). */
const BYTES_PER_CHAR = 5;
/** N-gram occurrences one group counts, about: its table then stays in the processor's cache. */
const OCCURRENCES_PER_GROUP = 1 << 20;
/** Past this many n-gram occurrences (4 bytes each), their lists go to temporary files rather than memory. */
const OCCURRENCES_IN_MEMORY = 1 << 26;

/** Characters of text a shard of a small segment covers at most: there few reports share an n-gram, so postings cost more per character. */
const SMALL_SHARD_CHARS = 200;

/**
 * Shards of about 32 KiB; a small segment (the few reports a rebuild adds)
 * gets up to 64, of some `SMALL_SHARD_CHARS` characters each, since every
 * query reads one shard of every segment: one report's segment so costs a
 * query a few KB, not an eighth of its postings.
 */
export function shardsFor(chars: number): number {
  return Math.min(65536, Math.max(8, pow2((chars * BYTES_PER_CHAR) / (32 * 1024)), Math.min(64, pow2(chars / SMALL_SHARD_CHARS))));
}

/** Groups of about `OCCURRENCES_PER_GROUP` occurrences. */
export function groupsFor(chars: number, shards: number): number {
  return Math.min(shards, pow2((chars * MAX_GRAM) / OCCURRENCES_PER_GROUP));
}

/**
 * The postings of one shard group while it is built: an open-addressing
 * table of n-grams (up to four UTF-16 units, packed in two integers; n-grams
 * with characters outside the BMP go to a plain map), each with the report
 * being counted, and an append-only list of (n-gram, report, count) for the
 * reports counted before, all in typed arrays, so counting an occurrence
 * allocates nothing.
 */
class GramTable {
  size = 0;
  #slots: Int32Array;
  #mask: number;
  readonly #shift: number;
  hashes: Int32Array;
  keyA: Int32Array;
  keyB: Int32Array;
  lengths: Uint8Array;
  /** Keys of the n-grams outside the BMP, by entry. */
  readonly wideKeys = new Map<number, string>();
  readonly #wide = new Map<string, number>();
  last: Int32Array;
  count: Int32Array;
  /** The reports counted before the current one: entry, report, count. */
  readonly counted: EntryList;
  /** Occurrences of `MAX_GRAM`-grams: entry, report and start in the report, in the order counted (ascending starts). */
  readonly spots: EntryList;

  /** `shift`: the low bits of the hash that are the same for the whole group; `expected`: postings entries to make room for. */
  constructor(shift: number, expected: number) {
    this.#shift = shift;
    const entries = Math.max(1024, Math.ceil(expected / 16));
    const slots = 2 ** Math.ceil(Math.log2(entries * 2));
    this.#slots = new Int32Array(slots).fill(-1);
    this.#mask = slots - 1;
    this.hashes = new Int32Array(entries);
    this.keyA = new Int32Array(entries);
    this.keyB = new Int32Array(entries);
    this.lengths = new Uint8Array(entries);
    this.last = new Int32Array(entries);
    this.count = new Int32Array(entries);
    const nodes = Math.max(4096, Math.ceil(expected * 1.1));
    this.counted = new EntryList(nodes);
    this.spots = new EntryList(nodes);
  }

  /** Count one occurrence, in report `ordinal`, of the BMP n-gram `length` units long packed as `a`, `b`; returns its entry. */
  add(hash: number, a: number, b: number, length: number, ordinal: number): number {
    const slots = this.#slots;
    const mask = this.#mask;
    let slot = (hash >>> this.#shift) & mask;
    let entry = slots[slot];
    while (entry !== -1) {
      if (this.hashes[entry] === hash && this.keyA[entry] === a && this.keyB[entry] === b && this.lengths[entry] === length) {
        this.#count(entry, ordinal);
        return entry;
      }
      slot = (slot + 1) & mask;
      entry = slots[slot];
    }
    entry = this.#create(hash, ordinal);
    this.keyA[entry] = a;
    this.keyB[entry] = b;
    this.lengths[entry] = length;
    slots[slot] = entry;
    if (this.size * 2 > mask) this.#grow();
    return entry;
  }

  /** Count one occurrence of an n-gram with a character outside the BMP; returns its entry. */
  addWide(hash: number, key: string, ordinal: number): number {
    const entry = this.#wide.get(key);
    if (entry !== undefined) {
      this.#count(entry, ordinal);
      return entry;
    }
    const created = this.#create(hash, ordinal);
    this.lengths[created] = 0;
    this.#wide.set(key, created);
    this.wideKeys.set(created, key);
    return created;
  }

  #count(entry: number, ordinal: number): void {
    if (this.last[entry] === ordinal) {
      this.count[entry]++;
      return;
    }
    this.#push(entry);
    this.last[entry] = ordinal;
    this.count[entry] = 1;
  }

  /** Move the report being counted to the list. */
  #push(entry: number): void {
    this.counted.push(entry, this.last[entry], this.count[entry]);
  }

  #create(hash: number, ordinal: number): number {
    if (this.size === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.keyA = grow(this.keyA);
      this.keyB = grow(this.keyB);
      this.lengths = grow(this.lengths);
      this.last = grow(this.last);
      this.count = grow(this.count);
    }
    const entry = this.size++;
    this.hashes[entry] = hash;
    this.last[entry] = ordinal;
    this.count[entry] = 1;
    return entry;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      if (this.lengths[entry] === 0) continue;
      let slot = (this.hashes[entry] >>> this.#shift) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.#slots = slots;
    this.#mask = mask;
  }

  key(entry: number): string {
    const length = this.lengths[entry];
    if (length === 0) return this.wideKeys.get(entry) as string;
    const a = this.keyA[entry];
    const b = this.keyB[entry];
    const units = [a >>> 16, a & 0xffff, b >>> 16, b & 0xffff];
    return String.fromCharCode(...units.slice(0, length));
  }

  /** Close the counting: every entry's current report goes to `counted`. */
  finish(): void {
    for (let entry = 0; entry < this.size; entry++) this.#push(entry);
  }
}

/** A growable list of (entry, report, value) triples in typed arrays. */
class EntryList {
  length = 0;
  entries: Int32Array;
  ordinals: Int32Array;
  values: Int32Array;

  constructor(capacity: number) {
    this.entries = new Int32Array(capacity);
    this.ordinals = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  push(entry: number, ordinal: number, value: number): void {
    if (this.length === this.entries.length) {
      this.entries = grow(this.entries);
      this.ordinals = grow(this.ordinals);
      this.values = grow(this.values);
    }
    const at = this.length++;
    this.entries[at] = entry;
    this.ordinals[at] = ordinal;
    this.values[at] = value;
  }

  /**
   * The triples grouped by entry in output order (`rank`: each entry's place
   * in it, `places` of them): for each place, where its triples start in the
   * returned `ordinals` and `values`, one more at the end. A stable counting
   * sort, so each entry's triples keep the order they were pushed in.
   */
  inOrder(rank: Int32Array, places: number): { starts: Int32Array; ordinals: Int32Array; values: Int32Array } {
    const starts = new Int32Array(places + 1);
    for (let at = 0; at < this.length; at++) starts[rank[this.entries[at]] + 1]++;
    for (let place = 0; place < places; place++) starts[place + 1] += starts[place];
    const fill = starts.slice(0, places);
    const ordinals = new Int32Array(this.length);
    const values = new Int32Array(this.length);
    for (let at = 0; at < this.length; at++) {
      const to = fill[rank[this.entries[at]]]++;
      ordinals[to] = this.ordinals[at];
      values[to] = this.values[at];
    }
    return { starts, ordinals, values };
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Where each group's n-grams start in the texts (position × 4 + length - 1),
 * in ascending order: in memory, or, past `OCCURRENCES_IN_MEMORY`, appended
 * in chunks to one temporary file a group and read back one group at a time.
 */
class Occurrences {
  readonly #lists: Uint32Array[];
  readonly #used: Int32Array;
  readonly #folder: string | undefined;

  constructor(groups: number, expected: number, spill: string | undefined) {
    this.#folder = spill;
    if (spill) mkdirSync(spill, { recursive: true });
    const size = spill ? 1 << 14 : Math.ceil((expected / groups) * 1.05) + 1024;
    this.#lists = Array.from({ length: groups }, () => new Uint32Array(size));
    this.#used = new Int32Array(groups);
  }

  add(group: number, value: number): void {
    let list = this.#lists[group];
    if (this.#used[group] === list.length) {
      if (this.#folder) {
        this.#flush(group);
      } else {
        list = grow(list);
        this.#lists[group] = list;
      }
    }
    list[this.#used[group]++] = value;
  }

  #flush(group: number): void {
    const list = this.#lists[group];
    appendFileSync(join(this.#folder as string, `${group}`), new Uint8Array(list.buffer, list.byteOffset, this.#used[group] * 4));
    this.#used[group] = 0;
  }

  /** Group `group`'s list, once; its memory (or file) is let go. */
  take(group: number): Uint32Array {
    if (!this.#folder) {
      const list = this.#lists[group].subarray(0, this.#used[group]);
      this.#lists[group] = new Uint32Array(0);
      return list;
    }
    this.#flush(group);
    const file = join(this.#folder, `${group}`);
    if (!existsSync(file)) return new Uint32Array(0);
    const bytes = readFileSync(file);
    rmSync(file);
    // A copy of its own: aligned, and transferable to a worker (a small Buffer shares Node's pool).
    const list = new Uint32Array(bytes.byteLength / 4);
    new Uint8Array(list.buffer).set(bytes);
    return list;
  }

  close(): void {
    if (this.#folder) rmSync(this.#folder, { recursive: true, force: true });
  }
}

/** The texts in one array (shared with worker threads), and where each group's n-grams start in it. */
interface NotedGrams {
  /** Every report's characters, a 0 after each report. */
  points: Uint16Array | Uint32Array;
  /** Where report `ordinal` starts in `points`; one more at the end. */
  starts: Int32Array;
  occurrences: Occurrences;
}

/**
 * The first pass of the postings: put the texts in one array (taking them
 * over from `grams`) and note, by shard group, where each n-gram starts.
 */
function noteGrams(grams: Grams[], shards: number, groups: number, options: { log?: (line: string) => void; spill?: string; inMemory?: number }): NotedGrams {
  const powerOfTwo = (n: number) => n >= 1 && (n & (n - 1)) === 0;
  if (!powerOfTwo(shards) || !powerOfTwo(groups) || groups > shards) throw new Error(`shards (${shards}) and groups (${groups}) must be powers of two, groups ≤ shards`);
  const started = performance.now();
  // All texts in one array, a 0 after each report.
  let total = 0;
  for (const text of grams) total += text.length + 1;
  if (total * 4 >= 2 ** 32) throw new Error(`the texts have ${total} characters, more than the index can address (2^30)`);
  const wide = grams.some((text) => text instanceof Uint32Array);
  const points = wide ? new Uint32Array(new SharedArrayBuffer(total * 4)) : new Uint16Array(new SharedArrayBuffer(total * 2));
  const starts = new Int32Array(new SharedArrayBuffer((grams.length + 1) * 4));
  for (let ordinal = 0, at = 0; ordinal < grams.length; ordinal++) {
    starts[ordinal] = at;
    points.set(grams[ordinal], at);
    at += grams[ordinal].length + 1;
  }
  starts[grams.length] = total;
  grams.fill(new Uint16Array(0));

  const expected = total * MAX_GRAM;
  const spill = expected > (options.inMemory ?? OCCURRENCES_IN_MEMORY) ? (options.spill ?? mkdtempSync(join(tmpdir(), 'index-search-'))) : undefined;
  const occurrences = new Occurrences(groups, expected, spill);
  const groupMask = groups - 1;
  for (let start = 0; start < total; start++) {
    let hash = FNV_OFFSET;
    for (let n = 0; n < MAX_GRAM; n++) {
      const point = points[start + n];
      if (point === 0) break;
      hash = fnvCodePoint(hash, point);
      occurrences.add(mix(hash) & groupMask, start * 4 + n);
    }
  }
  options.log?.(`search-exact: ${total} characters, n-grams noted${spill ? ' in temporary files' : ''} in ${seconds(started)}`);
  return { points, starts, occurrences };
}

/** Count the n-grams of one group (`list`: where they start, as `Occurrences` keeps them) and write its shards. */
export function countGroup(list: Uint32Array, points: Uint16Array | Uint32Array, starts: Int32Array, group: number, groups: number, shards: number, files: IndexFiles): void {
  const groupShift = Math.log2(groups);
  const count = list.length;
  const table = new GramTable(groupShift, count / 2);
  for (let at = 0, ordinal = 0; at < count; at++) {
    const start = list[at] >>> 2;
    const length = (list[at] & 3) + 1;
    while (starts[ordinal + 1] <= start) ordinal++;
    let hash = FNV_OFFSET;
    let a = 0;
    let b = 0;
    let wide = false;
    for (let n = 0; n < length; n++) {
      const point = points[start + n];
      hash = fnvCodePoint(hash, point);
      if (point > 0xffff) {
        wide = true;
      } else {
        if (n === 0) a = point << 16;
        else if (n === 1) a |= point;
        else if (n === 2) b = point << 16;
        else b |= point;
      }
    }
    const mixed = mix(hash);
    const entry = wide ? table.addWide(mixed, String.fromCodePoint(...points.subarray(start, start + length)), ordinal) : table.add(mixed, a, b, length, ordinal);
    if (length === MAX_GRAM) table.spots.push(entry, ordinal, start - starts[ordinal]);
  }
  writeGroup(table, group, groups, shards / groups, groupShift, shards, files);
}

const groupProgress = (group: number, groups: number, started: number, log?: (line: string) => void) => {
  if (log && groups >= 64 && (group + 1) % (groups / 4) === 0) log(`search-exact: postings group ${group + 1}/${groups} at ${seconds(started)}`);
};

/**
 * Write `postings/<n>.json` for every shard: the n-grams (1 to `MAX_GRAM`
 * characters, inside a block) of each report in `grams` (by ordinal).
 *
 * An n-gram's hash picks its shard, and the shard's low bits its group. One
 * pass over the texts notes where each group's n-grams start (4 bytes an
 * occurrence; in temporary files under `spill` when there are many); then
 * each group is counted with a table small enough to stay in the
 * processor's cache, and its shards written. Memory holds the texts (2 bytes
 * a character) and one group's postings.
 */
export function writePostings(
  grams: Grams[],
  shards: number,
  groups: number,
  files: IndexFiles,
  options: { log?: (line: string) => void; spill?: string; inMemory?: number } = {},
): void {
  const started = performance.now();
  const { points, starts, occurrences } = noteGrams(grams, shards, groups, options);
  try {
    for (let group = 0; group < groups; group++) {
      countGroup(occurrences.take(group), points, starts, group, groups, shards, files);
      groupProgress(group, groups, started, options.log);
    }
  } finally {
    occurrences.close();
  }
}

/**
 * `writePostings`, the groups counted in `workers` worker threads that share
 * the texts and write the shards into `folder` themselves. Same bytes.
 */
export async function writePostingsInWorkers(
  grams: Grams[],
  shards: number,
  groups: number,
  files: IndexFiles,
  folder: string,
  workers: number,
  options: { log?: (line: string) => void; spill?: string; inMemory?: number } = {},
): Promise<void> {
  const started = performance.now();
  const { points, starts, occurrences } = noteGrams(grams, shards, groups, options);
  for (const file of [postingsFile(0), positionsFile(0)]) mkdirSync(join(folder, dirname(file)), { recursive: true });
  let next = 0;
  let done = 0;
  try {
    await runInWorkers<{ group: number; list: Uint32Array }, Array<[string, string, number]>>({
      module: new URL('./count-worker.ts', import.meta.url),
      workerData: { points, starts, groups, shards, folder } satisfies CountWorkerData,
      size: workers,
      name: 'postings worker',
      next: () => {
        if (next >= groups) return undefined;
        const list = occurrences.take(next);
        return { message: { group: next++, list }, transfer: [list.buffer as ArrayBuffer] };
      },
      onResult: (written) => {
        for (const [path, digest, bytes] of written) files.record(path, digest, bytes);
        groupProgress(done++, groups, started, options.log);
      },
    });
  } finally {
    occurrences.close();
  }
}

/** What a counting worker (`count-worker.ts`) is started with: the texts, shared, and the index's shape. */
export interface CountWorkerData {
  points: Uint16Array | Uint32Array;
  starts: Int32Array;
  groups: number;
  shards: number;
  /** The staging folder the worker writes shards into. */
  folder: string;
}

/** The shards of one group (`group + k × groups`): keys sorted, postings encoded. */
function writeGroup(table: GramTable, group: number, groups: number, perGroup: number, groupShift: number, shards: number, files: IndexFiles): void {
  const byShard: number[][] = Array.from({ length: perGroup }, () => []);
  for (let entry = 0; entry < table.size; entry++) byShard[(table.hashes[entry] & (shards - 1)) >>> groupShift].push(entry);
  const keys: string[] = new Array(table.size);
  const order = new Int32Array(table.size);
  const shardEnds: number[] = [];
  let position = 0;
  for (const entries of byShard) {
    for (const entry of entries) keys[entry] = table.key(entry);
    entries.sort((x, y) => (keys[x] < keys[y] ? -1 : keys[x] > keys[y] ? 1 : 0));
    for (const entry of entries) order[position++] = entry;
    shardEnds.push(position);
  }
  table.finish();
  const rank = new Int32Array(table.size);
  for (let position = 0; position < order.length; position++) rank[order[position]] = position;
  const { starts, ordinals, values: counts } = table.counted.inOrder(rank, order.length);
  position = 0;
  for (let index = 0; index < perGroup; index++) {
    let out = '{';
    for (const first = position; position < shardEnds[index]; position++) {
      out += `${position > first ? ',' : ''}${JSON.stringify(keys[order[position]])}:"${encodePostings(ordinals, counts, starts[position], starts[position + 1])}"`;
    }
    files.add(postingsFile(group + index * groups), `${out}}`);
  }
  writePositions(table, keys, order, rank, group, groups, groupShift, shards * POSITION_SHARDS_PER_SHARD, files);
}

/** The position shards of one group (`group + k × groups` of `positionShards`): each `MAX_GRAM`-gram's starts, by report. */
function writePositions(table: GramTable, keys: string[], order: Int32Array, rank: Int32Array, group: number, groups: number, groupShift: number, positionShards: number, files: IndexFiles): void {
  const { starts: firsts, ordinals, values: spotStarts } = table.spots.inOrder(rank, order.length);
  const perGroup = positionShards / groups;
  const byShard: number[][] = Array.from({ length: perGroup }, () => []);
  for (let position = 0; position < order.length; position++) {
    if (firsts[position + 1] > firsts[position]) byShard[(table.hashes[order[position]] & (positionShards - 1)) >>> groupShift].push(position);
  }
  for (let index = 0; index < perGroup; index++) {
    const positions = byShard[index];
    positions.sort((x, y) => (keys[order[x]] < keys[order[y]] ? -1 : keys[order[x]] > keys[order[y]] ? 1 : 0));
    let out = '{';
    for (const [n, position] of positions.entries()) {
      out += `${n > 0 ? ',' : ''}${JSON.stringify(keys[order[position]])}:"${encodePositions(ordinals, spotStarts, firsts[position], firsts[position + 1])}"`;
    }
    files.add(positionsFile(group + index * groups), `${out}}`);
  }
}
