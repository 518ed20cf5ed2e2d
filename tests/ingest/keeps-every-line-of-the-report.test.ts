/**
 * Item 2 of issue 13: strip removes only lines it can name as chrome; short
 * lines of the report (a note above the first paragraph, numbered items and
 * the 落款 after the last paragraph, 10,000 （n） subsections) are archived;
 * what is left out after the report's end is reported; and the Markdown is
 * checked against the text, a shortfall being an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../scripts/ingest/check.ts';
import { analyse } from '../../scripts/ingest/pipeline.ts';
import { ingestCli, reportsIn, tempDir } from '../helpers/ingest-cli.ts';

const SHORT_LINES = 'tests/fixtures/hostile/short-lines.txt';

describe('a report with short lines', () => {
  it('should keep the short sentence between the 来源 line and the first paragraph', async () => {
    const { markdown } = await analyse(SHORT_LINES);
    expect(markdown.startsWith('本报告经局党组会议审议通过，现予公开。\n')).toBe(true);
  });

  it('should keep every line under the last heading, and the 落款 with its note', async () => {
    const { markdown } = await analyse(SHORT_LINES);
    for (const line of ['1.深入学习习近平法治思想', '4.做好普法宣传工作', '责任单位 局办公室', '上海市宝山区司法局\n\n2024年1月15日\n\n（此件公开发布）']) expect(markdown).toContain(line);
  });

  it('should keep a sentence that mentions a QR code (二维码), which is text, not chrome', async () => {
    const { markdown } = await analyse(SHORT_LINES);
    expect(markdown).toContain('推广“扫一扫”二维码亮证执法。');
  });

  it('should report the lines it left out after the report as the page footer, and drop the named chrome silently', async () => {
    const archive = tempDir();
    const { err, code } = await ingestCli(['--archive', archive, '--manifest', writeManifest(archive), SHORT_LINES]);
    expect(code, err).toBe(0);
    expect(err).toMatch(/warning: tests\/fixtures\/hostile\/short-lines\.txt: left out 2 line\(s\) after the report's end, taken for the page footer: "国务院部门网站", "地方政府网站"/);
    const [report] = reportsIn(archive);
    const text = readFileSync(join(archive, 'reports', report), 'utf8');
    expect(text).not.toContain('网站标识码');
    expect(text).toContain('2024年1月15日');
  });

  it('should keep all of 10,000 （n） subsections', async () => {
    const dir = tempDir();
    const file = join(dir, 'many.txt');
    const items = Array.from({ length: 10_000 }, (_, n) => `（${n + 1}）推进第${n + 1}项依法行政工作`);
    writeFileSync(file, ['上海市宝山区司法局2023年度法治政府建设情况报告', '发布日期：2024-01-20', '', '2023年，区司法局在区委、区政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进法治政府建设，现将有关情况报告如下。', '', '一、主要举措和成效', '', ...items].join('\n'));
    const { markdown } = await analyse(file, { regionCode: '310113' });
    expect(markdown).toContain('（1）推进第1项依法行政工作');
    expect(markdown).toContain('（10000）推进第10000项依法行政工作');
    expect(markdown.length).toBeGreaterThan(200_000);
  });
});

describe('the check of the Markdown against the text', () => {
  it('should pass text that Markdown would read as markup, escaped', () => {
    expect(() => checkText('a.txt', ['[x][r] *强调* &amp; <b>', '[r]: javascript:alert(1)'], '\\[x]\\[r] \\*强调\\* \\&amp; \\<b>\n\n\\[r]: javascript:alert(1)\n')).not.toThrow();
  });

  it('should refuse Markdown that lost characters, naming the file and where', () => {
    expect(() => checkText('a.txt', ['第一段。', '第二段。'], '第一段。\n')).toThrow(/a\.txt: 4 character\(s\) of the report's text are missing from the Markdown \(from character 4/);
    expect(() => checkText('a.txt', ['&amp;'], '&amp;\n')).toThrow(/a\.txt: .*not archived/);
  });
});

function writeManifest(dir: string): string {
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(manifest, `file,regionCode\n${join(process.cwd(), SHORT_LINES)},310113\n`);
  return manifest;
}
