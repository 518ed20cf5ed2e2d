/**
 * The ingest pipeline, composed in one place:
 *
 *   read (decode) → strip (page chrome) → findMetadata → structure (headings) → write
 *
 * A report whose agency, region or year (or any value it shows) is not
 * certain is kept for review (`review.ts`), not archived under `reports/`
 * and not failed.
 *
 * A failing file never stops the batch: its error is recorded in its result and
 * the next file goes on. Nothing here prints; the command line reports.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { EXTRACTED_FIELDS, REQUIRED_FIELDS, type ReportData } from '../../src/schema/report.ts';
import { mergeCorrections, readState, writeState, type State, type Values } from './corrections.ts';
import { Archive, type ArchivedReport } from './archive-index.ts';
import { IngestError } from './errors.ts';
import { GIVEN_FIELDS } from './manifest.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { regionForCode } from '../../src/archive/regions.ts';
import { findMetadata, type Hints, type Metadata } from './metadata/index.ts';
import { readSource } from './read.ts';
import { clearReview, reviewEntryOf, writeReview } from './review.ts';
import { strip } from './strip.ts';
import { structure, type Section } from './structure.ts';
import { isTraditional, toSimplified } from './traditional.ts';
import { regionFromUrl } from './url-hint.ts';
import {
  agencyKey, renderFile, toMarkdown, validate, writeAtomic,
} from './write.ts';
import { reportFile, sourcePath } from '../../src/archive/layout.ts';

export interface IngestOptions {
  /** The archive folder (default: content). */
  archiveDir: string;
  /** Write nothing. */
  dryRun?: boolean;
  /** Archive a page even when it does not look like an annual report. */
  force?: boolean;
  /** Known values per input file (from a manifest or --url), keyed by resolved path. */
  hints?: Map<string, Hints>;
  /** Largest source file accepted, in bytes (default: read.ts's DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

/** What a run found beyond the files it was given. */
export interface RunNotes {
  /** Reports kept in the archive although their source file is gone. */
  orphans: { id: string; sourceFile: string }[];
}

export type Status = 'converted' | 'updated' | 'unchanged' | 'needs-review' | 'not-report' | 'duplicate' | 'failed' | 'checked';

export interface FileResult {
  /** The path as given. */
  file: string;
  status: Status;
  /** The report's id in the archive (2018/310113-rmzf), when written or found. */
  id: string | null;
  metadata: Metadata | null;
  sections: Section[];
  /** Why the file was not archived (failed, kept for review, not a report, duplicate). */
  message: string | null;
  /** Machine-readable reason for a failure. */
  code: string | null;
  warnings: string[];
  encoding: string | null;
}

/** Analyse one file: everything but writing. */
export async function analyse(file: string, hints: Hints = {}, maxBytes?: number): Promise<{ metadata: Metadata; sections: Section[]; markdown: string; warnings: string[]; encoding: string; traditional: boolean }> {
  const decoded = await readSource(file, { maxBytes });
  const warnings = [...decoded.warnings];
  let text = decoded.text;
  let meta: Record<string, string> = {};
  if (looksLikeHtml(text) || /\.html?$/i.test(file)) {
    const page = htmlToText(text);
    text = page.text;
    meta = page.meta;
  }
  const traditional = isTraditional(text);
  const readable = traditional ? toSimplified(text) : text;
  const zones = strip(text, readable);
  const urlRegion = hints.url ? regionFromUrl(hints.url) : null;
  const metadata = findMetadata({ stripped: zones.raw, readable: zones.readable, hints: { ...hints, meta: { ...meta, ...hints.meta }, urlRegion } });
  const structured = structure(zones.raw.body);
  if (zones.raw.body.length === 0) throw new IngestError('no-report', `${file}: no report text found (no paragraph of prose and no 一、 heading); check that it is a report page, or give the report's text`);
  return {
    metadata,
    sections: structured.sections,
    markdown: toMarkdown(structured.tree),
    warnings: [...warnings, ...metadata.warnings, ...structured.warnings],
    encoding: decoded.encoding,
    traditional,
  };
}

/** Ingest a batch of files into the archive (or only analyse them, with dryRun). */
export async function ingest(files: string[], options: IngestOptions): Promise<FileResult[]> {
  return (await ingestWithNotes(files, options)).results;
}

