/**
 * The region (GB/T 2260) of the reporting body: from the place its name
 * gives (宝山区人民政府 → 宝山区), a name that exists twice decided by the
 * page's other evidence (the URL, the 网站标识码, a site name in the header,
 * the 落款, places the text names); a township by its county; a relative
 * name (区司法局, 省人民政府, 我县) from the one place of that kind the text
 * or the URL gives. The host of a page is evidence, not the answer: a
 * province's report on a county's portal belongs to the province.
 */
import { CENTRAL, allRegions, ancestors, isWithin, regionByCode, type Region } from '../../../src/archive/regions.ts';
import { findRegionMentions, regionsNamed, type RegionMention } from '../place-names.ts';
import type { Organ } from './agency.ts';
import type { PageEvidence } from './page-evidence.ts';

export interface RegionResult {
  region: Region | null;
  certain: boolean;
  rule: string;
  from: string;
  warnings: string[];
  /** When the name exists more than once and the page does not say which: the regions it may mean. */
  candidates?: Region[];
}

interface Support {
  code: string;
  from: string;
}

/** Header lines that are contact details (地址:湖北武汉…) say where a site's owner sits, not the report. */
const CONTACT = /(地址|电话|传真|邮箱|邮编|联系)/;

/**
 * Places a running text names. A two-character county (范县, 新县) inside a
 * word (示范县, 全新县域) is not one: it counts only where a name starts (after
 * punctuation, or right after its province or city).
 */
export function textMentions(text: string): RegionMention[] {
  const mentions = findRegionMentions(text);
  return mentions.filter((m) => {
    if (m.name.length !== 2 || !/[县区市旗]$/.test(m.name)) return true;
    const before = text[m.index - 1];
    if (before === undefined || !/[\u3400-\u9fff]/.test(before)) return true;
    // A slogan names the place (平安盂县、法治盂县): the word before is the goal, not part of the name.
    if (SLOGAN_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) return true;
    return mentions.some((p) => p !== m && p.index + p.name.length === m.index);
  });
}

/** Goals reports put before their place's name (法治X, 平安X, 美丽X). */
const SLOGAN_BEFORE = /(法治|平安|美丽|幸福|数字|智慧|健康|文明|生态|和谐|诚信|活力)$/;

/** Region codes the page points to, with where each came from. */
export function regionSupport(ev: PageEvidence): Support[] {
  const codes: Support[] = [];
  if (ev.urlRegion) codes.push({ code: ev.urlRegion.code, from: `URL ${ev.url}` });
  else for (const r of ev.urlCandidates) codes.push({ code: r.code, from: `URL ${ev.url} (one of ${ev.urlCandidates.length} readings of its host)` });
  if (ev.siteCode?.region) codes.push({ code: ev.siteCode.region.code, from: `网站标识码 ${ev.siteCode.code}` });
  const headerish = [...ev.header, ...ev.footer].filter((l) => !CONTACT.test(l.text));
  for (const line of [...headerish, ...(ev.publisher ? [{ raw: ev.publisher, text: ev.publisher }] : [])]) {
    for (const m of findRegionMentions(line.text)) for (const r of m.regions) codes.push({ code: r.code, from: `the page header ${line.text.slice(0, 60)}` });
  }
  if (ev.salutation) for (const m of findRegionMentions(ev.salutation.to)) for (const r of m.regions) codes.push({ code: r.code, from: `the salutation ${ev.salutation.line}` });
  // Provinces and cities the text names unambiguously; the 落款 may name the full path.
  for (const m of textMentions(ev.bodyText)) {
    if (m.regions.length === 1 && (m.regions[0].kind === 'province' || m.regions[0].kind === 'city')) codes.push({ code: m.regions[0].code, from: `the text: ${m.name}` });
  }
  if (ev.signature?.organ) for (const m of findRegionMentions(ev.signature.organ)) for (const r of m.regions) codes.push({ code: r.code, from: `the 落款 ${ev.signature.organ}` });
  return codes;
}

function supports(region: Region, codes: Support[]): Support[] {
  return codes.filter((c) => {
    const other = regionByCode(c.code);
    return isWithin(region, c.code) || (other !== undefined && isWithin(other, region.townCode ?? region.code));
  });
}

