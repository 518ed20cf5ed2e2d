/**
 * One report, ready to index: what the catalog keeps of it, the headings
 * Pagefind gets, and its normalised text as code points with a 0 after each
 * block, which n-grams are taken from (so no n-gram spans two blocks).
 */
import { createHash } from 'node:crypto';
import type { CatalogFacts, SectionRow } from '../../src/search/format.ts';
import { normalise } from '../../src/search/normalise.ts';
import type { ExtractedReport } from './read-page.ts';

/** Normalised characters of a report's blocks as code points, 0 after each block: what n-grams are taken from. */
export type Grams = Uint16Array | Uint32Array;

/** A report as the index keeps it. */
export interface PreparedReport {
  id: string;
  title: string;
  facts: CatalogFacts;
  /** Region, for Pagefind. */
  region: string;
  /** Texts of the headings down to `PAGEFIND_HEADING_DEPTH` (一、 and （一）), in order, for Pagefind. */
  headings: string[];
  grams: Grams;
  /** Digest of the text file's contents. */
  textDigest: string;
}

/** Pagefind gets headings down to `<h3>` (一、, （一）); the many `<h4>` items (1、) would double its memory. */
export const PAGEFIND_HEADING_DEPTH = 3;

/** Reports are numbered by ordinal, in the order of their ids. */
export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const digestOf = (contents: string) => createHash('sha256').update(contents).digest('hex').slice(0, 20);

export function gramsOf(sections: SectionRow[]): Grams {
  const points: number[] = [];
  let wide = false;
  for (const [, , blocks] of sections) {
    for (const block of blocks) {
      const norm = normalise(block);
      if (norm === '') continue;
      for (const char of norm) {
        const point = char.codePointAt(0) as number;
        if (point > 0xffff) wide = true;
        points.push(point);
      }
      points.push(0);
    }
  }
  return wide ? Uint32Array.from(points) : Uint16Array.from(points);
}

/** A report's text file and what the index keeps of it. */
export function prepareReport(report: ExtractedReport): { prepared: PreparedReport; text: string } {
  const text = JSON.stringify(report.sections);
  const { record } = report;
  return {
    text,
    prepared: {
      id: record.id,
      title: record.title,
      facts: {
        id: record.id,
        year: record.year,
        province: record.province,
        city: record.city,
        agency: record.agency,
        level: record.level,
        date: record.date,
      },
      region: record.region,
      headings: report.sections.filter(([id, depth, blocks]) => id !== '' && depth <= PAGEFIND_HEADING_DEPTH && blocks.length > 0).map(([, , blocks]) => blocks[0]),
      grams: gramsOf(report.sections),
      textDigest: digestOf(text),
    },
  };
}

