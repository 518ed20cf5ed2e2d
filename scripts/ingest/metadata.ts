/**
 * Stage 3, describe: find a report's metadata in its stripped page, each value
 * with the rule and the text it came from, and a warning for every value that
 * could not be found or had to be guessed.
 *
 * Rules read the page as it was written; a traditional-character text is read
 * through a simplified rendering (`lines`), while the title is kept as written.
 */
import type { DateSource, Level } from '../../src/schema/report.ts';
import { findDates, firstDate, isDateLine, type FoundDate } from './dates.ts';
import { CENTRAL, ancestors, isWithin, regionByCode, regionForCode, type Region } from '../../src/archive/regions.ts';
import { findRegionMentions } from './place-names.ts';
import { META_LABEL, META_LABELS } from './labels.ts';
import { SALUTATION, chromeRule, type Stripped } from './strip.ts';
import { squash } from '../../src/archive/text.ts';

/** What a user already knows about a file (manifest row, --url); given values win. */
export interface Hints {
  url?: string | null;
  title?: string | null;
  agency?: string | null;
  region?: string | null;
  regionCode?: string | null;
  level?: Level | null;
  year?: number | null;
  date?: string | null;
  /** A region implied by the URL (see url-hint.ts), used as evidence, not as a given value. */
  urlRegion?: Region | null;
  /** Page <meta> values from a saved HTML page (ArticleTitle, PubDate, ContentSource, SiteIDCode). */
  meta?: Record<string, string>;
}

export interface Evidence {
  rule: string;
  from: string;
}

export interface Metadata {
  isReport: boolean;
  notReportReason: string | null;
  title: string | null;
  agency: string | null;
  region: string | null;
  regionCode: string | null;
  level: Level | null;
  year: number | null;
  date: string | null;
  dateSource: DateSource | null;
  signedDate: string | null;
  docNumber: string | null;
  indexNumber: string | null;
  publisher: string | null;
  source: string | null;
  evidence: Record<string, Evidence>;
  warnings: string[];
}

/** Words that make a line read as the title of an annual report. */
const REPORT_TOPIC = /(法治政府|法治建设|依法行政|法治政府建設|法治建設|依法行政)/;
const REPORT_KIND = /(报告|情况|总结|報告|情況|總結)/;
const ORGAN_END = /(人民政府|政府|委员会|党委|党组|党工委|办事处|办公室|管理局|局|厅|委|办|院|署|部|中心|所|队|站|会)$/;
const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*(?:年度|年)/;

const HAN_DIGITS = '〇一二三四五六七八九';

/** 二〇一九年 → 2019年 (a year written in Chinese numerals). */
export function hanYears(text: string): string {
  return text.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => String(Math.max(0, HAN_DIGITS.indexOf(c === '零' ? '〇' : c)))).join(''));
}

const CENTRAL_ORGAN =
  /^(国务院[\u4e00-\u9fff]*|中华人民共和国[\u4e00-\u9fff]+|国家[\u4e00-\u9fff]+?(局|委员会|委|署|院|部)|中国(人民银行|证券监督管理委员会|气象局|地震局)|[\u4e00-\u9fff]{1,10}(部|总局|总署|审计署))$/;

interface Line {
  /** Line as written. */
  raw: string;
  /** Line as the rules read it (simplified when the text is traditional). */
  text: string;
}

export interface DescribeInput {
  stripped: Stripped;
  /** The same stripped page, simplified, when the text is traditional; else the same object. */
  readable: Stripped;
  hints: Hints;
}

