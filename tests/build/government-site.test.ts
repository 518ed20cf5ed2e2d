/**
 * What a government site shows on every page, in the fixture site built
 * under /fzzfjs/: the 政府网站发展指引's meta set (site on every page,
 * column on list and column pages, article on report pages), the 当前位置
 * trail on report pages, the footer's marks from site.yaml; an index page
 * for every parent path (years, agencies, levels, reports, reports/<year>);
 * a sitemap of exactly the indexable pages with lastmod, robots.txt naming
 * it, and the feed's self link.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { decodeAttribute, fileFor, htmlFiles, readPage } from '../helpers/site-files.ts';

const { dir, base, site } = inject('fixtureSite');
const plain = (html: string) => html.replace(/ data-astro-cid-[a-z0-9]+(="true")?/g, '');
const page = (path: string) => plain(readPage(dir, path));
const file = (path: string) => plain(readFileSync(join(dir, path), 'utf8'));
/** A built file's path as the page's path inside the site (`years/index.html` → `years/`). */
const pathOf = (file: string) => (file === '404.html' ? file : file.replace(/index\.html$/, ''));

/** The `<meta name=…>` tags of a page, name → content. */
function metaOf(html: string): Map<string, string> {
  const head = html.slice(0, html.indexOf('</head>'));
  return new Map([...head.matchAll(/<meta name="([^"]+)" content="([^"]*)">/g)].map(([, name, content]) => [name, decodeAttribute(content)]));
}

const REPORT_PAGES = htmlFiles(dir).filter((path) => /^reports\/\d{4}\/[^/]+\/index\.html$/.test(path));

describe('the 政府网站发展指引 meta set', () => {
  it('should give every page SiteName, SiteDomain and SiteIDCode', () => {
    for (const path of htmlFiles(dir)) {
      const meta = metaOf(file(path));
      expect(meta.get('SiteName'), path).toBe('法治政府建设年度报告库');
      expect(meta.get('SiteDomain'), path).toBe('fzzf.example.gov.cn');
      expect(meta.get('SiteIDCode'), path).toBe('3101130001');
    }
  });

  it('should give every list and column page its ColumnName and ColumnType, and the home and 404 pages none', () => {
    const columns = new Map<string, [string | undefined, string | undefined]>();
    for (const path of htmlFiles(dir)) {
      const meta = metaOf(file(path));
      columns.set(pathOf(path), [meta.get('ColumnName'), meta.get('ColumnType')]);
    }
    expect(columns.get('')).toEqual([undefined, undefined]);
    expect(columns.get('404.html')).toEqual([undefined, undefined]);
    expect(Object.fromEntries([...columns].filter(([path]) => !['', '404.html'].includes(path) && !path.startsWith('reports/20')))).toMatchObject({
      'reports/': ['全部报告', '信息公开'],
      'years/': ['按年度浏览', '信息公开'],
      'years/2018/': ['2018年度报告', '信息公开'],
      'levels/': ['按层级浏览', '信息公开'],
      'levels/county/': ['县区报告', '信息公开'],
      'regions/': ['按地区浏览', '信息公开'],
      'regions/310113/': ['宝山区', '信息公开'],
      'agencies/': ['机构名录', '信息公开'],
      'agencies/310113-rmzf/': ['上海市宝山区人民政府', '信息公开'],
      'data/': ['数据下载', '数据开放'],
      'search/': ['全文搜索', '站内搜索'],
      'about/': ['关于本库', '网站说明'],
      'cite/': ['如何引用报告和章节', '网站说明'],
    });
    for (const [path, [name, type]] of columns) {
      if (path === '' || path === '404.html') continue;
      expect(name, path).toBeTruthy();
      expect(type, path).toBeTruthy();
    }
    expect(columns.get('reports/2018/')).toEqual(['2018年度报告', '信息公开']);
    expect(columns.get('reports/2018/310113-rmzf/')).toEqual(['2018年度报告', '信息公开']);
  });

  it('should give every report page ArticleTitle, PubDate and ContentSource, and no other page those', () => {
    expect(REPORT_PAGES).toHaveLength(6);
    for (const path of htmlFiles(dir)) {
      const meta = metaOf(file(path));
      const isReport = REPORT_PAGES.includes(path);
      for (const name of ['ArticleTitle', 'PubDate', 'ContentSource']) expect(meta.has(name), `${path}: ${name}`).toBe(isReport);
    }
    const meta = metaOf(page('reports/2021/511304-rmzf/'));
    expect(meta.get('ArticleTitle')).toBe('嘉陵区人民政府关于2021年度法治政府建设工作的报告');
    expect(meta.get('PubDate')).toBe('2022-03-22');
    expect(meta.get('ContentSource')).toBe('嘉陵区司法局');
    // No 发布机构 on the page: the reporting body is the source.
    expect(metaOf(page('reports/2023/500235-cgj/')).get('ContentSource')).toBe('重庆市云阳县城市管理局');
  });
});

