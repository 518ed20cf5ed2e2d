/**
 * Issue 13, the build under hostile settings and faults: an OUT_DIR that is
 * the archive, the project, or a folder of other files is refused before
 * anything is written (item 1); so is a BASE_PATH that is not a path (item
 * 8); a killed rebuild leaves the last good site in place (item 15); page
 * copies in the build cache cut short on disk are rendered again (item 5);
 * an OUT_DIR on another file system builds (item 10); CSV cells that would
 * be formulas are neutralised (item 6); reference links to javascript: and
 * off-site images render as text (item 7); a date that is not a day of the
 * calendar, a region code not in the table and a 1 MB title fail the build
 * naming the file (items 11, 12); and the indexer refuses a folder that is
 * not a site this project built.
 *
 * Each archive is small and built in its own folder under tests/.tmp.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, astroBuild, buildEnvironment, fixtureReport, hashes, makeArchive, start, writeFile, type Run } from '../helpers/archive-builds.ts';

const archive = (name: string, reports: Record<string, string>) => makeArchive(work, name, reports);

const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at /m);

// A report whose title and agency a spreadsheet would take for formulas, and whose body links by reference.
const HOSTILE = fixtureReport('2019/310113-rmzf')
  .replace(/^title: .*$/m, `title: '=HYPERLINK("https://evil.example","点击")'`)
  .replace(/^agency: .*$/m, 'agency: "@SUM(1+1)"')
  .replace(/\n## /, '\n[点此查看][r] ![图][z] [官网][g]\n\n[r]: javascript:alert(document.domain)\n[z]: https://evil.example/track.png\n[g]: https://www.gov.cn/\n\n## ');

let work: string;
let good: string;
let out: string;
let cache: string;
let first: Run;
let firstSite: Record<string, string>;
let refusals: Record<string, Run>;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/hostile-build-'));
  good = archive('good', {
    '2018/310113-rmzf.md': fixtureReport('2018/310113-rmzf'),
    '2019/310113-rmzf.md': HOSTILE,
  });
  out = join(work, 'site');
  cache = join(work, 'cache');
  const foreign = join(work, 'foreign');
  writeFile(join(foreign, 'notes.txt'), '我的笔记');
  const badSettings = archive('bad-settings', { '2018/310113-rmzf.md': fixtureReport('2018/310113-rmzf') });
  writeFileSync(join(badSettings, 'site.yaml'), 'name: 报告库\n');
  const refused = {
    'a site.yaml without sponsor and contact': { ARCHIVE_DIR: badSettings, OUT_DIR: join(work, 'never') },
    'the archive': { ARCHIVE_DIR: good, OUT_DIR: good },
    'a folder inside the archive': { ARCHIVE_DIR: good, OUT_DIR: join(good, 'reports/dist') },
    'the project': { ARCHIVE_DIR: good, OUT_DIR: ROOT },
    "a folder inside the project's src": { ARCHIVE_DIR: good, OUT_DIR: join(ROOT, 'src/dist') },
    'a folder of other files': { ARCHIVE_DIR: good, OUT_DIR: foreign },
    'BASE_PATH //evil.example/': { ARCHIVE_DIR: good, OUT_DIR: join(work, 'never'), BASE_PATH: '//evil.example/' },
    'BASE_PATH /a/../../x/': { ARCHIVE_DIR: good, OUT_DIR: join(work, 'never'), BASE_PATH: '/a/../../x/' },
  };
  const runs = await Promise.all([
    astroBuild({ ARCHIVE_DIR: good, OUT_DIR: out, CACHE_DIR: cache }),
    ...Object.values(refused).map((settings) => astroBuild({ CACHE_DIR: join(work, 'refused-cache'), ...settings })),
  ]);
  first = runs[0];
  refusals = Object.fromEntries(Object.keys(refused).map((what, index) => [what, runs[index + 1]]));
  firstSite = hashes(out);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('an OUT_DIR the build must not replace (item 1)', () => {
  it.each([
    ['the archive', /OUT_DIR .*: is the archive \(ARCHIVE_DIR\)\. The build replaces the whole folder/],
    ['a folder inside the archive', /OUT_DIR .*: lies inside the archive /],
    ['the project', /OUT_DIR .*: is the project folder/],
    ["a folder inside the project's src", /OUT_DIR .*: lies inside the project's src\/ folder/],
    ['a folder of other files', /OUT_DIR .*foreign: holds files that no build of this site made \(it has no \.fzzf-site\.json\); empty it yourself if they can go/],
  ])('should refuse %s before writing anything, with no stack trace', (what, message) => {
    const run = refusals[what];
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(message);
    noStackTrace(run.output);
  });

  it('should leave the archive and the other files as they were', () => {
    expect(readdirSync(good).sort()).toEqual(['images', 'reports', 'site.yaml']);
    expect(readdirSync(join(good, 'reports'), { recursive: true }).map(String).sort()).toEqual(['2018', '2018/310113-rmzf.md', '2019', '2019/310113-rmzf.md']);
    expect(readFileSync(join(work, 'foreign/notes.txt'), 'utf8')).toBe('我的笔记');
    expect(existsSync(join(ROOT, 'src/dist'))).toBe(false);
  });

  it('should mark its own site, and build over it again', () => {
    expect(first.status, first.output).toBe(0);
    expect(existsSync(join(out, '.fzzf-site.json'))).toBe(true);
  });
});

describe('site settings that are wrong', () => {
  it('should name the file and the fields, with no stack trace', () => {
    const run = refusals['a site.yaml without sponsor and contact'];
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/Invalid site settings in .*bad-settings\/site\.yaml:\n\s+- sponsor: expected the 主办单位/);
    noStackTrace(run.output);
  });
});

describe('a BASE_PATH that is not a path (item 8)', () => {
  it.each([
    ['BASE_PATH //evil.example/', /BASE_PATH "\/\/evil\.example\/" is not a path on this site: it starts with \/\/, which a browser reads as another host/],
    ['BASE_PATH /a/../../x/', /BASE_PATH "\/a\/\.\.\/\.\.\/x\/" is not a path on this site: it has a \. or \.\. segment/],
  ])('should refuse %s with a message', (what, message) => {
    const run = refusals[what];
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(message);
    noStackTrace(run.output);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('the catalogue and the pages of hostile content (items 6, 7)', () => {
  it('should neutralise title and agency cells that a spreadsheet would take for formulas', () => {
    const csv = readFileSync(join(out, 'data/reports.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""点击"")"`);
    expect(csv).toContain(`"'@SUM(1+1)"`);
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
    const json = JSON.parse(readFileSync(join(out, 'data/reports.json'), 'utf8'));
    expect(json.reports).toContainEqual(expect.objectContaining({ title: '=HYPERLINK("https://evil.example","点击")' }));
  });

  it('should render a reference link to javascript: and an off-site image as text, and keep an http(s) link', () => {
    const page = readFileSync(join(out, 'reports/2019/310113-rmzf/index.html'), 'utf8');
    expect(page).toContain('点此查看 (javascript:alert(document.domain))');
    expect(page).not.toMatch(/href="\s*javascript:/i);
    expect(page).not.toMatch(/<img[^>]+src="(https?:)?\/\//);
    expect(page).toContain('href="https://www.gov.cn/"');
  });
});

describe('a rebuild that is killed (item 15) or meets damaged cache entries (item 5)', () => {
  it('should leave the last good site in place when killed mid-build', async () => {
    const report = join(good, 'reports/2018/310113-rmzf.md');
    const original = readFileSync(report, 'utf8');
    writeFileSync(report, original.replace('现将宝山区2018年度', '（改过）现将宝山区2018年度'));
    const { child, done } = start([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { ARCHIVE_DIR: good, OUT_DIR: out, CACHE_DIR: cache });
    // Kill it once it has started to write the new site.
    const staging = join(work, '.site.building');
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(staging, 'reports')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await done;
    writeFileSync(report, original);
    expect(hashes(out)).toEqual(firstSite);
  }, 90_000);

  it('should render again a page whose copy in the build cache was cut short, not publish it', async () => {
    const copy = join(cache, 'dist/reports/2018/310113-rmzf/index.html');
    expect(existsSync(copy)).toBe(true);
    writeFileSync(copy, readFileSync(copy, 'utf8').slice(0, 2000));
    const rebuilt = await astroBuild({ ARCHIVE_DIR: good, OUT_DIR: out, CACHE_DIR: cache });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(rebuilt.output).toMatch(/\d+ page\(s\) in the build cache .* did not match their digest; they are rendered again/);
    expect(hashes(out)).toEqual(firstSite);
  }, 90_000);
});

describe('an OUT_DIR on another file system (item 10)', () => {
  const shm = '/dev/shm';
  const otherDevice = existsSync(shm) && statSync(shm).dev !== statSync(ROOT).dev;
  it.runIf(otherDevice)('should build there, as on the project file system', async () => {
    const there = mkdtempSync(join(shm, 'hostile-build-'));
    try {
      const run = await astroBuild({ ARCHIVE_DIR: good, OUT_DIR: join(there, 'site'), CACHE_DIR: join(work, 'shm-cache') });
      expect(run.status, run.output).toBe(0);
      expect(existsSync(join(there, 'site/reports/2018/310113-rmzf/index.html'))).toBe(true);
      noStackTrace(run.output);
    } finally {
      rmSync(there, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('reports whose values the schema refuses (items 11, 12)', () => {
  it('should fail the build naming each file and field: a date off the calendar, a region code not in the table, a 1 MB title', async () => {
    const bad = archive('bad', {
      '2018/310113-rmzf.md': fixtureReport('2018/310113-rmzf').replace(/^date: .*$/m, 'date: 2023-02-30'),
      '2019/310113-rmzf.md': fixtureReport('2019/310113-rmzf').replace(/^date: .*$/m, 'date: "2023-13-45"'),
      '2021/990000-rmzf.md': fixtureReport('2021/511304-rmzf').replace(/^regionCode: .*$/m, 'regionCode: "990000"'),
      '2023/500235-cgj.md': fixtureReport('2023/500235-cgj').replace(/^title: .*$/m, `title: ${'法'.repeat(1_000_000)}`),
    });
    const run = await astroBuild({ ARCHIVE_DIR: bad, OUT_DIR: join(work, 'bad-site'), CACHE_DIR: join(work, 'bad-cache') });
    expect(run.status).not.toBe(0);
    const shown = (file: string) => relative(ROOT, join(bad, 'reports', file));
    expect(run.output).toContain(`${shown('2018/310113-rmzf.md')}: date: not a day of the calendar (month 01–12, and a day that month has) (got "2023-02-30")`);
    expect(run.output).toContain(`${shown('2019/310113-rmzf.md')}: date: not a day of the calendar`);
    expect(run.output).toContain(`${shown('2021/990000-rmzf.md')}: regionCode: 990000 is not in the GB/T 2260 region table`);
    expect(run.output).toContain(`${shown('2023/500235-cgj.md')}: title: longer than 200 characters`);
    expect(run.output.length).toBeLessThan(20_000);
    expect(run.ms).toBeLessThan(60_000);
    noStackTrace(run.output);
  }, 90_000);
});

describe('the indexer on a folder that is not a site (item 1)', () => {
  it('should refuse it, touching nothing', () => {
    const folder = join(work, 'not-a-site');
    cpSync(join(work, 'foreign'), folder, { recursive: true });
    mkdirSync(join(folder, 'pagefind'));
    writeFileSync(join(folder, 'pagefind/mine.txt'), '我的');
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/index-search.ts'), folder], { cwd: ROOT, encoding: 'utf8', env: buildEnvironment({}) });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: .*not-a-site is not a site built by this project \(it has no \.fzzf-site\.json\)/);
    expect(readFileSync(join(folder, 'pagefind/mine.txt'), 'utf8')).toBe('我的');
  });
});