export function describe({ stripped, readable, hints }: DescribeInput): Metadata {
  const warnings: string[] = [];
  const evidence: Record<string, Evidence> = {};
  const header = zip(stripped.header, readable.header);
  const body = zip(stripped.body, readable.body);
  const footer = zip(stripped.footer, readable.footer);
  const meta = hints.meta ?? {};

  // Page metadata block: labelled values in the header.
  const labels = readLabels(header.map((l) => l.text));
  const publisher = labels.publisher ?? meta.ContentSource ?? null;
  if (publisher) evidence.publisher = { rule: 'label 来源/发布机构', from: publisher };

  // Title.
  const titleFound = findTitle(header, body, meta.ArticleTitle);
  let title = titleFound?.raw ?? null;
  // Rules read 二〇一九年 as 2019年.
  let titleText = titleFound ? hanYears(titleFound.text) : null;
  if (titleFound) evidence.title = { rule: titleFound.rule, from: titleFound.raw };
  const salutation = [...header, ...body.slice(0, 3)].find((l) => SALUTATION.test(l.text));

  // Year covered.
  const published = findPublished(header, labels, meta);
  const yearFound = findYear(titleText, body, published?.date ?? null);
  let year = yearFound?.year ?? null;
  if (yearFound) evidence.year = { rule: yearFound.rule, from: yearFound.from };

  // Dates.
  const signed = findSigned(body, labels);
  let date: string | null = null;
  let dateSource: DateSource | null = null;
  if (published && year !== null && published.date.iso < `${year}-01-01`) {
    warnings.push(`page date ${published.date.iso} (${published.rule}) is before the year the report covers (${year}): ignored as a stale page date`);
  } else if (published) {
    date = published.date.iso;
    dateSource = 'published';
    evidence.date = { rule: published.rule, from: published.date.raw };
  }
  if (!date && signed) {
    date = signed.date.iso;
    dateSource = 'signed';
    evidence.date = { rule: signed.rule, from: signed.date.raw };
    warnings.push(`no publication date on the page; date is the signing date ${signed.date.iso} (${signed.rule})`);
  }
  const signedDate = signed?.date.iso ?? null;
  if (year === null && date) {
    year = Number(date.slice(0, 4)) - 1;
    evidence.year = { rule: 'year before the date', from: date };
    warnings.push(`year covered not stated; assumed ${year}, the year before the date ${date}`);
  }

  // Region and agency.
  const organ = titleText ? organFromTitle(titleText) : null;
  const context = regionContext({ header, body, footer, labels, meta, hints, publisher });
  const resolved = resolveRegion(organ?.name ?? titleText ?? '', context, body);
  for (const w of resolved.warnings) warnings.push(w);
  let region = resolved.region;
  if (region) evidence.region = { rule: resolved.rule, from: resolved.from };
  else if (organ && !organ.joint && CENTRAL_ORGAN.test(organ.name) && findRegionMentions(organ.name).length === 0) {
    region = CENTRAL;
    evidence.region = { rule: 'a central department (国务院部门): the whole country', from: organ.name };
  }
  let agency = organ ? officialAgency(organ, region, body) : null;
  if (agency) evidence.agency = { rule: organ!.rule, from: organ!.name || titleText! };

  // Given values win; a disagreement is a warning.
  if (hints.title) title = given('title', hints.title, title, warnings, evidence);
  if (hints.year) year = given('year', hints.year, year, warnings, evidence);
  if (hints.date) {
    date = given('date', hints.date, date, warnings, evidence);
    dateSource = 'published';
  }
  if (hints.regionCode || hints.region) {
    const givenRegion = (hints.regionCode && regionForCode(hints.regionCode)) || null;
    if (givenRegion) {
      if (region && region.code !== givenRegion.code) {
        warnings.push(`region: given ${givenRegion.path} (${givenRegion.code}), the text suggests ${region.path} (${region.code})`);
      }
      region = givenRegion;
      evidence.region = { rule: 'given', from: givenRegion.path };
    }
  }
  if (hints.agency) agency = given('agency', hints.agency, agency, warnings, evidence);
  else if (agency && region && organ) agency = officialAgency(organ, region, body);

  const level = hints.level ?? (agency ? levelOf(agency, region) : null);
  if (level) evidence.level = { rule: hints.level ? 'given' : 'agency name and region kind', from: agency ?? '' };

  const kind = classify({ titleText, header, body, year, salutation: Boolean(salutation) });

  if (!title) {
    warnings.push(
      salutation
        ? `no title: the page opens with a salutation (${salutation.raw}) and names no title; give one in a manifest`
        : 'no title found; give one in a manifest',
    );
  }
  if (!agency) warnings.push('agency not found: the title names no reporting body; give one in a manifest');
  if (!region && !resolved.warnings.length) warnings.push('region not found: no place name in the title, page or text; give regionCode in a manifest or pass --url');
  if (year === null) warnings.push('year covered not found');
  if (!date) warnings.push('date not found: no publication date on the page and no signing date at the end');
  if (!level && agency) warnings.push('level not found');

  return {
    isReport: kind.isReport,
    notReportReason: kind.reason,
    title,
    agency,
    region: region?.path ?? null,
    regionCode: region?.code ?? null,
    level,
    year,
    date,
    dateSource,
    signedDate,
    docNumber: labels.docNumber ?? null,
    indexNumber: labels.indexNumber ?? null,
    publisher,
    source: hints.url ?? meta.Url ?? null,
    evidence,
    warnings,
  };
}

