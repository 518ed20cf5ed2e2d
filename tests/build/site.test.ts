/**
 * The site built from the fixture archive (tests/fixtures/archive) under the
 * sub-path /fzzfjs/: report pages, agency pages, catalog, feeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { attributeValues, headingsOf, htmlFiles, readPage } from '../helpers/site-files.ts';

const { dir, base, site } = inject('fixtureSite');
/** Astro's scoped-style attributes (`data-astro-cid-xxxx`) say nothing about content; leave them out. */
const plain = (html: string) => html.replace(/ data-astro-cid-[a-z0-9]+(="true")?/g, '');
const page = (path: string) => plain(readPage(dir, path));
const file = (path: string) => plain(readFileSync(join(dir, path), 'utf8'));
const REPORT_IDS = [
  '2018/310113-rmzf',
  '2019/310113-rmzf',
  '2021/511304-rmzf',
  '2022/310114-lhsrj',
  '2023/310114-cgzfj',
  '2023/500235-cgj',
];
const reportPage = (id: string) => page(`reports/${id}/`);
const bodyOf = (html: string) => html.slice(html.indexOf('<div class="report-body"'), html.indexOf('</article>'));

describe('every page', () => {
  it('should find the pages of the fixture site to check', () => {
    expect(htmlFiles(dir).length).toBeGreaterThan(20);
  });

  it('should declare lang zh-CN on every HTML page', () => {
    for (const path of htmlFiles(dir)) expect(file(path), path).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/i);
  });

  it('should load nothing from outside the site', () => {
    for (const path of htmlFiles(dir)) {
      const html = file(path);
      expect(attributeValues(html, 'src').filter((src) => /^(https?:)?\/\//.test(src)), path).toEqual([]);
      const external = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /href="(https?:)?\/\//.test(tag) && !/rel="(canonical|alternate)"/.test(tag));
      expect(external, path).toEqual([]);
    }
  });

  it('should show the footer items from site.yaml', () => {
    const html = page('');
    for (const text of ['某某市司法局', '3101130001', '沪ICP备00000000号-1', '沪公网安备31011302000000号', 'fzzf@example.com']) {
      expect(html).toContain(text);
    }
  });

  it('should send the search form to search/ under the base path', () => {
    expect(page('')).toContain(`<form class="search-form" role="search" action="${base}search/" method="get">`);
  });
});

describe('report pages', () => {
  it('should build one page per report', () => {
    for (const id of REPORT_IDS) expect(reportPage(id)).toContain('data-pagefind-body');
  });

  it('should give every heading in the body an id and a link to itself', () => {
    for (const id of REPORT_IDS) {
      const headings = headingsOf(bodyOf(reportPage(id)));
      expect(headings.length, id).toBeGreaterThan(2);
      for (const heading of headings) {
        const headingId = /\sid="([^"]+)"/.exec(heading.attributes)?.[1];
        expect(headingId, `${id}: ${heading.inner}`).toMatch(/^s\d+(-\d+)*(-[b-z])?$/);
        expect(heading.inner).toContain(`<a class="heading-link" href="#${headingId}" aria-label="本节链接：`);
      }
    }
  });

  it('should number sections from the document: 一、 → s1, （二） → s1-2, 3、 → s1-2-3, （1） → s1-2-3-1', () => {
    const html = reportPage('2019/310113-rmzf');
    expect(html).toMatch(/<h2 id="s1">.*一、2019年度/);
    expect(html).toMatch(/<h3 id="s1-2">.*（二）依法全面履行政府职能/);
    expect(html).toMatch(/<h4 id="s1-2-3">.*3、守牢城市安全底线/);
    expect(html).toMatch(/<h5 id="s1-2-3-1">.*（1）食品药品安全/);
    expect(html).toMatch(/<h3 id="s4-2">.*（二）全面提高/);
  });

  it('should keep the text slug as an anchor on the same heading', () => {
    expect(reportPage('2022/310114-lhsrj')).toMatch(/<h2 id="s1"><span id="一主要举措和成效"><\/span>一、主要举措和成效/);
  });

  it('should list the headings in a table of contents', () => {
    const html = reportPage('2022/310114-lhsrj');
    const toc = html.slice(html.indexOf('<nav class="toc'), html.indexOf('</nav>', html.indexOf('<nav class="toc')));
    expect(toc).toContain('<a href="#s1"');
    expect(toc).toContain('>（二）推进政府职能转变和营商环境优化</a>');
    expect(toc).toContain('<a href="#s4-3"');
  });

  it('should list two levels in the table of contents, and keep the deeper headings linkable in the text', () => {
    const html = reportPage('2022/310114-lhsrj');
    const toc = html.slice(html.indexOf('<nav class="toc'), html.indexOf('</nav>', html.indexOf('<nav class="toc')));
    expect(toc).toContain('<a href="#s1-2"');
    expect(toc).not.toContain('#s1-2-1"');
    expect(toc).not.toContain('1、加快推进行政审批制度改革');
    expect(html).toMatch(/<h4 id="s1-2-1">/);
  });

  it('should show <script> and {props} in a report as text, never as markup', () => {
    const html = reportPage('2021/511304-rmzf');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/(&#x3C;|&lt;)script>alert\(1\)(&#x3C;|&lt;)\/script>/);
    expect(html).toContain('{props} 模板占位符');
  });

  it('should show the facts as links to agency, region, level and year', () => {
    const html = reportPage('2021/511304-rmzf');
    expect(html).toContain(`href="${base}agencies/511304-rmzf/"`);
    expect(html).toMatch(new RegExp(`href="${base}regions/510000/"[^>]*>四川省</a> › <a href="${base}regions/511300/"[^>]*>南充市</a> › <a href="${base}regions/511304/"[^>]*>嘉陵区</a>`));
    expect(html).toContain(`href="${base}levels/county/"`);
    expect(html).toContain(`href="${base}years/2021/"`);
    expect(html).toMatch(/<time datetime="2022-03-22"[^>]*>2022年3月22日<\/time><span class="note"[^>]*>（网页发布日期）/);
    expect(html).toMatch(/<dt[^>]*>发布机构<\/dt><dd[^>]*>嘉陵区司法局/);
  });

  it('should say when the date is the signing date', () => {
    expect(reportPage('2023/500235-cgj')).toContain('（落款成文日期）');
  });

  it('should show 发文字号, 索引号 and the source link where known', () => {
    const html = reportPage('2019/310113-rmzf');
    expect(html).toContain('宝府〔2020〕8号');
    expect(html).toContain('31011300000000-2020-0001');
    expect(html).toContain('href="https://example.com/baoshan/fzzf/2019-report.html" rel="noopener noreferrer"');
  });

  it('should link the same agency’s previous and next year', () => {
    expect(reportPage('2018/310113-rmzf')).toContain(`<a href="${base}reports/2019/310113-rmzf/" rel="next"`);
    expect(reportPage('2018/310113-rmzf')).not.toContain('rel="prev"');
    expect(reportPage('2019/310113-rmzf')).toContain(`<a href="${base}reports/2018/310113-rmzf/" rel="prev"`);
    expect(reportPage('2019/310113-rmzf')).not.toContain('rel="next"');
    expect(reportPage('2021/511304-rmzf')).not.toMatch(/rel="(prev|next)"/);
  });

  it('should carry the government site meta tags', () => {
    const html = reportPage('2018/310113-rmzf');
    expect(html).toContain('<meta name="SiteName" content="法治政府建设年度报告库">');
    expect(html).toContain('<meta name="SiteIDCode" content="3101130001">');
    expect(html).toContain('<meta name="ArticleTitle" content="宝山区人民政府2018年度法治政府建设情况报告">');
    expect(html).toContain('<meta name="PubDate" content="2019-01-30">');
    expect(html).toContain('<meta name="ContentSource" content="区政府办公室">');
    expect(html).toContain(`<link rel="canonical" href="${site}${base}reports/2018/310113-rmzf/">`);
  });

  it('should give the search index its facts once, in data/reports.json, and no hidden copies in the page', () => {
    const row = JSON.parse(file('data/reports.json')).reports.find((r: { id: string }) => r.id === '2021/511304-rmzf');
    expect(row).toMatchObject({ title: expect.stringContaining('2021'), agency: '南充市嘉陵区人民政府', region: '四川省南充市嘉陵区', regionCode: '511304', level: '县区', year: 2021, date: '2022-03-22' });
    const html = reportPage('2021/511304-rmzf');
    expect(html).toContain('<article class="report" data-pagefind-body>');
    expect(html).not.toMatch(/data-pagefind-(filter|meta|sort)=/);
  });

  it('should run only the site’s own scripts: text size, quick find, contents, citations, search highlight', () => {
    const html = reportPage('2018/310113-rmzf');
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    const sources = scripts.map((script) => /\bsrc="([^"]*)"/.exec(script)?.[1]).filter((src) => src !== undefined);
    for (const src of sources) expect(src).toMatch(new RegExp(`^${base}_astro/[^/]+\\.js$`));
    for (const script of scripts.filter((script) => !/\bsrc=/.test(script))) expect(script).not.toMatch(/https?:\/\//);
    const bundled = sources.map((src) => readFileSync(join(dir, src.slice(base.length)), 'utf8')).join('\n');
    const all = `${scripts.join('\n')}\n${bundled}`;
    // What each does, by the words it shows or keeps.
    expect(all).toContain('fzzf-text-size');
    expect(all).toContain('已复制链接');
    expect(all).toContain('aria-current');
    expect(sources.some((src) => /SearchHighlight/.test(src))).toBe(true);
    expect(sources.some((src) => /HeaderSearch/.test(src))).toBe(true);
  });
});

