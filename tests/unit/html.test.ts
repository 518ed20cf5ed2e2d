import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml, type HtmlText } from '../../scripts/ingest/html.ts';
import { readSource } from '../../scripts/ingest/read.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const htmlPath = (name: string) => join(fixtures, 'html', name);

describe('looksLikeHtml', () => {
  it('should recognise both saved government pages', async () => {
    expect(looksLikeHtml(readFileSync(htmlPath('xxgk-detail.html'), 'utf8'))).toBe(true);
    expect(looksLikeHtml((await readSource(htmlPath('trs-editor.gbk.html'))).text)).toBe(true);
  });

  it('should recognise a saved article fragment without <html>', () => {
    expect(looksLikeHtml('<div class="TRS_Editor"><p>一、主要举措</p><p>（一）加强领导</p><p>1.健全机制</p></div>')).toBe(true);
  });

  it('should not take any crawled report text for HTML', () => {
    for (const dir of ['seeds', 'dev']) {
      for (const name of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.txt'))) {
        expect(looksLikeHtml(readFileSync(join(fixtures, dir, name), 'utf8')), name).toBe(false);
      }
    }
  });

  it('should not take plain text with a stray angle bracket for HTML', () => {
    expect(looksLikeHtml('行政复议纠错率<5%,<a>类事项办结率达到100%。')).toBe(false);
  });
});

