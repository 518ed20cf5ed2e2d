/**
 * Per-field accuracy of ingest's metadata against a ground truth
 * (`expected.json` beside the texts, as in tests/fixtures/seeds and dev).
 *
 *   node scripts/eval/extraction.ts [--urls] <folder with expected.json> …
 *
 * Comparison rules follow the ground truth's own notes: titles after NFKC
 * normalisation and whitespace removal; agencies after removing a leading part
 * of the region path; a value the notes mark [U] (known only from the page's
 * URL) counts only when the URL is given as a hint (--urls).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../ingest/pipeline.ts';
import { allRegions } from '../ingest/regions.ts';
import type { Metadata } from '../ingest/metadata/index.ts';

export const FIELDS = ['isReport', 'title', 'agency', 'region', 'year', 'date'] as const;
export type Field = (typeof FIELDS)[number];

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
}

export interface Miss {
  file: string;
  field: Field;
  expected: unknown;
  got: unknown;
  /** Whether ingest warned about this file (every miss should carry a warning). */
  warned: boolean;
}

export interface Accuracy {
  perField: Record<Field, { right: number; total: number }>;
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
  let rest = norm(path);
  let parent = '';
  while (rest) {
    const next = allRegions().filter((r) => r.path.startsWith(parent) && r.path.length > parent.length && norm(path).startsWith(r.path)).sort((a, b) => a.path.length - b.path.length)[0];
    if (!next) {
      names.push(rest);
      break;
    }
    names.push(next.path.slice(parent.length));
    rest = norm(path).slice(next.path.length);
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

function same(field: Field, expected: Expected, got: Metadata): boolean {
  switch (field) {
    case 'isReport':
      return (expected.isReport ?? true) === got.isReport;
    case 'title':
      return expected.title == null ? got.title == null : got.title != null && norm(got.title) === norm(expected.title);
    case 'agency':
      return expected.agency == null
        ? got.agency == null
        : got.agency != null && agencyCore(got.agency, got.region ?? expected.region ?? null) === agencyCore(expected.agency, expected.region ?? null);
    case 'region':
      return (expected.region ?? null) === (got.region ?? null);
    case 'year':
      return (expected.year ?? null) === (got.year ?? null);
    case 'date':
      return (expected.date ?? null) === (got.date ?? null);
  }
}

/** Whether the ground truth says the text alone cannot support this value. */
function urlOnly(field: Field, expected: Expected): boolean {
  return new RegExp(`${field}\\[U`).test(expected.notes ?? '');
}

export async function measure(folders: string[], { urls = false } = {}): Promise<Accuracy> {
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Accuracy['perField'];
  const misses: Miss[] = [];
  for (const folder of folders) {
    const truth = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
    const cases: Expected[] = [...(truth.reports ?? []), ...(truth.notReports ?? []).map((r: Expected) => ({ ...r, isReport: false }))];
    for (const expected of cases) {
      const hints = urls && expected.url ? { url: expected.url } : {};
      const { metadata } = await analyse(join(folder, expected.file), hints);
      const fields: readonly Field[] = expected.isReport === false ? ['isReport'] : FIELDS;
      for (const field of fields) {
        if (!urls && urlOnly(field, expected)) continue;
        perField[field].total++;
        if (same(field, expected, metadata)) perField[field].right++;
        else misses.push({ file: `${folder}/${expected.file}`, field, expected: expected[field] ?? null, got: metadata[field] ?? null, warned: metadata.warnings.length > 0 || !metadata.isReport });
      }
    }
  }
  return { perField, misses };
}

export function formatAccuracy({ perField, misses }: Accuracy): string {
  const lines = FIELDS.map((f) => {
    const { right, total } = perField[f];
    return `${f.padEnd(9)} ${(total ? right / total : 1).toFixed(3)}  (${right}/${total})`;
  });
  for (const m of misses) lines.push(`miss ${m.field} ${m.file}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}${m.warned ? '' : '  (NO WARNING)'}`);
  return lines.join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const urls = args.includes('--urls');
  const folders = args.filter((a) => a !== '--urls');
  const result = await measure(folders.length ? folders : ['tests/fixtures/seeds', 'tests/fixtures/dev'], { urls });
  console.log(`extraction accuracy (${urls ? 'with URL hints' : 'text only'}):\n${formatAccuracy(result)}`);
}
