import { describe, expect, it } from 'vitest';
import { fullDepartmentName, parseOrgan } from '../../../scripts/ingest/metadata/agency.ts';
import { PLAIN, SECTIONS, readPage } from './read-page.ts';

describe('agency', () => {
  it('should take the agency from the 落款 when the page has no title', () => {
    const m = readPage(['县委、县政府：', `今年以来，${PLAIN}特此报告。`, '特此报告。', '宁洱哈尼族彝族自治县市场监督管理局', '2024年2月20日']);
    expect(m.agency).toBe('宁洱哈尼族彝族自治县市场监督管理局');
    expect(m.region).toBe('云南省普洱市宁洱哈尼族彝族自治县');
    expect(m.level).toBe('部门');
    expect(m.date).toBe('2024-02-20');
    expect(m.dateSource).toBe('signed');
  });

  it("should take the agency from the report formula's self-reference (现将…报告如下)", () => {
    const m = readPage([`根据《法治政府建设与责任落实督察工作规定》，现将澄江市人民政府2023年法治政府建设情况报告如下。`, ...SECTIONS]);
    expect(m.agency).toBe('澄江市人民政府');
    expect(m.level).toBe('县区');
    expect(m.year).toBe(2023);
  });

  it('should take the body named as the subject of the opening sentence when there is no title', () => {
    const m = readPage([`2023年，在市委、市政府的坚强领导下，玉溪市生态环境局${PLAIN}`, ...SECTIONS]);
    expect(m.agency).toBe('玉溪市生态环境局');
    expect(m.needsReview).toEqual([]);
  });

  it("should read a department's 党组 speaking in the opening as the department", () => {
    const m = readPage([`2023年，在党中央坚强领导下，司法部党组${PLAIN}`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '中华人民共和国司法部', region: '中央' });
    expect(m.needsReview).toEqual([]);
  });

  it("should read an opening that speaks for the whole province, its government acting in it, as the province's government", () => {
    const m = readPage([`2023年，全省法治政府建设工作坚持以习近平新时代中国特色社会主义思想为指导，${PLAIN}`, '一、强化思想引领', `省政府党组理论学习中心组带头学，省长同志认真履行推进法治政府建设第一责任人职责，在《云南日报》刊发文章，在云南卫视播出节目。`]);
    expect(m).toMatchObject({ agency: '云南省人民政府', region: '云南省', level: '省' });
    expect(m.needsReview).toEqual([]);
    // 全省 with no government acting in it names no body; nor does a department's system (全省司法行政系统).
    expect(readPage([`2023年，全省法治政府建设工作坚持以习近平新时代中国特色社会主义思想为指导，${PLAIN}`, ...SECTIONS]).needsReview).toContain('agency');
    const system = readPage([`2023年，全省司法行政系统坚持以习近平新时代中国特色社会主义思想为指导，推进法治政府建设，${PLAIN}`, '一、强化思想引领', '省政府主要负责同志听取汇报，在《云南日报》刊发文章，在云南卫视播出节目。']);
    expect(system.agency).not.toBe('云南省人民政府');
    expect(system.needsReview).toContain('agency');
  });

  it('should give a development zone named as the subject its 管理委员会', () => {
    const m = readPage([`2021年，在市委、市政府的坚强领导下，北京经济技术开发区坚持以习近平法治思想为指导，${PLAIN}现将情况报告如下：`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '北京经济技术开发区管理委员会', region: '北京市' });
  });

  it('should flag a body named by its former name (原…部) rather than file it under either name', () => {
    const m = readPage([`2017年，原环境保护部深入学习宣传贯彻党的十九大精神，${PLAIN}`, ...SECTIONS]);
    expect(m.agency).toBe('中华人民共和国环境保护部');
    expect(m.needsReview).toContain('agency');
  });

  it('should name a body that calls itself 我局 by the documents it issued (印发《…局…》)', () => {
    const page = [`根据有关要求，现将我局2022年度法治政府建设工作报告如下：`, '一、规范决策履职', `（一）坚持行政规范性文件动态清理，印发《玉溪市交通运输局制定规范性文件工作规程》，建立规范性文件台账。${PLAIN}`];
    const m = readPage(page);
    expect(m).toMatchObject({ agency: '玉溪市交通运输局', region: '云南省玉溪市' });
    expect(m.needsReview).toEqual([]);
    // A document it only carries out (贯彻《…》) is another's; a joint document's first body may be another.
    const carried = readPage([page[0], page[1], `（一）认真贯彻《玉溪市交通运输局制定规范性文件工作规程》。${PLAIN}`]);
    expect(carried.needsReview).toContain('agency');
    const joint = readPage([page[0], page[1], `（一）联合印发《玉溪市财政局玉溪市交通运输局关于规范专项资金管理的通知》。${PLAIN}`]);
    expect(joint.needsReview).toContain('agency');
  });

  it('should name a body that calls itself 我局 by a later sentence naming it relative to its place (市财政局党组…)', () => {
    const m = readPage([
      `2021年以来，我局在市委、市政府的正确领导下，全面落实《玉溪市2021年全面依法治市工作要点》《玉溪市2021年依法行政工作要点》，${PLAIN}现将我局法治政府建设工作情况报告如下：`,
      '一、强化党对法治建设领导',
      `市财政局党组始终把习近平法治思想贯彻落实到依法理财全过程，${PLAIN}`,
    ]);
    expect(m).toMatchObject({ agency: '玉溪市财政局', region: '云南省玉溪市' });
    expect(m.needsReview).toEqual([]);
  });

  it('should name a body that calls itself 我局 by its own leaders the text speaks of (区司法局党委书记、局长…)', () => {
    const m = readPage([
      `2022年，我局坚持以习近平新时代中国特色社会主义思想为指导，${PLAIN}现将我局2022年法治政府建设情况报告如下。`,
      '一、深学笃用习近平法治思想',
      `区司法局党委书记、局长率先垂范，亲自带队到五华区学习法治政府建设经验。拟定《古城区法治政府建设实施方案（2022-2025）》，统筹推进全区法治政府建设工作。`,
    ]);
    expect(m).toMatchObject({ agency: '丽江市古城区司法局', region: '云南省丽江市古城区' });
    expect(m.needsReview).toEqual([]);
  });

  it('should read a department named without a place that reports to 县委、县政府 as the county\'s, its county from the URL', () => {
    const page = ['县委、县政府：', `2024年以来，教育局坚持以习近平法治思想为指引，${PLAIN}`, ...SECTIONS];
    const m = readPage(page, { url: 'http://www.tonglu.gov.cn/art/2025/3/10/art_1_1.html' });
    expect(m).toMatchObject({ agency: '桐庐县教育局', region: '浙江省杭州市桐庐县' });
    expect(m.needsReview).toEqual([]);
    expect(readPage(page).needsReview).toContain('agency');
  });

  it('should give a place named alone its government', () => {
    expect(readPage([`2023年，华宁县${PLAIN}`, ...SECTIONS]).agency).toBe('华宁县人民政府');
    expect(readPage(['峨山彝族自治县2023年法治政府建设情况报告', `2023年，县政府${PLAIN}`, ...SECTIONS]).agency).toBe('峨山彝族自治县人民政府');
  });

  it('should give a relative name (县人民政府) its full name from the text', () => {
    const m = readPage([`现将县人民政府2022年法治政府建设工作情况报告如下。`, `2022年，县人民政府修订了《通海县人民政府工作规则》，${PLAIN}`, ...SECTIONS]);
    expect(m.agency).toBe('通海县人民政府');
    expect(m.needsReview).toEqual([]);
  });

  it("should name 我局 from the body's own earlier report named in 《》", () => {
    const m = readPage([`2024年，我局${PLAIN}现将我局本年度法治政府建设情况报告如下：`, '一、主要举措和成效', '（一）压实责任。编制并公示《楚雄州交通运输局关于2023年法治政府建设情况的报告》。']);
    expect(m.agency).toBe('楚雄州交通运输局');
  });

  it('should name 我局 from the publisher when the publisher is a body of that kind', () => {
    const m = readPage(['来源：弥勒市教育体育局  发布时间：2024-03-01', `2023年，我局${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBe('弥勒市教育体育局');
    expect(m.date).toBe('2024-03-01');
  });

  it('should prefer a name to a pronoun, and place a relative name whose place exists twice by the text', () => {
    const m = readPage([`2024年，区政府办公室坚持以习近平新时代中国特色社会主义思想为指导，严格落实《重庆市法治政府建设实施方案》，${PLAIN}现将我办2024年度法治政府建设情况报告如下：`, '一、主要举措和成效', '（一）加强学习。对照《江北区法治政府建设应知应会手册》，组织干部职工系统学习，全年开展专题学习31次。']);
    expect(m.agency).toBe('重庆市江北区人民政府办公室');
    expect(m.needsReview).toEqual([]);
  });

  it('should leave 我局 unnamed, for review, when nothing on the page names it', () => {
    const m = readPage([`2023年，我局${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBeNull();
    expect(m.needsReview).toContain('agency');
  });

  it('should keep both bodies when the title names the place and the opening speaks for 区委、区政府', () => {
    const m = readPage(['红塔区2023年度法治政府建设工作总结', `2023年，红塔区委、区政府${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBe('中共玉溪市红塔区委、玉溪市红塔区人民政府');
    expect(m.level).toBe('县区');
    expect(m.needsReview).toEqual([]);
  });

  it('should keep a government the title names even when the opening speaks for 区委、区政府', () => {
    const m = readPage(['红塔区人民政府关于2023年度法治政府建设情况的报告', `2023年，红塔区委、区政府${PLAIN}`, ...SECTIONS]);
    expect(m.agency).toBe('玉溪市红塔区人民政府');
  });

  it("should read a township's 党委、政府 as its government", () => {
    const m = readPage(['玉溪市红塔区大营街街道2023年法治政府建设工作报告', `在区委、区政府的领导下，大营街街道党工委、办事处${PLAIN}`, ...SECTIONS]);
    expect(m.agency).toBe('玉溪市红塔区大营街街道办事处');
    expect(m.level).toBe('乡镇街道');
  });

  it('should keep both bodies when the opening speaks for 州党委、政府 and the page has no title', () => {
    const m = readPage([`2023年，楚雄州委、州政府${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBe('中共楚雄彝族自治州委、楚雄彝族自治州人民政府');
    expect(m.needsReview).toEqual([]);
  });

  it('should make a joint report of a place whose first heading speaks for 省委、省政府', () => {
    const m = readPage([`2023年，云南省${PLAIN}现将有关情况报告如下。`, '一、省委、省政府坚持高位推动，加强组织领导', '（一）完善机制。']);
    expect(m.agency).toBe('云南省委、省人民政府');
    expect(m.level).toBe('省');
  });

  it("should take a report addressed to 国务院 as its province's government", () => {
    const m = readPage(['国务院：', `2019年，按照党中央、国务院的部署，全面落实《云南省法治政府建设实施方案》，全省${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBe('云南省人民政府');
    expect(m.level).toBe('省');
  });

  it("should give a ministry the state's name and the central level", () => {
    const m = readPage([`2022年，水利部${PLAIN}`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '中华人民共和国水利部', region: '中央', level: '中央部委' });
  });

  it("should write a department's common short name as its official name", () => {
    expect(fullDepartmentName('绍兴市市场监管局')).toBe('绍兴市市场监督管理局');
    const m = readPage([`2023年，在市委市政府的领导下，市卫健委${PLAIN}`, '一、主要举措和成效', '（一）健全机制。落实《保山市医疗机构管理办法》。']);
    expect(m.agency).toBe('保山市卫生健康委员会');
  });

  it('should not take a party organ named alone as certain', () => {
    const m = readPage([`根据上级部署，今年以来，勐海县勐遮镇党委${PLAIN}现将有关情况报告如下：`, ...SECTIONS]);
    expect(m.agency).toBe('勐海县勐遮镇人民政府');
    expect(m.needsReview).toContain('agency');
  });

  it("should read a 厅 named without its place as a province's department, placed by the province the text names", () => {
    const m = readPage([`2023年，民政厅${PLAIN}为建设更高水平的法治贵州提供保障。`, ...SECTIONS]);
    expect(m).toMatchObject({ agency: '贵州省民政厅', region: '贵州省', level: '部门' });
  });

  it('should not present a department named without any place as certain', () => {
    const m = readPage([`2023年，民政局${PLAIN}`, ...SECTIONS], { url: 'http://www.gzzy.gov.cn/x/1.html' });
    expect(m.needsReview).toContain('agency');
  });

  it('should tell the kinds of names apart', () => {
    expect(parseOrgan('我局', 'test', '')?.kind).toBe('pronoun');
    expect(parseOrgan('区司法局', 'test', '')).toMatchObject({ kind: 'organ', relative: '区' });
    expect(parseOrgan('陈仓区委、区政府', 'test', '')).toMatchObject({ kind: 'joint', place: '陈仓区' });
    expect(parseOrgan('**区', 'test', '')?.kind).toBe('masked');
    expect(parseOrgan('全县各级各部门', 'test', '')).toBeNull();
  });
});
