/**
 * The one schema for a report's frontmatter.
 *
 * Used by the content collection (`src/content.config.ts`) to validate every
 * Markdown file in `content/reports/`, and by ingest (`scripts/ingest/write.ts`)
 * before it writes one, so a file ingest writes is a file the site accepts.
 *
 * `z` comes from `astro/zod`, which plain Node scripts can import too.
 */
import { z } from 'astro/zod';

/** Administrative level of the reporting body. */
export const LEVELS = ['中央部委', '省', '市', '县区', '部门', '乡镇街道'] as const;
export type Level = (typeof LEVELS)[number];

/** Where `date` came from: the page's publication date, or the 落款 signing date. */
export const DATE_SOURCES = ['published', 'signed'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` naming a day of the calendar: 2024-02-29 is one, 2023-02-30 and 2023-13-45 are not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date written YYYY-MM-DD. A YAML 1.1 reader turns an unquoted
 * 2019-01-30 into a Date; accept one and keep the calendar day as written.
 */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(ISO_DATE, { message: 'expected a date written YYYY-MM-DD' })
    .refine(isCalendarDate, { message: 'not a day of the calendar (month 01–12, and a day that month has)' }),
);

/** The longest title a report may have: real ones are under 100 characters; a longer one is a paragraph taken for a title. */
export const MAX_TITLE_LENGTH = 200;
/** The longest name of a reporting body (a joint report names two or three). */
export const MAX_AGENCY_LENGTH = 100;
/** The longest short text field (publisher, 发文字号, 索引号, region). */
export const MAX_FIELD_LENGTH = 200;

const bounded = (max: number) => ({ message: `longer than ${max} characters; no report has one that long: check the value (or give it in a manifest)` });

export const reportSchema = z.object({
  /**
   * The title as the document gives it; a title split over lines is joined.
   * When the page shows none, one devised from the agency and year, in
   * brackets (〔…〕), with `titleSupplied`.
   */
  title: z.string().trim().min(1, { message: 'a report needs a title' }).max(MAX_TITLE_LENGTH, bounded(MAX_TITLE_LENGTH)),
  /** The title was devised by ingest, not the document's own. */
  titleSupplied: z.boolean().optional(),
  /** The reporting body's official name (a joint report names both bodies, joined with 、). */
  agency: z.string().trim().min(1, { message: 'a report needs its reporting body' }).max(MAX_AGENCY_LENGTH, bounded(MAX_AGENCY_LENGTH)),
  /** Administrative path, e.g. 上海市宝山区 or 重庆市云阳县凤鸣镇. */
  region: z.string().trim().min(1, { message: 'a report needs its region' }).max(MAX_FIELD_LENGTH, bounded(MAX_FIELD_LENGTH)),
  /** GB/T 2260 code of the region (of the county for a 乡镇街道). */
  regionCode: z.string().regex(/^\d{6}$/, { message: 'expected a six-digit GB/T 2260 code' }),
  level: z.enum(LEVELS),
  /** The year the report covers, not the year it was published. */
  year: z.number().int().min(2000).max(2100),
  /** Publication date, else the signing date; `dateSource` says which. Absent when the page states neither: never guessed. */
  date: isoDate.nullish(),
  dateSource: z.enum(DATE_SOURCES).nullish(),
  /** 成文日期 / the date in the 落款, where shown. */
  signedDate: isoDate.nullish(),
  /** 发文字号, where shown. */
  docNumber: z.string().max(MAX_FIELD_LENGTH, bounded(MAX_FIELD_LENGTH)).nullish(),
  /** 索引号, where shown. */
  indexNumber: z.string().max(MAX_FIELD_LENGTH, bounded(MAX_FIELD_LENGTH)).nullish(),
  /** The office that published the page (来源 / 发布机构); often not the reporting body. */
  publisher: z.string().max(MAX_FIELD_LENGTH, bounded(MAX_FIELD_LENGTH)).nullish(),
  /** Where the text came from, where known (http or https only: it becomes a link). */
  source: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).nullish(),
  /** The raw file this report was made from, relative to `content/`. */
  sourceFile: z.string().min(1),
  /** Written in traditional characters (a big5 mirror), kept as written. */
  traditional: z.boolean().optional(),
  /**
   * Fields corrected by hand: ingest never overwrites these on a re-run.
   * List field names, e.g. [agency, year].
   */
  locked: z.array(z.string()).optional(),
})
  .refine((r) => !r.date || r.date >= `${r.year}-01-01`, {
    path: ['date'],
    message: 'the date is before the year the report covers; check year and date',
  })
  .refine((r) => !r.date === !r.dateSource, {
    path: ['dateSource'],
    message: 'a date needs its dateSource (published or signed), and only a date has one',
  });

export type ReportData = z.infer<typeof reportSchema>;
export type ReportField = keyof ReportData;

/** Every frontmatter field, in the schema's order: the order ingest writes them in. */
export const REPORT_FIELDS = Object.keys(reportSchema.shape) as ReportField[];

/** The archive's own bookkeeping, not facts about the report. */
const BOOKKEEPING_FIELDS: readonly ReportField[] = ['titleSupplied', 'sourceFile', 'traditional', 'locked'];

/** What ingest finds out about a report (and a person may correct): every field but the bookkeeping. */
export const EXTRACTED_FIELDS = REPORT_FIELDS.filter((field) => !BOOKKEEPING_FIELDS.includes(field)) as Array<Exclude<ReportField, 'titleSupplied' | 'sourceFile' | 'traditional' | 'locked'>>;
export type ExtractedField = (typeof EXTRACTED_FIELDS)[number];

/** The extracted fields a report cannot be archived without (the schema requires them). */
export const REQUIRED_FIELDS = EXTRACTED_FIELDS.filter((field) => !reportSchema.shape[field].safeParse(undefined).success);
