/**
 * Items 11, 12 and 13 of issue 13 (ingest's part): what ingest accepts is
 * bounded (headings per report, length of a title); dates are calendar
 * dates and region codes are in the region table, also when corrected by
 * hand; invisible format characters are removed before metadata sees the
 * text; a half-UTF-8, half-GBK file is reported as mixed; a `javascript:`
 * URL is dropped with a warning that says where it came from, and the
 * report archived; a manifest entry that matches no file is a warning; an
 * unquoted YAML date is the same date, not a hand edit.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/archive/frontmatter.ts';
import { analyse } from '../../scripts/ingest/pipeline.ts';
import { ingestCli, reportsIn, SEED, SEED_ID, tempDir } from '../helpers/ingest-cli.ts';

const OPENING = '2023年，市教育局在市委、市政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。';
const BODY = `${OPENING}\n\n一、主要举措和成效\n\n市教育局坚持把法治政府建设摆在全局工作的突出位置，成立了工作领导小组，制定了年度工作要点，明确了责任分工。\n`;

/** A seed archived, then its report file changed by `edit`. */
async function archivedThenEdited(edit: (text: string) => string): Promise<{ archive: string; file: string }> {
  const archive = tempDir();
  mkdirSync(join(archive, 'sources'));
  cpSync(SEED, join(archive, 'sources/report.txt'));
  expect((await ingestCli(['--archive', archive, join(archive, 'sources')])).code).toBe(0);
  const file = join(archive, 'reports', `${SEED_ID}.md`);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return { archive, file };
}

describe('bounds', () => {
  it('should refuse 100,000 一、 headings in a few seconds, with a message', async () => {
    const dir = tempDir();
    const file = join(dir, 'headings.txt');
    writeFileSync(file, `郑州市教育局2023年度法治政府建设情况报告\n发布日期：2024-01-20\n\n${OPENING}\n\n${'一、\n'.repeat(100_000)}`);
    const started = performance.now();
    const { code, err } = await ingestCli(['--dry-run', '--archive', tempDir(), file]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(err).toMatch(/error: .*headings\.txt: 100000 headings, over the 1000 one report may have; check that this is a single report/);
  });

  it('should refuse a title of 1 MB, naming the field', async () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, 'report.txt'));
    writeFileSync(join(dir, 'manifest.csv'), `file,title\nreport.txt,${'法'.repeat(1_000_000)}\n`);
    const { code, err } = await ingestCli(['--archive', tempDir(), '--manifest', join(dir, 'manifest.csv'), join(dir, 'report.txt')]);
    expect(code).toBe(1);
    expect(err).toMatch(/error: .*report\.txt: invalid frontmatter: title: longer than 200 characters/);
  });
});

describe('dates and region codes corrected by hand', () => {
  it.each([
    ['2023-02-30', 'date: "2023-02-30"'],
    ['2023-13-45', 'date: 2023-13-45'],
  ])('should refuse the date %s, naming the report and the field', async (date, line) => {
    const { archive, file } = await archivedThenEdited((text) => text.replace(/^date: .*$/m, line));
    const { code, err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`error: .*report\\.txt \\(archived as ${file}\\): invalid frontmatter: date: not a day of the calendar .*\\(got "${date}"\\)`));
  });

  it('should refuse a regionCode that is not in the region table', async () => {
    const { archive } = await archivedThenEdited((text) => text.replace(/^regionCode: .*$/m, 'regionCode: "990000"'));
    const { code, err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(code).toBe(1);
    expect(err).toMatch(/invalid frontmatter: regionCode: 990000 is not in the GB\/T 2260 region table/);
  });

  it('should read an unquoted date as the same date, not as a hand edit', async () => {
    const { archive } = await archivedThenEdited((text) => text.replace(/^date: "(.*)"$/m, 'date: $1'));
    const { code, err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(code, err).toBe(0);
    expect(err).not.toMatch(/kept date/);
    expect(readFrontmatter(readFileSync(join(archive, 'reports', `${SEED_ID}.md`), 'utf8')).data.locked).toBeUndefined();
  });

  it('should refuse a manifest date that is not a day of the calendar', async () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, 'report.txt'));
    writeFileSync(join(dir, 'manifest.csv'), 'file,date\nreport.txt,2023-02-30\n');
    const { code, err } = await ingestCli(['--dry-run', '--manifest', join(dir, 'manifest.csv'), join(dir, 'report.txt')]);
    expect(code).toBe(2);
    expect(err).toMatch(/manifest\.csv: entry 1: date 2023-02-30 is not a day of the calendar/);
  });
});