function zip(raw: string[], text: string[]): Line[] {
  return raw.map((r, i) => ({ raw: r, text: text[i] ?? r }));
}

function given<T>(field: string, value: T, found: T | null, warnings: string[], evidence: Record<string, Evidence>): T {
  if (found !== null && found !== undefined && String(found) !== String(value)) {
    warnings.push(`${field}: given ${value}, the text says ${found}`);
  }
  evidence[field] = { rule: 'given', from: String(value) };
  return value;
}

// ---------------------------------------------------------------- labels

interface Labels {
  publisher?: string;
  published?: { date: FoundDate; label: string };
  updated?: { date: FoundDate; label: string };
  signed?: { date: FoundDate; label: string };
  docNumber?: string;
  indexNumber?: string;
}

/** Where a label starts a value: its colon or bracket, or a space before a number (发布时间 2021-03-02). */
const LABEL_SPLIT = new RegExp(`(${META_LABELS})\\s*(?:[:：]|\\]|(?=\\s\\d))`, 'g');

/** Read `label: value` pairs from header lines (several may share a line). */
function readLabels(lines: string[]): Labels {
  const labels: Labels = {};
  for (const raw of lines) {
    const line = raw.replace(/\[\s*/g, '').replace(/[【】]/g, ' ');
    if (/^今天是/.test(line)) continue;
    const parts = [...line.matchAll(LABEL_SPLIT)];
    parts.forEach((m, i) => {
      const label = m[1].replace(/\s/g, '');
      const end = i + 1 < parts.length ? parts[i + 1].index : line.length;
      const value = line.slice(m.index + m[0].length, end).replace(/^[\s:：\]]+|[\s|｜]+$/g, '').trim();
      if (!value) return;
      const date = firstDate(value);
      switch (label) {
        case '发布日期':
        case '发布时间':
          if (date) labels.published ??= { date, label };
          break;
        case '日期':
        case '时间':
          if (date && !labels.published) labels.published = { date, label };
          break;
        case '更新时间':
          if (date) labels.updated ??= { date, label };
          break;
        case '成文日期':
        case '发文日期':
          if (date) labels.signed ??= { date, label };
          break;
        case '信息来源':
        case '文章来源':
        case '稿件来源':
        case '发布机构':
        case '来源': {
          const name = value.split(/\s{2,}|\s(?=\S+[:：])/)[0].trim();
          if (name && !/^\d/.test(name)) labels.publisher ??= name;
          break;
        }
        case '发文字号':
          labels.docNumber ??= value;
          break;
        case '索引号':
          labels.indexNumber ??= value;
          break;
      }
    });
  }
  return labels;
}

// ---------------------------------------------------------------- title

