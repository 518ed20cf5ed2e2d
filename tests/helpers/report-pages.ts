/**
 * Report pages shaped like the site's, for the indexer and search engine
 * tests: ignored facts and TOC, headings with ids, and the row the site's
 * catalog (`data/reports.json`) gives each; and an engine over an index
 * held in memory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { extractReport, type ExtractedReport } from '../../scripts/index-search/read-page.ts';
import { CATALOG_JSON, factsOf } from '../../scripts/index-search/report-facts.ts';
import { idOfReportPage } from '../../src/archive/layout.ts';
import { ExactSearch, type Loader } from '../../src/search/browser/engine.ts';
import { parseQuery } from '../../src/search/browser/query.ts';

export interface PageOptions {
  title: string;
  year: string;
  agency: string;
  body: string;
  date?: string;
}

/** A built report page as the indexer reads it: its path in the site, its HTML, and its row in the site's catalog. */
export interface TestPage {
  file: string;
  html: string;
  row: { id: string; title: string; agency: string; region: string; regionCode: string; level: string; year: number; date: string };
}

/** A report page shaped like the site's (ignored facts and TOC, headings with ids) at `file`, with its catalog row. */
export function page(file: string, options: PageOptions): TestPage {
  const { title, year, agency, body, date = `${year}-03-01` } = options;
  const html = `<!doctype html><html lang="zh-CN"><body><header>站点导航 搜索</header><main>
<article data-pagefind-body>
<h1>${title}</h1>
<dl data-pagefind-ignore><dt>报告机构</dt><dd>${agency}</dd></dl>
<nav data-pagefind-ignore><a href="#s1">目录里的标题</a></nav>
<div class="report-body">${body}</div>
</article></main><footer>沪ICP备00000000号</footer></body></html>`;
  const row = { id: idOfReportPage(file), title, agency, region: '上海市宝山区', regionCode: '310113', level: '县区', year: Number(year), date };
  return { file, html, row };
}

/** Write `pages` as a built site under `dir`: the pages, the catalog, and the search page with its base path. */
/** A maker of test sites (`writeSite`) in temporary folders named `<prefix>…`, all removed after the calling file's tests. */
export function temporarySites(prefix: string): (pages: readonly TestPage[]) => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return (pages) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    writeSite(dir, pages);
    return dir;
  };
}

export function writeSite(dir: string, pages: readonly TestPage[], base = '/fzzfjs/'): void {
  mkdirSync(join(dir, 'search'), { recursive: true });
  writeFileSync(join(dir, 'search/index.html'), `<div id="search-app" data-search-base="${base}"></div>`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, CATALOG_JSON), JSON.stringify({ count: pages.length, reports: pages.map((p) => p.row) }));
  for (const { file, html } of pages) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
}

/** A page read as the indexer reads it, its facts from its catalog row. */
export function extractPage({ file, html, row }: TestPage, base = '/fzzfjs/'): ExtractedReport {
  return extractReport(html, file, factsOf(row, base));
}

export const PAGES: TestPage[] = [
  page('reports/2018/310113-rmzf/index.html', {
    title: '宝山区2018年度法治政府建设情况报告',
    year: '2018',
    agency: '上海市宝山区人民政府',
    body: `<p>2018年，全面推进“放管服”改革。</p>
<h2 id="s1"><span id="一主要举措"></span>一、主要举措 <a class="heading-link" href="#s1" data-pagefind-ignore>#</a></h2>
<p>开通12345热线，办理ＩＣＰ备案。</p><ul><li>行政复议</li><li>法律顾问</li></ul>
<h3 id="s1-1">（一）依法决策</h3><p>严格执行重大行政决策程序。<br>第二行</p>`,
  }),
  page('reports/2019/310113-rmzf/index.html', {
    title: '宝山区2019年度法治政府建设情况报告',
    year: '2019',
    agency: '上海市宝山区人民政府',
    body: `<h2 id="s1">一、总体情况</h2><p>法治政府建设取得新成效，行政复议案件办结率100%。</p><p>放管服</p><p>改革</p>`,
  }),
];

export function extracted(): ExtractedReport[] {
  return PAGES.map((one) => extractPage(one));
}

/** An engine over index files in memory; `onLoad` hears every path it loads. */
export function engineOver(files: Map<string, string>, onLoad?: (path: string) => void): ExactSearch {
  const loader: Loader = async (path) => {
    onLoad?.(path);
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no ${path}`);
    return JSON.parse(contents);
  };
  return new ExactSearch(loader);
}

/** Ids of the reports found for `query`. */
export async function ids(engine: ExactSearch, query: string): Promise<string[]> {
  const outcome = await engine.search(parseQuery(query).terms);
  const rows = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
  return outcome.hits.map((hit) => rows.get(hit.ordinal)?.id ?? '?').sort();
}

export function randomText(seed: number, length = 30): string {
  let state = seed * 7 + 1;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** Random texts over a tiny alphabet: many shared n-grams, so a long term's grams occur apart as well as together. */
export function randomReports(count: number): ExtractedReport[] {
  return Array.from({ length: count }, (_, index) => ({
    file: `reports/2020/${index}/index.html`,
    record: { id: `2020/${String(index).padStart(3, '0')}`, url: `/reports/2020/${index}/`, title: `报告${index}`, agency: '甲', year: '2020', date: '2020-01-01', region: '乙', province: '乙', city: '乙', level: '县区' },
    sections: [['', 0, Array.from({ length: 3 }, (_, block) => randomText(index * 3 + block))]],
    messages: [],
  }));
}


/** The files of an index of one segment (`buildExactIndex`), by their paths inside the segment. */
export function segmentOf(files: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, contents] of files) {
    const inside = /^segments\/[^/]+\/(.+)$/.exec(path);
    if (inside) out.set(inside[1], contents);
  }
  return out;
}
