/**
 * The comparison of one agency's reports (src/site/section-pairs.ts,
 * src/site/report-sections.ts): which 一、 sections stand in one row, and a
 * rendered body cut into its sections.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { reportSections } from '../../src/site/report-sections.ts';
import { headingKey, pairSections, wordsShared, type SectionHead } from '../../src/site/section-pairs.ts';

const sections = (...headings: Array<string | undefined>): SectionHead[] => headings.map((heading) => ({ heading }));
/** Each row as the headings in it, `·` for a report without that section. */
const table = (reports: SectionHead[][]) =>
  pairSections(reports).map((row) => [row.match, ...row.cells.map((cell, n) => (cell === undefined ? '·' : (reports[n][cell].heading ?? '开头')))]);

describe('headingKey', () => {
  it('should leave out the number, the years and the punctuation', () => {
    expect(headingKey('一、2018年度法治政府建设工作开展的基本情况')).toBe('法治政府建设工作开展的基本情况');
    expect(headingKey('三、2020年法治政府建设工作思路')).toBe('法治政府建设工作思路');
    expect(headingKey('（二）贯彻落实《法治政府建设实施纲要（2015-2020年）》')).toBe('贯彻落实法治政府建设实施纲要');
    expect(headingKey('4. 存在的不足')).toBe('存在的不足');
  });
});

describe('wordsShared', () => {
  it('should count the words in common over the longer heading’s words', () => {
    expect(wordsShared('二、存在的不足', '二、存在的问题和不足')).toBeCloseTo(3 / 5);
    expect(wordsShared('三、2019年法治政府建设工作思路', '三、2020年法治政府建设工作打算')).toBeCloseTo(4 / 5);
    expect(wordsShared('一、主要举措和成效', '一、存在的不足')).toBe(0);
  });
});

describe('pairSections', () => {
  it('should pair the same heading across years, its number and years aside', () => {
    expect(table([sections(undefined, '一、2018年度主要举措和成效', '二、存在的不足'), sections(undefined, '一、2019年度主要举措和成效', '二、存在的不足')])).toEqual([
      ['same', '开头', '开头'],
      ['same', '一、2018年度主要举措和成效', '一、2019年度主要举措和成效'],
      ['same', '二、存在的不足', '二、存在的不足'],
    ]);
  });

  it('should pair a renamed heading when its number and most of its words match', () => {
    expect(table([sections('二、2018年法治政府建设工作中存在的不足'), sections('二、2019年法治政府建设工作中存在的问题和不足')])).toEqual([
      ['renamed', '二、2018年法治政府建设工作中存在的不足', '二、2019年法治政府建设工作中存在的问题和不足'],
    ]);
  });

  it('should leave unpaired a heading whose number matches but not most of its words, or whose words match but not its number', () => {
    expect(table([sections('一、主要举措和成效', '二、下一步工作打算'), sections('一、存在的不足', '三、下一步工作安排')])).toEqual([
      ['single', '一、主要举措和成效', '·'],
      ['single', '·', '一、存在的不足'],
      ['single', '二、下一步工作打算', '·'],
      ['single', '·', '三、下一步工作安排'],
    ]);
  });

  it('should pair a section that moved, and put a new one after the section before it', () => {
    expect(
      table([
        sections('一、主要成效', '二、存在的不足', '三、2019年工作思路'),
        sections('一、主要成效', '二、存在的问题和不足', '三、主要负责人履行第一责任人职责情况', '四、2020年工作思路'),
      ]),
    ).toEqual([
      ['same', '一、主要成效', '一、主要成效'],
      ['renamed', '二、存在的不足', '二、存在的问题和不足'],
      ['single', '·', '三、主要负责人履行第一责任人职责情况'],
      ['same', '三、2019年工作思路', '四、2020年工作思路'],
    ]);
  });

  it('should align three reports, each section in one row at most', () => {
    expect(
      table([
        sections('一、主要成效', '二、存在的不足'),
        sections('一、主要成效', '二、存在的问题和不足', '三、下一步安排'),
        sections('一、主要成效', '二、存在的问题和不足', '三、下一步安排'),
      ]),
    ).toEqual([
      ['same', '一、主要成效', '一、主要成效', '一、主要成效'],
      ['renamed', '二、存在的不足', '二、存在的问题和不足', '二、存在的问题和不足'],
      ['same', '·', '三、下一步安排', '三、下一步安排'],
    ]);
  });
});

describe('reportSections', () => {
  const { html } = renderMarkdown(['开头一段。', '## 一、成效', '### （一）职能', '内容。', '## 二、不足', '问题。'].join('\n\n'));
  const cut = reportSections(html, '/fzzfjs/reports/2019/310113-rmzf/');

  it('should cut the body at its top-level headings, the opening first', () => {
    expect(cut.map((section) => [section.heading, section.id])).toEqual([
      [undefined, undefined],
      ['一、成效', 's1'],
      ['二、不足', 's2'],
    ]);
    expect(cut[1].html).toContain('（一）职能');
    expect(cut[1].html).not.toContain('问题');
  });

  it('should take the ids out and point each heading link at the report page', () => {
    for (const section of cut) expect(section.html).not.toMatch(/\sid=/);
    expect(cut[1].html).toContain('<a class="heading-link" href="/fzzfjs/reports/2019/310113-rmzf/#s1-1" aria-label="在报告中打开本节：（一）职能"');
    expect(cut[1].html).toContain('<h2>一、成效 <a class="heading-link"');
  });

  it('should keep text that looks like markup or attributes as written', () => {
    const { html: hostile } = renderMarkdown(['## 一、“<b>x</b>” & id="y" > z', '正文 <span id="q"></span> id="p" & 完。', '## 二、下一步'].join('\n\n'));
    const [first, second] = reportSections(hostile, '/r/');
    expect(first.heading).toBe('一、“<b>x</b>” & id="y" > z');
    expect(first.html).toContain('id="p"');
    expect(first.html).toContain('&#x3C;span id="q">&#x3C;/span>');
    expect(first.html).not.toMatch(/<h2 id=/);
    expect(second.heading).toBe('二、下一步');
  });
});