describe('reports kept for review', () => {
  it('should not be published, and the home page should say how many wait', () => {
    expect(page('')).toContain('另有 1 篇报告的机构、地区或年度尚待人工核对，核对后发布。');
    expect(htmlFiles(dir).filter((path) => path.includes('sdzrmzf') || path.includes('sandu'))).toEqual([]);
    expect(file('data/reports.json')).not.toContain('三都镇');
  });
});

describe('other pages', () => {
  it('should keep every page but reports out of the search index, and load scripts from the site only', () => {
    const others = htmlFiles(dir).filter((path) => !path.startsWith('reports/'));
    expect(others.length).toBeGreaterThan(10);
    for (const path of others) {
      expect(file(path), path).not.toContain('data-pagefind-body');
      for (const [, src] of file(path).matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)) expect(src, path).toMatch(new RegExp(`^${base}_astro/`));
    }
  });

  it('should list an agency’s reports by year, newest first', () => {
    const html = page('agencies/310113-rmzf/');
    expect(html).toContain('<h1>上海市宝山区人民政府</h1>');
    const years = [...html.matchAll(/<span class="year"[^>]*>(\d{4})年度<\/span>\s*<a href="([^"]+)"/g)].map(([, year, href]) => [year, href]);
    expect(years).toEqual([
      ['2019', `${base}reports/2019/310113-rmzf/`],
      ['2018', `${base}reports/2018/310113-rmzf/`],
    ]);
  });

  it('should show regions as a tree with counts', () => {
    const html = page('regions/');
    expect(html).toMatch(/>上海市<\/a> <span class="count"[^>]*>（4 篇）<\/span>/);
    expect(html).toMatch(/>嘉定区<\/a> <span class="count"[^>]*>（2 篇）<\/span>/);
    expect(html).toMatch(/>四川省<\/a>[\s\S]*>南充市<\/a>[\s\S]*>嘉陵区<\/a>/);
    expect(page('regions/310114/')).toContain('嘉定区城市管理行政执法局2023年法治政府建设工作报告');
  });

  it('should list a year’s reports and the home page’s ways in', () => {
    expect(page('years/2023/')).toContain('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告');
    const home = page('');
    expect(home).toMatch(/<strong>6<\/strong> 篇报告/);
    expect(home).toMatch(/<strong>5<\/strong> 个机构/);
    expect(home).toContain(`href="${base}years/2018/"`);
    expect(home).toContain(`href="${base}levels/department/"`);
  });

  it('should have a 404 page, an about page and a cite page', () => {
    expect(file('404.html')).toContain('页面不存在');
    expect(page('about/')).toContain('<h1>关于本库</h1>');
    expect(page('cite/')).toContain(`${site}${base}reports/2018/310113-rmzf/#s1-2`);
  });
});