interface TitleFound {
  raw: string;
  text: string;
  rule: string;
}

function isTitleLike(text: string): boolean {
  const t = squash(text);
  return t.length >= 8 && t.length <= 90 && REPORT_TOPIC.test(t) && REPORT_KIND.test(t) && !/[。；，,：:]/.test(t) && !META_LABEL.test(text);
}

/** A short line that names an organ (for titles split over lines: 中共…委员会 / …人民政府 / 关于…的报告). */
function isOrganLine(text: string): boolean {
  const t = squash(text);
  return t.length >= 4 && t.length <= 30 && ORGAN_END.test(t) && !/[，。；：:]/.test(t);
}

function findTitle(header: Line[], body: Line[], articleTitle?: string): TitleFound | null {
  if (articleTitle && isTitleLike(articleTitle)) return { raw: articleTitle.trim(), text: articleTitle.trim(), rule: 'meta ArticleTitle' };
  const lines = [...header, ...body.slice(0, 4)].filter((l) => l.text !== '' && !chromeRule(l.text));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A browser-title line: 标题_栏目_网站名.
    const first = line.text.split(/[_｜|]| - /)[0];
    if (first !== line.text && isTitleLike(first)) {
      const rawFirst = line.raw.slice(0, first.length);
      return { raw: rawFirst.trim(), text: first.trim(), rule: 'page title before _' };
    }
    if (isTitleLike(line.text)) {
      // Organ lines just above belong to the title (中共…委员会 / …人民政府 / 关于…的报告).
      const parts: Line[] = [line];
      if (/^关于/.test(squash(line.text))) {
        for (let j = i - 1; j >= 0 && isOrganLine(lines[j].text); j--) parts.unshift(lines[j]);
      }
      const joined = joinTitle(parts);
      return { ...joined, rule: parts.length > 1 ? `title over ${parts.length} lines, joined` : 'first title-like line' };
    }
    // A title whose first line lacks the report words (中共云阳县城市管理局党组 / 关于2023年…的报告)
    // is found at its 关于 line, which takes the organ lines above it.
  }
  return null;
}

function joinTitle(parts: Line[]): { raw: string; text: string } {
  // Two organ names side by side (a joint report) keep a space between them; otherwise lines join directly.
  const join = (xs: string[]) =>
    xs.reduce((acc, part, k) => (k === 0 ? part : acc + (isOrganLine(xs[k - 1]) && isOrganLine(part) ? ' ' : '') + part), '');
  return { raw: join(parts.map((p) => p.raw.trim())), text: join(parts.map((p) => p.text.trim())) };
}

// ---------------------------------------------------------------- year and dates

function findYear(title: string | null, body: Line[], published: FoundDate | null): { year: number; rule: string; from: string } | null {
  if (title) {
    const m = YEAR_IN_TITLE.exec(title.replace(/\d{4}\s*[-—–至]\s*\d{4}/g, ''));
    if (m) return { year: Number(m[1]), rule: 'year in the title', from: title };
  }
  // The opening paragraphs: "2020年，…" / "现将2021年度…报告如下".
  const opening = body.filter((l) => l.text !== '').slice(0, 3).map((l) => l.text).join('\n');
  const m =
    /现将[^。]{0,20}?((?:19|20)\d{2})\s*年/.exec(opening) ??
    /^((?:19|20)\d{2})\s*年(?:度|以来)?[，,]/m.exec(opening) ??
    /((?:19|20)\d{2})\s*年度?(?:法治政府建设|依法行政)/.exec(opening);
  if (m) {
    const year = Number(m[1]);
    if (!published || year <= Number(published.iso.slice(0, 4))) return { year, rule: 'year in the opening paragraph', from: m[0] };
  }
  return null;
}

interface DateFound {
  date: FoundDate;
  rule: string;
}

