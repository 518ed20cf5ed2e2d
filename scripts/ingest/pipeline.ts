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
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { EXTRACTED_FIELDS, REQUIRED_FIELDS, type ReportData } from '../../src/schema/report.ts';
import { mergeCorrections, type Values } from './corrections.ts';
import { Archive, type ArchivedReport } from './archive-index.ts';
import { checkText } from './check.ts';
import { IngestError } from './errors.ts';
import { GIVEN_FIELDS, isHttpUrl, shownUrl } from './manifest.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { lockArchive, type Lock } from './lock.ts';
import { regionForCode } from '../../src/archive/regions.ts';
import { findMetadata, type Hints, type Metadata } from './metadata/index.ts';
import { formatCharactersNote, readSource, removeFormatCharacters, type Decoded } from './read.ts';
import { clearReview, reviewEntryOf, writeReview } from './review.ts';
import { IngestState } from './state.ts';
import { strip } from './strip.ts';
import { structure, type Section } from './structure.ts';
import { isTraditional, toSimplified } from './traditional.ts';
import { regionFromUrl } from './url-hint.ts';
import {
  agencyKey, describeWriteError, extraFields, renderFile, toMarkdown, validate,
} from './write.ts';
import { writeIfChanged, writeWhole } from '../../src/archive/atomic.ts';
import { reportFile, reviewFile, sourcePath } from '../../src/archive/layout.ts';

/** The most headings one report may have: real reports have tens, a few hundred at most. */
export const MAX_HEADINGS = 1000;
/** The longest file name a source may be kept under, in bytes (most file systems allow 255). */
const MAX_NAME_BYTES = 255;

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
  /** About the archive as a whole: unreadable reports, the state file, a lock taken over. */
  warnings: string[];
  /** Why nothing was done (another ingest holds the archive, the archive cannot be written), if so. */
  fatal: string | null;
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

/** What analysing one file gives: everything but writing. */
export interface Analysed {
  metadata: Metadata;
  sections: Section[];
  markdown: string;
  warnings: string[];
  encoding: string;
  traditional: boolean;
}

/** Analyse one file: everything but writing. */
export async function analyse(file: string, hints: Hints = {}, maxBytes?: number): Promise<Analysed> {
  return analyseDecoded(file, await readSource(file, { maxBytes }), hints);
}