/** Decide the region of the chosen body. */
export function decideRegion(organ: Organ | null, ev: PageEvidence): RegionResult {
  const codes = regionSupport(ev);
  if (!organ) return pageRegion(ev, codes, 'the reporting body is not known');
  if (organ.kind === 'central') return { region: CENTRAL, certain: true, rule: 'a central department (国务院部门): the whole country', from: organ.name, warnings: [] };
  const name = organ.kind === 'joint' ? (organ.bodies?.join('') ?? organ.place ?? organ.name) : organ.name;
  const named = regionFromName(name, codes);
  if (named) return named;
  // A township not in the table under its county's name: its county from the page's evidence.
  const town = /^([\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|苏木))(?:人民政府|政府|办事处|党委)?$/.exec(name.replace(/(党委|党工委|工委|委)(和|、|及).*$/, ''));
  if (town) return townRegion(town[1], codes, ev);
  // An autonomous prefecture called by its first character: 巴州.
  const short = /^([\u4e00-\u9fff])州/.exec(name);
  if (short) {
    const found = allRegions().filter((r) => r.kind === 'city' && r.name.startsWith(short[1]) && /自治州$/.test(r.name));
    if (found.length === 1) return { region: found[0], certain: true, rule: `${short[0]} is the short name of ${found[0].name}`, from: name, warnings: [] };
  }
  const level = organ.relative ?? (organ.kind === 'place' ? organ.name : organ.kind === 'joint' ? (organ.place ?? '') : '');
  if (/^(自治区|省|省级|市|区|县|州|旗|自治州)$/.test(level)) return relativeRegion(level, codes, ev);
  return pageRegion(ev, codes, `${organ.name} names no place`);
}

/** The region a name gives, names that exist twice decided by the page's evidence. */
function regionFromName(name: string, codes: Support[]): RegionResult | null {
  const mentions = findRegionMentions(name);
  if (mentions.length === 0) return null;
  let chosen: Region | null = null;
  let rule = 'place named in the name of the body';
  const warnings: string[] = [];
  for (const m of mentions) {
    const parent: Region | null = chosen;
    const within: Region[] = parent ? m.regions.filter((r) => isWithin(r, parent.townCode ?? parent.code)) : m.regions;
    if (within.length === 0) continue;
    if (within.length === 1) {
      chosen = within[0];
      continue;
    }
    const supported = within
      .map((r) => ({ r, support: supports(r, codes) }))
      .filter((x) => x.support.length > 0)
      .sort((a, b) => b.support.length - a.support.length);
    if (supported.length > 0 && (supported.length === 1 || supported[0].support.length > supported[1].support.length)) {
      chosen = supported[0].r;
      rule = `${m.name} is ambiguous (${within.map((r) => r.path).join(', ')}); chose ${supported[0].r.path} from ${supported[0].support[0].from}`;
      continue;
    }
    warnings.push(`region ${m.name} is ambiguous (${within.map((r) => `${r.path} ${r.code}`).join(', ')}) and the page does not say which; give regionCode in a manifest or pass --url`);
    return { region: null, certain: false, rule: '', from: '', warnings, candidates: within };
  }
  if (!chosen) return null;
  // Towns need their county as context.
  if (chosen.kind === 'county') {
    const town = findRegionMentions(name, { withinCode: chosen.code }).find((m) => m.regions.some((r) => r.kind === 'town'));
    if (town) chosen = town.regions.find((r) => r.kind === 'town') ?? chosen;
    else if (/(街道|镇|乡|苏木)(人民政府|政府|办事处)?$/.test(name) && !/(局|委|办公室)$/.test(name)) {
      return { region: chosen, certain: false, rule: `${rule}; the township is not in ${chosen.name}'s list`, from: name, warnings: [`the township in ${name} is not found in ${chosen.path}; region given to the county`] };
    }
  }
  return { region: chosen, certain: true, rule, from: name, warnings };
}