function findPublished(header: Line[], labels: Labels, meta: Record<string, string>): DateFound | null {
  if (labels.published) return { date: labels.published.date, rule: `label ${labels.published.label}` };
  if (meta.PubDate) {
    const date = firstDate(meta.PubDate);
    if (date) return { date, rule: 'meta PubDate' };
  }
  if (labels.updated) return { date: labels.updated.date, rule: `label ${labels.updated.label}` };
  // An unlabelled date line in the header (2025年03月19日 09时07分), never the header clock.
  for (const line of header) {
    if (/今天是|星期|农历/.test(line.text) || META_LABEL.test(line.text)) continue;
    const dates = findDates(line.text);
    if (dates.length === 1 && squash(line.text).length <= 40) return { date: dates[0], rule: 'date line in the page header' };
  }
  return null;
}

function findSigned(body: Line[], labels: Labels): DateFound | null {
  const tail = body.filter((l) => l.text !== '').slice(-3);
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = isDateLine(tail[i].text);
    if (date) return { date, rule: '落款 date at the end' };
  }
  if (labels.signed) return { date: labels.signed.date, rule: `label ${labels.signed.label}` };
  return null;
}

// ---------------------------------------------------------------- agency

interface Organ {
  /** Organ name(s) as the title gives them, joined with 、 for a joint report. */
  name: string;
  /** The title names a place only (静海区, 宁夏回族自治区): the agency is its government. */
  placeOnly: boolean;
  joint: boolean;
  rule: string;
}