describe('catalog, feeds and sitemap', () => {
  it('should publish the whole catalog as JSON', () => {
    const json = JSON.parse(file('data/reports.json'));
    expect(json.count).toBe(6);
    expect(json.reports.map((report: { id: string }) => report.id).sort()).toEqual(REPORT_IDS);
    expect(json.reports.find((report: { id: string }) => report.id === '2023/500235-cgj')).toEqual({
      id: '2023/500235-cgj',
      url: `${site}${base}reports/2023/500235-cgj/`,
      title: '中共云阳县城市管理局党组关于2023年法治政府建设情况的报告',
      agency: '重庆市云阳县城市管理局',
      region: '重庆市云阳县',
      regionCode: '500235',
      level: '部门',
      year: 2023,
      date: '2024-01-12',
      dateSource: 'signed',
      signedDate: '2024-01-12',
      docNumber: null,
      indexNumber: null,
      publisher: null,
      source: null,
    });
  });

  it('should publish the same catalog as CSV', () => {
    const csv = file('data/reports.csv');
    expect(csv.startsWith('\uFEFFid,url,title,agency,region,regionCode,level,year,date,dateSource,signedDate,docNumber,indexNumber,publisher,source\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines).toContain(
      `2019/310113-rmzf,${site}${base}reports/2019/310113-rmzf/,宝山区人民政府2019年度法治政府建设情况报告,上海市宝山区人民政府,上海市宝山区,310113,县区,2019,2020-02-14,published,2020-02-10,宝府〔2020〕8号,31011300000000-2020-0001,区政府办公室,https://example.com/baoshan/fzzf/2019-report.html`,
    );
  });

  it('should list every page in the sitemap, under the base path', () => {
    expect(file('sitemap-index.xml')).toContain(`<loc>${site}${base}sitemap-0.xml</loc>`);
    const sitemap = file('sitemap-0.xml');
    for (const id of REPORT_IDS) expect(sitemap).toContain(`<loc>${site}${base}reports/${id}/</loc>`);
    expect(sitemap).toContain(`<loc>${site}${base}agencies/310113-rmzf/</loc>`);
    expect(sitemap).not.toContain('404');
  });

  it('should offer the newest reports as RSS', () => {
    const rss = file('rss.xml');
    expect(rss).toContain('<title>法治政府建设年度报告库：最新报告</title>');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map(([, link]) => link);
    expect(links[0]).toBe(`${site}${base}reports/2023/310114-cgzfj/`);
    expect(links).toHaveLength(6);
  });
});
