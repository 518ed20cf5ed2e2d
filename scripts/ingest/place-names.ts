/**
 * Place names in a text (ingest only): which regions a name such as 宝山区,
 * 宁夏 or 甘南州 may mean, and every place name a page mentions, resolved
 * against the shared GB/T 2260 table (`src/archive/regions.ts`), e.g.
 * 宝山区 → 上海市宝山区 310113 and 黑龙江省双鸭山市宝山区 230506.
 *
 * The name indexes are built on first use.
 */
import {
  allTowns, compareRegions, isPlaceholder, isRetired, isWithin, regionByCode, tableRegions, townsOf, type Region,
} from '../../src/archive/regions.ts';

export interface RegionMention {
  /** The text matched, e.g. 嘉陵区 or a short form such as 宁夏 or 甘南州. */
  name: string;
  /** UTF-16 offset of the match in the text. */
  index: number;
  /** Candidate regions, best first (see findRegionMentions). */
  regions: Region[];
}

export interface MentionOptions {
  /**
   * Code of the region the text is about (usually the reporting county or
   * city). Towns within it are reported too, and candidates within it are
   * listed first.
   */
  withinCode?: string;
}

/**
 * Ethnic group names as they appear inside names of autonomous areas, used to
 * derive short forms (甘南藏族自治州 → 甘南州). Longest first, so that e.g.
 * 土家 is tried before 土.
 */
const ETHNIC_GROUPS = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

/**
 * County names of the form one character + 县 that commonly occur inside
 * ordinary phrases (提高县级…, 完成县城…) are not reported as mentions when
 * followed by one of these characters, unless they start a name.
 */
const SHORT_COUNTY_BLOCKERS = new Set(['级', '城', '域', '委', '乡', '区']);

/**
 * District names that are common words (城区, 郊区, …). They are reported as
 * mentions only right after the name of their city (阳泉市城区) or when they
 * lie within the `withinCode` region.
 */
const GENERIC_NAMES = new Set(['城区', '郊区', '矿区', '东区', '西区', '南区', '北区']);

/** Removes trailing ethnic group names (…土家族苗族) from the stem of an autonomous area's name. */
function stripEthnicGroups(stem: string): string {
  let rest = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      // Multi-character names also occur without 族 (博尔塔拉蒙古自治州).
      const suffix = rest.endsWith(group + '族') ? group + '族' : group.length > 1 && rest.endsWith(group) ? group : '';
      if (suffix && rest.length - suffix.length >= 2) {
        rest = rest.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return rest;
}

/**
 * Short forms of a region's name in common use, e.g. 宁夏 for 宁夏回族自治区,
 * 甘南州 and 甘南 for 甘南藏族自治州, 南充 for 南充市, 石柱县 for
 * 石柱土家族自治县, 嘉陵 for 嘉陵区. Towns have none.
 */
export function shortForms(region: Region): string[] {
  const { name, kind } = region;
  const forms: string[] = [];
  const autonomous = /^(.+?)自治(州|县|旗)$/.exec(name);
  if (kind === 'province') {
    forms.push(name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$/, ''));
  } else if (autonomous) {
    const stem = stripEthnicGroups(autonomous[1]);
    if (stem.length >= 2 && !stem.includes('族')) forms.push(stem + autonomous[2], stem);
  } else if (kind === 'city') {
    const stem = /^(.{2,})(市|地区|盟)$/.exec(name);
    if (stem) forms.push(stem[1]);
  } else if (kind === 'county') {
    const stem = /^([^区县市旗]{2,4})(区|县|市|旗)$/.exec(name);
    if (stem && !name.endsWith('新区')) forms.push(stem[1]);
  }
  return forms.filter((form) => form !== name && form.length >= 2);
}

interface Names {
  /** Official names of provinces, cities and counties (placeholders excluded) → regions. */
  byName: Map<string, Region[]>;
  /** Common short forms (北京, 宁夏, 甘南州, 南充, 石柱县, …) → regions. */
  byShortName: Map<string, Region[]>;
  /** Town name → 9-digit codes of all towns so named. */
  townCodesByName?: Map<string, string[]>;
}

let names: Names | undefined;

/** The name → regions maps of provinces, cities and counties (once). */
function nameTables(): Names {
  if (names) return names;
  const byName = new Map<string, Region[]>();
  const byShortName = new Map<string, Region[]>();
  for (const region of tableRegions()) {
    if (isPlaceholder(region) || isRetired(region)) continue;
    push(byName, region.name, region);
    for (const form of shortForms(region)) push(byShortName, form, region);
  }
  // A short form that is also some region's official name stays with that name.
  for (const name of byName.keys()) byShortName.delete(name);
  names = { byName, byShortName };
  return names;
}

