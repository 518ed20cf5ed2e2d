/**
 * Reports kept for review: a page that is clearly a report but whose
 * agency, region or year is not certain is not failed and not published. It
 * is kept in `<archive>/review/` (one file per source, `reviewFile`) with the
 * values ingest found, the fields a person must confirm, their candidates
 * and the evidence, until a manifest gives the missing certainty; then the
 * next ingest archives it under `reports/` and removes the review file.
 *
 * `reviewManifest` turns the review files into a manifest (CSV) with the
 * candidates filled in, for a person to correct and give back with
 * `npm run ingest -- --manifest <file>`.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { readFrontmatter } from '../../src/archive/frontmatter.ts';
import { REVIEW_DIR, reviewFile } from '../../src/archive/layout.ts';
import { EXTRACTED_FIELDS } from '../../src/schema/report.ts';
import type { Metadata } from './metadata/index.ts';
import { writeIfChanged } from '../../src/archive/atomic.ts';

/** What a review file holds besides the report's text. */
export interface ReviewEntry {
  /** The review file. */
  file: string;
  /** Every extracted field (null where not found or not certain enough to fill in). */
  data: Record<string, unknown>;
  sourceFile: string;
  /** The fields a person must confirm. */
  needsReview: string[];
  /** Their candidates, best first, as a manifest takes them. */
  candidates: Record<string, string[]>;
  /** How each value was found. */
  evidence: Record<string, string>;
  warnings: string[];
}

/** Write the review file of one source: what ingest found, what is not certain, and the text. Returns whether it changed. */
export function writeReview(archive: string, entry: Omit<ReviewEntry, 'file'>, markdown: string): boolean {
  const front: Record<string, unknown> = {};
  for (const field of EXTRACTED_FIELDS) front[field] = entry.data[field] ?? null;
  if (entry.data.titleSupplied) front.titleSupplied = true;
  front.sourceFile = entry.sourceFile;
  if (entry.data.traditional) front.traditional = true;
  front.needsReview = entry.needsReview;
  if (Object.keys(entry.candidates).length > 0) front.candidates = entry.candidates;
  front.evidence = entry.evidence;
  if (entry.warnings.length > 0) front.warnings = entry.warnings;
  const yaml = stringifyYaml(front, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return writeIfChanged(reviewFile(archive, entry.sourceFile), `---\n${yaml}---\n\n${markdown.trimEnd()}\n`);
}

/** Remove the review file of a source once its report is archived; returns whether there was one. */
export function clearReview(archive: string, sourceFile: string): boolean {
  const file = reviewFile(archive, sourceFile);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

/** The review entry of ingest's findings for one file. */
export function reviewEntryOf(metadata: Metadata, data: Record<string, unknown>, sourceFile: string, fields: string[]): Omit<ReviewEntry, 'file'> {
  return {
    data,
    sourceFile,
    needsReview: fields,
    candidates: metadata.candidates,
    evidence: Object.fromEntries(Object.entries(metadata.evidence).map(([field, { rule, from }]) => [field, `${rule}: ${from}`])),
    warnings: metadata.warnings,
  };
}

/** Every review file in the archive, by name. Files that cannot be read are named in `problems`. */
export function readReviews(archive: string): { entries: ReviewEntry[]; problems: string[] } {
  const folder = join(archive, REVIEW_DIR);
  const entries: ReviewEntry[] = [];
  const problems: string[] = [];
  if (!existsSync(folder)) return { entries, problems };
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
    const file = join(folder, name);
    try {
      const { data } = readFrontmatter(readFileSync(file, 'utf8'));
      if (typeof data.sourceFile !== 'string' || !Array.isArray(data.needsReview)) throw new Error('no sourceFile or needsReview');
      entries.push({
        file,
        data,
        sourceFile: data.sourceFile,
        needsReview: data.needsReview.map(String),
        candidates: (data.candidates as Record<string, string[]>) ?? {},
        evidence: (data.evidence as Record<string, string>) ?? {},
        warnings: Array.isArray(data.warnings) ? data.warnings.map(String) : [],
      });
    } catch (error) {
      problems.push(`${file}: not a review file ingest wrote (${(error as Error).message.split('\n')[0]}); remove it, or ingest its source again`);
    }
  }
  return { entries, problems };
}

/** The manifest's columns: what a manifest takes, then the two it only shows (the fields to confirm, their candidates). */
export const REVIEW_COLUMNS = ['file', 'url', 'title', 'agency', 'regionCode', 'level', 'year', 'date', 'needsReview', 'candidates'] as const;

/**
 * A manifest (CSV) of the review entries, for `manifest` (its folder is where
 * `file` paths start): each row the values ingest found, the best candidate
 * where it found none, the fields to confirm and every candidate. A value
 * that is not certain ends with `?`: ingest refuses it until a person has
 * checked it and removed the mark, so nothing goes back unconfirmed.
 */
export function reviewManifest(archive: string, entries: ReviewEntry[], manifest: string): string {
  const rows = entries.map((entry) => {
    const unsure = new Set(entry.needsReview.map((field) => (field === 'region' ? 'regionCode' : field)));
    // An agency's official name and its level follow its region: left to ingest once the region is confirmed.
    const follows = unsure.has('regionCode') ? ['agency', 'level'].filter((field) => unsure.has(field)) : [];
    const value = (field: string) => {
      if (follows.includes(field)) return '';
      let found = entry.data[field];
      if (field === 'regionCode' && (found === null || found === undefined)) found = /\s(\d{6})$/.exec(entry.candidates.region?.[0] ?? '')?.[1];
      if (found === null || found === undefined || found === '') return '';
      return unsure.has(field) ? `${found}?` : String(found);
    };
    const cells: Record<(typeof REVIEW_COLUMNS)[number], string> = {
      file: relative(dirname(manifest), join(archive, entry.sourceFile)).split('\\').join('/'),
      url: value('source'),
      title: entry.data.titleSupplied ? '' : value('title'),
      agency: value('agency'),
      regionCode: value('regionCode'),
      level: value('level'),
      year: value('year'),
      date: value('date'),
      needsReview: entry.needsReview.join(' '),
      candidates: [
        ...Object.entries(entry.candidates).map(([field, list]) => `${field}: ${list.join('; ')}`),
        ...follows.map((field) => `${field}: ${entry.data[field] ?? '?'} (follows the region; leave it empty, or give it)`),
      ].join(' | '),
    };
    return REVIEW_COLUMNS.map((column) => csvCell(cells[column])).join(',');
  });
  return `${[REVIEW_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