describe('invisible format characters and mixed encodings', () => {
  it('should remove a right-to-left override before the agency is read, with a warning', async () => {
    const dir = tempDir();
    const file = join(dir, 'rlo.txt');
    writeFileSync(file, `郑州市\u202e教育局2023年度法治政府建设情况报告\n发布日期：2024-01-20\n\n${BODY}`);
    const { metadata, warnings } = await analyse(file);
    // The official name (ingest writes a city's department with its city), not 河南省郑州市人民政府.
    expect(metadata.agency).toBe('郑州市教育局');
    expect(metadata.region).toBe('河南省郑州市');
    expect(metadata.title).toBe('郑州市教育局2023年度法治政府建设情况报告');
    expect(warnings.join('\n')).toMatch(/removed 1 invisible format character\(s\) \(U\+202E RIGHT-TO-LEFT OVERRIDE\)/);
  });

  it('should take a report with a zero-width space in its title for a report', async () => {
    const dir = tempDir();
    const file = join(dir, 'zwsp.html');
    writeFileSync(file, `<html><head><meta name="ArticleTitle" content="郑州市教育局2023年度法治政府建设情况&#x200b;报告"></head><body><h1>郑州市教育局2023年度法治政府建设情况&#x200b;报告</h1><p>发布日期：2024-01-20</p>${BODY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</body></html>`);
    const { code, out } = await ingestCli(['--dry-run', '--json', '--archive', tempDir(), file]);
    const [entry] = JSON.parse(out);
    expect(entry).toMatchObject({ isReport: true, title: '郑州市教育局2023年度法治政府建设情况报告' });
    expect(entry.warnings.join('\n')).toMatch(/U\+200B ZERO WIDTH SPACE/);
    expect(code).toBe(0);
  });

  it('should report a file that is half UTF-8 and half GBK as mixing encodings', async () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.txt');
    const half = `郑州市教育局2023年度法治政府建设情况报告\n${BODY}`;
    writeFileSync(file, Buffer.concat([Buffer.from(half), iconv.encode(BODY, 'gbk')]));
    const { code, err } = await ingestCli(['--dry-run', '--archive', tempDir(), file]);
    expect(code).toBe(1);
    expect(err).toMatch(/error: .*mixed\.txt: mixes encodings: it holds UTF-8 Chinese text .*the first at byte \d+, which reads as GB18030\/GBK/);
  });
});

describe('URLs and manifests', () => {
  const page = (url: string) =>
    `<html><head><meta name="Url" content="${url}"><meta name="ArticleTitle" content="郑州市教育局2023年度法治政府建设情况报告"></head><body><h1>郑州市教育局2023年度法治政府建设情况报告</h1><p>发布日期：2024-01-20</p>${BODY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</body></html>`;

  it('should drop a javascript: URL from <meta name="Url"> with a warning, and archive the report', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'page.html'), page('javascript:alert(document.domain)'));
    const archive = tempDir();
    const { code, err } = await ingestCli(['--archive', archive, join(dir, 'page.html')]);
    expect(code, err).toBe(0);
    expect(err).toMatch(/warning: .*page\.html: the page's <meta name="Url"> "javascript:alert\(document\.domain\)" is not an http\(s\) URL; left out/);
    const [report] = reportsIn(archive);
    expect(readFrontmatter(readFileSync(join(archive, 'reports', report), 'utf8')).data.source).toBeUndefined();
  });

  it('should drop a javascript: URL given with --url or in a manifest, saying where it came from', async () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, 'report.txt'));
    const withUrl = await ingestCli(['--archive', tempDir(), '--url', 'javascript:alert(1)', join(dir, 'report.txt')]);
    expect(withUrl.code, withUrl.err).toBe(0);
    expect(withUrl.err).toMatch(/warning: --url "javascript:alert\(1\)" is not an http\(s\) URL; left out/);
    writeFileSync(join(dir, 'manifest.csv'), 'file,url\nreport.txt,javascript:alert(1)\n');
    const withManifest = await ingestCli(['--archive', tempDir(), '--manifest', join(dir, 'manifest.csv'), join(dir, 'report.txt')]);
    expect(withManifest.code, withManifest.err).toBe(0);
    expect(withManifest.err).toMatch(/warning: .*manifest\.csv: entry 1: url "javascript:alert\(1\)" is not an http\(s\) URL; left out/);
  });

  it('should warn about a manifest entry that matches none of the files given', async () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, 'report.txt'));
    writeFileSync(join(dir, 'manifest.csv'), 'file,regionCode\nreport.txt,310114\nrepot-typo.txt,500107\n');
    const { err } = await ingestCli(['--dry-run', '--archive', tempDir(), '--manifest', join(dir, 'manifest.csv'), join(dir, 'report.txt')]);
    expect(err).toMatch(/warning: .*manifest\.csv: entry 2 \(repot-typo\.txt\): matches none of the files given, so its values were not used/);
    expect(err).not.toMatch(/entry 1/);
  });
});