/** Town name → 9-digit codes of all towns so named, built on first use. */
function townCodesByName(): Map<string, string[]> {
  const tables = nameTables();
  if (tables.townCodesByName) return tables.townCodesByName;
  const index = new Map<string, string[]>();
  for (const [townCode, name] of allTowns()) push(index, name, townCode);
  tables.townCodesByName = index;
  return index;
}

/** Appends a value to the list stored under key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * All regions with exactly this official name (towns included), province
 * level first. When no region has the name, common short forms are tried
 * instead: 北京 → 北京市, 宁夏 → 宁夏回族自治区, 甘南州 → 甘南藏族自治州,
 * 南充 → 南充市, 吉林 → 吉林省 and 吉林市.
 */
export function regionsNamed(name: string): Region[] {
  const { byName, byShortName } = nameTables();
  const key = name.trim();
  const towns = (townCodesByName().get(key) ?? []).map((code) => regionByCode(code) as Region);
  const found = byName.has(key) || towns.length > 0 ? [...(byName.get(key) ?? []), ...towns] : (byShortName.get(key) ?? []);
  return [...found].sort(compareRegions);
}

/** A dictionary of names to match in text, with the match lengths to try per first character. */
interface NameIndex {
  names: Map<string, Region[]>;
  lengthsByFirstChar: Map<string, number[]>;
}

let mentionIndex: NameIndex | undefined;
const townIndexes = new Map<string, NameIndex>();

/** Builds a NameIndex from name → regions entries. */
function buildIndex(entries: Iterable<[string, Region]>): NameIndex {
  const names = new Map<string, Region[]>();
  for (const [name, region] of entries) push(names, name, region);
  const lengths = new Map<string, Set<number>>();
  for (const name of names.keys()) {
    const set = lengths.get(name[0]) ?? new Set<number>();
    set.add(name.length);
    lengths.set(name[0], set);
  }
  const lengthsByFirstChar = new Map<string, number[]>();
  for (const [char, set] of lengths) lengthsByFirstChar.set(char, [...set].sort((a, b) => b - a));
  return { names, lengthsByFirstChar };
}

/**
 * Names matched in text at province, city and county level: official names,
 * province short forms (宁夏, 内蒙古) and the suffixed short forms of
 * autonomous areas (甘南州, 石柱县). Bare stems such as 南充 are not matched.
 */
function provinceCityCountyIndex(): NameIndex {
  if (mentionIndex) return mentionIndex;
  const entries: [string, Region][] = [];
  for (const region of tableRegions()) {
    if (isPlaceholder(region) || isRetired(region)) continue;
    entries.push([region.name, region]);
    for (const form of shortForms(region)) {
      if (region.kind === 'province' || /自治(州|县|旗)$/.test(region.name) && /[州县旗]$/.test(form)) {
        entries.push([form, region]);
      }
    }
  }
  mentionIndex = buildIndex(entries);
  return mentionIndex;
}

/** Names of the towns within a region (county, city or province), cached per code. */
function townIndex(withinCode: string): NameIndex {
  const cached = townIndexes.get(withinCode);
  if (cached) return cached;
  const entries: [string, Region][] = [];
  const target = regionByCode(withinCode);
  if (target?.kind === 'town') entries.push([target.name, target]);
  const counties = tableRegions().filter((r) => r.kind === 'county' && isWithin(r, withinCode));
  for (const county of counties) for (const town of townsOf(county.code)) entries.push([town.name, town]);
  const index = buildIndex(entries);
  townIndexes.set(withinCode, index);
  return index;
}

interface Candidate {
  name: string;
  index: number;
  regions: Region[];
}

/** All names of the index occurring in text, at every position. */
function collectCandidates(text: string, index: NameIndex, out: Candidate[]): void {
  for (let i = 0; i < text.length; i++) {
    const lengths = index.lengthsByFirstChar.get(text[i]);
    if (!lengths) continue;
    for (const length of lengths) {
      if (i + length > text.length) continue;
      const name = text.slice(i, i + length);
      const regions = index.names.get(name);
      if (regions) out.push({ name, index: i, regions: [...regions] });
    }
  }
}