export async function ingestWithNotes(files: string[], options: IngestOptions): Promise<{ results: FileResult[]; notes: RunNotes }> {
  const archive = Archive.read(options.archiveDir);
  const state = readState(options.archiveDir);
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await ingestOne(file, archive, state, options));
  }
  if (!options.dryRun && Object.keys(state).length > 0) writeState(options.archiveDir, state);
  // A report whose source is gone stays in the archive; say so.
  const orphans = archive.reports
    .filter((r) => typeof r.data.sourceFile === 'string' && !existsSync(join(options.archiveDir, r.data.sourceFile as string)))
    .map((r) => ({ id: r.id, sourceFile: r.data.sourceFile as string }));
  return { results, notes: { orphans } };
}

/** The locked fields of an archived report, as hints for the next analysis. */
function lockedHints(data: Values | undefined): Hints {
  const locked = Array.isArray(data?.locked) ? (data!.locked as string[]) : [];
  const hints: Record<string, unknown> = {};
  for (const [field, hint] of GIVEN_FIELDS) {
    const value = data?.[field];
    if (!locked.includes(field) || value === null || value === undefined) continue;
    hints[hint] = field === 'year' ? Number(value) : field === 'level' ? value : String(value);
  }
  return hints as Hints;
}

/**
 * Values given for this file, as frontmatter fields. A given regionCode
 * gives its region's path, or the township `found` names within it (a
 * 乡镇街道's code is its county's).
 */
function givenValues(hints: Hints, found: Metadata): Values {
  const given: Values = {};
  for (const [field, hint] of GIVEN_FIELDS) if (field !== 'regionCode' && hints[hint]) given[field] = hints[hint];
  const region = hints.regionCode ? regionForCode(hints.regionCode) : undefined;
  if (region) {
    given.regionCode = region.code;
    given.region = found.regionCode === region.code && found.region?.startsWith(region.path) ? found.region : region.path;
  }
  return given;
}

async function ingestOne(file: string, archive: Archive, state: State, options: IngestOptions): Promise<FileResult> {
  const result: FileResult = { file, status: 'failed', id: null, metadata: null, sections: [], message: null, code: null, warnings: [], encoding: null };
  const given = options.hints?.get(resolve(file)) ?? {};
  const archiveDir = options.archiveDir;
  const inside = isInside(archiveDir, file);
  let sourceFile: string | null = null;
  try {
    sourceFile = inside ? sourcePath(archiveDir, file) : importedSourcePath(archiveDir, file);
  } catch {
    // Unreadable: analyse() below reports it.
  }
  const previous = sourceFile ? archive.bySourceFile(sourceFile) : undefined;
  // Locked values of the report already archived count as given, so what depends on them (agency, level) follows.
  const hints: Hints = { ...lockedHints(previous?.data), ...given };
  let analysed;
  try {
    analysed = await analyse(file, hints, options.maxBytes);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    result.code = error.code;
    result.message = error.message;
    return result;
  }
  const { metadata } = analysed;
  Object.assign(result, { metadata, sections: analysed.sections, warnings: analysed.warnings, encoding: analysed.encoding });

  if (!metadata.isReport && !options.force) {
    result.status = 'not-report';
    result.code = 'not-report';
    result.message = `${file}: not an annual report: ${metadata.notReportReason}; not archived (pass --force to archive it anyway)`;
    return result;
  }
  const extracted: Values = {
    ...Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, metadata[f] ?? null])),
    sourceFile: sourceFile!,
    traditional: analysed.traditional || undefined,
  };
  const merged = mergeCorrections({
    extracted,
    given: givenValues(given, metadata),
    previous: previous?.data,
    lastExtracted: previous ? state[previous.id] : undefined,
  });
  result.warnings.push(...merged.notes);
  const draft = merged.data;
  const locked = new Set(Array.isArray(draft.locked) ? (draft.locked as string[]) : []);
  // A title a person gave or corrected is theirs, not a devised one.
  if (metadata.titleSupplied && !locked.has('title')) draft.titleSupplied = true;
  // What a person gave or corrected is certain; what is still not certain, or missing, waits for review.
  const uncertain = metadata.needsReview.filter((field) => !locked.has(field));
  const missing = REQUIRED_FIELDS.filter((field) => draft[field] === null || draft[field] === undefined);
  // A missing regionCode is a missing region: one field for a person to give.
  const toReview = [...new Set([...uncertain, ...missing.map((field) => (field === 'regionCode' ? 'region' : field))])];
  result.metadata = { ...metadata, needsReview: uncertain, ...(Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, draft[f]])) as Partial<Metadata>) };
  if (toReview.length > 0) return keepForReview(result, { file, draft, metadata, fields: toReview, sourceFile: sourceFile!, previous, archive, options, inside, markdown: analysed.markdown });

  const key = agencyKey(String(draft.agency), String(draft.regionCode));
  const placement = archive.place(draft as Pick<ReportData, 'agency' | 'regionCode' | 'year' | 'sourceFile'>, analysed.markdown, key);
  if (placement.kind === 'duplicate') {
    result.status = 'duplicate';
    result.code = 'duplicate';
    result.id = placement.of.id;
    result.message = `${file}: a duplicate: ${placement.reason}; not archived again (remove the other copy, or give this one a different agency or year in a manifest)`;
    return result;
  }
  result.id = placement.id;
  let data: ReportData;
  try {
    data = validate(draft, file);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    result.code = error.code;
    result.message = error.message;
    return result;
  }
  if (options.dryRun) {
    result.status = 'checked';
    return result;
  }
  copySource(file, data.sourceFile, archiveDir, inside);
  state[placement.id] = Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, extracted[f] ?? null]));
  const changed = writeAtomic(reportFile(archiveDir, placement.id), renderFile(data, analysed.markdown));
  if (clearReview(archiveDir, data.sourceFile)) result.warnings.push(`its review entry is settled: archived as ${placement.id}`);
  result.status = placement.kind === 'new' ? 'converted' : changed ? 'updated' : 'unchanged';
  if (placement.kind === 'new') archive.add({ id: placement.id, file: reportFile(archiveDir, placement.id), data, body: analysed.markdown });
  return result;
}

