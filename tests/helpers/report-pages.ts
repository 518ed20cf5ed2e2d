/**
 * Report pages shaped like the site's, for the indexer and search engine
 * tests: Pagefind filters and meta, ignored facts and TOC, headings with ids;
 * and an engine over an index held in memory.
 */
import { extractReport, type ExtractedReport } from '../../scripts/index-search/read-page.ts';
import { ExactSearch, type Loader } from '../../src/search/browser/engine.ts';
import { parseQuery } from '../../src/search/browser/query.ts';

/** A report page shaped like the site's: Pagefind filters and meta, ignored facts and TOC, headings with ids. */
export function page(options: { title: string; year: string; agency: string; body: string; date?: string }): string {
  const { title, year, agency, body, date = `${year}-03-01` } = options;
  return `<!doctype html><html lang="zh-CN"><body><header>站点导航 搜索</header><main>
<article data-pagefind-body>
<h1 data-pagefind-meta="title">${title}</h1>
<span hidden data-pagefind-filter="年度[data-value]" data-value="${year}"></span>
<span hidden data-pagefind-filter="省份[data-value]" data-value="上海市"></span>
<span hidden data-pagefind-filter="城市[data-value]" data-value="上海市"></span>
<span hidden data-pagefind-filter="地区[data-value]" data-value="上海市宝山区"></span>
<span hidden data-pagefind-filter="机构[data-value]" data-value="${agency}"></span>
<span hidden data-pagefind-filter="层级[data-value]" data-value="县区"></span>
<span hidden data-pagefind-meta="date[data-value]" data-value="${date}"></span>
<dl data-pagefind-ignore><dt>报告机构</dt><dd>${agency}</dd></dl>
<nav data-pagefind-ignore><a href="#s1">目录里的标题</a></nav>
<div class="report-body">${body}</div>
</article></main><footer>沪ICP备00000000号</footer></body></html>`;
}

export const PAGES: Array<[string, string]> = [
  [
    'reports/2018/310113-rmzf/index.html',
    page({
      title: '宝山区2018年度法治政府建设情况报告',
      year: '2018',
      agency: '上海市宝山区人民政府',
      body: `<p>2018年，全面推进“放管服”改革。</p>
<h2 id="s1"><span id="一主要举措"></span>一、主要举措 <a class="heading-link" href="#s1" data-pagefind-ignore>#</a></h2>
<p>开通12345热线，办理ＩＣＰ备案。</p><ul><li>行政复议</li><li>法律顾问</li></ul>
<h3 id="s1-1">（一）依法决策</h3><p>严格执行重大行政决策程序。<br>第二行</p>`,
    }),
  ],
  [
    'reports/2019/310113-rmzf/index.html',
    page({
      title: '宝山区2019年度法治政府建设情况报告',
      year: '2019',
      agency: '上海市宝山区人民政府',
      body: `<h2 id="s1">一、总体情况</h2><p>法治政府建设取得新成效，行政复议案件办结率100%。</p><p>放管服</p><p>改革</p>`,
    }),
  ],
];

export function extracted(): ExtractedReport[] {
  return PAGES.map(([file, html]) => extractReport(html, file, '/fzzfjs/'));
}

export function engineOver(files: Map<string, string>): ExactSearch {
  const loader: Loader = async (path) => {
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no ${path}`);
    return JSON.parse(contents);
  };
  return new ExactSearch(loader);
}

/** Ids of the reports found for `query`, every candidate confirmed. */
export async function ids(engine: ExactSearch, query: string): Promise<string[]> {
  const outcome = await engine.search(parseQuery(query).terms);
  await engine.confirm(outcome, [...outcome.pending.keys()]);
  const rows = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
  return outcome.hits.map((hit) => rows.get(hit.ordinal)?.id ?? '?').sort();
}

export function randomText(seed: number, length = 30): string {
  let state = seed * 7 + 1;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** Random texts over a tiny alphabet: many shared n-grams, so confirmation matters. */
export function randomReports(count: number): ExtractedReport[] {
  return Array.from({ length: count }, (_, index) => ({
    file: `reports/2020/${index}/index.html`,
    record: { id: `2020/${String(index).padStart(3, '0')}`, url: `/reports/2020/${index}/`, title: `报告${index}`, agency: '甲', year: '2020', date: '2020-01-01', region: '乙', province: '乙', city: '乙', level: '县区' },
    sections: [['', 0, Array.from({ length: 3 }, (_, block) => randomText(index * 3 + block))]],
    messages: [],
  }));
}