/** Whether only whitespace separates offsets from and to in text. */
function adjacent(text: string, from: number, to: number): boolean {
  return from <= to && text.slice(from, to).trim() === '';
}

/** Regions among candidates that lie within one of the given regions. */
function within(candidates: Region[], containers: Region[]): Region[] {
  return candidates.filter((region) => containers.some((c) => region !== c && isWithin(region, c.townCode ?? c.code)));
}

/**
 * Every place name mentioned in text: provinces, cities and counties, plus
 * towns when a county context is known (towns within `withinCode`, or a town
 * name directly following the name of its county, as in 云阳县凤鸣镇).
 *
 * Matches are chosen longest first and never overlap (南充市嘉陵区 gives
 * 南充市 and 嘉陵区), and are returned in text order. Each mention lists
 * every region bearing the name, narrowed to those within the directly
 * preceding mention when there are any (上海市宝山区 → only 310113), with
 * regions within `withinCode` first.
 */
export function findRegionMentions(text: string, options: MentionOptions = {}): RegionMention[] {
  const withinCode = options.withinCode?.trim();
  const candidates: Candidate[] = [];
  collectCandidates(text, provinceCityCountyIndex(), candidates);
  if (withinCode && regionByCode(withinCode)) collectCandidates(text, townIndex(withinCode), candidates);

  const kept = candidates.filter((c) => {
    const isShortCounty = c.name.length === 2 && c.name.endsWith('县');
    if (!isShortCounty || !SHORT_COUNTY_BLOCKERS.has(text[c.index + 2] ?? '')) return true;
    // Where a name starts (the text's start, after punctuation or a space, or right after its
    // province or city) it is the county: 冠县城市管理局, 聊城市冠县城乡建设局; not in 完成县城….
    const before = text[c.index - 1];
    if (before === undefined || !/\p{Script=Han}/u.test(before)) return true;
    return candidates.some((p) => p !== c && p.index + p.name.length === c.index);
  });

  // Generic district names (城区, 东区, …) need their city right before them, or withinCode.
  const accepted = kept.filter((c) => {
    if (!GENERIC_NAMES.has(c.name)) return true;
    const before = kept.filter((p) => !GENERIC_NAMES.has(p.name) && adjacent(text, p.index + p.name.length, c.index));
    const narrowed = within(c.regions, before.flatMap((p) => p.regions));
    if (narrowed.length === 0 && withinCode) narrowed.push(...c.regions.filter((r) => isWithin(r, withinCode)));
    c.regions = narrowed;
    return narrowed.length > 0;
  });

  // Longest first, then leftmost; skip anything overlapping an earlier choice.
  accepted.sort((a, b) => b.name.length - a.name.length || a.index - b.index);
  const taken = new Uint8Array(text.length);
  const chosen: Candidate[] = [];
  for (const c of accepted) {
    let free = true;
    for (let i = c.index; i < c.index + c.name.length && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.index, c.index + c.name.length);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.index - b.index);
  addTownsAfterCounties(text, chosen, taken);

  return chosen.map((c, i) => {
    const previous = chosen[i - 1];
    let regions = c.regions;
    if (previous && adjacent(text, previous.index + previous.name.length, c.index)) {
      const narrowed = within(regions, previous.regions);
      if (narrowed.length > 0) regions = narrowed;
    }
    const inside = (r: Region) => (withinCode && isWithin(r, withinCode) ? 0 : 1);
    regions = [...regions].sort((a, b) => inside(a) - inside(b) || compareRegions(a, b));
    return { name: c.name, index: c.index, regions };
  });
}

/**
 * Adds, in place, towns whose name directly follows a chosen county mention
 * (云阳县凤鸣镇), when that text is not already part of another mention.
 */
function addTownsAfterCounties(text: string, chosen: Candidate[], taken: Uint8Array): void {
  for (let i = 0; i < chosen.length; i++) {
    const county = chosen[i];
    const end = county.index + county.name.length;
    let best: Candidate | undefined;
    for (const region of county.regions) {
      if (region.kind !== 'county') continue;
      for (const town of townsOf(region.code)) {
        if (!text.startsWith(town.name, end)) continue;
        if (best && best.name.length > town.name.length) continue;
        if (best && best.name === town.name) best.regions.push(town);
        else best = { name: town.name, index: end, regions: [town] };
      }
    }
    if (!best || taken.subarray(best.index, best.index + best.name.length).some((v) => v === 1)) continue;
    taken.fill(1, best.index, best.index + best.name.length);
    chosen.splice(i + 1, 0, best);
  }
}
