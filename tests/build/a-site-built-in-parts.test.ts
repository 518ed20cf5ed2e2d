/**
 * A build in parts (`scripts/parts.ts`): parts that each build the report
 * pages of some years with their index segments, and a merge, give the site
 * one full build gives (the fixture site of this test run, under /fzzfjs/):
 * the same files byte for byte outside the exact index, Pagefind's included,
 * and an exact index that answers every query as a full build's does.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXACT_DIR } from '../../src/search/format.ts';
import { hashes, ROOT, start } from '../helpers/archive-builds.ts';
import { answers } from '../../scripts/eval/answers.ts';

const { dir: fullSite, base, site } = inject('fixtureSite');
const QUERIES = ['法治政府', '行政执法', '依法行政', '行政复议', '政府', '法治 建设', '宝山', '2018', '推进依法行政工作', '规范性文件', '不存在的一句话'];

const work = mkdtempSync(join(ROOT, 'tests/.tmp/parts-'));
const settings = (name: string) => ({ ARCHIVE_DIR: 'tests/fixtures/archive', BASE_PATH: base, SITE_URL: site, CACHE_DIR: join(work, `cache-${name}`) });
const parts = (args: string[], name: string) => start([join(ROOT, 'scripts/parts.ts'), ...args], settings(name)).done;
/** Every file but the exact index's (whose segments differ as the parts cut them), by digest. */
const withoutExact = (dir: string) => Object.fromEntries(Object.entries(hashes(dir)).filter(([path]) => !path.startsWith(`${EXACT_DIR}/`)));

describe('a site built in two parts and merged', () => {
  const full = join(work, 'full');
  const merged = join(work, 'merged');
  let mergeOutput = '';
  beforeAll(async () => {
    // The fixture site is the one full build; index a copy of it.
    cpSync(fullSite, full, { recursive: true });
    const indexed = await start([join(ROOT, 'scripts/index-search.ts'), full], settings('full')).done;
    expect(indexed.status, indexed.output).toBe(0);
    const [early, late] = await Promise.all([parts(['part', 'years:2018-2021', join(work, 'p1')], 'p1'), parts(['part', 'years:2022-2023', join(work, 'p2')], 'p2')]);
    expect(early.status, early.output).toBe(0);
    expect(late.status, late.output).toBe(0);
    const merge = await parts(['merge', merged, join(work, 'p1'), join(work, 'p2')], 'merge');
    mergeOutput = merge.output;
    expect(merge.status, merge.output).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('should give every file a full build gives, byte for byte, outside the exact index (Pagefind included)', () => {
    const expected = withoutExact(full);
    expect(Object.keys(expected)).toContain('pagefind/pagefind-entry.json');
    expect(Object.keys(expected).filter((path) => /^reports\/\d{4}\/[^/]+\/index\.html$/.test(path))).toHaveLength(6);
    expect(withoutExact(merged)).toEqual(expected);
  });

  it('should index nothing again in the merge: it keeps the parts’ segments and writes one catalog', () => {
    expect(mergeOutput).toMatch(/6 reports in 2 segments \(0 written, 0 merges, 6 reports held\)/);
    expect(readdirSync(join(merged, EXACT_DIR, 'segments'))).toHaveLength(2);
  });

  it('should answer every query as the full build’s index does', async () => {
    const got = await answers(merged, QUERIES);
    expect(got).toEqual(await answers(full, QUERIES));
    expect(got.filter((one) => (one as { hits: unknown[] }).hits.length > 0).length).toBeGreaterThan(5);
  });

  it('should refuse parts that overlap, naming the report given twice', async () => {
    const again = await parts(['part', 'years:2019', join(work, 'p3')], 'p3');
    expect(again.status, again.output).toBe(0);
    const p1 = await parts(['part', 'years:2018-2019', join(work, 'p4')], 'p4');
    expect(p1.status, p1.output).toBe(0);
    const merge = await parts(['merge', join(work, 'overlap'), join(work, 'p4'), join(work, 'p3')], 'overlap');
    expect(merge.status).toBe(1);
    expect(merge.output).toMatch(/reports\/2019\/310113-rmzf\/index\.html is in two parts/);
    expect(merge.output).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('the parts command line', () => {
  const empty = join(work, 'not-a-part');
  beforeAll(() => mkdirSync(empty, { recursive: true }));

  it('should explain a selection it cannot read, and build nothing', async () => {
    const run = await parts(['part', 'years:20x8', join(work, 'bad')], 'bad');
    expect(run.status).toBe(2);
    expect(run.output).toContain('`20x8` is not a year or a range of years');
    expect(existsSync(join(work, 'bad'))).toBe(false);
  });

  it('should refuse to merge a folder that no part build made', async () => {
    const run = await parts(['merge', join(work, 'm2'), empty], 'm2');
    expect(run.status).toBe(1);
    expect(run.output).toContain(`${empty}: not a part this project built`);
  });

  it('should say where it looked when the archive has no reports to plan', async () => {
    const run = await start([join(ROOT, 'scripts/parts.ts'), 'plan', '4'], { ...settings('plan-empty'), ARCHIVE_DIR: empty }).done;
    expect(run.status).toBe(1);
    expect(run.output).toContain(`error: no reports in ${join(empty, 'reports')}; set ARCHIVE_DIR to the archive`);
  });

  it('should plan parts of about equal size by year', async () => {
    const run = start([join(ROOT, 'scripts/parts.ts'), 'plan', '2'], settings('plan'));
    let out = '';
    run.child.stdout!.on('data', (chunk) => (out += chunk));
    expect((await run.done).status).toBe(0);
    expect(out).toBe('years:2018,2019,2021\t3\nyears:2022-2023\t3\n');
  });
});