/** A township by name: within the county the page points to, else the one township of that name. */
function townRegion(town_: string, codes: Support[], ev: PageEvidence): RegionResult {
  const town = town_;
  const all = regionsNamed(town).filter((r) => r.kind === 'town');
  const inContext = all.filter((r) => codes.some((c) => isWithin(r, c.code)));
  const distinct = (xs: Region[]) => [...new Map(xs.map((r) => [r.townCode, r])).values()];
  const found = distinct(inContext.length > 0 ? inContext : all);
  if (found.length === 1) {
    const support = codes.find((c) => isWithin(found[0], c.code));
    return {
      region: found[0],
      certain: true,
      rule: support ? `${town} within ${regionByCode(support.code)?.name} (${support.from})` : `${town}: the only township of that name`,
      from: town,
      warnings: [],
    };
  }
  if (found.length === 0) {
    // Not in the table (renamed, merged, or written another way): placed in its county, when the page gives one.
    const county = countyOf(ev);
    if (county) {
      const town: Region = { code: county.region.code, name: town_, kind: 'town', path: county.region.path + town_, parentCode: county.region.code };
      return {
        region: town,
        certain: county.certain,
        rule: `${town_} within ${county.region.name} (${county.from}); the township is not in the region table`,
        from: town_,
        warnings: [`the township ${town_} is not in the region table; placed in ${county.region.path} from ${county.from}`],
      };
    }
    return { region: null, certain: false, rule: '', from: '', warnings: [`the township ${town_} is not in the region table and the page names no county; give regionCode in a manifest or pass --url`] };
  }
  // A township that exists more than once: the one within a county the text names (东城街道 with
  // 《清城区2022年…工作要点》), else the one within a county the URL's host may read as.
  const prefix = `${ev.salutation?.to ?? ''}\n`;
  const textCounties = textMentions(`${prefix}${ev.bodyText}`).filter((m) => m.regions.length === 1 && m.regions[0].kind === 'county');
  const byText = found.filter((t) => textCounties.some((m) => isWithin(t, m.regions[0].code)));
  if (byText.length === 1) {
    const county = textCounties.find((m) => isWithin(byText[0], m.regions[0].code))!;
    const firm = textCounties.filter((m) => m.regions[0].code === county.regions[0].code).length >= 2 || inTitle(ev.bodyText, county.index - prefix.length);
    return { region: byText[0], certain: firm, rule: `${town} within ${county.name}, the county the text names`, from: town, warnings: [] };
  }
  const byUrl = found.filter((t) => ev.urlCandidates.some((u) => u.kind === 'county' && isWithin(t, u.code)));
  if (byUrl.length === 1) return { region: byUrl[0], certain: true, rule: `${town} within ${regionByCode(byUrl[0].code)?.name} (URL ${ev.url})`, from: town, warnings: [] };
  const county = ev.urlRegion && ev.urlRegion.kind === 'county' ? ev.urlRegion : null;
  const warnings = [
    `the township ${town_} exists ${found.length} times (${found.slice(0, 4).map((r) => r.path).join(', ')}${found.length > 4 ? ', …' : ''}) and the page does not say which; give regionCode in a manifest or pass --url`,
  ];
  return { region: county, certain: false, rule: county ? 'the URL names the county' : '', from: county ? String(ev.url) : '', warnings, candidates: found };
}

/** The county the page points to: the URL's, else the one county-level place the text or the salutation names. */
function countyOf(ev: PageEvidence): { region: Region; certain: boolean; from: string } | null {
  if (ev.urlRegion?.kind === 'county') return { region: ev.urlRegion, certain: true, from: `URL ${ev.url}` };
  const counties = new Map<string, Region>();
  for (const m of textMentions(`${ev.salutation?.to ?? ''}\n${ev.bodyText}`)) {
    if (m.regions.length === 1 && m.regions[0].kind === 'county') counties.set(m.regions[0].code, m.regions[0]);
  }
  // The one county the text names is likely the township's, but the text does not say so: not certain.
  if (counties.size === 1) {
    const [region] = counties.values();
    return { region, certain: false, from: `the text: ${region.name}` };
  }
  return null;
}

/** Whether offset `at` of `text` lies inside a document's title in 《》. */
function inTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open !== -1 && text.indexOf('》', open) > at && text.lastIndexOf('》', at) < open;
}

/** Which regions a bare level word (区 in 区司法局) can be. */
function ofLevel(region: Region, level: string): boolean {
  switch (level) {
    case '省':
      return region.kind === 'province' && /省$/.test(region.name);
    case '省级':
      return region.kind === 'province';
    case '自治区':
      return region.kind === 'province' && /自治区$/.test(region.name);
    case '市':
      // 北京市, 天津市, 上海市, 重庆市: a municipality is a 市 (市人社局 of 天津市).
      return (region.kind === 'city' || region.kind === 'county' || region.kind === 'province') && /市$/.test(region.name);
    case '区':
      return (region.kind === 'county' && /区$/.test(region.name)) || (region.kind === 'province' && /自治区$/.test(region.name));
    case '县':
      return region.kind === 'county' && /县$/.test(region.name);
    case '旗':
      return region.kind === 'county' && /旗$/.test(region.name);
    case '州':
    case '自治州':
      return region.kind === 'city' && /州$/.test(region.name);
    default:
      return false;
  }
}

/**
 * A relative name's place: the one region of that level the text names
 * (县人民政府 with 《岳阳县…》 in the text), else the URL's region when it is of
 * that level. Both agreeing, or one alone, is certain; a conflict is not.
 */
