import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExactIndex, extractReport, gramsOf, IndexFiles, indexSite, writePostings, writePostingsInWorkers, type ExtractedReport } from '../../scripts/index-search.ts';
import { ExactSearch, type Loader } from '../../src/scripts/search/engine.ts';
import { Catalog, decodePostings, encodeCatalog, shardOf, type CatalogFacts, type CatalogFile, type DisplayRow } from '../../src/scripts/search/format.ts';
import { charsOf, countOccurrences, normalise } from '../../src/scripts/search/normalise.ts';
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

/** Ids of the reports found for `query`, every candidate confirmed. */
async function ids(engine: ExactSearch, query: string): Promise<string[]> {
  const outcome = await engine.search(parseQuery(query).terms);
  await engine.confirm(outcome, [...outcome.pending.keys()]);
  const rows = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
  return outcome.hits.map((hit) => rows.get(hit.ordinal)?.id ?? '?').sort();
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
    expect(JSON.parse(a.get('rows/0.json') ?? '') as DisplayRow[]).toEqual([
      ['2018/310113-rmzf', '宝山区2018年度法治政府建设情况报告'],
      ['2019/310113-rmzf', '宝山区2019年度法治政府建设情况报告'],
    ]);
  });

  it('should give identical bytes whatever the number of shard groups, in memory or through temporary files', () => {
    const reports = randomReports(30);
    const one = buildExactIndex(reports, '/', { shards: 16, groups: 1 });
    for (const options of [{ groups: 2 }, { groups: 16 }, { groups: 4, inMemory: 10 }]) {
      const other = buildExactIndex(reports, '/', { shards: 16, ...options });
      expect([...other].filter(([path]) => path !== 'catalog.json')).toEqual([...one].filter(([path]) => path !== 'catalog.json'));
      expect(other.get('catalog.json')).toEqual(one.get('catalog.json'));
    }
  });

  it('should write a catalogue whose columns give back every report\'s facts', () => {
    const files = buildExactIndex(extracted(), '/fzzfjs/');
    const catalog = new Catalog(JSON.parse(files.get('catalog.json') ?? '') as CatalogFile);
    expect(catalog.count).toBe(2);
    expect([catalog.value('year', 0), catalog.value('year', 1)]).toEqual(['2018', '2019']);
    expect(catalog.value('agency', 1)).toBe('上海市宝山区人民政府');
    expect(catalog.date(0)).toBe('2018-03-01');
    expect(catalog.textBytes(0)).toBeGreaterThanOrEqual(Buffer.byteLength(files.get('texts/0.json') ?? ''));
    expect(catalog.url('2018/310113-rmzf')).toBe('/fzzfjs/reports/2018/310113-rmzf/');
  });
});

describe('the compact catalogue', () => {
  it('should round-trip codes, dates and sizes, with dictionaries past 64 values', () => {
    const facts: CatalogFacts[] = Array.from({ length: 300 }, (_, index) => ({
      year: String(2016 + (index % 10)),
      province: index % 7 === 0 ? '' : `省${index % 31}`,
      city: `市${index % 97}`,
      agency: `机构${index}`,
      level: ['省', '市', '县区', '部门'][index % 4],
      date: index % 50 === 0 ? '' : new Date(Date.UTC(2017, 0, 1) + index * 86_400_000 * 9).toISOString().slice(0, 10),
      textBytes: index * 977,
    }));
    const file = JSON.parse(JSON.stringify(encodeCatalog(facts, '/', 64))) as CatalogFile;
    expect(file.widths.agency).toBe(2);
    expect(file.widths.year).toBe(1);
    const catalog = new Catalog(file);
    facts.forEach((fact, ordinal) => {
      for (const field of ['year', 'province', 'city', 'agency', 'level'] as const) expect(catalog.value(field, ordinal)).toBe(fact[field]);
      expect(catalog.date(ordinal)).toBe(fact.date);
      expect(catalog.textBytes(ordinal)).toBe(Math.ceil(fact.textBytes / 1024) * 1024);
    });
    expect(catalog.codeOf('agency', '机构7')).toBe(file.dictionaries.agency.indexOf('机构7'));
    expect(catalog.codeOf('agency', '没有')).toBe(-1);
    // Small: 12 characters a report (1 + 1 + 2 + 2 + 1 for the facets, 3 for the date, 2 for the size) besides the dictionaries.
    expect(Object.values(file.columns).join('').length).toBe(300 * 12);
  });
});