describe('htmlToText: 政府信息公开 detail page', () => {
  let page: HtmlText;
  let lines: string[];
  beforeAll(() => {
    page = htmlToText(readFileSync(htmlPath('xxgk-detail.html'), 'utf8'));
    lines = page.text.split('\n');
  });

  it('should collect the <meta name> values under their usual names, whatever their case', () => {
    expect(page.meta).toMatchObject({
      ArticleTitle: '嘉陵区人民政府关于2021年度法治政府建设工作的报告',
      PubDate: '2022-03-22 09:46',
      ContentSource: '嘉陵区司法局',
      SiteIDCode: '5113040001',
      SiteName: '南充市嘉陵区人民政府',
      ColumnName: '法治政府建设',
      keywords: '法治政府建设,年度报告,嘉陵区',
      description: '嘉陵区人民政府关于2021年度法治政府建设工作的报告',
      Url: 'http://www.cnjialing.gov.cn/zwgk/fdzdgknr/fzzfjs/202203/t20220322_1234567.html',
      title: '嘉陵区人民政府关于2021年度法治政府建设工作的报告_法治政府建设_南充市嘉陵区人民政府',
    });
  });

  it('should collect the 索引号/发布机构/发文字号/成文日期 table', () => {
    expect(page.meta['索引号']).toBe('11511304008713580Q/2022-00045');
    expect(page.meta['发布机构']).toBe('嘉陵区人民政府');
    expect(page.meta['发文字号']).toBe('');
    expect(page.meta['成文日期']).toBe('2022-03-21');
    expect(page.meta['发布日期']).toBe('2022-03-22');
    expect(page.meta['主题分类']).toBe('司法、公安');
  });

  it('should start with the title line, the date/source line and the metadata-table fields, then the body', () => {
    expect(lines.slice(0, 8)).toEqual([
      '嘉陵区人民政府关于2021年度法治政府建设工作的报告',
      '时间：2022-03-22 09:46 | 来源：嘉陵区司法局',
      '索引号：11511304008713580Q/2022-00045',
      '主题分类：司法、公安',
      '发布机构：嘉陵区人民政府',
      '成文日期：2022-03-21',
      '发布日期：2022-03-22',
      '',
    ]);
    expect(lines[8]).toMatch(/^2021年度，在市委、市政府的正确领导下，嘉陵区坚持以习近平/);
  });

  it('should keep paragraph text exactly, ideographic-space indents included, in source order', () => {
    expect(lines).toContain('　　一、工作推进情况');
    expect(lines).toContain('　　（一）提高政治站位，坚持党对法治政府建设领导');
    expect(lines).toContain(
      '　　2.统筹推进法治政府建设。嘉陵区乡（镇）政府及部门单位主要领导认真履行法治政府建设第一责任人责任，主持召开法治政府建设领导小组会议，定期听取工作汇报，研究重点工作推进情况、存在问题及解决措施，安排部署依法行政工作；分管领导协调推动具体工作，其他领导督促指导分管领域开展法治政府建设工作，形成了高位推动、高位统筹的良好格局。',
    );
    const order = ['一、工作推进情况', '（一）提高政治站位', '1.深入学习', '2.统筹推进', '3.行政复议', '类别 收案数 办结数', '二、存在的不足和原因', '（一）行政执法还不够规范', '南充市嘉陵区人民政府', '2022年3月21日'];
    const at = order.map((s) => page.text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('should join a source line wrapped between Chinese characters without adding a space', () => {
    expect(page.text).toContain('领导带头学法用法，嘉陵区委常委会、区政府常务会带头开展会前学法');
  });

  it('should write a table as rows on lines with cells separated by a space', () => {
    expect(page.text).toContain('\n\n类别 收案数 办结数\n行政复议 46 41\n行政应诉 23 20\n\n');
  });

  it('should put paragraphs on their own lines separated by a blank line, keeping an NBSP-only paragraph', () => {
    expect(page.text).toContain('全年办理情况如下表：\n\n类别');
    expect(page.text).toContain('行政应诉 23 20\n\n\u00a0\n\n　　二、存在的不足和原因');
    expect(page.text.endsWith('南充市嘉陵区人民政府\n\n2022年3月21日')).toBe(true);
  });

  it('should keep a paragraph that holds a single link', () => {
    expect(lines).toContain('　　详见附件：嘉陵区2021年度行政执法数据统计表。');
  });

  it('should drop scripts, styles, nav, search, breadcrumb, share and print buttons, related links and the footer', () => {
    for (const chrome of [
      '_hmt', 'doZoom', 'margin-top', '无障碍', '搜索', '首页', '走进嘉陵', '当前位置', '分享到', '微博',
      '打印本页', '关闭窗口', '相关链接', '2020年度法治政府建设工作的报告', '网站标识码', 'ICP', '公网安备', '扫一扫', '字号',
      '主办', '名称',
    ]) {
      expect(page.text, chrome).not.toContain(chrome);
    }
  });
});

describe('htmlToText: GBK page with a TRS_Editor body', () => {
  let page: HtmlText;
  let lines: string[];
  beforeAll(async () => {
    const decoded = await readSource(htmlPath('trs-editor.gbk.html'));
    page = htmlToText(decoded.text);
    lines = page.text.split('\n');
  });

  it('should take the title from <title> without the site name when there is no ArticleTitle or h1', () => {
    expect(page.meta.title).toBe('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告-云阳县人民政府');
    expect(lines[0]).toBe('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告');
  });

  it("should take SiteIDCode from the footer's 网站标识码 when no meta tag gives it", () => {
    expect(page.meta.SiteIDCode).toBe('5002350018');
  });

  it('should keep the date/source line found above the body, NBSP spacing as written and without the print links', () => {
    expect(lines[1]).toBe('发布时间：2024-01-15\u00a0\u00a0\u00a0\u00a0来源：云阳县城市管理局');
  });

  it('should give the TRS_Editor body with one block per line and <br> as a line break', () => {
    expect(lines.slice(3, 8)).toEqual([
      '中共云阳县城市管理局党组',
      '关于2023年法治政府建设情况的报告',
      '县委、县政府：',
      '　　县城市管理局坚持以习近平总书记全面依法治国新理念新思想新战略为指导，深入学习贯彻党的二十大精神和习近平法治思想，严格落实法治政府建设的要求，持续提升城市管理法治建设水平，现将2023年度推进法治政府建设情况报告如下：',
      '　　一、2023年度推进法治政府建设的主要举措和成效',
    ]);
    expect(lines.slice(-3)).toEqual(['\u00a0', '中共云阳县城市管理局党组', '2024年1月12日']);
  });

  it('should drop the breadcrumb and the footer', () => {
    for (const chrome of ['首页', '政务公开', '网站标识码', '渝ICP备', '版权所有', '打印', '关闭']) {
      expect(page.text, chrome).not.toContain(chrome);
    }
  });
});

describe('htmlToText: choosing the body', () => {
  const para = (n: number) =>
    `<p>　　${n}.深入推进依法行政，完善行政执法程序，严格落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办理行政复议案件${n}件。</p>`;

  it('should choose the candidate with the most Chinese text and fewest links', () => {
    const html = `<html><body>
      <div class="main-nav"><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/l${i}">法治政府建设工作动态栏目${i}</a></li>`).join('')}</ul></div>
      <div class="left-content">${Array.from({ length: 8 }, (_, i) => `<a href="/n${i}">关于开展法治宣传教育的通知${i}</a><br>`).join('')}</div>
      <div class="detail-text">${para(1)}${para(2)}${para(3)}</div>
    </body></html>`;
    const { text } = htmlToText(html);
    expect(text.split('\n').filter((l) => l !== '')).toEqual([para(1), para(2), para(3)].map((p) => p.slice(3, -4)));
  });

  it('should fall back to <body> when no element is marked as content, dropping nav, header, footer, forms and link lists', () => {
    const html = `<html><head><title>关于2023年度法治政府建设情况的报告</title></head><body>
      <header><h1>某某县人民政府</h1></header>
      <nav><a href="/">首页</a><a href="/a">机构</a></nav>
      <form action="/s"><input name="q"><span>站内搜索</span></form>
      <div class="box1"><h2>关于2023年度法治政府建设情况的报告</h2>${para(1)}${para(2)}</div>
      <div class="box2"><a href="/x1">上一篇：关于印发工作要点的通知</a><br><a href="/x2">下一篇：关于开展执法检查的通知</a></div>
      <footer>网站标识码：1234567890</footer>
    </body></html>`;
    const { text } = htmlToText(html);
    expect(text.split('\n').filter((l) => l !== '')).toEqual([
      '关于2023年度法治政府建设情况的报告',
      para(1).slice(3, -4),
      para(2).slice(3, -4),
    ]);
  });

  it('should keep a whole-page <form> wrapper (ASP.NET sites) and read the article inside it', () => {
    const html = `<html><body><form id="form1" method="post" action="./detail.aspx">
      <div id="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
      <div id="ArticleContent"><h1>某区2023年法治政府建设年度报告</h1>${para(1)}${para(2)}${para(3)}</div>
    </form></body></html>`;
    const { text } = htmlToText(html);
    expect(text.split('\n').filter((l) => l !== '')).toEqual([
      '某区2023年法治政府建设年度报告',
      para(1).slice(3, -4),
      para(2).slice(3, -4),
      para(3).slice(3, -4),
    ]);
  });

  it('should read paragraphs inside a layout table cell as paragraphs, not as one table row', () => {
    const html = `<html><body><table><tr><td width="20"></td><td class="zw">${para(1)}${para(2)}<table><tr><td>项目</td><td>数量</td></tr><tr><td>复议</td><td>12</td></tr></table></td></tr></table></body></html>`;
    const { text } = htmlToText(html);
    expect(text).toBe(`${para(1).slice(3, -4)}\n\n${para(2).slice(3, -4)}\n\n项目 数量\n复议 12`);
  });
});
