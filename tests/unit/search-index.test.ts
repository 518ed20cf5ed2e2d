import { describe, expect, it } from 'vitest';
import { buildExactIndex, extractReport, type ExtractedReport } from '../../scripts/index-search.ts';
import { ExactSearch, type Loader } from '../../src/scripts/search/engine.ts';
import type { Catalog } from '../../src/scripts/search/format.ts';
import { normalise } from '../../src/scripts/search/normalise.ts';
import { parseQuery } from '../../src/scripts/search/query.ts';

/** A report page shaped like the site's: Pagefind filters and meta, ignored facts and TOC, headings with ids. */
function page(options: { title: string; year: string; agency: string; body: string; date?: string }): string {
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

const PAGES: Array<[string, string]> = [
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

function extracted(): ExtractedReport[] {
  return PAGES.map(([file, html]) => extractReport(html, file, '/fzzfjs/'));
}

function engineOver(files: Map<string, string>): ExactSearch {
  const loader: Loader = async (path) => {
    const contents = files.get(path);
    if (contents === undefined) throw new Error(`no ${path}`);
    return JSON.parse(contents);
  };
  return new ExactSearch(loader);
}

async function ids(engine: ExactSearch, query: string): Promise<string[]> {
  const outcome = await engine.search(parseQuery(query).terms);
  return outcome.hits.map((hit) => hit.record.id);
}

describe('extractReport', () => {
  const [first] = extracted();

  it('should read the catalogue facts from the Pagefind filters and meta', () => {
    expect(first.record).toEqual({
      id: '2018/310113-rmzf',
      url: '/fzzfjs/reports/2018/310113-rmzf/',
      title: '宝山区2018年度法治政府建设情况报告',
      agency: '上海市宝山区人民政府',
      year: '2018',
      date: '2018-03-01',
      region: '上海市宝山区',
      province: '上海市',
      city: '上海市',
      level: '县区',
    });
    expect(first.messages).toEqual([]);
  });

  it('should split the shown text into sections at headings with ids, without ignored parts', () => {
    expect(first.sections).toEqual([
      ['', 0, ['宝山区2018年度法治政府建设情况报告', '2018年，全面推进“放管服”改革。']],
      ['s1', 2, ['一、主要举措', '开通12345热线，办理ＩＣＰ备案。', '行政复议', '法律顾问']],
      ['s1-1', 3, ['（一）依法决策', '严格执行重大行政决策程序。 第二行']],
    ]);
  });

  it('should say what is missing from a page without filters', () => {
    const report = extractReport('<html><body><article data-pagefind-body><h1>题</h1><p>正文</p></article></body></html>', 'reports/2020/x/index.html', '/');
    expect(report.messages).toContain('missing agency; expected a data-pagefind-filter or data-pagefind-meta that gives it');
  });
});

describe('buildExactIndex', () => {
  it('should give identical bytes whatever the order of pages', () => {
    const a = buildExactIndex(extracted(), '/fzzfjs/');
    const b = buildExactIndex(extracted().reverse(), '/fzzfjs/');
    expect([...a]).toEqual([...b]);
    const catalog = JSON.parse(a.get('catalog.json') ?? '') as Catalog;
    expect(catalog.reports.map((row) => row[0])).toEqual(['2018/310113-rmzf', '2019/310113-rmzf']);
  });
});

describe('ExactSearch', () => {
  const engine = engineOver(buildExactIndex(extracted(), '/fzzfjs/', { shards: 4, textBatchBytes: 1 }));

  it('should find a term across punctuation inside one block', async () => {
    expect(await ids(engine, '放管服改革')).toEqual(['2018/310113-rmzf']);
  });
  it('should not match across two blocks', async () => {
    expect(await ids(engine, '放管服改革')).not.toContain('2019/310113-rmzf');
  });
  it('should require every space-separated word', async () => {
    expect(await ids(engine, '行政复议 法律顾问')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, '行政复议 火星')).toEqual([]);
  });
  it('should find digits and Latin letters, full-width or not', async () => {
    expect(await ids(engine, '12345')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, 'icp')).toEqual(['2018/310113-rmzf']);
    expect(await ids(engine, '100%')).toEqual(['2019/310113-rmzf']);
  });
  it('should not find text that is only in ignored parts', async () => {
    expect(await ids(engine, '目录里的标题')).toEqual([]);
    expect(await ids(engine, '报告机构')).toEqual([]);
  });
  it('should count occurrences for relevance', async () => {
    const outcome = await engine.search(parseQuery('法治').terms);
    expect(outcome.hits.map((hit) => [hit.record.id, hit.score])).toEqual([
      ['2018/310113-rmzf', 1],
      ['2019/310113-rmzf', 2],
    ]);
  });
  it('should link matches to their sections', async () => {
    const terms = parseQuery('决策').terms;
    const [hit] = (await engine.search(terms)).hits;
    const details = await engine.details(hit, terms);
    expect(details.sections.map((section) => [section.id, section.count])).toEqual([['s1-1', 2]]);
  });
});

describe('ExactSearch against a brute-force scan', () => {
  // Random texts over a tiny alphabet: many shared bigrams, so confirmation matters.
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const reports: ExtractedReport[] = Array.from({ length: 40 }, (_, index) => ({
    file: `reports/2020/${index}/index.html`,
    record: { id: `2020/${String(index).padStart(3, '0')}`, url: `/reports/2020/${index}/`, title: `报告${index}`, agency: '甲', year: '2020', date: '2020-01-01', region: '乙', province: '乙', city: '乙', level: '县区' },
    sections: [['', 0, Array.from({ length: 3 }, () => word(30))]],
    messages: [],
  }));
  const engine = engineOver(buildExactIndex(reports, '/', { shards: 8 }));
  const truth = (query: string) => {
    const norms = parseQuery(query).terms.map((term) => term.norm);
    if (norms.length === 0) return [];
    return reports
      .filter((report) => norms.every((norm) => report.sections.some(([, , blocks]) => blocks.some((block) => normalise(block).includes(norm)))))
      .map((report) => report.record.id)
      .sort();
  };

  it('should return exactly the reports that contain every term', async () => {
    for (let n = 0; n < 200; n++) {
      const query = n % 4 === 0 ? `${word(2)} ${word(3)}` : word(1 + (n % 6));
      expect((await ids(engine, query)).sort(), query).toEqual(truth(query));
    }
  });
});
