/**
 * Command line of the ingest pipeline: parses arguments, expands folders,
 * runs the pipeline and reports. The work itself is in scripts/ingest/.
 *
 *   npm run ingest -- [options] <files or folders>
 *
 * Exit code: 0 when every input was archived, checked, or recognised as not a
 * report or a duplicate; 1 when any input failed (unreadable, or metadata
 * missing); 2 for a usage error.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ARCHIVE_DIR } from '../src/archive/layout.ts';
import { EXTRACTED_FIELDS } from '../src/schema/report.ts';
import { isHttpUrl, readManifestFile, shownUrl } from './ingest/manifest.ts';
import type { Hints } from './ingest/metadata/index.ts';
import { ingestWithNotes, type FileResult, type RunNotes } from './ingest/pipeline.ts';

const USAGE = `Usage: npm run ingest -- [options] <files or folders>
       npm run ingest -- [options] --manifest <file>   (the files the manifest names)

Converts raw report texts (.txt, .html, .htm) into content/reports/**/*.md; a report whose
agency, region or year is not certain is kept in content/review/ (see npm run review).

Options:
  --archive <dir>    archive folder to write into (default: $ARCHIVE_DIR or content)
  --dry-run          analyse only, write nothing
  --json             print one JSON object per input file (an array) to stdout, nothing else
  --manifest <file>  CSV or YAML with known values per file (url, title, agency, regionCode, year, date, level)
  --url <url>        the page's URL, for a single input file
  --force            archive pages even when they do not look like annual reports
  --max-size <MB>    largest source file accepted (default: 10)
  --verbose          print each file's warnings and evidence
  --help             show this help`;

const INPUT_EXTENSIONS = /\.(txt|text|html?|shtml|md)$/i;

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        archive: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        manifest: { type: 'string' },
        url: { type: 'string' },
        force: { type: 'boolean' },
        'max-size': { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0 && !values.manifest) {
    err.write(`No input given: name the files or folders to ingest, or give a manifest.\n\n${USAGE}\n`);
    return 2;
  }
  const hints = new Map<string, Hints>();
  const runWarnings: string[] = [];
  let entries: Array<{ file: string; where: string }> = [];
  if (values.manifest) {
    try {
      const manifest = readManifestFile(values.manifest);
      for (const [file, hint] of manifest.hints) hints.set(file, hint);
      runWarnings.push(...manifest.warnings);
      entries = manifest.entries;
    } catch (error) {
      err.write(`${(error as Error).message}\n`);
      return 2;
    }
  }
  // A manifest alone names the files to ingest (as `npm run review` writes it).
  const inputs = positionals.length > 0 ? positionals : [...hints.keys()];
  const missing = inputs.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    err.write(`Not found: ${missing.join(', ')}. Check the path (relative to ${positionals.length > 0 ? process.cwd() : `the manifest's folder`}).\n`);
    return 2;
  }
  const files = inputs.flatMap(expand);
  if (values.url && files.length !== 1) {
    err.write(`--url names the page of one file, but ${files.length} files were given; use a manifest for several.\n`);
    return 2;
  }
  const given = new Set(files.map((file) => resolve(file)));
  for (const entry of entries) {
    if (!given.has(entry.file)) runWarnings.push(`${entry.where}: matches none of the files given, so its values were not used; check the file name (it is relative to the manifest's folder)`);
  }
  if (values.url && !isHttpUrl(values.url)) {
    runWarnings.push(`--url ${shownUrl(values.url)} is not an http(s) URL; left out (the report is archived without it)`);
  } else if (values.url) {
    hints.set(resolve(files[0]), { ...hints.get(resolve(files[0])), url: values.url });
  }

  const maxSize = values['max-size'] === undefined ? undefined : Number(values['max-size']);
  if (maxSize !== undefined && !(maxSize > 0)) {
    err.write(`--max-size takes a number of megabytes, e.g. --max-size 30; got ${values['max-size']}\n`);
    return 2;
  }
  const archiveDir = values.archive ?? process.env.ARCHIVE_DIR ?? DEFAULT_ARCHIVE_DIR;
  const started = performance.now();
  const { results, notes } = await ingestWithNotes(files, {
    archiveDir,
    dryRun: values['dry-run'],
    force: values.force,
    hints,
    maxBytes: maxSize === undefined ? undefined : Math.round(maxSize * 1024 * 1024),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const warning of [...runWarnings, ...notes.warnings]) err.write(`warning: ${warning}\n`);
  if (notes.fatal) {
    err.write(`error: ${notes.fatal}\n`);
    if (values.json) out.write('[]\n');
    return 1;
  }

  if (values.json) {
    out.write(`${JSON.stringify(results.map(toJson), null, 2)}\n`);
  } else {
    report(results, notes, { verbose: Boolean(values.verbose), dryRun: Boolean(values['dry-run']), seconds, archiveDir }, err);
  }
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

/** Folders are searched recursively for report texts and saved pages. */
function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return expand(full);
      return INPUT_EXTENSIONS.test(entry.name) && !/^(expected|manifest)\./.test(entry.name) ? [full] : [];
    });
}

