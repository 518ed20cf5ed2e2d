/**
 * The directory of agencies (`agencies/`): by province, then by city, each
 * group's agencies A–Z (pinyin order, as `Intl.Collator('zh-CN')` sorts
 * Chinese), each with its level and the years it reported.
 *
 * Provinces and cities come in GB/T 2260 code order, as the region pages
 * list them. Where a province has no city level (北京, 天津, 上海, 重庆, and
 * counties directly under a province such as 仙桃市), the county takes the
 * city's place, as in the region tree. The province's own bodies (its
 * 人民政府, its departments) come first, under 省级 (市级 for a municipality;
 * the central departments, 100000, under 中央).
 */
import { regionPathOf } from '../archive/regions.ts';
import type { Agency, ReportEntry } from './catalog.ts';

export interface DirectoryGroup<R extends ReportEntry = ReportEntry> {
  /** The city's (or county's) code; the province's own code for its own bodies. */
  code: string;
  /** 南充市, 宝山区, or 省级 / 市级 for the province's own bodies. */
  name: string;
  /** A–Z. */
  agencies: Agency<R>[];
}

export interface DirectoryProvince<R extends ReportEntry = ReportEntry> {
  code: string;
  name: string;
  /** Agencies in the province, all groups together. */
  count: number;
  groups: DirectoryGroup<R>[];
}

const MUNICIPALITIES = /^(11|12|31|50)/;

/** The group of a province's own bodies: 省级, 市级 for a municipality, 中央 for the central government (100000). */
function ownLevelName(code: string): string {
  if (code === '100000') return '中央';
  return MUNICIPALITIES.test(code) ? '市级' : '省级';
}
const collator = new Intl.Collator('zh-CN');

/** Agencies by province, then city, A–Z within each. */
export function agencyDirectory<R extends ReportEntry>(agencies: readonly Agency<R>[]): DirectoryProvince<R>[] {
  const provinces = new Map<string, DirectoryProvince<R> & { byCode: Map<string, DirectoryGroup<R>> }>();
  for (const agency of agencies) {
    const path = regionPathOf(agency.regionCode, agency.region);
    let province = provinces.get(path.province.code);
    if (!province) {
      province = { code: path.province.code, name: path.province.name || agency.region, count: 0, groups: [], byCode: new Map() };
      provinces.set(province.code, province);
    }
    const second = path.city ?? path.county;
    const code = second?.code ?? path.province.code;
    let group = province.byCode.get(code);
    if (!group) {
      group = { code, name: second?.name ?? ownLevelName(code), agencies: [] };
      province.byCode.set(code, group);
      province.groups.push(group);
    }
    group.agencies.push(agency);
    province.count++;
  }
  return [...provinces.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, name, count, groups }) => ({
      code,
      name,
      count,
      groups: groups
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((group) => ({ ...group, agencies: [...group.agencies].sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key)) })),
    }));
}