/** Analyse a file already read and decoded (read.ts). */
export function analyseDecoded(file: string, decoded: Decoded, hints: Hints = {}): Analysed {
  const warnings = [...decoded.warnings];
  let text = decoded.text;
  let meta: Record<string, string> = {};
  if (looksLikeHtml(text) || /\.html?$/i.test(file)) {
    let page;
    try {
      page = htmlToText(text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new IngestError(
        'too-deep',
        `${file}: the page nests its elements too deeply to be read (${error.message}); no report page does that: save the report's text as a .txt file and ingest that`,
      );
    }
    // Character references (&#x202e;) become format characters only now.
    const visible = removeFormatCharacters(page.text);
    text = visible.text;
    const note = formatCharactersNote(file, visible.removed);
    if (note) warnings.push(note);
    meta = Object.fromEntries(Object.entries(page.meta).map(([key, value]) => [key, removeFormatCharacters(value).text]));
  }
  if (meta.Url !== undefined && !isHttpUrl(meta.Url)) {
    warnings.push(`the page's <meta name="Url"> ${shownUrl(meta.Url)} is not an http(s) URL; left out (the report is archived without a source URL)`);
    delete meta.Url;
  }
  const traditional = isTraditional(text);
  const readable = traditional ? toSimplified(text) : text;
  const zones = strip(text, readable);
  const urlRegion = hints.url ? regionFromUrl(hints.url) : null;
  const metadata = findMetadata({ stripped: zones.raw, readable: zones.readable, hints: { ...hints, meta: { ...meta, ...hints.meta }, urlRegion } });
  if (zones.raw.body.length === 0) throw new IngestError('no-report', `${file}: no report text found (no paragraph of prose and no 一、 heading); check that it is a report page, or give the report's text`);
  const structured = structure(zones.raw.body);
  if (structured.sections.length > MAX_HEADINGS) {
    throw new IngestError(
      'too-many-headings',
      `${file}: ${structured.sections.length} headings, over the ${MAX_HEADINGS} one report may have; check that this is a single report (not several joined, or a list numbered as headings) and ingest the report alone`,
    );
  }
  const markdown = toMarkdown(structured.tree);
  checkText(file, zones.raw.body, markdown);
  if (zones.raw.removed.length > 0) {
    const shown = zones.raw.removed.slice(0, 3).map((r) => `${JSON.stringify(r.line.slice(0, 30))} (${r.rule})`).join(', ');
    warnings.push(`removed ${zones.raw.removed.length} line(s) of page chrome from inside the text: ${shown}${zones.raw.removed.length > 3 ? ', …' : ''}`);
  }
  if (zones.raw.dropped.length > 0) {
    const shown = zones.raw.dropped.slice(0, 3).map((line) => JSON.stringify(line.slice(0, 30))).join(', ');
    warnings.push(
      `left out ${zones.raw.dropped.length} line(s) after the report's end, taken for the page footer: ${shown}${zones.raw.dropped.length > 3 ? ', …' : ''}; ` +
        'if they belong to the report, ingest a file that holds the report\'s text alone',
    );
  }
  return {
    metadata,
    sections: structured.sections,
    markdown,
    warnings: [...warnings, ...metadata.warnings, ...structured.warnings],
    encoding: decoded.encoding,
    traditional,
  };
}

/** Ingest a batch of files into the archive (or only analyse them, with dryRun). */
export async function ingest(files: string[], options: IngestOptions): Promise<FileResult[]> {
  return (await ingestWithNotes(files, options)).results;
}

/**
 * Ingest a batch. The archive is locked for the run (lock.ts) unless it is a
 * dry run; what was extracted is journalled before each report is written
 * (state.ts). A file that fails, for whatever reason, is a failed result and
 * the next file goes on.
 */
export async function ingestWithNotes(files: string[], options: IngestOptions): Promise<{ results: FileResult[]; notes: RunNotes }> {
  const notes: RunNotes = { orphans: [], warnings: [], fatal: null };
  const archiveDir = options.archiveDir;
  let lock: Lock | undefined;
  if (!options.dryRun) {
    try {
      lock = lockArchive(archiveDir);
    } catch (error) {
      notes.fatal = error instanceof IngestError ? error.message : `${archiveDir}: ${describeWriteError(error, archiveDir, archiveDir)}`;
      return { results: [], notes };
    }
    if (lock.note) notes.warnings.push(lock.note);
  }
  try {
    const archive = Archive.read(archiveDir);
    for (const report of archive.unreadable) {
      notes.warnings.push(`${report.file}: the frontmatter cannot be read (${report.problem}); this report is left as it is: fix it by hand`);
    }
    const state = IngestState.open(archiveDir, archive.reports.length + archive.unreadable.length > 0);
    notes.warnings.push(...state.warnings);
    const results: FileResult[] = [];
    for (const file of files) {
      let result: FileResult;
      try {
        result = await ingestOne(file, archive, state, options);
      } catch (error) {
        result = unexpected(file, error);
      }
      results.push(result);
    }
    if (!options.dryRun) {
      try {
        state.commit();
      } catch (error) {
        notes.warnings.push(`${describeWriteError(error, join(archiveDir, 'ingest-state.json'), archiveDir)}; the next run takes what this one wrote from ingest-state.journal`);
      }
    }
    // A report whose source is gone stays in the archive; say so.
    notes.orphans = archive.reports
      .filter((r) => typeof r.data.sourceFile === 'string' && !existsSync(join(archiveDir, r.data.sourceFile as string)))
      .map((r) => ({ id: r.id, sourceFile: r.data.sourceFile as string }));
    return { results, notes };
  } finally {
    lock?.release();
  }
}

/** A fault no stage foresaw: a failed result that names the file, never a stack trace. */
function unexpected(file: string, error: unknown): FileResult {
  const what = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return {
    file, status: 'failed', id: null, metadata: null, sections: [], code: 'internal',
    message: `${file}: ingest failed on this file (${what}); the rest of the batch went on. This is a fault in ingest: keep the file and report it.`,
    warnings: [], encoding: null,
  };
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

async function ingestOne(file: string, archive: Archive, state: IngestState, options: IngestOptions): Promise<FileResult> {
  const result: FileResult = { file, status: 'failed', id: null, metadata: null, sections: [], message: null, code: null, warnings: [], encoding: null };
  const fail = (code: string, message: string) => Object.assign(result, { status: 'failed' as const, code, message });
  const given = options.hints?.get(resolve(file)) ?? {};
  const archiveDir = options.archiveDir;
  const inside = isInside(archiveDir, file);

  // Read once: the bytes decide where an outside source is kept, and are what is copied.
  let decoded: Awaited<ReturnType<typeof readSource>>;
  try {
    decoded = await readSource(file, { maxBytes: options.maxBytes });
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return fail(error.code, error.message);
  }
  const sourceFile = inside ? sourcePath(archiveDir, file) : importedSourcePath(archiveDir, file, decoded.bytes);
  const unreadable = archive.unreadableBySource(sourceFile);
  if (unreadable) {
    return fail('unreadable-report', `${file}: its report ${unreadable.file} has frontmatter ingest cannot read (${unreadable.problem}); fix that file by hand, then run ingest again`);
  }
  const previous = archive.bySourceFile(sourceFile);
  // Locked values of the report already archived count as given, so what depends on them (agency, level) follows.
  const hints: Hints = { ...lockedHints(previous?.data), ...given };
  let analysed: Analysed;
  try {
    analysed = analyseDecoded(file, decoded, hints);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return fail(error.code, error.message);
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
    sourceFile,
    traditional: analysed.traditional || undefined,
  };
  const merged = mergeCorrections({
    extracted,
    given: givenValues(given, metadata),
    previous: previous?.data,
    lastExtracted: previous ? state.entries[previous.id] : undefined,
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
  if (toReview.length > 0) {
    const kept = keepForReview(result, { file, draft, metadata, fields: toReview, sourceFile, previous, archive, options, markdown: analysed.markdown });
    if (kept.status !== 'needs-review' || options.dryRun) return kept;
    let writing = join(archiveDir, sourceFile);
    try {
      if (!inside && !existsSync(writing)) writeWhole(writing, decoded.bytes);
      writing = reviewFile(archiveDir, sourceFile);
      writeReview(archiveDir, reviewEntryOf(metadata, draft, sourceFile, toReview), analysed.markdown);
    } catch (error) {
      return fail('cannot-write', `${file}: ${describeWriteError(error, writing, archiveDir)}`);
    }
    return kept;
  }

  let data: ReportData;
  try {
    data = validate(draft, previous ? `${file} (archived as ${previous.file})` : file);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return fail(error.code, error.message);
  }
  const key = agencyKey(data.agency, data.regionCode);
  const placement = archive.place(data, analysed.markdown, key);
  if (placement.kind === 'duplicate') {
    result.status = 'duplicate';
    result.code = 'duplicate';
    result.id = placement.of.id;
    result.message = `${file}: a duplicate: ${placement.reason}; not archived again (remove the other copy, or give this one a different agency or year in a manifest)`;
    return result;
  }
  result.id = placement.id;
  if (options.dryRun) {
    result.status = 'checked';
    return result;
  }
  const target = reportFile(archiveDir, placement.id);
  const content = renderFile(data, analysed.markdown, extraFields(previous?.data));
  let writing = join(archiveDir, data.sourceFile);
  let changed: boolean;
  try {
    if (!inside && !existsSync(writing)) writeWhole(writing, decoded.bytes);
    writing = join(archiveDir, 'ingest-state.journal');
    const undo = state.record(placement.id, Object.fromEntries(EXTRACTED_FIELDS.map((f) => [f, extracted[f] ?? null])), content);
    writing = target;
    try {
      changed = writeIfChanged(target, content);
    } catch (error) {
      undo();
      throw error;
    }
  } catch (error) {
    return fail('cannot-write', `${file}: ${describeWriteError(error, writing, archiveDir)}`);
  }
  if (clearReview(archiveDir, data.sourceFile)) result.warnings.push(`its review entry is settled: archived as ${placement.id}`);
  result.status = placement.kind === 'new' ? 'converted' : changed ? 'updated' : 'unchanged';
  if (placement.kind === 'new') archive.add({ id: placement.id, file: target, data, body: analysed.markdown });
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
  markdown: string;
}

/**
 * Decide how a report that is not certain is kept: for review (its findings,
 * candidates and text go to `review/`, written by the caller; nothing under
 * `reports/`), or, archived before (complete then, or corrected by hand), as
 * it is.
 */
function keepForReview(result: FileResult, { file, fields, previous, archive, markdown }: ReviewCase): FileResult {
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
  return result;
}

/**
 * Where a source from outside the archive is kept: sources/imported/<name>,
 * with -2, -3 … when another file already has that name, the stem shortened
 * (at a character) so that the name stays within 255 bytes.
 */
function importedSourcePath(archiveDir: string, file: string, bytes: Uint8Array): string {
  const ext = extname(file);
  const stem = basename(file, ext);
  for (let n = 1; ; n++) {
    const suffix = `${n === 1 ? '' : `-${n}`}${ext}`;
    const candidate = `sources/imported/${fitBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(suffix))}${suffix}`;
    const target = join(archiveDir, candidate);
    if (!existsSync(target) || sameBytes(target, bytes)) return candidate;
  }
}

/** `text` cut at a character boundary to at most `max` UTF-8 bytes. */
function fitBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let size = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (size + n > max) break;
    out += ch;
    size += n;
  }
  return out;
}

function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    return statSync(file).size === bytes.length && readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}