/** The reporting body named at the head of the title. */
export function organFromTitle(title: string): Organ | null {
  let head = title
    .replace(/\d{4}\s*[-—–至]\s*\d{4}/g, '')
    .split(/关于|(?:19|20)\d{2}\s*年/)[0]
    .trim();
  if (head === '') {
    // "2020年静海区法治政府建设情况报告": the place follows the year.
    const after = /(?:19|20)\d{2}\s*年度?\s*(.*?)(?:法治政府|依法行政|法治建设)/.exec(title);
    head = after ? after[1].trim() : '';
  }
  head = head.replace(/[《“"]/g, '').trim();
  if (head === '') return null;
  const names = head.split(/\s+|、/).filter(Boolean);
  if (names.length > 1 && names.every((n) => ORGAN_END.test(n))) {
    return { name: names.join('、'), placeOnly: false, joint: true, rule: 'joint bodies named in the title' };
  }
  let name = names.join('');
  // 中共云阳县城市管理局党组 reports for 云阳县城市管理局.
  const party = /^中共(.+?)(党组|党委)$/.exec(name);
  if (party && ORGAN_END.test(party[1])) name = party[1];
  if (!ORGAN_END.test(name)) {
    return { name, placeOnly: true, joint: false, rule: 'title names the place: its government' };
  }
  return { name, placeOnly: false, joint: false, rule: 'body named at the head of the title' };
}

const SHORT_KIND: [RegExp, string][] = [
  [/自治区$/, '自治区'],
  [/省$/, '省'],
  [/自治州$/, '州'],
  [/市$/, '市'],
  [/自治县$/, '县'],
  [/县$/, '县'],
  [/区$/, '区'],
  [/旗$/, '旗'],
];

/** The official name: the organ's name with the region path before it, or the region's government. */
function officialAgency(organ: Organ, region: Region | null, body: Line[]): string {
  if (organ.joint) return organ.name;
  if (organ.placeOnly) {
    const place = region?.path ?? organ.name;
    const opening = body.filter((l) => l.text !== '').slice(0, 3).map((l) => l.text).join('');
    if (/党委(和|、|及)(人民)?政府/.test(opening)) {
      const short = SHORT_KIND.find(([re]) => re.test(region?.name ?? organ.name))?.[1] ?? '';
      return `${place}党委、${short}人民政府`;
    }
    return `${place}人民政府`;
  }
  let name = organ.name;
  if (!region) return name;
  // 区司法局 with the region known: 九龙坡区司法局.
  const relative = /^(区|县|市|镇|乡|街道|省|州)(?=[\u4e00-\u9fff]{2,})/.exec(name);
  if (relative && region.name.endsWith(relative[1])) name = region.name + name.slice(relative[1].length);
  return withPath(name, region);
}

/** Put the missing part of the region path before a name that starts inside it. */
function withPath(name: string, region: Region): string {
  const chain = [...ancestors(region), region];
  for (let i = 0; i < chain.length; i++) {
    if (name.startsWith(chain[i].name)) {
      const before = chain.slice(0, i).map((r) => r.name).join('');
      return before + name;
    }
  }
  return name;
}

// ---------------------------------------------------------------- region

interface Context {
  /** Region codes the page points to, with where each came from. */
  codes: { code: string; from: string }[];
}

function regionContext({
  header,
  body,
  footer,
  meta,
  hints,
  publisher,
}: {
  header: Line[];
  body: Line[];
  footer: Line[];
  labels: Labels;
  meta: Record<string, string>;
  hints: Hints;
  publisher: string | null;
}): Context {
  const codes: Context['codes'] = [];
  if (hints.urlRegion) codes.push({ code: hints.urlRegion.code, from: `URL ${hints.url}` });
  const siteId = meta.SiteIDCode ?? [...header, ...footer].map((l) => /(?:网站标识码|網站標識碼)\s*[:：]?\s*(\d{10})/.exec(l.text)?.[1]).find(Boolean);
  if (siteId) {
    const r = regionByCode(siteId.slice(0, 6));
    if (r) codes.push({ code: r.code, from: `网站标识码 ${siteId}` });
  }
  for (const line of [...header, ...footer, ...(publisher ? [{ raw: publisher, text: publisher }] : [])]) {
    for (const m of findRegionMentions(line.text)) {
      for (const r of m.regions) codes.push({ code: r.code, from: `the page header ${line.text.slice(0, 60)}` });
    }
  }
  // Provinces and cities the text names unambiguously; the 落款 (last lines) may name the full path.
  const text = body.map((l) => l.text).join('\n');
  for (const m of findRegionMentions(text)) {
    if (m.regions.length === 1 && (m.regions[0].kind === 'province' || m.regions[0].kind === 'city')) codes.push({ code: m.regions[0].code, from: `the text: ${m.name}` });
  }
  for (const line of body.filter((l) => l.text !== '').slice(-3)) {
    for (const m of findRegionMentions(line.text)) {
      for (const r of m.regions) codes.push({ code: r.code, from: `the 落款 ${line.text.slice(0, 40)}` });
    }
  }
  return { codes };
}

interface Resolved {
  region: Region | null;
  rule: string;
  from: string;
  warnings: string[];
}

/** Resolve the region named in `name` (agency or title), using the page's context for names that exist twice. */
function resolveRegion(name: string, context: Context, body: Line[]): Resolved {
  const mentions = findRegionMentions(name);
  let chosen: Region | null = null;
  let rule = 'place named in the title';
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
      .map((r) => ({ r, support: context.codes.filter((c) => isWithin(r, c.code) || isWithin(regionByCode(c.code)!, r.code)) }))
      .filter((x) => x.support.length > 0)
      .sort((a, b) => b.support.length - a.support.length);
    if (supported.length > 0 && (supported.length === 1 || supported[0].support.length > supported[1].support.length)) {
      chosen = supported[0].r;
      rule = `${m.name} is ambiguous (${within.map((r) => r.path).join(', ')}); chose ${supported[0].r.path} from ${supported[0].support[0].from}`;
      continue;
    }
    warnings.push(`region ${m.name} is ambiguous (${within.map((r) => `${r.path} ${r.code}`).join(', ')}) and the page does not say which; give regionCode in a manifest or pass --url`);
    return { region: null, rule: '', from: '', warnings };
  }
  // Towns need their county as context.
  if (chosen && chosen.kind === 'county') {
    const town = findRegionMentions(name, { withinCode: chosen.code }).find((m) => m.regions.some((r) => r.kind === 'town'));
    if (town) chosen = town.regions.find((r) => r.kind === 'town') ?? chosen;
  }
  if (chosen) return { region: chosen, rule, from: name, warnings };

  // No place in the title: the strongest page evidence (URL, 网站标识码), else a province named in the text.
  const strong = context.codes.find((c) => c.from.startsWith('URL') || c.from.startsWith('网站标识码'));
  if (strong) return { region: regionByCode(strong.code) ?? null, rule: 'page evidence', from: strong.from, warnings };
  const opening = body.filter((l) => l.text !== '').slice(0, 2).map((l) => l.text).join('');
  const first = findRegionMentions(opening).find((m) => m.regions.length === 1);
  if (first) return { region: first.regions[0], rule: 'place named in the opening paragraph', from: first.name, warnings };
  return { region: null, rule: '', from: '', warnings };
}

// ---------------------------------------------------------------- level and kind

export function levelOf(agency: string, region: Region | null): Level | null {
  if (!region) return null;
  if (region.code === CENTRAL.code) return '中央部委';
  const isGovernment = /(人民政府|政府|党委、.*人民政府|街道办事处)$/.test(agency) || /人民政府$/.test(agency.split('、').pop() ?? '');
  if (/街道办事处$/.test(agency)) return '乡镇街道';
  if (!isGovernment) return '部门';
  switch (region.kind) {
    case 'province':
      return '省';
    case 'city':
      return '市';
    case 'county':
      return '县区';
    case 'town':
      return '乡镇街道';
  }
}

function classify({
  titleText,
  header,
  body,
  year,
  salutation,
}: {
  titleText: string | null;
  header: Line[];
  body: Line[];
  year: number | null;
  salutation: boolean;
}): { isReport: boolean; reason: string | null } {
  const head = [titleText ?? '', ...header.map((l) => l.text).slice(0, 12)].join('\n');
  const bodyText = body.map((l) => l.text).join('\n');
  if (/解读/.test(titleText ?? head.split('\n').find((l) => l.trim()) ?? '')) {
    return { isReport: false, reason: 'an interpretation (解读) of a report, not the report itself' };
  }
  if (titleText && /(审议|听取|召开|举行|通报|发布|公布|学习|部署|解读)/.test(titleText.split(/(?:19|20)\d{2}\s*年/)[0])) {
    return { isReport: false, reason: 'a news item about a report, not the report itself' };
  }
  if (titleText && /《[^》]*(报告|情况)[^》]*》/.test(titleText) && squash(titleText.replace(/《[^》]*》/g, '')).replace(/[^\u4e00-\u9fff]/g, '').length >= 2) {
    return { isReport: false, reason: 'a page about a report (the title quotes the report in 《》), not the report itself' };
  }
  const placeholders = (bodyText.match(/[xX×ＸＸ]{2,}|\*{2,}|＊{2,}|某某/g) ?? []).length + (/[xX×Ｘ]{2,}|某某/.test(titleText ?? '') ? 5 : 0);
  if (placeholders >= 5) return { isReport: false, reason: 'a template with xx/* placeholders, not a report' };
  if (year !== null && year < 2016) {
    return { isReport: false, reason: `covers ${year}, before the annual 法治政府建设 reports began (2016); an older 依法行政 report is kept out unless forced` };
  }
  const hasSections = body.some((l) => /^[一二三四五六七八九十]{1,3}[、.．]/.test(l.text));
  if (!titleText && !salutation) {
    return { isReport: false, reason: hasSections ? 'no report title found' : 'no report title and no 一、 sections found' };
  }
  if (titleText && !REPORT_TOPIC.test(titleText)) {
    return { isReport: false, reason: 'the title is not that of a 法治政府建设 report' };
  }
  return { isReport: true, reason: null };
}
