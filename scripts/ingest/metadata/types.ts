/**
 * Types shared by the metadata rules: what a user gives (Hints), what a rule
 * finds (a value with its evidence and whether it is certain), and the result.
 */
import type { DateSource, Level } from '../../../src/schema/report.ts';
import type { Region } from '../regions.ts';

/** What a user already knows about a file (manifest row, --url); given values win. */
export interface Hints {
  url?: string | null;
  title?: string | null;
  agency?: string | null;
  region?: string | null;
  regionCode?: string | null;
  level?: Level | null;
  year?: number | null;
  date?: string | null;
  /** A region implied by the URL (see url-hint.ts), used as evidence, not as a given value. */
  urlRegion?: Region | null;
  /** Page <meta> values from a saved HTML page (ArticleTitle, PubDate, ContentSource, SiteIDCode). */
  meta?: Record<string, string>;
}

/** Which rule decided a value, and the text it read. */
export interface Evidence {
  rule: string;
  from: string;
}

/** A value a rule found, with its evidence and whether the evidence makes it certain. */
export interface Found<T> extends Evidence {
  value: T;
  certain: boolean;
}

/** Fields that can be uncertain (the names used in `needsReview`). */
export type ReviewField = 'title' | 'agency' | 'region' | 'level' | 'year' | 'date';

export interface Metadata {
  isReport: boolean;
  notReportReason: string | null;
  title: string | null;
  /**
   * The title was devised from the agency and year (the page shows none), in
   * brackets as catalogues write a devised title; not the document's own.
   */
  titleSupplied: boolean;
  agency: string | null;
  region: string | null;
  regionCode: string | null;
  level: Level | null;
  year: number | null;
  date: string | null;
  dateSource: DateSource | null;
  signedDate: string | null;
  docNumber: string | null;
  indexNumber: string | null;
  publisher: string | null;
  source: string | null;
  /**
   * Fields whose value is not certain (a guess, a conflict, or missing where
   * the report needs it): a person must confirm them. Empty when all are certain.
   */
  needsReview: ReviewField[];
  /** Damage a mirror or document site did to the text (spam, watermarks, masked names, …), one line each. */
  damage: string[];
  evidence: Record<string, Evidence>;
  warnings: string[];
}

/** One line of the page: as written, and as the rules read it (simplified, damage removed). */
export interface Line {
  /** Line as written (damage such as watermarks and pinyin residue removed). */
  raw: string;
  /** Line as the rules read it (simplified when the text is traditional). */
  text: string;
}
