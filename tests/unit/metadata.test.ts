import { describe as group, expect, it } from 'vitest';
import { findMetadata, organFromTitle, type Hints } from '../../scripts/ingest/metadata/index.ts';
import { strip } from '../../scripts/ingest/strip.ts';
import { regionByCode } from '../../src/archive/regions.ts';

function read(text: string, hints: Hints = {}) {
  const zones = strip(text);
  return findMetadata({ stripped: zones.raw, readable: zones.readable, hints });
}

const PROSE = '2021年，在区委、区政府的坚强领导下，我区坚持以习近平法治思想为指导，扎实推进依法行政，现将有关情况报告如下：';

group('title', () => {
  it('should join a title split over two lines', () => {
    const m = read(['中共云阳县城市管理局党组', '关于2023年法治政府建设情况的报告', '县委、县政府:', PROSE].join('\n'));
    expect(m.title).toBe('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告');
    expect(m.agency).toBe('重庆市云阳县城市管理局');
  });

  it('should name both bodies of a joint 党委 + 政府 report', () => {
    const m = read(['中共云阳县凤鸣镇委员会', '云阳县凤鸣镇人民政府', '关于2025年法治政府建设情况的报告', '县委、县政府:', PROSE].join('\n'));
    expect(m.agency).toBe('中共云阳县凤鸣镇委员会、云阳县凤鸣镇人民政府');
    expect(m.level).toBe('乡镇街道');
  });

  it('should say so, not invent a title, when the page opens with a salutation', () => {
    const m = read(['县委、县政府:', PROSE, '一、主要举措和成效'].join('\n'));
    expect(m.title).toBeNull();
    expect(m.warnings.join()).toMatch(/salutation \(县委、县政府:\)/);
  });
});

group('agency and region', () => {
  it('should take the reporting body from the title, not the publishing office', () => {
    const m = read(['嘉陵区人民政府关于2021年度法治政府建设工作的报告', '时间:2022-03-22 09:46 | 来源:嘉陵区司法局', PROSE].join('\n'));
    expect(m.agency).toBe('南充市嘉陵区人民政府');
    expect(m.publisher).toBe('嘉陵区司法局');
  });

  it('should keep 宝山区 in 上海 when the page header names 上海市', () => {
    const m = read(['宝山区人民政府2018年度法治政府建设情况报告_法治政府_上海市宝山区人民政府门户网站', PROSE].join('\n'));
    expect(m.region).toBe('上海市宝山区');
    expect(m.evidence.region.rule).toMatch(/ambiguous.*上海市宝山区人民政府门户网站/);
  });

  it('should place 宝山区 in 双鸭山 when the 网站标识码 is 双鸭山\'s', () => {
    const m = read(['宝山区人民政府2018年度法治政府建设情况报告', PROSE, '网站标识码:2305060001'].join('\n'));
    expect(m.regionCode).toBe('230506');
  });

  it('should report an ambiguous region with its candidates rather than guess', () => {
    const m = read(['朝阳区人民政府2024年法治政府建设年度情况报告', PROSE].join('\n'));
    expect(m.region).toBeNull();
    expect(m.warnings.join()).toMatch(/朝阳区 is ambiguous.*北京市朝阳区.*长春市朝阳区/);
  });

  it('should resolve 朝阳区 from the province named in the text', () => {
    const m = read(['朝阳区人民政府2024年法治政府建设年度情况报告', PROSE, '查办的案件入选“北京市知识产权保护典型案例”。'].join('\n'));
    expect(m.region).toBe('北京市朝阳区');
  });

  it('should make a place-only title its government, and a 党委和政府 report a joint one', () => {
    expect(read(['2020年静海区法治政府建设情况报告', PROSE].join('\n')).agency).toBe('天津市静海区人民政府');
    const joint = read(['宁夏回族自治区2022年度法治政府建设工作报告', '2022年，宁夏回族自治区党委和政府全面学习贯彻党的二十大精神，深入学习贯彻习近平法治思想，现将有关情况报告如下：'].join('\n'));
    expect(joint.agency).toBe('宁夏回族自治区党委、自治区人民政府');
    expect(joint.level).toBe('省');
  });

  it('should name a 区司法局 by its region when the URL gives it', () => {
    const m = read(['区司法局关于2025年法治政府建设情况的报告', PROSE].join('\n'), { url: 'https://cqjlp.gov.cn/x.html', urlRegion: regionByCode('500107') });
    expect(m.agency).toBe('重庆市九龙坡区司法局');
    expect(m.level).toBe('部门');
  });

  it('should let given values win and warn when the text disagrees', () => {
    const m = read(['2020年静海区法治政府建设情况报告', PROSE].join('\n'), { year: 2019 });
    expect(m.year).toBe(2019);
    expect(m.warnings.join()).toMatch(/year: given 2019, the text says 2020/);
  });
});

