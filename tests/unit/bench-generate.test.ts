/**
 * The benchmark generator (scripts/bench/generate.ts): the same seed gives
 * the same archive, reports spread over regions and years, and ingest reads
 * back from the generated texts what the generator meant them to be.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_YEAR, LAST_YEAR, generate, planReports, type ReportSpec } from '../../scripts/bench/generate.ts';
import matter from 'gray-matter';
import { agencyCore } from '../../scripts/eval/extraction.ts';
import { analyse, ingest } from '../../scripts/ingest/pipeline.ts';
import { reportSchema } from '../../src/schema/report.ts';

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const files = (dir: string) => readdirSync(dir).sort();

/** Every report of an archive folder: id (2018/310113-rmzf), frontmatter and body, by id. */
function readArchive(dir: string): { id: string; data: Record<string, unknown>; body: string }[] {
  return readdirSync(join(dir, 'reports'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { data, content } = matter(readFileSync(join(dir, 'reports', f), 'utf8'));
      return { id: f.split('\\').join('/').replace(/\.md$/, ''), data, body: content };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('generate', () => {
  it('should write identical files for the same N and seed', () => {
    const a = temp();
    const b = temp();
    generate(a, { count: 25, seed: 'test-seed' });
    generate(b, { count: 25, seed: 'test-seed' });
    expect(files(a)).toHaveLength(25);
    expect(files(b)).toEqual(files(a));
    for (const name of files(a)) expect(readFileSync(join(b, name), 'utf8'), name).toBe(readFileSync(join(a, name), 'utf8'));
  });

  it('should give other texts for another seed', () => {
    const a = temp();
    const b = temp();
    generate(a, { count: 3, seed: 'one' });
    generate(b, { count: 3, seed: 'two' });
    expect(readFileSync(join(b, 'r000000.txt'), 'utf8')).not.toBe(readFileSync(join(a, 'r000000.txt'), 'utf8'));
  });

  it('should keep report i the same whatever N, so --start N adds one more report', () => {
    const few = temp();
    const more = temp();
    const next = temp();
    generate(few, { count: 5 });
    generate(more, { count: 6 });
    generate(next, { count: 1, start: 5 });
    for (const name of files(few)) expect(readFileSync(join(more, name), 'utf8')).toBe(readFileSync(join(few, name), 'utf8'));
    expect(files(next)).toEqual(['r000005.txt']);
    expect(readFileSync(join(next, 'r000005.txt'), 'utf8')).toBe(readFileSync(join(more, 'r000005.txt'), 'utf8'));
  });

  it('should spread reports over many provinces, every year from 2016 to 2025, with unique agency and year', () => {
    const specs = planReports(400);
    expect(specs).toHaveLength(400);
    expect(new Set(specs.map((s) => s.regionCode.slice(0, 2))).size).toBeGreaterThanOrEqual(5);
    const years = new Set(specs.map((s) => s.year));
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expect(years, String(y)).toContain(y);
    expect(Math.min(...years)).toBe(FIRST_YEAR);
    expect(Math.max(...years)).toBe(LAST_YEAR);
    expect(new Set(specs.map((s) => `${s.agency}/${s.year}`)).size).toBe(400);
    expect(new Set(specs.map((s) => s.level))).toEqual(new Set(['省', '市', '县区', '部门', '乡镇街道']));
  });

  it('should make texts of about 25 KB on average, of varied size', () => {
    const dir = temp();
    generate(dir, { count: 60 });
    const sizes = files(dir).map((name) => readFileSync(join(dir, name)).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(18_000);
    expect(mean).toBeLessThan(33_000);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(2);
  });
});

describe('generated texts through ingest', () => {
  // One report of each level, and the two-line 中共…党组 title.
  const all = planReports(400);
  const chosen: ReportSpec[] = [];
  for (const level of ['省', '市', '县区', '部门', '乡镇街道'] as const) chosen.push(...all.filter((s) => s.level === level).slice(0, 2));
  chosen.push(all.find((s) => s.title.startsWith('中共'))!);
  const dir = temp();
  for (const spec of chosen) generate(dir, { count: 1, start: spec.index });

  it.each(chosen.map((s) => [s.file, s.level, s.agency, s] as const))('should read %s (%s, %s) as the generator meant it', async (file, _level, _agency, spec) => {
    const { metadata, sections } = await analyse(join(dir, file));
    // The generator writes an agency with its whole region path; ingest writes the official name
    // (桐庐县人民政府, 南充市嘉陵区人民政府): compare them after removing the region path.
    expect(agencyCore(metadata.agency!, metadata.region)).toBe(agencyCore(spec.agency, spec.region));
    expect(metadata).toMatchObject({
      isReport: true,
      title: spec.title,
      region: spec.region,
      regionCode: spec.regionCode,
      level: spec.level,
      year: spec.year,
      date: spec.date,
      dateSource: 'published',
      signedDate: spec.signedDate,
    });
    expect(sections.filter((s) => s.depth === 2).length).toBeGreaterThanOrEqual(3);
  });

  it('should write with --markdown the archive ingest writes: same paths, valid frontmatter, same metadata', async () => {
    const direct = temp();
    const ingested = temp();
    const specs = generate(direct, { count: 12, markdown: true });
    const sources = temp();
    generate(sources, { count: 12 });
    const results = await ingest(files(sources).map((f) => join(sources, f)), { archiveDir: ingested });
    expect(results.map((r) => r.status)).toEqual(Array(12).fill('converted'));
    const a = readArchive(direct);
    const b = readArchive(ingested);
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    for (const [i, report] of a.entries()) {
      expect(reportSchema.safeParse(report.data).success, report.id).toBe(true);
      for (const field of ['title', 'region', 'regionCode', 'level', 'year', 'date']) {
        expect(report.data[field], `${report.id} ${field}`).toEqual(b[i].data[field]);
      }
      expect(agencyCore(String(report.data.agency), String(report.data.region)), `${report.id} agency`).toBe(agencyCore(String(b[i].data.agency), String(b[i].data.region)));
      expect(report.body.match(/^## /gm)?.length, report.id).toBe(b[i].body.match(/^## /gm)?.length);
    }
    expect(specs).toHaveLength(12);
  });
});
