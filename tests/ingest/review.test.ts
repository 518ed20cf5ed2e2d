/**
 * A report that is clearly a report but whose region (or agency, or year) is
 * not certain: kept for review with its candidates, not published, listed by
 * `npm run review` in a manifest, and archived once the manifest comes back
 * confirmed. Run with the real commands on a made-up page.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { main as ingest } from '../../scripts/ingest.ts';
import { main as review } from '../../scripts/review.ts';
import { runMain, tempDir } from '../helpers/ingest-cli.ts';

/** 三都镇 is a township in six provinces; the page says nothing of which. */
const PAGE = `三都镇人民政府关于2023年度法治政府建设情况的报告

2023年，三都镇坚持以习近平法治思想为指导，认真贯彻落实上级关于法治政府建设的决策部署，扎实推进依法行政，现将有关情况报告如下。
一、主要工作
（一）加强组织领导。镇党委、镇政府高度重视法治建设，把法治政府建设列入重要议事日程，定期研究解决重大问题。
（二）规范行政执法。严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年未发生行政复议纠错案件。
二、存在的问题
部分干部运用法治思维和法治方式解决问题的能力还有待提高。
`;

const run = runMain;
function setup() {
  const dir = tempDir('review-');
  return { dir, archive: join(dir, 'archive') };
}
const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')) : []);

describe('a report whose region is not certain', () => {
  it('should be kept for review with its candidates, not archived among the reports, and not fail the run', async () => {
    const { dir, archive } = setup();
    const source = join(dir, 'sandu.txt');
    writeFileSync(source, PAGE);
    const { code, err } = await run(ingest, ['--archive', archive, source]);
    expect(code, err).toBe(0);
    expect(err).toContain(`review: ${source}: kept for review: agency, region, level not certain; not published until a person confirms them`);
    expect(list(join(archive, 'reports'))).toEqual([]);
    const entry = matter(readFileSync(join(archive, 'review', 'imported~sandu.md'), 'utf8'));
    expect(entry.data).toMatchObject({ agency: '三都镇人民政府', year: 2023, region: null, needsReview: ['agency', 'region', 'level'], sourceFile: 'sources/imported/sandu.txt' });
    expect(entry.data.candidates.region).toContain('江西省宜春市铜鼓县三都镇 360926');
    expect(entry.data.candidates.region.length).toBeGreaterThan(1);
    expect(entry.content).toContain('## 一、主要工作');
  });

  it('should say so in --dry-run --json, with needsReview and the candidates, and write nothing', async () => {
    const { dir, archive } = setup();
    const source = join(dir, 'sandu.txt');
    writeFileSync(source, PAGE);
    const { code, out } = await run(ingest, ['--archive', archive, '--dry-run', '--json', source]);
    expect(code).toBe(0);
    const [result] = JSON.parse(out);
    expect(result).toMatchObject({ status: 'needs-review', isReport: true, region: null, needsReview: ['agency', 'region', 'level'] });
    expect(result.candidates.region).toContain('浙江省杭州市建德市三都镇 330182');
    expect(existsSync(archive)).toBe(false);
  });

  it('should be listed by npm run review in a manifest whose unconfirmed values are marked, and refused until confirmed', async () => {
    const { dir, archive } = setup();
    const source = join(dir, 'sandu.txt');
    writeFileSync(source, PAGE);
    await run(ingest, ['--archive', archive, source]);
    const listed = await run(review, ['--archive', archive]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('sources/imported/sandu.txt: confirm agency, region, level');
    expect(listed.out).toContain('candidate: 江西省宜春市铜鼓县三都镇 360926');
    const manifest = join(archive, 'review', 'manifest.csv');
    const [head, row] = readFileSync(manifest, 'utf8').trim().split('\r\n');
    expect(head).toBe('file,url,title,agency,regionCode,level,year,date,needsReview,candidates');
    // The agency's official name and its level follow the region: left empty for ingest to decide once the region is confirmed.
    expect(row).toMatch(/^\.\.\/sources\/imported\/sandu\.txt,,三都镇人民政府关于2023年度法治政府建设情况的报告,,\d{6}\?,,2023,,agency region level,"?region: .*agency: 三都镇人民政府 \(follows the region/);

    const refused = await run(ingest, ['--archive', archive, '--manifest', manifest]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/entry 1: regionCode \d{6}\? is still to be confirmed/);
    expect(list(join(archive, 'reports'))).toEqual([]);
  });

  it('should be archived, in its township, and leave review once the manifest comes back confirmed', async () => {
    const { dir, archive } = setup();
    const source = join(dir, 'sandu.txt');
    writeFileSync(source, PAGE);
    await run(ingest, ['--archive', archive, source]);
    await run(review, ['--archive', archive]);
    const manifest = join(archive, 'review', 'manifest.csv');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/\d{6}\?/, '360926'));
    const { code, err } = await run(ingest, ['--archive', archive, '--manifest', manifest]);
    expect(code, err).toBe(0);
    expect(list(join(archive, 'reports'))).toEqual(['2023/360926-sdzrmzf.md']);
    expect(list(join(archive, 'review'))).toEqual([]);
    const report = matter(readFileSync(join(archive, 'reports/2023/360926-sdzrmzf.md'), 'utf8'));
    expect(report.data).toMatchObject({ region: '江西省宜春市铜鼓县三都镇', regionCode: '360926', level: '乡镇街道', agency: '铜鼓县三都镇人民政府' });
    expect(report.data.date).toBeUndefined();
    expect((await run(review, ['--archive', archive])).out).toContain('nothing waits for review');
  });
});
