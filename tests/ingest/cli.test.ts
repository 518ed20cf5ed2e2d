/**
 * The ingest command run for real on fixture folders: exit codes, the --json
 * shape, dry runs that write nothing, idempotent re-runs.
 */
import { cpSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCli, tempDir } from '../helpers/ingest-cli.ts';

const run = ingestCli;
const tempArchive = () => tempDir('archive-');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('npm run ingest', () => {
  it('should print only a JSON array with one object per input file in --dry-run --json mode, and write nothing', async () => {
    const archive = tempArchive();
    const { code, out } = await run(['--dry-run', '--json', '--archive', archive, 'tests/fixtures/seeds/000_4b59215cab437b17.txt', 'tests/fixtures/dev/N01.txt']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toHaveLength(2);
    expect(json[0]).toMatchObject({
      file: 'tests/fixtures/seeds/000_4b59215cab437b17.txt',
      isReport: true,
      title: '嘉定区绿化和市容管理局2022年度法治政府建设情况报告',
      agency: '上海市嘉定区绿化和市容管理局',
      region: '上海市嘉定区',
      regionCode: '310114',
      level: '部门',
      year: 2022,
      date: '2023-03-09',
      dateSource: 'published',
    });
    expect(Array.isArray(json[0].warnings)).toBe(true);
    expect(json[1]).toMatchObject({ file: 'tests/fixtures/dev/N01.txt', isReport: false });
    expect(json[1].warnings.join()).toMatch(/not an annual report/);
    expect(listFiles(archive)).toEqual([]);
  });

  it('should emit needsReview (empty when every value is certain), titleSupplied and damage in --dry-run --json', async () => {
    const { out } = await run(['--dry-run', '--json', 'tests/fixtures/seeds/000_4b59215cab437b17.txt', 'tests/fixtures/dev/005.txt', 'tests/fixtures/dev/008.txt', 'tests/fixtures/dev/013.txt']);
    const [seed, relative, untitled, watermarked] = JSON.parse(out);
    expect(seed).toMatchObject({ needsReview: [], titleSupplied: false, damage: [] });
    expect(relative.needsReview).toEqual(expect.arrayContaining(['agency', 'region']));
    expect(untitled).toMatchObject({ titleSupplied: true, title: '〔南昌县人民政府2019年度法治政府建设情况报告〕', needsReview: [] });
    expect(watermarked.damage.join()).toMatch(/watermark/);
  });

  it('should give null with a warning for a field it cannot find, and keep the report for review rather than fail', async () => {
    const { out, code } = await run(['--dry-run', '--json', 'tests/fixtures/dev/005.txt']);
    const [entry] = JSON.parse(out);
    expect(entry.region).toBeNull();
    expect(entry.date).toBeNull();
    expect(entry.warnings.join('\n')).toMatch(/region not found/);
    expect(entry.warnings.join('\n')).toMatch(/date not found/);
    expect(entry).toMatchObject({ status: 'needs-review', needsReview: expect.arrayContaining(['region']) });
    expect(code).toBe(0);
  });

  it('should convert a folder, copy outside sources into the archive, and change nothing on a second run', async () => {
    const archive = tempArchive();
    const first = await run(['--archive', archive, 'tests/fixtures/seeds']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/converted 5/);
    const files = listFiles(join(archive, 'reports'));
    expect(files.map((f) => f.slice(archive.length + 1))).toEqual([
      'reports/2018/310113-rmzf.md',
      'reports/2021/511304-rmzf.md',
      'reports/2022/310114-lhhsrglj.md',
      'reports/2023/310114-csglxzzfj.md',
      'reports/2023/500235-csglj.md',
    ]);
    const before = files.map((f) => readFileSync(f, 'utf8'));
    const second = await run(['--archive', archive, 'tests/fixtures/seeds']);
    expect(second.err).toMatch(/unchanged 5/);
    expect(listFiles(join(archive, 'reports')).map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(listFiles(join(archive, 'sources'))).toHaveLength(5);
  });

  it('should skip a page that is not a report, and archive it with --force', async () => {
    const archive = tempArchive();
    const skipped = await run(['--archive', archive, 'tests/fixtures/dev/N03.txt']);
    expect(skipped.err).toMatch(/skip: tests\/fixtures\/dev\/N03.txt: not an annual report: a news item/);
    expect(listFiles(join(archive, 'reports'))).toEqual([]);
    const forced = await run(['--archive', archive, '--force', 'tests/fixtures/dev/N03.txt']);
    expect(forced.err).toMatch(/converted 1/);
    expect(listFiles(join(archive, 'reports'))).toHaveLength(1);
  });

  it('should report a second copy of the same report as a duplicate and keep the first', async () => {
    const archive = tempArchive();
    const copyDir = tempArchive();
    cpSync('tests/fixtures/seeds/000_4b59215cab437b17.txt', join(copyDir, 'mirror.txt'));
    await run(['--archive', archive, 'tests/fixtures/seeds/000_4b59215cab437b17.txt']);
    const second = await run(['--archive', archive, join(copyDir, 'mirror.txt')]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(/a duplicate: the same text as 2022\/310114-lhhsrglj/);
    expect(listFiles(join(archive, 'reports'))).toHaveLength(1);
  });

  it('should fail with a usage message for a missing path or no input', async () => {
    expect((await run([])).code).toBe(2);
    const missing = await run(['no/such/file.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Not found: no\/such\/file.txt/);
  });

  it('should take the region from --url for a page whose text names none', async () => {
    const { out } = await run(['--dry-run', '--json', '--url', 'https://cqjlp.gov.cn/zwgk_251/t20260204_15379951.html', 'tests/fixtures/dev/005.txt']);
    const [entry] = JSON.parse(out);
    expect(entry.region).toBe('重庆市九龙坡区');
    expect(entry.agency).toBe('重庆市九龙坡区司法局');
    expect(entry.source).toBe('https://cqjlp.gov.cn/zwgk_251/t20260204_15379951.html');
  });
});