/** The --json shape: one object per input file. */
function toJson(r: FileResult) {
  const m = r.metadata;
  return {
    file: r.file,
    isReport: m ? m.isReport : false,
    ...Object.fromEntries(EXTRACTED_FIELDS.map((field) => [field, m?.[field] ?? null])),
    titleSupplied: m?.titleSupplied ?? false,
    notReportReason: m?.notReportReason ?? null,
    needsReview: m?.needsReview ?? [],
    candidates: m?.candidates ?? {},
    damage: m?.damage ?? [],
    status: r.status,
    id: r.id,
    sections: r.sections.filter((s) => s.depth === 2).map((s) => s.text),
    error: r.status === 'failed' ? { code: r.code, message: r.message } : null,
    warnings: r.message && r.status !== 'failed' ? [r.message, ...r.warnings] : r.warnings,
    evidence: m?.evidence ?? {},
  };
}

function report(results: FileResult[], notes: RunNotes, opts: { verbose: boolean; dryRun: boolean; seconds: string; archiveDir: string }, err: NodeJS.WritableStream) {
  const count = (...s: FileResult['status'][]) => results.filter((r) => s.includes(r.status)).length;
  for (const r of results) {
    if (r.status === 'failed' || r.status === 'not-report' || r.status === 'duplicate') {
      err.write(`${r.status === 'failed' ? 'error' : 'skip'}: ${r.message}\n`);
    } else if (r.status === 'needs-review') {
      err.write(`review: ${r.message}\n`);
    }
    if (r.warnings.length > 0 && (opts.verbose || r.status !== 'unchanged')) {
      const shown = opts.verbose ? r.warnings : r.warnings.slice(0, 3);
      for (const w of shown) err.write(`  warning: ${r.file}: ${w}\n`);
      if (shown.length < r.warnings.length) err.write(`  … ${r.warnings.length - shown.length} more (--verbose)\n`);
    }
    if (opts.verbose && r.metadata) {
      for (const [field, ev] of Object.entries(r.metadata.evidence)) err.write(`  ${r.file}: ${field} ← ${ev.rule}: ${ev.from}\n`);
    }
  }
  for (const orphan of notes.orphans) {
    err.write(`kept: ${opts.archiveDir}/reports/${orphan.id}.md although its source ${orphan.sourceFile} is gone (restore the source, or delete the report by hand if it should go)\n`);
  }
  const written = opts.dryRun ? `checked ${count('checked')}` : `converted ${count('converted')}, updated ${count('updated')}, unchanged ${count('unchanged')}`;
  err.write(
    `ingest: ${results.length} files in ${opts.seconds}s: ${written}, kept for review ${count('needs-review')}, not a report ${count('not-report')}, duplicate ${count('duplicate')}, failed ${count('failed')}` +
      (opts.dryRun ? ' (dry run: nothing written)' : ` → ${opts.archiveDir}/reports`) +
      '\n',
  );
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