describe('the 当前位置 trail and the footer', () => {
  it('should lead from every report page up its URL: 首页 › 全部报告 › its year', () => {
    for (const path of REPORT_PAGES) {
      const html = file(path);
      const year = /^reports\/(\d{4})\//.exec(path)![1];
      const trail = /<nav class="breadcrumbs" aria-label="当前位置">([\s\S]*?)<\/nav>/.exec(html)?.[1];
      expect(trail, path).toBeDefined();
      const steps = [...trail!.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => [text, href]);
      expect(steps, path).toEqual([
        ['首页', base],
        ['全部报告', `${base}reports/`],
        [`${year}年度`, `${base}reports/${year}/`],
      ]);
      // Outside what the search index reads.
      expect(html.indexOf('aria-label="当前位置"'), path).toBeLessThan(html.indexOf('data-pagefind-body'));
    }
  });

  it('should show the badge, the 找错 and the 无障碍 entries site.yaml sets, the badge image shipped with the site', () => {
    const html = page('');
    const marks = /<ul class="footer-marks">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(marks).toContain(`<a href="https://bszs.conac.cn/sitename?method=show&amp;id=00000000000000000000000000000000" rel="noopener"><img src="${base}site-files/images/dzjg.png" alt="党政机关" class="badge"></a>`);
    expect(marks).toContain('<a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=3101130001" rel="noopener">政府网站找错</a>');
    expect(marks).toContain(`<a href="${base}about/">无障碍</a>`);
    expect(readFileSync(join(dir, 'site-files/images/dzjg.png'))).toEqual(readFileSync('tests/fixtures/archive/images/dzjg.png'));
    for (const path of htmlFiles(dir)) expect(file(path), path).toContain('<ul class="footer-marks">');
  });
});