function relativeRegion(level: string, codes: Support[], ev: PageEvidence): RegionResult {
  const text = new Map<string, Region>();
  for (const m of textMentions(ev.bodyText)) {
    // A name that exists twice (江北区) counts when the page's other evidence picks one (《重庆市…》).
    const fitting = m.regions.filter((r) => ofLevel(r, level));
    const picked = fitting.length > 1 ? fitting.filter((r) => supports(r, codes).length > 0) : fitting;
    if (picked.length === 1) text.set(picked[0].code, picked[0]);
  }
  const fromText = [...text.values()];
  // How firmly the text ties itself to a place: named twice, in a document's title (《岳阳县…》), or with
  // places inside it; a place named once in passing (学习借鉴某县经验) may be another's.
  const mentions = textMentions(ev.bodyText);
  const firm = (r: Region) =>
    mentions.filter((m) => m.regions.some((x) => x.code === r.code)).length >= 2 ||
    mentions.some((m) => m.regions.some((x) => x.code === r.code) && inTitle(ev.bodyText, m.index)) ||
    // A goal the body sets its own place (一体推进法治湖南、法治政府…; 平安盂县).
    mentions.some((m) => m.regions.some((x) => x.code === r.code) && /(法治|平安)$/.test(ev.bodyText.slice(Math.max(0, m.index - 2), m.index))) ||
    mentions.some((m) => m.regions.length === 1 && m.regions[0].code !== r.code && isWithin(m.regions[0], r.code));
  // Several places of that level: the one the text ties itself to (its own plan 《荣昌区…方案》), the
  // others named in passing (学习永川区经验).
  if (fromText.length > 1) {
    const tied = fromText.filter(firm);
    if (tied.length === 1) fromText.splice(0, fromText.length, tied[0]);
  }
  const url = ev.urlRegion && ofLevel(ev.urlRegion, level) ? ev.urlRegion : null;
  const site = ev.siteCode?.region && ofLevel(ev.siteCode.region, level) ? ev.siteCode.region : null;
  const salutation = ev.salutation ? findRegionMentions(ev.salutation.to).flatMap((m) => m.regions).find((r) => ofLevel(r, level)) ?? null : null;
  if (fromText.length === 1) {
    const t = fromText[0];
    const conflict = url && url.code !== t.code ? url : null;
    const agreed = url?.code === t.code;
    return {
      region: t,
      certain: !conflict && (agreed || firm(t)),
      rule: `the one ${level} the text names`,
      from: t.name,
      warnings: conflict ? [`the URL's host names ${conflict.path}, the text ${t.path}; the text wins`] : [],
    };
  }
  for (const [r, from] of [[url, `URL ${ev.url}`], [site, `网站标识码 ${ev.siteCode?.code}`], [salutation, `the salutation ${ev.salutation?.line}`]] as const) {
    if (!r) continue;
    const conflict = fromText.length > 1 && !fromText.some((t) => t.code === r.code);
    return { region: r, certain: !conflict, rule: `the ${level} from ${from}`, from, warnings: conflict ? [`the text names several places of this level (${fromText.map((t) => t.name).join(', ')})`] : [] };
  }
  if (fromText.length > 1) {
    return { region: null, certain: false, rule: '', from: '', warnings: [`region not certain: the text names ${fromText.map((t) => t.path).join(', ')}; give regionCode in a manifest or pass --url`] };
  }
  return pageRegion(ev, codes, `the name gives only the level (${level})`);
}

/**
 * No place in the body's name: the strongest page evidence (URL, 网站标识码),
 * else the province the text names; never certain (the body is not named).
 */
function pageRegion(ev: PageEvidence, codes: Support[], why: string): RegionResult {
  const strong = codes.find((c) => c.from.startsWith('URL') || c.from.startsWith('网站标识码'));
  if (strong) return { region: regionByCode(strong.code) ?? null, certain: false, rule: `page evidence (${why})`, from: strong.from, warnings: [] };
  const provinces = new Map<string, Region>();
  for (const m of textMentions(ev.bodyText)) {
    for (const r of m.regions.length === 1 ? m.regions : []) {
      const province = r.kind === 'province' ? r : ancestors(r)[0];
      if (province) provinces.set(province.code, province);
    }
  }
  if (provinces.size === 1) {
    const [province] = provinces.values();
    return { region: province, certain: false, rule: `the one province the text names (${why})`, from: province.name, warnings: [] };
  }
  return { region: null, certain: false, rule: '', from: '', warnings: [] };
}
