/**
 * The reports already in the archive, indexed for the questions ingest asks of
 * every new file: is this source already archived, is this the same text as
 * another report, does this agency already have a report for this year, is
 * this path taken. Each is a map look-up, so a batch of N files against an
 * archive of M reports costs O(N + M), not O(N × M).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../../src/archive/frontmatter.ts';
import { TEMPORARY_FILE } from '../../src/archive/atomic.ts';
import { REPORTS_DIR, idOfReportFile, reportId } from '../../src/archive/layout.ts';

export interface ArchivedReport {
  /** Path relative to <archive>/reports, without .md: 2018/310113-rmzf */
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** A report file whose frontmatter cannot be read: left as it is, its id and source kept from other reports. */
export interface UnreadableReport {
  id: string;
  file: string;
  /** What is wrong, with the line. */
  problem: string;
  /** The source it names, found by its `sourceFile:` line, if any. */
  sourceFile: string | null;
}

export type Placement =
  | { kind: 'new'; id: string }
  | { kind: 'update'; id: string; previous: ArchivedReport }
  | { kind: 'duplicate'; of: ArchivedReport; reason: string };

interface Identity {
  agency: unknown;
  regionCode: unknown;
  year: unknown;
  sourceFile: unknown;
}

/** A digest of a body that ignores whitespace and line breaks. */
function textDigest(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, '')).digest('hex');
}

function reportKey(r: Pick<Identity, 'agency' | 'regionCode' | 'year'>): string {
  return `${r.agency}\u0000${r.regionCode}\u0000${r.year}`;
}

export class Archive {
  readonly reports: ArchivedReport[] = [];
  /** Reports whose frontmatter cannot be read (a duplicate key, a YAML tag, an alias bomb …). */
  readonly unreadable: UnreadableReport[] = [];
  readonly #unreadableBySource = new Map<string, UnreadableReport>();
  readonly #bySource = new Map<string, ArchivedReport>();
  readonly #byText = new Map<string, ArchivedReport>();
  readonly #byReport = new Map<string, ArchivedReport>();
  readonly #ids = new Set<string>();

  /** Every report in `<archiveDir>/reports`, in id order. */
  static read(archiveDir: string): Archive {
    const archive = new Archive();
    const reportsDir = join(archiveDir, REPORTS_DIR);
    if (!existsSync(reportsDir)) return archive;
    const found: ArchivedReport[] = [];
    for (const year of readdirSync(reportsDir, { withFileTypes: true })) {
      if (!year.isDirectory()) continue;
      for (const f of readdirSync(join(reportsDir, year.name))) {
        // A temporary file left by a killed run (see src/archive/atomic.ts) is not a report.
        if (TEMPORARY_FILE.test(f) || /\.md\.\d+\.tmp$/.test(f)) rmSync(join(reportsDir, year.name, f));
        if (!f.endsWith('.md')) continue;
        const file = join(reportsDir, year.name, f);
        const id = idOfReportFile(`${year.name}/${f}`);
        const text = readFileSync(file, 'utf8');
        try {
          const parsed = readFrontmatter(text);
          found.push({ id, file, data: parsed.data, body: parsed.body });
        } catch (error) {
          const sourceFile = /^sourceFile:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(text)?.[1] ?? null;
          archive.#addUnreadable({ id, file, problem: (error as Error).message, sourceFile });
        }
      }
    }
    for (const report of found.sort((a, b) => a.id.localeCompare(b.id))) archive.add(report);
    return archive;
  }

  #addUnreadable(report: UnreadableReport): void {
    this.unreadable.push(report);
    this.#ids.add(report.id);
    if (report.sourceFile) this.#unreadableBySource.set(report.sourceFile, report);
  }

  /** The unreadable report made from `sourceFile`, if any: ingest must not make a second one. */
  unreadableBySource(sourceFile: string): UnreadableReport | undefined {
    return this.#unreadableBySource.get(sourceFile);
  }

  add(report: ArchivedReport): void {
    this.reports.push(report);
    this.#ids.add(report.id);
    if (typeof report.data.sourceFile === 'string') this.#bySource.set(report.data.sourceFile, report);
    const digest = textDigest(report.body);
    if (!this.#byText.has(digest)) this.#byText.set(digest, report);
    const key = reportKey(report.data as unknown as Identity);
    if (!this.#byReport.has(key)) this.#byReport.set(key, report);
  }

  bySourceFile(sourceFile: string): ArchivedReport | undefined {
    return this.#bySource.get(sourceFile);
  }

  /** The archived report with the same text (whitespace aside), if any. */
  sameText(body: string): ArchivedReport | undefined {
    return this.#byText.get(textDigest(body));
  }

  /**
   * Where a report goes: the path it already has (same source file), a new
   * path (with -2, -3 … when taken), or nowhere because the archive already
   * holds the same report.
   */
  place(data: Identity, body: string, key: string): Placement {
    const sameSource = typeof data.sourceFile === 'string' ? this.#bySource.get(data.sourceFile) : undefined;
    if (sameSource) return { kind: 'update', id: sameSource.id, previous: sameSource };
    const sameText = this.#byText.get(textDigest(body));
    if (sameText) return { kind: 'duplicate', of: sameText, reason: `the same text as ${sameText.id} (from ${sameText.data.sourceFile})` };
    const sameReport = this.#byReport.get(reportKey(data));
    if (sameReport) {
      return { kind: 'duplicate', of: sameReport, reason: `${data.agency}'s report on ${data.year} is already archived as ${sameReport.id} (from ${sameReport.data.sourceFile})` };
    }
    let id = reportId(data.year as number, data.regionCode as string, key);
    for (let n = 2; this.#ids.has(id); n++) id = reportId(data.year as number, data.regionCode as string, key, n);
    return { kind: 'new', id };
  }
}
