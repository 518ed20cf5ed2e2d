import { describe, expect, it } from 'vitest';
import { supplyTitle } from '../../../scripts/ingest/metadata/title.ts';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

const OPENING = `2022年，区政府坚持以习近平新时代中国特色社会主义思想为指导，${PLAIN}现将有关情况报告如下：`;

describe('title', () => {
  it('should drop a 标  题 label before the title', () => {
    const m = readPage(['标  题：延庆区人民政府2022年度法治政府建设情况报告', OPENING, ...SECTIONS]);
    expect(m.title).toBe('延庆区人民政府2022年度法治政府建设情况报告');
  });

  it("should drop a metadata table's 标  题 label that has no colon", () => {
    const page = ['发文机关 延庆区人民政府 成文日期', '标  题 延庆区人民政府关于2022年度法治政府建设情况的报告', '发文字号 延政发〔2023〕5号 发布时间 2023年03月22日', OPENING, ...SECTIONS];
    const m = readPage(page);
    expect(m.title).toBe('延庆区人民政府关于2022年度法治政府建设情况的报告');
    expect(m.agency).toBe('北京市延庆区人民政府');
  });

  it('should join a title broken inside its phrase, the kind of report on the second line', () => {
    const m = readPage(['延庆区2022年度法治政府建设', '工作情况的报告', OPENING, ...SECTIONS]);
    expect(m.title).toBe('延庆区2022年度法治政府建设工作情况的报告');
    expect(m.titleSupplied).toBe(false);
  });

  it('should drop a 发文字号 before the title', () => {
    const m = readPage(['延政发〔2023〕5号延庆区人民政府关于2022年度法治政府建设情况的报告', OPENING, ...SECTIONS]);
    expect(m.title).toBe('延庆区人民政府关于2022年度法治政府建设情况的报告');
  });

  it('should join an organ line above a title line that starts with the year', () => {
    const m = readPage(['延庆区人民政府', '2022年度法治政府建设情况报告', OPENING, ...SECTIONS]);
    expect(m.title).toBe('延庆区人民政府2022年度法治政府建设情况报告');
    expect(m.agency).toBe('北京市延庆区人民政府');
  });

  it('should join a title whose first line ends with 关于', () => {
    const m = readPage(['部门网站', '当前位置：首页 > 通知公告', '延庆区人民政府关于', '2022年度法治政府建设情况的报告', OPENING, ...SECTIONS]);
    expect(m.title).toBe('延庆区人民政府关于2022年度法治政府建设情况的报告');
  });

  it("should take the report named in 《》 at the head of an aggregator's page as the title", () => {
    const m = readPage(['《曲靖市人民政府2019年度法治政府建设工作报告》是2020年曲靖市人民政府发布的通知。', `2019年，市政府${PLAIN}`, ...SECTIONS]);
    expect(m.title).toBe('曲靖市人民政府2019年度法治政府建设工作报告');
    expect(m.date).toBeNull();
  });

  it("should not take an essay site's bracketed heading as the title, nor its year", () => {
    const m = readPage(['[曲靖市发布2020年度法治政府建设情况报告] 关于法治政府建设的几点思考', `2019年，曲靖市政府${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.titleSupplied).toBe(true);
    expect(m.year).toBe(2019);
    expect(m.damage.join()).toMatch(/essay site/);
  });

  it('should not take a section heading (一、) as the title', () => {
    const m = readPage([`2019年，曲靖市${PLAIN}`, '一、2019年推进法治政府建设情况', '（一）加强领导。']);
    expect(m.title).not.toMatch(/^一、/);
    expect(m.titleSupplied).toBe(true);
  });

  it('should split a title run into the first paragraph of a flattened page', () => {
    const m = readPage(`1、曲靖市人民政府关于2019年度法治政府建设情况的报告2019年，市政府${PLAIN}${PLAIN}${PLAIN}现将有关情况报告如下：一、主要举措和成效（一）加强领导。`);
    expect(m.title).toBe('曲靖市人民政府关于2019年度法治政府建设情况的报告');
    expect(m.year).toBe(2019);
  });

  it('should supply a bracketed title from the agency and year when the page shows none, marked as supplied', () => {
    const m = readPage([`2021年，麒麟区${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m).toMatchObject({ title: '〔曲靖市麒麟区人民政府2021年度法治政府建设情况报告〕', titleSupplied: true });
    expect(m.needsReview).not.toContain('title');
    expect(supplyTitle('某县人民政府', 2020)).toBe('〔某县人民政府2020年度法治政府建设情况报告〕');
  });

  it('should not supply a title when the agency is not certain', () => {
    const m = readPage(['县委、县政府：', `2021年，我局${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.title).toBeNull();
    expect(m.titleSupplied).toBe(false);
    expect(m.needsReview).toEqual(expect.arrayContaining(['title', 'agency']));
  });
});
