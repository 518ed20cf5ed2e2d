/**
 * How well ingest reads report pages, against a ground truth (`expected.json`
 * beside the texts, as in tests/fixtures/seeds, dev and dev2):
 *
 *   node scripts/eval/extraction.ts [--urls] [--verbose] [folder with expected.json …]
 *
 * With no folder it reads tests/fixtures/seeds, dev and dev2, text only and
 * then with each page's URL as a hint (--urls: with URLs only). It prints:
 *
 * - per-field accuracy, on the values the text supports (a field the truth
 *   lists in `skip`, or marks [U], counts only with the URL given; a value the
 *   truth leaves null is not counted, as shared/tools/score-metadata.mjs does);
 * - the share of true reports archived complete without hand work: read as a
 *   report, with agency, region and year all certain (not in needsReview) and
 *   right;
 * - silent errors: a wrong value whose field is not in needsReview (a value
 *   the truth leaves null, where ingest gives one, is wrong, unless the truth
 *   skips the field as one it cannot judge; a devised title marked
 *   titleSupplied is not), and look-alikes read as reports.
 *
 * Comparisons follow the ground truth's notes: titles after NFKC
 * normalisation and whitespace removal; agencies after removing a leading
 * part of the region path; a 全国（中央部委） region is 中央; a region given to
 * the county is right for a township's report (as score-metadata.mjs counts it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from '../ingest/errors.ts';
import { analyse } from '../ingest/pipeline.ts';
import { allRegions } from '../../src/archive/regions.ts';
import type { Metadata } from '../ingest/metadata/index.ts';

export const FIELDS = ['isReport', 'title', 'agency', 'region', 'year', 'date'] as const;
export type Field = (typeof FIELDS)[number];
type ValueField = Exclude<Field, 'isReport'>;
const VALUE_FIELDS: ValueField[] = ['title', 'agency', 'region', 'year', 'date'];

interface Expected {
  file: string;
  url?: string;
  isReport?: boolean;
  title?: string | null;
  agency?: string | null;
  region?: string | null;
  year?: number | null;
  date?: string | null;
  notes?: string;
  skip?: string[];
}

export interface Miss {
  file: string;
  field: Field;
  expected: unknown;
  got: unknown;
  /** Whether the field was in needsReview (or the page was refused): the miss is flagged, not silent. */
  flagged: boolean;
}

export interface Accuracy {
  perField: Record<Field, { right: number; total: number }>;
  /** True reports, and those archived complete (agency, region, year certain and right). */
  reports: number;
  complete: number;
  /** Look-alikes read as reports. */
  lookAlikesArchived: string[];
  /** Wrong values whose field is not in needsReview (look-alikes read as reports included). */
  silent: Miss[];
  misses: Miss[];
}

function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * The names a region path is made of, province first (四川省南充市嘉陵区 →
 * 四川省, 南充市, 嘉陵区), from the region table: a name with 州 or 市 inside
 * (杭州市, 郑州市) is one name. A township at the end is the remainder.
 */
function pathNames(path: string): string[] {
  const names: string[] = [];
  const whole = norm(path);
  let parent = '';
  while (parent.length < whole.length) {
    const next = allRegions()
      .filter((r) => r.path.length > parent.length && r.path.startsWith(parent) && whole.startsWith(r.path))
      .sort((a, b) => a.path.length - b.path.length)[0];
    if (!next) {
      names.push(whole.slice(parent.length));
      break;
    }
    names.push(next.path.slice(parent.length));
    parent = next.path;
  }
  return names;
}

/** Remove a leading part of the region path (上海市, 上海市宝山区, 宝山区, 南充市嘉陵区) and a bare relative 区/县/市. */
export function agencyCore(agency: string, region: string | null): string {
  let a = norm(agency);
  if (region && !/全国|中央/.test(region)) {
    const parts = pathNames(region);
    for (let i = 0; i < parts.length; i++) {
      for (let j = parts.length; j > i; j--) {
        const prefix = parts.slice(i, j).join('');
        if (a.startsWith(prefix)) {
          a = a.slice(prefix.length);
          i = parts.length;
          break;
        }
      }
    }
  }
  return a.replace(/^(区|县|市)(?=[\u4e00-\u9fff]{2})/, '');
}

/**
 * A joint report's two bodies, however they are written: 黑龙江省委、省政府 and
 * 中共黑龙江省委、黑龙江省人民政府 name the same 党委 and 政府.
 */
function jointKey(agency: string, region: string | null): string | null {
  const parts = norm(agency).split('、');
  if (parts.length !== 2 || !/(委|委员会)$/.test(parts[0]) || !/政府$/.test(parts[1])) return null;
  return parts
    .map((p) => agencyCore(p.replace(/^中共/, ''), region).replace(/委员会$|党委$/, '委').replace(/人民政府$/, '政府').replace(/^(省|自治区|市|区|县|州|镇|乡)(?=委|政府)/, ''))
    .join('、');
}

const TOWNSHIP = /(乡|镇|街道|街道办事处|苏木)$/;

function sameRegion(expected: string | null, got: string | null): boolean {
  if (expected === null) return got === null;
  if (/全国|中央/.test(expected)) return got === '中央';
  if (got === null) return false;
  if (norm(got) === norm(expected)) return true;
  // A region given down to the county is right for a township's report.
  return norm(expected).startsWith(norm(got)) && TOWNSHIP.test(norm(expected).slice(norm(got).length));
}

