import { describe, expect, it } from 'vitest';
import { allRegions, isPlaceholder, regionByCode } from '../../src/archive/regions.ts';
import { shortForms } from '../../scripts/ingest/place-names.ts';
import { govHosts, regionFromHost, regionFromUrl, regionsForPinyin, warmUrlHintIndex } from '../../scripts/ingest/url-hint.ts';

describe('regionFromUrl', () => {
  it.each([
    ['tjjh.gov.cn', '天津市静海区', 'tj + jh'],
    ['http://www.cqjlp.gov.cn/zwgk/fdzdgknr/2023/report.html', '重庆市九龙坡区', 'cq + jlp, path ignored'],
    ['http://www.bjhd.gov.cn/', '北京市海淀区', 'bj + hd'],
    ['http://www.bjchy.gov.cn/', '北京市朝阳区', 'bj + chy, with the ch digraph'],
    ['http://www.gd.gov.cn/', '广东省', 'a province first for a two-letter label'],
    ['https://www.sc.gov.cn/', '四川省', 'a province first for a two-letter label'],
    ['http://www.beijing.gov.cn/', '北京市', 'full pinyin'],
    ['http://www.cqck.gov.cn/', '重庆市城口县', 'cq + ck'],
    ['http://www.cqlp.gov.cn/', '重庆市梁平区', 'cq + lp'],
    ['http://www.yunyang.gov.cn/', '重庆市云阳县', 'the known owner of a homophone'],
    ['https://www.zhengzhou.gov.cn/', '河南省郑州市', 'full pinyin'],
    ['https://zzjy.zhengzhou.gov.cn/', '河南省郑州市', 'a department sub-domain that names no region'],
    ['https://sfj.zhengzhou.gov.cn/', '河南省郑州市', 'a department sub-domain that names no region'],
    ['https://sjt.nx.gov.cn/', '宁夏回族自治区', 'a department sub-domain that names no region'],
    ['http://www.lieshan.gov.cn/', '安徽省淮北市烈山区', 'full pinyin of a district'],
    ['http://www.gnzrmzf.gov.cn/', '甘肃省甘南藏族自治州', 'gnz + rmzf (人民政府)'],
  ])('should read %s as %s (%s)', (url, path) => {
    expect(regionFromUrl(url)?.path).toBe(path);
  });

  it('should read 天津市静海区 from tjjh.gov.cn', () => {
    expect(regionFromUrl('tjjh.gov.cn')).toMatchObject({ code: '120118', name: '静海区', kind: 'county' });
  });

  it('should read 北京市 from a host embedded in a gateway path', () => {
    expect(regionFromUrl('http://www.beijing.gov.cn/gate/big5/www.beijing.gov.cn/zhengce/a.html')?.path).toBe('北京市');
    expect(regionFromUrl('http://example.com/gate/big5/www.beijing.gov.cn/zhengce/a.html')?.path).toBe('北京市');
  });

  it('should return the county when one host names the city and a sub-domain the county', () => {
    expect(regionFromUrl('https://zx.cq.gov.cn/')?.path).toBe('重庆市忠县');
  });

  it('should return the most specific region when embedded hosts agree, and null when they conflict', () => {
    expect(regionFromUrl('http://www.beijing.gov.cn/gate/big5/www.bjhd.gov.cn/a.html')?.path).toBe('北京市海淀区');
    expect(regionFromUrl('http://www.beijing.gov.cn/gate/big5/www.tjjh.gov.cn/a.html')).toBeNull();
  });

  it.each([
    ['https://zm.sm-tc.cn/'],
    ['http://funkyskunky.com/report.html'],
    ['https://zm.sm-tc.cn/?src=http%3A%2F%2Fwww.tjjh.gov.cn%2F'],
  ])('should return null for the non-gov host %s (the query string is not read)', (url) => {
    expect(regionFromUrl(url)).toBeNull();
  });

  it.each([['http://www.xyzzyq.gov.cn/'], ['https://www.gov.cn/'], ['https://sjt.gov.cn/']])(
    'should return null for the gov host %s that names no region',
    (url) => {
      expect(regionFromUrl(url)).toBeNull();
    },
  );

  it('should return null rather than guess between equally good regions', () => {
    // hb: 河北省 and 湖北省; zz: 郑州市, 株洲市, 漳州市, …
    expect(regionFromUrl('http://www.hb.gov.cn/')).toBeNull();
    expect(regionFromUrl('http://www.zz.gov.cn/')).toBeNull();
    expect(regionsForPinyin('hb').filter((r) => r.kind === 'province').map((r) => r.name)).toEqual(['河北省', '湖北省']);
  });

  it('should return null for text that is not a URL', () => {
    expect(regionFromUrl('')).toBeNull();
    expect(regionFromUrl('http://')).toBeNull();
  });
});

describe('regionFromHost and govHosts', () => {
  it('should read only gov.cn hosts', () => {
    expect(regionFromHost('tjjh.gov.cn')?.path).toBe('天津市静海区');
    expect(regionFromHost('TJJH.GOV.CN.')?.path).toBe('天津市静海区');
    expect(regionFromHost('tjjh.com.cn')).toBeNull();
  });

  it('should list the own host and path-embedded gov.cn hosts, not those in the query', () => {
    expect(govHosts('http://www.beijing.gov.cn/gate/big5/www.bjhd.gov.cn/a.html?u=tjjh.gov.cn')).toEqual([
      'www.beijing.gov.cn',
      'www.bjhd.gov.cn',
    ]);
    expect(govHosts('tjjh.gov.cn')).toEqual(['tjjh.gov.cn']);
    expect(govHosts('http://example.com/www.gov.cn.example.com/')).toEqual([]);
  });
});

describe('pinyin form index', () => {
  it('should index full pinyin, initials and zh/ch/sh initials', () => {
    const paths = (form: string) => regionsForPinyin(form).map((r) => r.path);
    expect(paths('jiulongpo')).toEqual(['重庆市九龙坡区']);
    expect(paths('jlp')).toContain('重庆市九龙坡区');
    expect(paths('chy')).toContain('北京市朝阳区');
    expect(paths('cy')).toContain('北京市朝阳区');
    expect(paths('ningxia')).toEqual(['宁夏回族自治区']);
    expect(paths('gannan')).toContain('甘肃省甘南藏族自治州');
  });

  it('should build in under two seconds of CPU time and answer look-ups fast', () => {
    // CPU time: wall-clock time also counts other processes on a busy machine.
    expect(warmUrlHintIndex().cpuMs).toBeLessThan(2000);
    const start = performance.now();
    for (let i = 0; i < 200; i++) regionFromUrl('http://www.cqjlp.gov.cn/a.html');
    expect((performance.now() - start) / 200).toBeLessThan(5);
  });
});

describe('allRegions and shortForms (regions.ts)', () => {
  it('should list every province, city and county once, without towns or placeholders', () => {
    const regions = allRegions();
    expect(regions.some((r) => r.kind === 'town' || isPlaceholder(r))).toBe(false);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    expect(regions.filter((r) => r.kind === 'province')).toHaveLength(34);
    expect(regions.find((r) => r.code === '500107')).toBe(regionByCode('500107'));
    expect(regions.length).toBeGreaterThan(3000);
  });

  it('should give the short forms of a region name', () => {
    expect(shortForms(regionByCode('640000')!)).toEqual(['宁夏']);
    expect(shortForms(regionByCode('623000')!)).toEqual(['甘南州', '甘南']);
    expect(shortForms(regionByCode('500107')!)).toEqual(['九龙坡']);
  });
});