group('year and dates', () => {
  it('should not take the header clock as the publication date', () => {
    const m = read(['今天是:2019年10月31日 星期三', '2020年静海区法治政府建设情况报告', '文章来源:司法局 更新时间:2021/03/29 11:30:01', PROSE].join('\n'));
    expect(m.date).toBe('2021-03-29');
    expect(m.year).toBe(2020);
  });

  it('should ignore a stale page date before the year covered', () => {
    const m = read(['2020年静海区法治政府建设情况报告', '日期:2019-10-31', PROSE].join('\n'));
    expect(m.date).toBeNull();
    expect(m.warnings.join()).toMatch(/stale/);
  });

  it('should fall back to the signing date in the 落款, and say so', () => {
    const m = read(['郑州市教育局关于2022年法治政府建设工作情况的报告', PROSE, '郑州市教育局', '2023年2月16日'].join('\n'));
    expect(m.date).toBe('2023-02-16');
    expect(m.dateSource).toBe('signed');
    expect(m.warnings.join()).toMatch(/signing date/);
  });

  it('should not be fooled by last year\'s report or next year\'s plan in the body', () => {
    const m = read(['广东省人民政府关于2020年度法治政府建设情况的报告', '时间 : 2021-03-31 15:31:55 来源 : 本网', PROSE, '《2019年度法治政府建设情况报告》公开后，2021年将继续推进。'].join('\n'));
    expect(m.year).toBe(2020);
    expect(m.publisher).toBe('本网');
  });

  it('should read 发文字号, 索引号 and 成文日期 from a metadata block', () => {
    const m = read(['- [ 索引号 ] 11500229768895163R/2026-00004', '- [ 发文字号 ] 鸡鸣委文〔2026〕3号', '- [ 成文日期 ] 2026-02-12', '城口县鸡鸣乡人民政府2025年法治政府建设情况报告', PROSE].join('\n'));
    expect(m.indexNumber).toBe('11500229768895163R/2026-00004');
    expect(m.docNumber).toBe('鸡鸣委文〔2026〕3号');
  });
});

group('isReport', () => {
  it('should refuse an interpretation, a news item and a template', () => {
    expect(read(['【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读', PROSE].join('\n')).isReport).toBe(false);
    expect(read(['甘南州人大常委会审议甘南州政府2020年法治政府建设工作情况报告', PROSE].join('\n')).isReport).toBe(false);
    const template = read(['XX区人民政府20XX年法治政府建设情况报告', 'xx年，在xx的领导下，xx区推进依法行政，取得了xx成效，完成了xx项任务。', '一、主要举措和成效'].join('\n'));
    expect(template.isReport).toBe(false);
    expect(template.notReportReason).toMatch(/template/);
  });

  it('should refuse a pre-2016 依法行政 report', () => {
    const m = read(['某县人民政府2014年度依法行政工作情况报告', '2014年，我县全面推进依法行政，加快建设法治政府，现将有关情况报告如下：'].join('\n'));
    expect(m.isReport).toBe(false);
    expect(m.notReportReason).toMatch(/2016/);
  });
});

group('organFromTitle', () => {
  it('should drop 中共…党组 around a single organ and keep joint bodies', () => {
    expect(organFromTitle('中共云阳县城市管理局党组关于2023年法治政府建设情况的报告')?.name).toBe('云阳县城市管理局');
    expect(organFromTitle('北京市2020年法治政府建设年度情况报告')?.placeOnly).toBe(true);
  });
});

group('more real-world forms', () => {
  it('should read a year written in Chinese numerals in the title', () => {
    const m = read(['某某区人民政府关于二〇一九年度法治政府建设情况的报告'.replace('某某区', '静海区'), PROSE].join('\n'));
    expect(m.year).toBe(2019);
    expect(m.agency).toBe('天津市静海区人民政府');
  });

  it('should place a 国务院 department at the central level', () => {
    const m = read(['司法部2020年法治政府建设年度报告', PROSE].join('\n'));
    expect(m).toMatchObject({ agency: '中华人民共和国司法部', region: '中央', regionCode: '100000', level: '中央部委' });
  });

  it('should keep a closing 特此报告。 with the body', () => {
    const zones = strip(['静海区人民政府2020年法治政府建设情况报告', PROSE, '特此报告。', '', '扫一扫在手机打开当前页'].join('\n'));
    expect(zones.raw.body).toEqual([PROSE, '特此报告。']);
  });

  it('should take a page whose title is only the quoted report name as the report', () => {
    const m = read(['《静海区人民政府2020年法治政府建设情况报告》', PROSE].join('\n'));
    expect(m.isReport).toBe(true);
  });
});

group('region evidence in the text', () => {
  it('should place 向阳区 in 佳木斯 when the 落款 names 佳木斯市', () => {
    const m = read(['向阳区人民政府2020年法治政府建设情况报告', PROSE, '黑龙江省佳木斯市向阳区人民政府', '2021年3月1日'].join('\n'));
    expect(m.region).toBe('黑龙江省佳木斯市向阳区');
  });
});
