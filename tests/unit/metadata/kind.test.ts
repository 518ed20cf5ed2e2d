import { describe, expect, it } from 'vitest';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

const REPORT_OPENING = `2023年，丽江市${PLAIN}现将有关情况报告如下：`;

/** Whether the page reads as an annual report, and why not. */
function kind(lines: string[]): { isReport: boolean; reason: string | null } {
  const m = readPage(lines);
  return { isReport: m.isReport, reason: m.notReportReason };
}

describe('what the page is', () => {
  it('should take a page without a title for a report by its own voice', () => {
    expect(kind([REPORT_OPENING, ...SECTIONS]).isReport).toBe(true);
    expect(kind([`2023年，丽江市${PLAIN}`, ...SECTIONS]).isReport).toBe(true);
  });

  it("should take a copy that lost its 一、 numbering for a report when its opening sentence gives a body's year and results", () => {
    const page = ['2022年，丽江市生态环境局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设，各项工作取得重要进展和成效。全面贯彻落实党的二十大精神', '统筹推进法治政府建设高质量发展', PLAIN];
    expect(kind(page).isReport).toBe(true);
    // Without results in its first sentence it is not shown to be an account of the year.
    expect(kind(['2022年，丽江市生态环境局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。', '统筹推进法治政府建设高质量发展', PLAIN]).isReport).toBe(false);
  });

  it('should take a news item that carries the report whole (…发布…报告。具体报告如下) for the report, its headline not the title', () => {
    const m = readPage(['生态环境部发布2023年法治政府建设年度报告', '发布时间：2024-03-29 12:04:21', '中新网3月29日电 据生态环境部网站消息，生态环境部发布2023年法治政府建设年度报告。具体报告如下：', ...SECTIONS]);
    expect(m.isReport).toBe(true);
    expect(m).toMatchObject({ agency: '中华人民共和国生态环境部', region: '中央', year: 2023, titleSupplied: true });
    expect(m.needsReview).toEqual([]);
    // News that only tells of the report stays news.
    expect(kind(['生态环境部发布2023年法治政府建设年度报告', '近日，生态环境部发布2023年法治政府建设年度报告，全面总结一年来的工作进展及成效。', PLAIN]).isReport).toBe(false);
  });

  it('should take a page that publishes its own report (现将…报告予以公开) for the report', () => {
    const m = readPage([`根据有关文件要求，现将市人社局2022年法治政府建设情况报告予以公开。`, `本报告包括主要举措和成效、存在不足和原因、2023年重点工作措施三个部分。`, ...SECTIONS]);
    expect(m.isReport).toBe(true);
    expect(m.year).toBe(2022);
  });

  it('should take a title saying the body published its own report (公布) for the report when the body speaks as its author', () => {
    expect(kind(['丽江市人民政府公布2023年度法治政府建设情况', `2023年，全市${PLAIN}现将有关情况公布如下：`, ...SECTIONS]).isReport).toBe(true);
  });

  it("should not take a breadcrumb's column (规划信息, 工作计划) for what the page is", () => {
    const page = ['您现在所在的位置: 首页>政务公开>部门信息公开>丽江市文化和旅游局>规划信息', '丽江市文化和旅游局2023年法治政府建设年度报告', REPORT_OPENING, ...SECTIONS];
    expect(kind(page).isReport).toBe(true);
    expect(kind(['首页 > 政务公开 > 工作计划', '丽江市文化和旅游局2023年法治政府建设年度报告', REPORT_OPENING, ...SECTIONS]).isReport).toBe(true);
  });

  it.each([
    ['an interpretation', ['关于《丽江市2023年度法治政府建设情况报告》的政策解读', '一、起草背景', PLAIN], /解读/],
    ['a plan', ['丽江市2024年法治政府建设工作要点', `为推进法治政府建设，${PLAIN}`, ...SECTIONS], /plan/],
    ['a notice that hands out a plan', ['关于印发丽江市2024年度法治政府建设工作安排的通知', '各县（区）人民政府，市直各部门：', `现就做好2024年度法治政府建设工作安排如下：`], /plan|notice/],
    ['a guideline on how to write the reports', ['为全面规范法治政府建设年度报告工作，根据有关规定，制定本工作指引。', '一、指导思想。坚持以习近平新时代中国特色社会主义思想为指导。', '二、报告名称。法治政府建设年度报告', '三、报告主体。全省各级党委和政府、县级以上政府部门。'], /normative/],
    ['a 政府工作报告', ['2024年丽江市政府工作报告', `各位代表：过去一年，${PLAIN}`, ...SECTIONS], /政府工作报告/],
    ['an information disclosure report', ['丽江市人民政府2023年政府信息公开工作年度报告', `2023年，${PLAIN}`, ...SECTIONS], /信息公开/],
    ['an assessment notice to subordinate bodies', ['各县（区）人民政府，市直各部门：', `2023年，全市${PLAIN}现将2023年度依法行政考核结果通报如下：`, ...SECTIONS], /notice/],
    ['a 普法 report', ['丽江市“八五”普法中期工作情况报告', `2023年，${PLAIN}`, ...SECTIONS], /普法/],
    ['a rectification report', ['丽江市法治政府建设督察反馈问题整改情况报告', REPORT_OPENING, ...SECTIONS], /整改/],
    ["a leader's 述法 report", ['丽江市市长2023年度述法报告（法治建设）', REPORT_OPENING, ...SECTIONS], /述职|述法/],
    ['a five-year review', ['丽江市五年法治政府建设工作情况报告', REPORT_OPENING, ...SECTIONS], /several years/],
    ['news of a meeting', ['市政府常务会议审议2023年度法治政府建设情况报告', `3月5日，市政府召开常务会议，${PLAIN}`], /news/],
    ['news of a published report', ['丽江市发布2023年度法治政府建设报告', `日前，丽江市发布《丽江市2023年度法治政府建设报告》（以下简称《报告》）。《报告》显示，${PLAIN}`], /news/],
    ['an exam question', [`2023年，丽江市${PLAIN}`, '结合材料，谈谈丽江推进法治政府建设给我们的启示。'], /exam/],
    ['a yearbook entry', ['2023卷', `【法治政府建设】 2023年，${PLAIN}`, `【依法行政】 ${PLAIN}`], /yearbook/],
    ['a template naming 某县', ['某县2023年度法治政府建设情况报告', `2023年，全县${PLAIN}`, ...SECTIONS], /template/],
    ['a template with blanked figures', ['XX县2023年度法治政府建设情况报告', `2023年，全县召开会议*次，办理案件xx件，${PLAIN}`, ...SECTIONS], /template/],
    ['a template with the year left as xxxx', ['县教育局2022年法治政府建设年度报告', 'xxxx年，我局高度重视法治政府建设。现将xxxx年法治政府建设情况报告如下：', ...SECTIONS], /template/],
    ['a template with blanks to fill in', ['教育局2023年度法治建设工作报告', '20__年是深入推动“八五”普法实施的关键之年，全县教育系统坚持以____思想为指导，推进法治政府建设。', ...SECTIONS], /template/],
    ["an essay site's page", ['下面是小编为大家整理的法治政府建设情况报告，供大家参考。', REPORT_OPENING, ...SECTIONS], /template/],
    ['a report of the years before 2016', ['丽江市2014年度依法行政工作情况报告', `2014年，丽江市${PLAIN}`, ...SECTIONS], /2016/],
    ['an 依法行政 summary of the 2004 纲要 years', [`今年以来，丽江市认真贯彻国务院全面推进依法行政实施纲要，以科学发展观为指导，全面推进依法行政，现将有关情况报告如下：`, ...SECTIONS], /2004/],
    ['a summary not about 法治政府建设', [`2023年，全市司法行政系统坚持以党的二十大精神为引领，奋力推动司法行政工作高质量发展。`, '一、坚决筑牢政治忠诚', PLAIN.replace('法治政府建设', '各项工作')], /not about 法治政府建设/],
  ])('should refuse %s, saying why', (_what, lines, reason) => {
    const k = kind(lines as string[]);
    expect(k.isReport).toBe(false);
    expect(k.reason).toMatch(reason as RegExp);
  });

  it('should refuse a catalogue record that only names the report', () => {
    const m = readPage(['丽江市人民政府关于2023年度法治政府建设情况的报告', 'English title (machine-translated)', 'Lijiang Municipal Government report on the 2023 construction of a law-based government, with a summary of its four parts.', 'Published 2024-03-27, type: policy, level: prefectural, length: 3,145 characters in one paragraph.']);
    expect(m.isReport).toBe(false);
  });
});
