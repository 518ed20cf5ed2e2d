/**
 * A report printed (Chromium's PDF, the page's own @page size), served
 * under /fzzfjs/: A4 pages, the page's address and the original source's
 * printed on the first, and a last page that holds the report's own text,
 * never the footer alone. Read with poppler's pdfinfo and pdftotext.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useSearchSite } from '../helpers/server.ts';

const site = useSearchSite('/fzzfjs/');
const work = mkdtempSync(join(tmpdir(), 'print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const CANONICAL = 'https://fzzf.example.gov.cn/fzzfjs/';

function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return result.stdout;
}

/** The page as printed: its page size in points, and each page's text, spaces and line ends left out. */
async function printed(path: string): Promise<{ width: number; height: number; pages: string[] }> {
  const { page } = await site.open();
  await page.goto(`${site.url}${path}`);
  const file = join(work, `${path.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const info = poppler('pdfinfo', [file]);
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const pages = Array.from({ length: count }, (_, n) => poppler('pdftotext', ['-f', String(n + 1), '-l', String(n + 1), file, '-']).replace(/\s+/g, ''));
  return { width: Number(width), height: Number(height), pages };
}

/** The report's last paragraph as the page shows it, spaces left out. */
async function lastText(path: string): Promise<string> {
  const { page } = await site.open();
  await page.goto(`${site.url}${path}`);
  return page.locator('.report-body p').last().evaluate((p) => (p.textContent ?? '').replace(/\s+/g, ''));
}

describe('a printed report', () => {
  for (const [path, source] of [
    ['reports/2018/310113-rmzf/', undefined],
    ['reports/2019/310113-rmzf/', 'https://example.com/baoshan/fzzf/2019-report.html'],
  ] as const) {
    it(`should print ${path} on A4 with its addresses, its last page holding its text`, async () => {
      const { width, height, pages } = await printed(path);
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole pixels.
      expect(Math.abs(width - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
      expect(pages.length).toBeGreaterThan(1);

      expect(pages[0]).toContain(`本页地址：${CANONICAL}${path}`);
      if (source) expect(pages[0]).toContain(`原文链接${source}`);
      expect(pages[0]).not.toContain('当前位置');

      const last = pages[pages.length - 1];
      const end = await lastText(path);
      expect(last).toContain(end.slice(-20));
      // The footer is not printed: no page holds it, alone or not.
      for (const page of pages) expect(page).not.toContain('网站标识码');
    });
  }
});