describe('n-gram postings', () => {
  it('should list, for every n-gram of 1 to 4 characters inside a block, exactly the reports and occurrences', () => {
    const reports = randomReports(25);
    reports[3].sections[0][2].push('𠮷野家𠮷野'); // characters outside the BMP
    const files = buildExactIndex(reports, '/', { shards: 8, groups: 2 });
    const sorted = [...reports].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
    const truth = new Map<string, Map<number, number>>();
    sorted.forEach((report, ordinal) => {
      for (const [, , blocks] of report.sections) {
        for (const block of blocks) {
          const chars = charsOf(normalise(block));
          for (let n = 1; n <= 4; n++) {
            for (let at = 0; at + n <= chars.length; at++) {
              const key = chars.slice(at, at + n).join('');
              const counts = truth.get(key) ?? new Map<number, number>();
              counts.set(ordinal, (counts.get(ordinal) ?? 0) + 1);
              truth.set(key, counts);
            }
          }
        }
      }
    });
    const shards = Array.from({ length: 8 }, (_, n) => JSON.parse(files.get(`postings/${n}.json`) ?? '{}') as Record<string, string>);
    const keys = shards.flatMap((shard) => Object.keys(shard));
    expect(keys.sort()).toEqual([...truth.keys()].sort());
    for (const [key, counts] of truth) {
      expect([...decodePostings(shards[shardOf(key, 8)][key])], key).toEqual([...counts].sort((a, b) => a[0] - b[0]));
    }
    expect(truth.has('𠮷野家𠮷')).toBe(true);
    // No n-gram across two blocks.
    expect(countOccurrences(keys.join(' '), '\u0000')).toBe(0);
  });
});

describe('indexSite', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const site = (pages: Array<[string, string]>) => {
    const dir = mkdtempSync(join(tmpdir(), 'index-site-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'search/index.html'), '<div id="search-app" data-search-base="/fzzfjs/"></div>');
    for (const [file, html] of pages) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), html);
    }
    return dir;
  };
  const filesOf = (dir: string) => {
    const out = new Map<string, string>();
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder).sort()) {
        const full = join(folder, entry);
        if (statSync(full).isDirectory()) walk(full);
        else out.set(relative(join(dir, 'search-exact'), full), readFileSync(full, 'utf8'));
      }
    };
    walk(join(dir, 'search-exact'));
    return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
  };

  it('should write the same bytes as buildExactIndex, with or without worker threads', async () => {
    // 60 pages (worker threads read 50 or more), one of them not a report.
    const pages: Array<[string, string]> = Array.from({ length: 60 }, (_, index) => [
      `reports/20${10 + (index % 10)}/${String(index).padStart(3, '0')}-x/index.html`,
      page({ title: `第${index}号报告`, year: `20${10 + (index % 10)}`, agency: `机构${index % 7}`, body: `<h2 id="s1">一、情况</h2><p>${randomText(index)}</p>` }),
    ]);
    pages.push(['reports/2015/not-a-report/index.html', '<html><body><p>跳转</p></body></html>']);
    const quiet = { pagefind: false, log: () => undefined, cache: false } as const;
    const single = site(pages);
    const threaded = site(pages);
    expect((await indexSite(single, { ...quiet, workers: 0 })).fatal).toEqual([]);
    expect((await indexSite(threaded, { ...quiet, workers: 2 })).reports).toBe(60);
    const expected = buildExactIndex(
      pages.filter(([, html]) => html.includes('data-pagefind-body')).map(([file, html]) => extractReport(html, file, '/fzzfjs/')),
      '/fzzfjs/',
    );
    expect(filesOf(single)).toEqual(expected);
    expect(filesOf(threaded)).toEqual(expected);
  });

  describe('with the page cache', () => {
    const pages = (edit = '') =>
      Array.from({ length: 12 }, (_, index): [string, string] => [
        `reports/2020/${String(index).padStart(3, '0')}-x/index.html`,
        page({ title: `第${index}号报告`, year: '2020', agency: `机构${index}`, body: `<h2 id="s1">一、情况</h2><p>${randomText(index)}${index === 3 ? edit : ''}</p>` }),
      ]);
    const run = async (dir: string, cache: string | false, workers = 0) => {
      const lines: string[] = [];
      const result = await indexSite(dir, { pagefind: false, workers, cache, log: (line) => lines.push(line) });
      expect(result.fatal).toEqual([]);
      return lines.join('\n');
    };
    const cacheEntries = (cache: string) => readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => /^[0-9a-f]{64}$/.test(name.split(/[\\/]/).pop()!));

    it('should take unchanged pages from the cache and give the bytes a run without it gives', async () => {
      const cache = join(mkdtempSync(join(tmpdir(), 'index-cache-')), 'search-pages', 'f1');
      dirs.push(join(cache, '../..'));
      const cached = site(pages());
      expect(await run(cached, cache)).toContain('0 from the cache');
      expect(cacheEntries(cache)).toHaveLength(12);
      expect(await run(cached, cache)).toContain('12 from the cache');
      const fresh = site(pages());
      await run(fresh, false);
      expect(filesOf(cached)).toEqual(filesOf(fresh));
    });

    it('should read an edited page afresh, drop its old entry, and index the new text', async () => {
      const cache = join(mkdtempSync(join(tmpdir(), 'index-cache-')), 'search-pages', 'f2');
      dirs.push(join(cache, '../..'));
      const dir = site(pages());
      await run(dir, cache, 2);
      writeFileSync(join(dir, pages()[3][0]), pages('改过的一句话')[3][1]);
      expect(await run(dir, cache, 2)).toContain('11 from the cache');
      expect(cacheEntries(cache)).toHaveLength(12);
      const fresh = site(pages('改过的一句话'));
      await run(fresh, false);
      expect(filesOf(dir)).toEqual(filesOf(fresh));
      expect([...filesOf(dir).values()].some((text) => text.includes('改过的一句话'))).toBe(true);
    });

    it('should read a damaged entry afresh, and drop other code versions’ folders', async () => {
      const root = mkdtempSync(join(tmpdir(), 'index-cache-'));
      dirs.push(root);
      const cache = join(root, 'search-pages', 'f3');
      mkdirSync(join(root, 'search-pages', 'older-code'), { recursive: true });
      const dir = site(pages());
      await run(dir, cache);
      for (const entry of cacheEntries(cache)) writeFileSync(join(cache, entry), 'not json');
      expect(await run(dir, cache)).toContain('0 from the cache');
      expect(readdirSync(join(root, 'search-pages'))).toEqual(['f3']);
      const fresh = site(pages());
      await run(fresh, false);
      expect(filesOf(dir)).toEqual(filesOf(fresh));
    });
  });
});