interface ReviewCase {
  file: string;
  draft: Values;
  metadata: Metadata;
  /** The fields not certain, or missing. */
  fields: string[];
  sourceFile: string;
  previous: ArchivedReport | undefined;
  archive: Archive;
  options: IngestOptions;
  inside: boolean;
  markdown: string;
}

/**
 * Keep a report that is not certain for review: its findings, candidates and
 * text in `review/`, nothing under `reports/`. A report archived before
 * (complete then, or corrected by hand) stays as it is.
 */
function keepForReview(result: FileResult, { file, draft, metadata, fields, sourceFile, previous, archive, options, inside, markdown }: ReviewCase): FileResult {
  const what = fields.join(', ');
  if (previous) {
    result.status = 'unchanged';
    result.id = previous.id;
    result.warnings.push(`this run finds ${what} not certain; the archived report ${previous.id} is kept as it is (correct it by hand if it is wrong)`);
    return result;
  }
  const same = archive.sameText(markdown);
  if (same) {
    result.status = 'duplicate';
    result.code = 'duplicate';
    result.id = same.id;
    result.message = `${file}: a duplicate: the same text as ${same.id} (from ${same.data.sourceFile}); not kept again`;
    return result;
  }
  result.status = 'needs-review';
  result.code = 'needs-review';
  result.message = `${file}: kept for review: ${what} not certain; not published until a person confirms ${fields.length > 1 ? 'them' : 'it'} (npm run review writes a manifest to fill in)`;
  if (options.dryRun) return result;
  copySource(file, sourceFile, options.archiveDir, inside);
  writeReview(options.archiveDir, reviewEntryOf(metadata, draft, sourceFile, fields), markdown);
  return result;
}

/** Keep a copy of a source given from outside the archive under `sources/imported/`. */
function copySource(file: string, sourceFile: string, archiveDir: string, inside: boolean): void {
  if (inside) return;
  const target = join(archiveDir, sourceFile);
  mkdirSync(dirname(target), { recursive: true });
  if (!existsSync(target)) copyFileSync(file, target);
}

/**
 * Where a source from outside the archive is kept: sources/imported/<name>,
 * with -2, -3 … when another file already has that name.
 */
function importedSourcePath(archiveDir: string, file: string): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  const bytes = readFileSync(file);
  for (let n = 1; ; n++) {
    const candidate = `sources/imported/${stem}${n === 1 ? '' : `-${n}`}${ext}`;
    const target = join(archiveDir, candidate);
    if (!existsSync(target) || readFileSync(target).equals(bytes)) return candidate;
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}
