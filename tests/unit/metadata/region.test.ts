import { describe, expect, it } from 'vitest';
import { textMentions } from '../../../scripts/ingest/metadata/region.ts';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

describe('region', () => {
  it("should give a county-level city's government the level 县区, not 市", () => {
    const m = readPage(['市委、市政府：', `2023年，安宁市${PLAIN}`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '安宁市人民政府', region: '云南省昆明市安宁市', level: '县区' });
  });

  it("should keep a province's report on a county's portal in the province: the host is not the reporter", () => {
    const m = readPage(['云南省人民政府关于2022年度法治政府建设情况的报告', `2022年，省政府${PLAIN}`, ...SECTIONS], { url: 'http://www.ynmz.gov.cn/info/123.html' });
    expect(m).toMatchObject({ region: '云南省', level: '省' });
    expect(m.needsReview).toEqual([]);
  });

  it("should place a 市 department in the municipality the text names (天津市 is a 市)", () => {
    const m = readPage([`现将市人社局2022年法治政府建设情况报告予以公开。如有疑问，请与市人社局法规处联系（地址：天津市和平区建设路18号）。`, `2022年，市人社局${PLAIN}`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '天津市人力资源和社会保障局', region: '天津市' });
    expect(m.needsReview).toEqual([]);
  });

  it('should place a township whose name the region table holds only once', () => {
    const m = readPage(['区委、区政府：', `2023年，三张镇${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.region).toBe('陕西省渭南市临渭区三张镇');
    expect(m.agency).toBe('渭南市临渭区三张镇人民政府');
  });

  it('should place a township that exists more than once by the county the URL names, and flag it without one', () => {
    const page = ['市委全面依法治市委员会：', `2025年，中村乡${PLAIN}现将一年来工作情况报告如下：`, ...SECTIONS];
    expect(readPage(page).needsReview).toContain('region');
    const m = readPage(page, { url: 'https://ynlf.gov.cn/info/4078/1.htm' });
    expect(m.region).toBe('云南省楚雄彝族自治州禄丰市中村乡');
    expect(m.needsReview).toEqual([]);
  });

  it('should place a township that exists more than once within the county the text names', () => {
    const page = [`2022年，在区委、区政府的坚强领导下，东城街道认真落实《广东省法治政府建设实施纲要》和《清城区2022年法治政府建设工作要点》，${PLAIN}现将我街道2022年法治政府建设的情况报告如下：`, ...SECTIONS];
    const m = readPage(page);
    expect(m.region).toBe('广东省清远市清城区东城街道');
    expect(m.needsReview).toEqual([]);
    // Named once in passing, not in a title: the county is a candidate, not certain.
    const passing = readPage([`2022年，东城街道学习借鉴清城区经验，${PLAIN}现将我街道2022年法治政府建设的情况报告如下：`, ...SECTIONS]);
    expect(passing.needsReview).toContain('region');
  });

  it('should take the place a goal names (法治X) as the one the text ties itself to', () => {
    const m = readPage([`根据有关规定，现将省政府2022年度法治政府建设情况报告如下。`, '一、2022年主要工作', `省政府切实履行法治政府建设主体职责，一体推进法治云南、法治政府、法治社会建设。${PLAIN}`]);
    expect(m).toMatchObject({ agency: '云南省人民政府', region: '云南省' });
    expect(m.needsReview).toEqual([]);
  });

  it('should read a county named in a slogan (平安X、法治X) as named by the text', () => {
    expect(textMentions('发挥平安盂县、法治盂县建设的优势').map((m) => m.name)).toEqual(['盂县', '盂县']);
    const m = readPage([`2020年，在县委的正确领导下，县政府${PLAIN}发挥平安盂县、法治盂县建设的优势。`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '盂县人民政府', region: '山西省阳泉市盂县' });
    expect(m.needsReview).toEqual([]);
  });

  it('should place a township missing from the table in the county the URL names', () => {
    const m = readPage(['东坡镇2022年法治政府建设情况报告', `2022年，东坡镇${PLAIN}`, ...SECTIONS], { url: 'http://www.yingde.gov.cn/x/1.html' });
    expect(m.region).toBe('广东省清远市英德市东坡镇');
    expect(m.regionCode).toBe('441881');
    expect(m.warnings.join()).toMatch(/not in the region table/);
  });

  it('should not take a two-character county inside a word (示范县) as a place', () => {
    expect(textMentions('创建全国法治政府建设示范县').map((m) => m.name)).toEqual([]);
    expect(textMentions('河南省濮阳市范县').map((m) => m.name)).toContain('范县');
  });

  it('should flag the region of a relative name when the URL names another place than the text', () => {
    const page = ['区司法局关于2023年法治政府建设情况的报告', `2023年，区司法局${PLAIN}`, '一、主要举措和成效', '（一）落实《五华区法律顾问工作规则》。'];
    expect(readPage(page).region).toBe('云南省昆明市五华区');
    const m = readPage(page, { url: 'https://www.kmpanlong.gov.cn/x/1.html' });
    expect(m.needsReview).toContain('region');
  });

  it("should not be certain of a relative name's place that the text names only once, in passing", () => {
    const passing = readPage([`2023年，我县${PLAIN}学习借鉴建水县经验，现将有关情况报告如下：`, ...SECTIONS]);
    expect(passing.needsReview).toContain('region');
    const firm = readPage([`2023年，我县${PLAIN}制定《建水县法治政府建设实施方案》，现将有关情况报告如下：`, ...SECTIONS]);
    expect(firm).toMatchObject({ agency: '建水县人民政府', region: '云南省红河哈尼族彝族自治州建水县', needsReview: [] });
  });

  it('should read an autonomous prefecture called by its first character and 州', () => {
    const m = readPage([`2023年，巴州党委、政府${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.region).toBe('新疆维吾尔自治区巴音郭楞蒙古自治州');
  });

  it("should not take a site's contact address as evidence of the report's region", () => {
    const m = readPage(['• 地址：湖北武汉光谷大道1号', '朝阳区人民政府2023年法治政府建设情况报告', `2023年，区政府${PLAIN}`, ...SECTIONS]);
    expect(m.region).toBeNull();
    expect(m.warnings.join()).toMatch(/朝阳区 is ambiguous/);
  });
});
