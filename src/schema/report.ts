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

/**
 * YAML turns an unquoted 2019-01-30 into a Date; a hand edit may do that.
 * Accept it and keep the calendar day as written.
 */
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(ISO_DATE, { message: 'expected a date written YYYY-MM-DD' }),
);

export const reportSchema = z.object({
  /**
   * The title as the document gives it; a title split over lines is joined.
   * When the page shows none, one devised from the agency and year, in
   * brackets (〔…〕), with `titleSupplied`.
   */
  title: z.string().trim().min(1, { message: 'a report needs a title' }),
  /** The title was devised by ingest, not the document's own. */
  titleSupplied: z.boolean().optional(),
  /** The reporting body's official name (a joint report names both bodies, joined with 、). */
  agency: z.string().trim().min(1, { message: 'a report needs its reporting body' }),
  /** Administrative path, e.g. 上海市宝山区 or 重庆市云阳县凤鸣镇. */
  region: z.string().trim().min(1, { message: 'a report needs its region' }),
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
  docNumber: z.string().nullish(),
  /** 索引号, where shown. */
  indexNumber: z.string().nullish(),
  /** The office that published the page (来源 / 发布机构); often not the reporting body. */
  publisher: z.string().nullish(),
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
