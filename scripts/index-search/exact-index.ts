/**
 * The exact index's catalog, and the whole index of a set of reports built
 * in memory as one segment (for tests and small archives).
 */
import { encodeCatalog, encodeRuns, segmentFile, textFile, type CatalogFacts, type CatalogFile, type SegmentEntry } from '../../src/search/format.ts';
import { IndexFiles } from './index-files.ts';
import type { Options } from './index-site.ts';
import { writePostings } from './postings.ts';
import { byId, digestOf, prepareReport } from './prepare.ts';
import type { ExtractedReport } from './read-page.ts';
import { MANIFEST, segmentFiles, type SegmentInput } from './segments.ts';

/** The catalog of reports' `facts` (by ordinal) and the segments that hold them; its version is a digest of the rest. */
export function catalogFile(facts: CatalogFacts[], base: string, segments: SegmentEntry[]): CatalogFile {
  const catalog = encodeCatalog(facts, base, segments);
  catalog.version = digestOf(JSON.stringify(catalog));
  return catalog;
}

/** Build the exact-match index of `reports` (any order; sorted here by id) in memory, as one segment. Returns file path → contents. */
export function buildExactIndex(reports: ExtractedReport[], base: string, options: Pick<Options, 'shards' | 'groups' | 'inMemory'> = {}): Map<string, string> {
  const files = new Map<string, string>();
  const segment = new IndexFiles((path, contents) => files.set(path, contents));
  const sorted = [...reports].sort((a, b) => byId(a.record, b.record));
  const prepared = sorted.map((report) => prepareReport(report));
  const inputs = prepared.map(({ prepared: one, text }): SegmentInput => ({
    row: [one.id, one.title],
    held: [one.id, '', one.headings, [], one.textDigest, Buffer.byteLength(text)],
    grams: one.grams,
    text: { contents: text },
  }));
  const { manifest, grams, shards, groups } = segmentFiles(inputs, segment, ({ text }, local) => 'contents' in text && files.set(textFile(local), text.contents), options);
  writePostings(grams, shards, groups, segment, { inMemory: options.inMemory });
  const name = segment.version(`${shards}`);
  const out = new Map<string, string>();
  files.set(MANIFEST, manifest);
  for (const [path, contents] of files) out.set(segmentFile(name, path), contents);
  const ordinals = prepared.map((_, ordinal) => ordinal);
  const catalog = catalogFile(
    prepared.map(({ prepared: one }) => one.facts),
    base,
    [{ name, count: prepared.length, shards, ordinals: encodeRuns(ordinals) }],
  );
  out.set('catalog.json', JSON.stringify(catalog));
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
