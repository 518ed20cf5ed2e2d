/**
 * Nothing lost, nothing injected: bad input gets a clear message naming the
 * file, the rest of the batch goes through, re-runs change nothing, and
 * corrections survive.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { SEED, ingestCli, reportsIn, tempDir } from '../helpers/ingest-cli.ts';
import { mergeCorrections } from '../../scripts/ingest/corrections.ts';
import { Archive } from '../../scripts/ingest/archive-index.ts';
import { writeIfChanged } from '../../src/archive/atomic.ts';
import { renderFile, validate } from '../../scripts/ingest/write.ts';

const run = ingestCli;
const temp = (prefix = 'bad-input-') => tempDir(prefix);


describe('bad input files', () => {
  it.each([
    ['an empty file', 'tests/fixtures/encodings/empty.txt', /a-bad\.txt: the file is empty/],
    ['a whitespace-only file', 'tests/fixtures/encodings/whitespace.txt', /a-bad\.txt: .*(empty|whitespace)/],
    ['a PDF renamed .txt', 'tests/fixtures/encodings/report.pdf', /a-bad\.txt: looks like a PDF/],
    ['a PNG renamed .txt', 'tests/fixtures/encodings/scan.png', /a-bad\.txt: looks like a PNG/],
    ['random bytes that decode to nothing', 'tests/fixtures/encodings/random-high.txt', /a-bad\.txt: .*(decode|garbage|text)/],
  ])('should refuse %s with a message naming it, and convert the rest of the batch', async (_label, bad, message) => {
    const archive = temp();
    const sources = temp();
    cpSync(bad, join(sources, 'a-bad.txt'));
    cpSync(SEED, join(sources, 'b-report.txt'));
    const { code, err } = await run(['--archive', archive, sources]);
    expect(err).toMatch(message);
    expect(err).toMatch(/^error: /m);
    expect(err).toMatch(/converted 1, .*failed 1/);
    expect(code).toBe(1);
    expect(reportsIn(archive)).toHaveLength(1);
  });

  it('should refuse a 20 MB text with a message that says how to raise the limit', async () => {
    const dir = temp();
    const big = join(dir, 'huge.txt');
    writeFileSync(big, '法治政府建设。'.repeat(1_000_000));
    const { code, err } = await run(['--dry-run', big]);
    expect(code).toBe(1);
    expect(err).toMatch(/huge\.txt: 20(\.\d)? MB is over the 10(\.0)? MB limit/);
  });
});

describe('re-runs and corrections', () => {
  it('should keep a field corrected by hand in the frontmatter on the next ingest', async () => {
    const archive = temp();
    const sources = join(archive, 'sources');
    mkdirSync(sources);
    cpSync(SEED, join(sources, 'report.txt'));
    await run(['--archive', archive, sources]);
    const file = join(archive, 'reports/2022/310114-lhhsrglj.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('publisher: ', 'x: ').replace('"上海市嘉定区绿化和市容管理局"', '"上海市嘉定区绿化和市容管理局（更正）"'));
    const again = await run(['--archive', archive, sources]);
    expect(again.err).toMatch(/kept agency as corrected by hand/);
    const data = matter(readFileSync(file, 'utf8')).data;
    expect(data.agency).toBe('上海市嘉定区绿化和市容管理局（更正）');
    expect(data.locked).toEqual(['agency']);
    const third = await run(['--archive', archive, sources]);
    expect(third.err).toMatch(/unchanged 1/);
  });

  it('should keep a value given in a manifest when the next ingest runs without it', async () => {
    const archive = temp();
    const sources = join(archive, 'sources');
    mkdirSync(sources);
    cpSync('tests/fixtures/dev/005.txt', join(sources, '005.txt'));
    writeFileSync(join(sources, 'manifest.csv'), 'file,url,regionCode,date\n005.txt,https://cqjlp.gov.cn/a/t20260204_1.html,500107,2026-02-04\n');
    const first = await run(['--archive', archive, '--manifest', join(sources, 'manifest.csv'), sources]);
    expect(first.code).toBe(0);
    const [report] = reportsIn(archive);
    const before = readFileSync(join(archive, 'reports', String(report)), 'utf8');
    expect(matter(before).data).toMatchObject({ region: '重庆市九龙坡区', date: '2026-02-04', agency: '重庆市九龙坡区司法局' });
    const second = await run(['--archive', archive, sources]);
    expect(second.code).toBe(0);
    expect(readFileSync(join(archive, 'reports', String(report)), 'utf8')).toBe(before);
  });

  it('should keep a report whose source file is gone, and say so', async () => {
    const archive = temp();
    const sources = join(archive, 'sources');
    mkdirSync(sources);
    cpSync(SEED, join(sources, 'report.txt'));
    cpSync('tests/fixtures/seeds/001_6ad3d41dcde242a3.txt', join(sources, 'other.txt'));
    await run(['--archive', archive, sources]);
    rmSync(join(sources, 'report.txt'));
    const { err } = await run(['--archive', archive, sources]);
    expect(err).toMatch(/kept: .*2022\/310114-lhhsrglj\.md although its source sources\/report\.txt is gone/);
    expect(reportsIn(archive)).toHaveLength(2);
  });

  it('should give two different reports that would share a path distinct, stable paths', () => {
    const archive = new Archive();
    archive.add({ id: '2022/310114-rmzf', file: '', data: { agency: '上海市嘉定区人民政府', year: 2022, regionCode: '310114', sourceFile: 'a.txt' }, body: 'A' });
    const other = { agency: '上海市嘉定区人民法制办', year: 2022, regionCode: '310114', sourceFile: 'b.txt' };
    expect(archive.place(other, 'B', 'rmzf')).toEqual({ kind: 'new', id: '2022/310114-rmzf-2' });
    expect(archive.place(other, 'B', 'rmzf')).toEqual({ kind: 'new', id: '2022/310114-rmzf-2' });
  });

  it('given values win over locked and extracted ones, and become locked', () => {
    const merged = mergeCorrections({ extracted: { year: 2020, agency: 'A' }, given: { year: 2019 }, previous: { year: 2020, agency: 'B', locked: ['agency'] }, lastExtracted: { year: 2020, agency: 'A' } });
    expect(merged.data).toMatchObject({ year: 2019, agency: 'B', locked: ['agency', 'year'] });
  });
});

describe('frontmatter and files', () => {
  it('should round-trip values with quotes, colons and line breaks', () => {
    const data = validate(
      {
        title: '关于“法治政府”建设: 2023年度报告',
        agency: "某某局 'A': B",
        region: '上海市嘉定区',
        regionCode: '310114',
        level: '部门',
        year: 2023,
        date: '2024-03-28',
        dateSource: 'published',
        publisher: '第一行\n第二行 --- # {x}',
        sourceFile: 'sources/a.txt',
      },
      'x.md',
    );
    const parsed = matter(renderFile(data, '正文。'));
    expect(validate(parsed.data, 'x.md')).toEqual(data);
    expect(parsed.content.trim()).toBe('正文。');
  });

  it('should write through a temporary file and leave none behind', () => {
    const dir = temp();
    const file = join(dir, 'reports/2022/a.md');
    expect(writeIfChanged(file, 'one')).toBe(true);
    expect(writeIfChanged(file, 'one')).toBe(false);
    expect(readdirSync(join(dir, 'reports/2022'))).toEqual(['a.md']);
  });
});
