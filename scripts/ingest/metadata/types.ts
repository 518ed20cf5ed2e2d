/**
 * Types shared by the metadata rules: what a user gives (Hints), what a rule
 * finds (a value with its evidence and whether it is certain), and the result.
 */
import type { ExtractedField, ReportData } from '../../../src/schema/report.ts';
import type { Region } from '../../../src/archive/regions.ts';

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** What a user already knows about a file (manifest row, --url, a locked value); given values win. */
export interface Hints extends Partial<Nullable<Pick<ReportData, 'title' | 'agency' | 'region' | 'regionCode' | 'level' | 'year' | 'date'>>> {
  /** The page's URL (the report's `source`). */
  url?: string | null;
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
export type ReviewField = Extract<ExtractedField, 'title' | 'agency' | 'region' | 'level' | 'year' | 'date'>;

/** Every frontmatter field ingest extracts (null where not found), and what ingest found out about the page. */
export interface Metadata extends Nullable<Required<Pick<ReportData, ExtractedField>>> {
  isReport: boolean;
  notReportReason: string | null;
  /**
   * The title was devised from the agency and year (the page shows none), in
   * brackets as catalogues write a devised title; not the document's own.
   */
  titleSupplied: boolean;
  /**
   * Fields whose value is not certain (a guess, a conflict, or missing where
   * the report needs it): a person must confirm them. Empty when all are certain.
   */
  needsReview: ReviewField[];
  /**
   * The values an uncertain field may take, best first, each as it would be
   * given in a manifest (a region as `path code`): what a person chooses from.
   */
  candidates: Partial<Record<ReviewField, string[]>>;
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