describe('an index page for every parent path', () => {
  it('should build a page for every folder above a page', () => {
    const missing: string[] = [];
    for (const path of htmlFiles(dir)) {
      const parts = path.split('/').slice(0, -2);
      for (let depth = 0; depth <= parts.length; depth++) {
        const parent = parts.slice(0, depth).map((part) => `${part}/`).join('');
        if (!fileFor(dir, parent)) missing.push(`${parent} (above ${path})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
    for (const path of ['years/', 'agencies/', 'levels/', 'reports/', 'reports/2018/', 'regions/', 'data/']) expect(fileFor(dir, path), path).toBeDefined();
  });

  it('should list the agencies by province and city, A–Z within each, with each agency’s level and years', () => {
    const html = page('agencies/');
    expect(html).toContain('<h1>机构名录</h1>');
    const headings = [...html.matchAll(/<h([23]) id="([pg]\d+)">([\s\S]*?)<\/h\1>/g)].map(([, level, id, inner]) => `${level} ${id} ${inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}`);
    expect(headings).toEqual([
      '2 p310000 上海市 （3 个机构）',
      '3 g310113 宝山区',
      '3 g310114 嘉定区',
      '2 p500000 重庆市 （1 个机构）',
      '3 g500235 云阳县',
      '2 p510000 四川省 （1 个机构）',
      '3 g511300 南充市',
    ]);
    const agencies = [...html.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a> <span class="facts">([^<]+) · 年度：([\s\S]*?)<\/span>\s*<\/li>/g)].map(
      ([, href, name, level, years]) => [href, name, level, [...years.matchAll(/href="([^"]+)">(\d{4})</g)].map(([, link, year]) => `${year} ${link}`)],
    );
    expect(agencies).toEqual([
      [`${base}agencies/310113-rmzf/`, '上海市宝山区人民政府', '县区', [`2018 ${base}reports/2018/310113-rmzf/`, `2019 ${base}reports/2019/310113-rmzf/`]],
      // 嘉定区 A–Z: 城 (chéng) before 绿 (lǜ).
      [`${base}agencies/310114-cgzfj/`, '上海市嘉定区城市管理行政执法局', '部门', [`2023 ${base}reports/2023/310114-cgzfj/`]],
      [`${base}agencies/310114-lhsrj/`, '上海市嘉定区绿化和市容管理局', '部门', [`2022 ${base}reports/2022/310114-lhsrj/`]],
      [`${base}agencies/500235-cgj/`, '重庆市云阳县城市管理局', '部门', [`2023 ${base}reports/2023/500235-cgj/`]],
      [`${base}agencies/511304-rmzf/`, '南充市嘉陵区人民政府', '县区', [`2021 ${base}reports/2021/511304-rmzf/`]],
    ]);
  });

  it('should count the reports of each year by level, and each level’s reports, agencies and years', () => {
    const years = page('years/');
    expect(years).toMatch(/<th scope="row"><a href="\/fzzfjs\/years\/2023\/">2023年度<\/a><\/th>\s*<td>2<\/td>\s*<td>0<\/td>\s*<td>2<\/td>/);
    const levels = page('levels/');
    expect(levels).toMatch(/<th scope="row"><a href="\/fzzfjs\/levels\/county\/">县区<\/a><\/th>\s*<td>3<\/td>\s*<td>2<\/td>\s*<td>2018–2021<\/td>/);
    expect(levels).toMatch(/<th scope="row"><a href="\/fzzfjs\/levels\/department\/">部门<\/a><\/th>\s*<td>3<\/td>\s*<td>3<\/td>\s*<td>2022–2023<\/td>/);
  });

  it('should list every year under reports/, and show a year’s reports at reports/<year>/, naming years/<year>/ canonical', () => {
    const reports = page('reports/');
    for (const year of [2018, 2019, 2021, 2022, 2023]) expect(reports).toContain(`<a href="${base}reports/${year}/">${year}年度</a>`);
    const year = page('reports/2023/');
    expect(year).toContain(`<link rel="canonical" href="${site}${base}years/2023/">`);
    expect(year).toContain('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告');
    const body = (html: string) => html.slice(html.indexOf('<h1>'), html.indexOf('</main>'));
    expect(body(year)).toBe(body(page('years/2023/')).replace(/<nav class="breadcrumbs"[\s\S]*?<\/nav>/, ''));
  });
});

describe('sitemap, robots.txt and the feed', () => {
  const locs = () => {
    const index = file('sitemap-index.xml');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname.slice(base.length));
    return maps.flatMap((map) => [...file(map).matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)].map(([, loc, lastmod]) => ({ loc, lastmod })));
  };

  it('should list exactly the pages that are their own canonical page and not noindex', () => {
    const indexable = htmlFiles(dir)
      .filter((path) => {
        const html = file(path);
        const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];
        return canonical === `${site}${base}${pathOf(path)}` && !/<meta name="robots" content="[^"]*noindex/.test(html);
      })
      .map((path) => `${site}${base}${pathOf(path)}`)
      .sort();
    const listed = locs().map(({ loc }) => loc);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(indexable);
    expect(listed).not.toContain(`${site}${base}search/`);
    expect(listed).not.toContain(`${site}${base}reports/2018/`);
    expect(listed.some((loc) => loc.includes('404'))).toBe(false);
  });

  it('should give each page its newest report’s date as lastmod (a report page its own), and the two hand-written pages none', () => {
    const lastmod = new Map(locs().map(({ loc, lastmod }) => [loc.slice(`${site}${base}`.length), lastmod]));
    expect(lastmod.get('reports/2018/310113-rmzf/')).toBe('2019-01-30');
    expect(lastmod.get('agencies/310113-rmzf/')).toBe('2020-02-14');
    expect(lastmod.get('years/2021/')).toBe('2022-03-22');
    expect(lastmod.get('regions/310114/')).toBe('2024-03-28');
    expect(lastmod.get('')).toBe('2024-03-28');
    expect(lastmod.get('about/')).toBeUndefined();
    expect(lastmod.get('cite/')).toBeUndefined();
    for (const [path, date] of lastmod) if (!['about/', 'cite/'].includes(path)) expect(date, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file('sitemap-index.xml')).toContain(`<sitemap><loc>${site}${base}sitemap-0.xml</loc><lastmod>2024-03-28</lastmod></sitemap>`);
  });

  it('should name the sitemap in robots.txt and keep crawlers out of the search index files', () => {
    expect(file('robots.txt')).toBe(`User-agent: *\nDisallow: ${base}search-exact/\nDisallow: ${base}pagefind/\n\nSitemap: ${site}${base}sitemap-index.xml\n`);
  });

  it('should give the RSS feed its own address as its atom:link rel="self"', () => {
    const rss = file('rss.xml');
    expect(rss).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(rss).toContain(`<atom:link href="${site}${base}rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(existsSync(join(dir, 'rss.xml'))).toBe(true);
  });
});
