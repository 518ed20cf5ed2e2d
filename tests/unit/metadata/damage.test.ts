import { describe, expect, it } from 'vitest';
import {
  censoredPhrases, findWatermarks, isMasked, maskedNames, numberPlaceholders, removeMojibake, removePinyin, removeWatermarks,
  rewrittenYears, splitSpamSuffix,
} from '../../../scripts/ingest/metadata/damage.ts';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

describe('damage done by mirrors', () => {
  it('should learn a watermark from its domain and remove it wherever it recurs', () => {
    const lines = ['文档之家—免费下载www.wendang.com某区2023年工作', '推进依法行政文档之家—免费下载www.wendang.com取得成效'];
    const marks = findWatermarks(lines);
    expect(lines.map((l) => removeWatermarks(l, marks))).toEqual(['某区2023年工作', '推进依法行政取得成效']);
  });

  it("should remove a watermark's name trailing a line even where it appears without its domain", () => {
    const marks = findWatermarks(['一、主要举措 材料网 www.cailiao.com']);
    expect(removeWatermarks('（一）加强领导 材料网,办公资料下载', marks)).toBe('（一）加强领导');
  });

  it('should keep a watermark out of the title and flag the page', () => {
    const m = readPage(['稿子库 www.gaozi.com', '大理市人民政府关于2022年度法治政府建设情况的报告', `2022年，市政府${PLAIN}`, ...SECTIONS]);
    expect(m.title).toBe('大理市人民政府关于2022年度法治政府建设情况的报告');
    expect(m.damage.join()).toMatch(/watermark/);
  });

  it('should strip the pinyin residue of a careless traditional conversion', () => {
    expect(removePinyin('法治政府建設(shè)取得新進(jìn)展')).toBe('法治政府建設取得新進展');
  });

  it('should read back the mojibake ?,F将 as 。现将 and drop other mojibake markers', () => {
    expect(removeMojibake('取得新成效?,F將有關情況報告如下')).toBe('取得新成效。现將有關情況報告如下');
    expect(removeMojibake('?。ㄒ唬┘訌婎I導')).not.toMatch(/[?ㄒ┘]/);
  });

  it('should recognise masked names and never take them as the agency', () => {
    expect(maskedNames('落实《**区2023年工作要点》和 (略) 的部署')).toEqual(['**', '(略)']);
    expect(isMasked('XX县人民政府')).toBe(true);
    const m = readPage([`2023年，**区司法局${PLAIN}现将本年度法治政府建设情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBeNull();
    expect(m.needsReview).toContain('agency');
    expect(m.damage.join()).toMatch(/masked/);
  });

  it("should tell a template's blanked figures from a masked copy's names", () => {
    expect(numberPlaceholders('召开会议*次，办理案件xx件，排名第x')).toHaveLength(3);
    expect(numberPlaceholders('落实《**区工作要点》，取得积*进展')).toHaveLength(0);
    // A year left as xxxx, and blanks to fill in (20__年, ____思想).
    expect(numberPlaceholders('现将xxxx年法治政府建设情况报告如下，xxxx年研究制定')).toHaveLength(2);
    expect(numberPlaceholders('20__年是关键之年，坚持以____思想为指导')).toHaveLength(2);
    expect(numberPlaceholders('2023年，全市召开会议12次')).toHaveLength(0);
    // A rule line drawn with underscores is not a blank.
    expect(numberPlaceholders('特此报告。\n______________\n______________')).toHaveLength(0);
  });

  it('should find words a keyword filter deleted from the phrases every report cites', () => {
    expect(censoredPhrases('以习思想为指导，落实《政府建设实施纲要(2021—2025年)》')).toEqual(['政府建设实施纲要', '习思想']);
    expect(censoredPhrases('以习近平法治思想为指导，落实《法治政府建设实施纲要》')).toEqual([]);
  });

  it('should see years a site rewrote in a period whose two ends are the same', () => {
    expect(rewrittenYears('根据法治政府建设实施纲要(2024-2024)的规定')).toBe('(2024-2024)');
    expect(rewrittenYears('《法治政府建设实施纲要(2021-2025年)》')).toBeNull();
  });

  it("should split spam after a title and tell it from a government site's name", () => {
    expect(splitSpamSuffix('某县2022年度法治政府建设情况报告-xk9皇冠体育官网')).toMatchObject({ title: '某县2022年度法治政府建设情况报告', spam: 'xk9皇冠体育官网' });
    expect(splitSpamSuffix('某县2022年度法治政府建设情况报告_法治政府_某县人民政府门户网站')).toMatchObject({ spam: null, tail: '法治政府_某县人民政府门户网站' });
  });

  it('should keep spam out of a title, flag it and ask for the title to be reviewed', () => {
    const m = readPage(['玉溪市人民政府2021年度法治政府建设情况报告-bet88娱乐城', `2021年，市政府${PLAIN}`, ...SECTIONS]);
    expect(m.title).toBe('玉溪市人民政府2021年度法治政府建设情况报告');
    expect(m.damage.join()).toMatch(/spam.*bet88娱乐城/);
    expect(m.needsReview).toContain('title');
  });
});
