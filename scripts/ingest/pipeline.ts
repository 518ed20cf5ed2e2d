/**
 * The ingest pipeline, composed in one place:
 *
 *   read (decode) → strip (page chrome) → describe (metadata) → structure (headings) → write
 *
 * A failing file never stops the batch: its error is recorded in its result and
 * the next file goes on. Nothing here prints; the command line reports.
 */
import { basename, extname, join } from 'node:path';
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { resolve, relative, sep } from 'node:path';
import type { ReportData } from '../../src/schema/report.ts';
import { IngestError } from './errors.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { describe, type Hints, type Metadata } from './metadata.ts';
import { readSource } from './read.ts';
import { strip } from './strip.ts';
import { structure, type Section } from './structure.ts';
import { isTraditional, toSimplified } from './traditional.ts';
import { regionFromUrl } from './url-hint.ts';
import {
  agencyKey, keepLocked, place, readArchive, renderFile, reportFile, sourcePath, toMarkdown, validate, writeAtomic,
  type ArchivedReport,
} from './write.ts';

export interface IngestOptions {
  /** The archive folder (default: content). */
  archiveDir: string;
  /** Write nothing. */
  dryRun?: boolean;
  /** Archive a page even when it does not look like an annual report. */
  force?: boolean;
  /** Known values per input file (from a manifest or --url), keyed by resolved path. */
  hints?: Map<string, Hints>;
}

export type Status = 'converted' | 'updated' | 'unchanged' | 'not-report' | 'duplicate' | 'failed' | 'checked';

export interface FileResult {
  /** The path as given. */
  file: string;
  status: Status;
  /** The report's id in the archive (2018/310113-rmzf), when written or found. */
  id: string | null;
  metadata: Metadata | null;
  sections: Section[];
  /** Why the file was not archived (failed, not a report, duplicate). */
  message: string | null;
  /** Machine-readable reason for a failure. */
  code: string | null;
  warnings: string[];
  encoding: string | null;
}

/** Analyse one file: everything but writing. */
export async function analyse(file: string, hints: Hints = {}): Promise<{ metadata: Metadata; sections: Section[]; markdown: string; warnings: string[]; encoding: string; traditional: boolean }> {
  const decoded = await readSource(file);
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
  const metadata = describe({ stripped: zones.raw, readable: zones.readable, hints: { ...hints, meta: { ...meta, ...hints.meta }, urlRegion } });
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
  const archive = readArchive(options.archiveDir);
  const results: FileResult[] = [];
  for (const file of files) {
    results.push(await ingestOne(file, archive, options));
  }
  return results;
}

async function ingestOne(file: string, archive: ArchivedReport[], options: IngestOptions): Promise<FileResult> {
  const result: FileResult = { file, status: 'failed', id: null, metadata: null, sections: [], message: null, code: null, warnings: [], encoding: null };
  const hints = options.hints?.get(resolve(file)) ?? {};
  let analysed;
  try {
    analysed = await analyse(file, hints);
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
  const missing = (['title', 'agency', 'region', 'regionCode', 'level', 'year', 'date'] as const).filter((f) => metadata[f] === null);
  if (missing.length > 0) {
    result.code = 'missing-metadata';
    result.message = `${file}: cannot archive without ${missing.join(', ')}; give ${missing.length > 1 ? 'them' : 'it'} in a manifest (see README, Manifest)`;
    return result;
  }

  const archiveDir = options.archiveDir;
  const inside = isInside(archiveDir, file);
  const key = agencyKey(metadata.agency!, metadata.regionCode!);
  const ext = extname(file) || '.txt';
  const plannedSource = inside ? sourcePath(archiveDir, file) : `sources/${metadata.year}/${metadata.regionCode}-${key}-${basename(file, ext).slice(0, 40)}${ext}`;
  const draft = {
    title: metadata.title!,
    agency: metadata.agency!,
    region: metadata.region!,
    regionCode: metadata.regionCode!,
    level: metadata.level!,
    year: metadata.year!,
    date: metadata.date!,
    dateSource: metadata.dateSource!,
    signedDate: metadata.signedDate,
    docNumber: metadata.docNumber,
    indexNumber: metadata.indexNumber,
    publisher: metadata.publisher,
    source: metadata.source,
    sourceFile: plannedSource,
    traditional: analysed.traditional || undefined,
  };
  const placement = place(archive, draft, analysed.markdown, key);
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
    data = keepLocked(validate(draft, file), placement.kind === 'update' ? placement.previous.data : undefined);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    result.code = error.code;
    result.message = error.message;
    return result;
  }
  result.metadata = { ...metadata, ...pick(data) };
  if (options.dryRun) {
    result.status = 'checked';
    return result;
  }
  if (!inside) {
    const target = join(archiveDir, data.sourceFile);
    mkdirSync(join(target, '..'), { recursive: true });
    if (!existsSync(target)) copyFileSync(file, target);
  }
  const changed = writeAtomic(reportFile(archiveDir, placement.id), renderFile(data, analysed.markdown));
  result.status = placement.kind === 'new' ? 'converted' : changed ? 'updated' : 'unchanged';
  const entry = { id: placement.id, file: reportFile(archiveDir, placement.id), data: data as Record<string, unknown>, body: analysed.markdown };
  if (placement.kind === 'new') archive.push(entry);
  return result;
}

function pick(data: ReportData): Partial<Metadata> {
  const { title, agency, region, regionCode, level, year, date, dateSource } = data;
  return { title, agency, region, regionCode, level, year, date, dateSource };
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}