describe('writePostingsInWorkers', () => {
  const texts = () => Array.from({ length: 40 }, (_, index) => gramsOf([['', 0, [randomText(index, 400), `𠮷${randomText(index + 100, 50)}`]]]));
  const readPostings = (folder: string) =>
    new Map(readdirSync(join(folder, 'postings')).map((name): [string, string] => [`postings/${name}`, readFileSync(join(folder, 'postings', name), 'utf8')]));

  it.each([
    ['in memory', {}],
    ['spilled to temporary files', { inMemory: 100 }],
  ])('should write the shards writePostings writes, with the same digests (n-grams %s)', async (_, options: { inMemory?: number }) => {
    const expected = new Map<string, string>();
    const here = new IndexFiles((path, contents) => expected.set(path, contents));
    writePostings(texts(), 64, 8, here);

    const folder = mkdtempSync(join(tmpdir(), 'postings-workers-'));
    try {
      const inWorkers = new IndexFiles(() => {
        throw new Error('the workers write the files');
      });
      await writePostingsInWorkers(texts(), 64, 8, inWorkers, folder, 2, { ...options, spill: join(folder, '.grams') });
      expect(readPostings(folder)).toEqual(expected);
      expect(inWorkers.digests).toEqual(here.digests);
      expect(inWorkers.bytes).toBe(here.bytes);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('ExactSearch', () => {
  const engine = engineOver(buildExactIndex(extracted(), '/fzzfjs/', { shards: 4 }));

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
    expect(outcome.hits.map((hit) => [hit.ordinal, hit.score])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
  it('should answer terms of up to four characters from the postings alone, and confirm longer ones', async () => {
    const short = await engine.search(parseQuery('行政复议').terms);
    expect(short.pending.size).toBe(0);
    expect(short.hits.map((hit) => hit.ordinal)).toEqual([0, 1]);
    const long = await engine.search(parseQuery('行政复议案件').terms);
    expect(long.hits).toEqual([]);
    expect([...long.pending.keys()]).toEqual([1]);
    await engine.confirm(long, [1]);
    expect(long.hits.map((hit) => [hit.ordinal, hit.counts])).toEqual([[1, [1]]]);
    expect(long.pending.size).toBe(0);
  });
  it('should stop confirming at the budget, leaving the rest pending', async () => {
    const outcome = await engine.search(parseQuery('建设情况报告').terms);
    expect(outcome.pending.size).toBe(2);
    await engine.confirm(outcome, [1, 0], { budget: 1 });
    expect(outcome.hits.map((hit) => hit.ordinal)).toEqual([1]);
    expect([...outcome.pending.keys()]).toEqual([0]);
  });
  it('should link matches to their sections', async () => {
    const terms = parseQuery('决策').terms;
    const [hit] = (await engine.search(terms)).hits;
    const details = await engine.details(hit, terms);
    expect(details.sections.map((section) => [section.id, section.count])).toEqual([['s1-1', 2]]);
  });
});

function randomText(seed: number, length = 30): string {
  let state = seed * 7 + 1;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** Random texts over a tiny alphabet: many shared n-grams, so confirmation matters. */
function randomReports(count: number): ExtractedReport[] {
  return Array.from({ length: count }, (_, index) => ({
    file: `reports/2020/${index}/index.html`,
    record: { id: `2020/${String(index).padStart(3, '0')}`, url: `/reports/2020/${index}/`, title: `报告${index}`, agency: '甲', year: '2020', date: '2020-01-01', region: '乙', province: '乙', city: '乙', level: '县区' },
    sections: [['', 0, Array.from({ length: 3 }, (_, block) => randomText(index * 3 + block))]],
    messages: [],
  }));
}

describe('ExactSearch against a brute-force scan', () => {
  const reports = randomReports(40);
  const engine = engineOver(buildExactIndex(reports, '/', { shards: 8 }));
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = [...'法治政府建设行政1A，'];
  const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
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
      const query = n % 4 === 0 ? `${word(2)} ${word(3)}` : n % 5 === 0 ? `${word(3)} ${word(6)}` : word(1 + (n % 7));
      expect(await ids(engine, query), query).toEqual(truth(query));
    }
  });
});