function same(field: ValueField, expected: Expected, got: Metadata): boolean {
  switch (field) {
    case 'title':
      if (expected.title == null) return got.title == null || got.titleSupplied;
      return got.title != null && !got.titleSupplied && norm(got.title) === norm(expected.title);
    case 'agency': {
      if (expected.agency == null) return got.agency == null;
      if (got.agency == null) return false;
      const region = expected.region ?? null;
      return agencyCore(got.agency, got.region ?? region) === agencyCore(expected.agency, region) || jointKey(got.agency, got.region ?? region) === jointKey(expected.agency, region);
    }
    case 'region':
      return sameRegion(expected.region ?? null, got.region ?? null);
    case 'year':
      return (expected.year ?? null) === (got.year ?? null);
    case 'date':
      return (expected.date ?? null) === (got.date ?? null);
  }
}

/** Whether the ground truth says the text alone cannot support this value (skip, or [U] in the notes). */
function urlOnly(field: Field, expected: Expected): boolean {
  return (expected.skip ?? []).includes(field) || new RegExp(`${field}\\[U`).test(expected.notes ?? '');
}

/** The metadata ingest reads from a file; a file it refuses outright reads as no report. */
async function read(file: string, url: string | undefined): Promise<Metadata | null> {
  try {
    return (await analyse(file, url ? { url } : {})).metadata;
  } catch (error) {
    if (error instanceof IngestError) return null;
    throw error;
  }
}

export async function measure(folders: string[], { urls = false } = {}): Promise<Accuracy> {
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Accuracy['perField'];
  const result: Accuracy = { perField, reports: 0, complete: 0, lookAlikesArchived: [], silent: [], misses: [] };
  for (const folder of folders) {
    const truth = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    const cases: Expected[] = [...(truth.reports ?? []), ...(truth.notReports ?? []).map((r: Expected) => ({ ...r, isReport: false }))];
    for (const expected of cases) {
      const file = `${folder}/${expected.file}`;
      const metadata = await read(join(folder, expected.file), urls ? expected.url : undefined);
      const isReport = expected.isReport !== false;
      const gotReport = metadata?.isReport ?? false;
      perField.isReport.total++;
      if (gotReport === isReport) perField.isReport.right++;
      else {
        const miss: Miss = { file, field: 'isReport', expected: isReport, got: gotReport, flagged: !gotReport };
        result.misses.push(miss);
        if (!isReport) {
          result.lookAlikesArchived.push(file);
          result.silent.push(miss);
        }
      }
      if (!isReport) continue;
      result.reports++;
      // A report refused as a look-alike still has its values counted (as score-metadata.mjs counts them),
      // but none of them is archived: no silent error, and it is not complete.
      if (!metadata) continue;
      const review = new Set<string>(metadata.needsReview);
      const right = new Map<ValueField, boolean>();
      for (const field of VALUE_FIELDS) {
        const ok = same(field, expected, metadata);
        right.set(field, ok);
        const supported = expected[field] != null && (urls || !urlOnly(field, expected));
        if (supported) {
          perField[field].total++;
          if (ok) perField[field].right++;
        }
        if (!ok) {
          const miss: Miss = { file, field, expected: expected[field] ?? null, got: metadata[field] ?? null, flagged: review.has(field) };
          result.misses.push(miss);
          // A field the truth skips and leaves null is one it cannot judge (河北省委、省政府坚持…: "cannot tell
          // whether both report"): a value there is unverified, not known to be wrong.
          const unjudged = expected[field] == null && (expected.skip ?? []).includes(field);
          if (gotReport && !miss.flagged && !unjudged) result.silent.push(miss);
        }
      }
      const certain = gotReport && (['agency', 'region', 'year'] as const).every((f) => right.get(f) && !review.has(f));
      if (certain) result.complete++;
    }
  }
  return result;
}

export function formatAccuracy(a: Accuracy, { verbose = false } = {}): string {
  const lines = FIELDS.map((f) => {
    const { right, total } = a.perField[f];
    return `  ${f.padEnd(9)} ${(total ? right / total : 1).toFixed(3)}  (${right}/${total})`;
  });
  lines.push(`  complete without hand work: ${(a.reports ? a.complete / a.reports : 1).toFixed(3)} (${a.complete}/${a.reports} reports)`);
  lines.push(`  silent errors: ${a.silent.length}   look-alikes archived: ${a.lookAlikesArchived.length}`);
  for (const m of verbose ? a.misses : a.silent) {
    lines.push(`  ${m.flagged ? 'flagged' : 'SILENT '} ${m.field} ${m.file}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
  }
  return lines.join('\n');
}

export const DEFAULT_FOLDERS = ['tests/fixtures/seeds', 'tests/fixtures/dev', 'tests/fixtures/dev2'];

if (import.meta.main) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const folders = args.filter((a) => !a.startsWith('--'));
  const modes = args.includes('--urls') ? [true] : [false, true];
  for (const urls of modes) {
    for (const folder of folders.length ? folders : DEFAULT_FOLDERS) {
      const result = await measure([folder], { urls });
      console.log(`${folder} (${urls ? 'with URL hints' : 'text only'}):\n${formatAccuracy(result, { verbose })}`);
    }
  }
}
