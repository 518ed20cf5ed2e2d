/**
 * The reporting body, decided from every place the page names it:
 *
 *   the title's head (赵县人民政府 2022年度…, 区司法局关于…, 宁夏回族自治区2022年度…)
 *   the report formula (现将县人民政府2022年…报告如下, 现将我局…)
 *   the 落款 (the signing body above the date)
 *   the opening sentence's subject (2020年,静海区坚持…; 陈仓区委、区政府坚持…)
 *   the first heading's subject (一、省委、省政府坚持…)
 *   a report of its own named in 《》 (编撰并公示《长治市交通运输局关于2024年…的报告》)
 *   来源/发布机构 (the publisher: often the drafting office, so it only confirms)
 *   the salutation (国务院: — a province reports to the State Council).
 *
 * A name may be full (岳阳县人民政府), relative (县人民政府, 区司法局, 省政府),
 * a pronoun (我局, 本镇), a place (静海区: its government), a joint pair
 * (区委、区政府) or masked (**区): the first is certain; the others take their
 * place from another source or from the region's evidence (region.ts).
 */
import { findRegionMentions, regionsNamed } from '../place-names.ts';
import { ancestors, type Region } from '../../../src/archive/regions.ts';
import { squash } from '../../../src/archive/text.ts';
import { isMasked } from './damage.ts';
import { subjectOf, type PageEvidence } from './page-evidence.ts';
import { ORGAN_END, type TitleFound } from './title.ts';

export type OrganKind = 'organ' | 'place' | 'pronoun' | 'joint' | 'masked' | 'central';

export interface Organ {
  /** The name as read (simplified): 区司法局, 静海区, 我局, 宁夏回族自治区党委和政府. */
  name: string;
  kind: OrganKind;
  /** Joint: the place both bodies belong to (陈仓区, 巴州); pronoun: the unit (局, 县). */
  place: string | null;
  /** Joint bodies as a title names them (中共云阳县凤鸣镇委员会, 云阳县凤鸣镇人民政府). */
  bodies?: string[];
  /** The bare level word a relative name starts with (区 in 区司法局, 省 in 省人民政府). */
  relative: string | null;
  /** Named by its party organ alone (清波街道党工委): the place is known, the reporting body is not certain. */
  party?: boolean;
  /** A department named without any place (教育局): its place and level come only from the page's evidence. */
  placeless?: boolean;
  /** Named by its former name (原环境保护部): renamed since, which name the archive files it under is a person's call. */
  former?: boolean;
  source: string;
  from: string;
}

export interface AgencyDecision {
  organ: Organ | null;
  certain: boolean;
  rule: string;
  from: string;
  /** Why the agency is not certain, or what else the page says. */
  notes: string[];
}

/** The central government's organs: 国务院 departments report for the whole country. */
export const CENTRAL_ORGAN =
  /^(国务院[\u4e00-\u9fff]*|中华人民共和国[\u4e00-\u9fff]+|国家[\u4e00-\u9fff]+?(局|委员会|委|署|院|部)|中国(人民银行|证券监督管理委员会|气象局|地震局)|[\u4e00-\u9fff]{1,10}(部|总局|总署|审计署))$/;

const RELATIVE = /^(自治区|自治州|省|市|区|县|州|镇|乡|街道|旗)(?=[\u4e00-\u9fff]{2,})/;
/** The level of a name that says only that it is a province's (司法厅): any province-level region. */
export const PROVINCE_LEVEL = '省级';
const PRONOUN = /^(?:我|本)(局|县|市|区|镇|乡|街道|委|厅|部|省|办|中心|院|署|州|旗|单位)/;
const TOWN_NAME = /^([\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|苏木))(?:人民政府|政府|办事处|党委)?$/;

/** Verbs a title puts between the body and the year (湖南省人民政府公布2017年度…). */
const TITLE_VERB = /(公布|发布|印发|关于)$/;

/** The reporting body named at the head of the title (kept for its callers; see parseOrgan). */
export function organFromTitle(title: string): { name: string; placeOnly: boolean; joint: boolean; rule: string } | null {
  const organ = titleOrgan(title);
  if (!organ) return null;
  return {
    name: organ.kind === 'joint' && organ.bodies ? organ.bodies.join('、') : organ.name,
    placeOnly: organ.kind === 'place',
    joint: organ.kind === 'joint',
    rule: organ.kind === 'joint' ? 'joint bodies named in the title' : organ.kind === 'place' ? 'title names the place: its government' : 'body named at the head of the title',
  };
}

function titleOrgan(title: string): Organ | null {
  const plain = title.replace(/\d{4}\s*[-—–至]\s*\d{4}/g, '');
  let head = plain.split(/关于|(?:19|20)\d{2}\s*年/)[0].trim();
  // 关于桃源县2017年度…的报告: the body follows 关于.
  if (head === '' && /^关于/.test(plain)) head = plain.slice(2).split(/(?:19|20)\d{2}\s*年/)[0].trim();
  if (head === '') {
    // "2020年静海区法治政府建设情况报告": the place follows the year.
    const after = /(?:19|20)\d{2}\s*年度?\s*(.*?)(?:法治政府|依法行政|法治建设)/.exec(title);
    head = after ? after[1].trim() : '';
  }
  head = head.replace(/[《“"]/g, '').replace(TITLE_VERB, '').trim();
  if (head === '') return null;
  const names = head.split(/\s+|、/).filter(Boolean);
  if (names.length > 1 && names.every((n) => ORGAN_END.test(n))) {
    return { name: names.join('、'), kind: 'joint', place: null, bodies: names, relative: null, source: 'title', from: title };
  }
  const parsed = parseOrgan(names.join(''), 'title', title);
  return parsed;
}

/** What kind of name this is: a body, a place, a pronoun, a joint pair, masked; null when it is none. */
export function parseOrgan(text: string, source: string, from: string): Organ | null {
  let name = squash(text).replace(/^[“"《]|[”"》]$/g, '');
  if (name.length < 2) return null;
  const base = { source, from, place: null, relative: null } as const;
  if (isMasked(name)) return { ...base, name, kind: 'masked' };
  if (/^(全|各)/.test(name)) return null;
  // A bare level word (自治区坚持…, 县人民政府 as 县): the place of that level, from the page's evidence.
  if (/^(自治区|自治州|省|市|区|县|州|旗)$/.test(name)) return { ...base, name, kind: 'place', relative: name };
  const pronoun = PRONOUN.exec(name);
  if (pronoun) return { ...base, name: `我${pronoun[1]}`, kind: 'pronoun', place: pronoun[1] };
  // 中共云阳县城市管理局党组 reports for 云阳县城市管理局; 司法部党组, 市财政局党组 speak for their department.
  const party = /^中共(.+?)(党组|党委)$/.exec(name);
  if (party && ORGAN_END.test(party[1])) name = party[1];
  const departmentParty = /^(.+?(?:部|局|厅|委员会|办公室|署|院|中心))(?:党组|党委)$/.exec(name);
  if (departmentParty && departmentParty[1].replace(/(部|局|厅|委员会|办公室|署|院|中心)$/, '').length >= 2) name = departmentParty[1];
  // 原环境保护部: the body under its former name.
  if (/^原[\u4e00-\u9fff]{2,}/.test(name) && ORGAN_END.test(name)) {
    const organ = parseOrgan(name.slice(1), source, from);
    return organ ? { ...organ, former: true } : null;
  }
  const joint = /^(?:中共)?(.+?)(?:党委|党工委|工委|委)(?:和|、|及|与)\s*(.{0,12}?)(?:人民政府|政府|办事处)$/.exec(name);
  if (joint) return { ...base, name, kind: 'joint', place: joint[1] };
  // 清波街道党工委, 某镇党委 alone: the place's party organ speaks; the report is the place's, for review.
  const partyOnly = /^(?:中共)?(.+?)(?:党工委|党委)$/.exec(name);
  if (partyOnly && (TOWN_NAME.test(partyOnly[1]) || findRegionMentions(partyOnly[1]).length > 0)) {
    return { ...base, name: partyOnly[1], kind: 'place', party: true };
  }
  if (ORGAN_END.test(name)) {
    const placeless = findRegionMentions(name).length === 0;
    if (CENTRAL_ORGAN.test(name) && placeless) return { ...base, name, kind: 'central' };
    const relative = RELATIVE.exec(name)?.[1] ?? null;
    // 司法厅 with no place: a 厅 is a province's department.
    if (placeless && !relative && /厅$/.test(name)) return { ...base, name, kind: 'organ', relative: PROVINCE_LEVEL };
    return { ...base, name, kind: 'organ', relative, placeless: placeless && !relative };
  }
  if (TOWN_NAME.test(name) && !/^(乡镇|镇|乡|街道|镇街|乡镇街道|各乡镇)/.test(name)) return { ...base, name, kind: 'place' };
  // A development zone (北京经济技术开发区坚持…) is not a region: its 管理委员会 reports.
  const zone = /^([\u4e00-\u9fff]{2,20}?(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|经开区|工业园区|产业园区|保税区))$/.exec(name);
  if (zone && findRegionMentions(zone[1]).some((m) => zone[1].startsWith(m.name))) {
    return { ...base, name: `${zone[1]}管理委员会`, kind: 'organ', relative: null };
  }
  const mentions = findRegionMentions(name);
  if (mentions.length > 0 && mentions.map((m) => m.name).join('') === name) return { ...base, name, kind: 'place' };
  if (/^[\u4e00-\u9fff]州$/.test(name)) return { ...base, name, kind: 'place' };
  return null;
}

/** Decide the reporting body from all the names the page gives. */
export function decideAgency(ev: PageEvidence, title: TitleFound | null): AgencyDecision {
  return withAddresseeLevel(decideFromNames(ev, title), ev);
}

/**
 * A department named without any place (教育局坚持…) that reports to 县委、县政府 (区委、区政府,
 * 市委、市政府) is that level's department: 县教育局, its county from the page's evidence.
 */
function withAddresseeLevel(decision: AgencyDecision, ev: PageEvidence): AgencyDecision {
  const organ = decision.organ;
  if (organ?.former) {
    return { ...decision, certain: false, notes: [...decision.notes, `the page names the body by its former name (原${organ.name}); which name to file it under is a person's call`] };
  }
  if (!organ || organ.kind !== 'organ' || !organ.placeless) return decision;
  const level = /^(县|区|市|旗)委[、，,]?\1(?:人民)?政府$/.exec(squash(ev.salutation?.to ?? ''))?.[1];
  if (!level) return decision;
  return {
    ...decision,
    organ: { ...organ, name: `${level}${organ.name}`, relative: level, placeless: false },
    rule: `${decision.rule}; addressed to ${ev.salutation!.to}: the ${level}'s department`,
  };
}

function decideFromNames(ev: PageEvidence, title: TitleFound | null): AgencyDecision {
  const notes: string[] = [];
  const fromTitle = title ? titleOrgan(title.text) : null;
  const selfRef = ev.selfReference?.name ? parseOrgan(ev.selfReference.name, 'the report formula', ev.selfReference.from) : null;
  const signature = ev.signature?.organ ? signatureOrgan(ev.signature.organ, ev.signature.from) : null;
  // The first sentence whose subject names a body (2022年，自治区坚持… / 自治区人民政府把…).
  // A later sentence counts only when it names a body itself (党委、政府高度重视… is the leadership's attention).
  const subject =
    ev.subjects
      .map((x, i) => ({ organ: parseOrgan(x.text, 'the opening sentence', x.from), i }))
      .find(({ organ, i }) => organ !== null && (i === 0 || organ.kind === 'organ' || organ.kind === 'central'))?.organ ?? null;
  const heading = ev.headingSubject ? parseOrgan(ev.headingSubject.text, 'the first heading', ev.headingSubject.from) : null;
  const quoted = ev.quotedReports
    .map((q) => titleOrgan(q.title))
    .filter((o): o is Organ => o !== null && o.kind === 'organ' && o.relative === null)
    .map((o) => ({ ...o, source: 'a report of its own named in 《》' }));
  const publisher = ev.publisher ? parseOrgan(ev.publisher, '来源/发布机构', ev.publisher) : null;
  const others = [selfRef, signature, subject, ...quoted, publisher].filter((o): o is Organ => o !== null);
  // What else may name a body that calls itself 我局: the bodies the opening's later sentences name
  // (市财政局党组始终把…), and the body at the head of the documents it issued (印发《…局…规程》).
  const laterSubjects = ev.subjects
    .map((x) => parseOrgan(x.text, 'a later sentence of the opening', x.from))
    .filter((o): o is Organ => o !== null && o.kind === 'organ' && o !== subject);
  const ownDocuments = ev.ownDocuments
    .map((d) => parseOrgan(d.organ, 'a document it issued', d.from))
    .filter((o): o is Organ => o !== null && o.kind === 'organ' && o.relative === null && !o.placeless);

  const decided = (organ: Organ, certain: boolean, rule?: string): AgencyDecision => ({
    organ,
    certain,
    rule: rule ?? `${organ.source}: ${organ.kind === 'place' ? 'the place named, its government' : 'the body named'}`,
    from: organ.from,
    notes,
  });

  /** A joint voice (区委、区政府…) for this place, in the opening or the first heading. */
  const jointVoice = [subject, heading].find((o) => o?.kind === 'joint') ?? null;

  // 1. The title names the body.
  if (fromTitle && (fromTitle.kind === 'joint' || fromTitle.kind === 'central')) return decided(fromTitle, true);
  if (fromTitle?.kind === 'masked') {
    notes.push(`the title's body is masked (${fromTitle.name})`);
    return { organ: null, certain: false, rule: 'masked name', from: fromTitle.from, notes };
  }
  if (fromTitle?.kind === 'organ') {
    if (!fromTitle.relative) return decided(fromTitle, true);
    return resolveRelative(fromTitle, others, ev, notes);
  }
  if (fromTitle?.kind === 'place') return placeWithVoice(fromTitle, jointVoice, true, notes, decided);

  // 2. No usable title: the report formula, the 落款, the opening sentence, in that order.
  // A name beats a pronoun (现将我办… / 区政府办公室坚持…): the pronoun is read only when nothing names the body.
  const named = [selfRef, signature, subject].filter((o): o is Organ => o !== null);
  for (const organ of [...named.filter((o) => o.kind !== 'pronoun'), ...named.filter((o) => o.kind === 'pronoun')]) {
    switch (organ.kind) {
      case 'masked':
        notes.push(`the reporting body is masked on this page (${organ.name})`);
        return { organ: null, certain: false, rule: 'masked name', from: organ.from, notes };
      case 'central':
        return decided(organ, true);
      case 'organ':
        if (!organ.relative) return decided(organ, true);
        return resolveRelative(organ, others.filter((o) => o !== organ), ev, notes);
      case 'joint':
        // The opening speaks for both bodies (区委、区政府坚持…): a joint report, as 党委 and 政府 below the
        // province report together to the level above. A township's 党委、政府 is its leadership.
        if (isTownName(organ.place ?? '')) {
          notes.push(`the opening speaks for the township's 党委 and 政府 (${organ.name}); read as its government`);
          return decided({ ...organ, kind: 'place', name: organ.place!, place: null }, true, `${organ.source}: a township's government`);
        }
        return decided(organ, true, `${organ.source}: the page speaks for ${organ.name} together`);
      case 'place':
        if (organ.party) notes.push(`${organ.source} names only the party organ of ${organ.name}`);
        return placeWithVoice(organ, jointVoice === organ ? null : heading?.kind === 'joint' ? heading : null, !organ.party, notes, decided);
      case 'pronoun':
        return resolvePronoun(organ, others, ev, notes, { laterSubjects, ownDocuments });
    }
  }
  if (heading?.kind === 'joint') {
    notes.push(`only the first heading names the body (${heading.name})`);
    return decided(heading, false);
  }
  // 3. The opening speaks for the whole province (2023年，全省法治政府建设工作坚持… / 全省各级政府坚持…)
  //    with the provincial government acting in it (省政府党组, 省长…): the provincial government's report.
  const whole = provinceVoice(ev);
  if (whole) return { organ: whole, certain: true, rule: `the opening speaks for the whole ${whole.relative} and its government acts in it`, from: whole.from, notes };
  // 4. A report to 国务院 comes from a province (or a central department): the province the text names.
  if (ev.salutation && /^(党中央、)?国务院$/.test(ev.salutation.to) && /全省|我省|省委|省政府|省人民政府/.test(ev.bodyText)) {
    const organ: Organ = { name: '省人民政府', kind: 'organ', place: null, relative: '省', source: 'the salutation', from: ev.salutation.line };
    return { organ, certain: true, rule: 'addressed to 国务院: the government of the province the text names', from: ev.salutation.line, notes };
  }
  if (publisher && (publisher.kind === 'organ' || publisher.kind === 'central') && !publisher.relative) {
    notes.push(`only the publisher (来源 ${publisher.name}) names a body; the publisher is often not the reporter`);
    return decided(publisher, false);
  }
  notes.push('the page names no reporting body');
  return { organ: null, certain: false, rule: 'not found', from: '', notes };
}

/** 全省…/全区各级政府… in the first sentence, and the province's (autonomous region's) government acting in the text. */
function provinceVoice(ev: PageEvidence): Organ | null {
  const first = ev.opening.split(/(?<=[。；;])|\n/)[0] ?? '';
  const lead = subjectOf(first);
  // 全省 (法治政府建设工作…) or 全省各级政府, not 全省司法行政系统 (a department's system).
  if (!lead || !/^全[省区](?:各级(?:人民)?政府)?$/.test(lead)) return null;
  // A body the opening names itself (省司法厅…) reports, not the province's government.
  if (ev.subjects.some((x) => parseOrgan(x.text, '', '')?.kind === 'organ')) return null;
  const head = ev.bodyText.slice(0, 1500);
  if (/^全省/.test(lead) && /省政府|省人民政府|省长/.test(head)) {
    return { name: '省人民政府', kind: 'organ', place: null, relative: '省', source: 'the opening (全省…)', from: first.slice(0, 60) };
  }
  if (/^全区/.test(lead) && /自治区人民政府|自治区政府|自治区主席/.test(head)) {
    return { name: '自治区人民政府', kind: 'organ', place: null, relative: '自治区', source: 'the opening (全区…)', from: first.slice(0, 60) };
  }
  return null;
}

/** The 落款's body: one line, or two lines naming two bodies (a joint report). */
function signatureOrgan(text: string, from: string): Organ | null {
  const parts = text.split(' ').filter(Boolean);
  if (parts.length === 2 && parts.every((p) => ORGAN_END.test(p))) {
    return { name: parts.join('、'), kind: 'joint', place: null, bodies: parts, relative: null, source: '落款', from };
  }
  const organ = parseOrgan(parts.at(-1) ?? text, '落款', from);
  return organ && organ.kind !== 'pronoun' ? organ : null;
}

/**
 * A place names its government, unless the page speaks for the place's 党委
 * and 政府 together, as the subject of its opening sentence or of its first
 * heading (区委、区政府坚持…; 一、省委、省政府坚持…): then both report. A
 * township's 党委、政府 is how a township names its leadership, and its
 * report is its government's unless the title or the 落款 names both bodies.
 */
function placeWithVoice(
  place: Organ,
  voice: Organ | null,
  certain: boolean,
  notes: string[],
  decided: (organ: Organ, certain: boolean, rule?: string) => AgencyDecision,
): AgencyDecision {
  if (voice && compatiblePlaces(place.name, voice.place ?? '')) {
    if (isTownName(place.name)) {
      notes.push(`the opening speaks for the township's 党委 and 政府 (${voice.name}); read as its government`);
      return decided(place, certain, `${place.source}: a township's government (its 党委、政府 named together is its leadership)`);
    }
    const joint: Organ = { ...voice, name: voice.name, place: place.name, source: `${place.source} and ${voice.source}`, from: `${place.from} / ${voice.from}` };
    return decided(joint, certain, `${place.source} names the place; ${voice.source} speaks for its 党委 and 政府 together: a joint report`);
  }
  if (voice) notes.push(`${voice.source} names ${voice.name}`);
  return decided(place, certain && !voice);
}

function isTownName(name: string): boolean {
  return /(镇|乡|街道|苏木)$/.test(name);
}

/** 陈仓区 and 陈仓区 / 区 / 宝鸡市陈仓区: the joint voice's place is the title's place (or a bare level word). */
function compatiblePlaces(a: string, b: string): boolean {
  if (b === '' || a === b || a.endsWith(b) || b.endsWith(a)) return true;
  // A bare level word (区委、区政府) speaks for whichever place the page is about.
  if (/^(省|市|区|县|州|自治区|自治州|镇|乡|街道)$/.test(b)) return true;
  const ra = findRegionMentions(a).at(-1)?.regions ?? [];
  const rb = findRegionMentions(b).at(-1)?.regions ?? [];
  return ra.some((x) => rb.some((y) => x.code === y.code));
}

/** 区司法局 / 省人民政府 / 县人民政府: the full name elsewhere on the page, else the place from the region's evidence. */
function resolveRelative(organ: Organ, others: Organ[], ev: PageEvidence, notes: string[]): AgencyDecision {
  const rest = organ.relative === PROVINCE_LEVEL ? organ.name : organ.name.slice(organ.relative!.length);
  const restKey = rest.replace(/^人民政府$|^政府$/, '人民政府');
  const full = others.find((o) => o.kind === 'organ' && !o.relative && o.name.replace(/(?<!人民)政府$/, '人民政府').endsWith(restKey));
  if (full) return { organ: full, certain: true, rule: `${organ.source} names ${organ.name}; ${full.source} gives its full name`, from: full.from, notes };
  // The full name in the text: 《岳阳县人民政府常务会会前学法制度》 for 县人民政府.
  for (const m of findRegionMentions(ev.bodyText)) {
    if (!ev.bodyText.startsWith(rest, m.index + m.name.length) && !(restKey === '人民政府' && ev.bodyText.startsWith('人民政府', m.index + m.name.length))) continue;
    const fits = organ.relative === PROVINCE_LEVEL ? m.regions[0]?.kind === 'province' : m.name.endsWith(organ.relative!.replace(/^自治/, ''));
    if (m.regions.length !== 1 || !fits) continue;
    const name = `${m.name}${rest.replace(/^政府$/, '人民政府')}`;
    return {
      organ: { ...organ, name, relative: null, source: `${organ.source}, full name in the text`, from: ev.bodyText.slice(m.index, m.index + name.length + 10) },
      certain: true,
      rule: `${organ.source} names ${organ.name}; the text names ${name}`,
      from: name,
      notes,
    };
  }
  // Left relative: region.ts finds the place from the page's evidence (URL, text) and says how certain it is.
  return { organ, certain: true, rule: `${organ.source}: ${organ.name}, its place from the page's evidence`, from: organ.from, notes };
}

/**
 * The one department, named relative to its place, whose own leaders the opening paragraphs speak of
 * (区司法局党委书记、局长…, 县财政局党组书记…): a body calling itself 我局 names itself so.
 */
function leadersBody(ev: PageEvidence, ofUnit: (o: Organ) => boolean): Organ | null {
  const text = ev.bodyText.slice(0, 1200);
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<![\u4e00-\u9fff])((?:区|县|市|州|旗)[\u4e00-\u9fff]{1,10}?(?:局|委员会|办公室))(?:党委书记|党组书记|党委|党组|主要负责人|主要领导)/g)) names.add(m[1]);
  if (names.size !== 1) return null;
  const [name] = names;
  const organ = parseOrgan(name, "its own leaders named in the text", name);
  return organ && organ.relative && ofUnit(organ) ? organ : null;
}

/** 我局 / 我县: a body of this kind named elsewhere, or the place of this kind. */
function resolvePronoun(
  organ: Organ,
  others: Organ[],
  ev: PageEvidence,
  notes: string[],
  more: { laterSubjects: Organ[]; ownDocuments: Organ[] } = { laterSubjects: [], ownDocuments: [] },
): AgencyDecision {
  const unit = organ.place!;
  if (/^(局|厅|委|办|中心|院|署|部|单位)$/.test(unit)) {
    const ofUnit = (o: Organ) => unit === '单位' || o.name.endsWith(unit) || (unit === '办' && o.name.endsWith('办公室')) || (unit === '委' && o.name.endsWith('委员会'));
    const match = others.find((o) => (o.kind === 'organ' || o.kind === 'central') && !o.relative && ofUnit(o));
    if (match) return { organ: match, certain: true, rule: `${organ.source} says ${organ.name}; ${match.source} names ${match.name}`, from: match.from, notes };
    // The one body of this kind at the head of the documents it issued (印发《江门市交通运输局…规程》).
    const issued = [...new Map(more.ownDocuments.filter(ofUnit).map((o) => [o.name, o])).values()];
    if (issued.length === 1) {
      return { organ: issued[0], certain: true, rule: `${organ.source} says ${organ.name}; it issued ${issued[0].from}`, from: issued[0].from, notes };
    }
    if (issued.length > 1) notes.push(`the documents it issued name ${issued.map((o) => o.name).join(', ')}`);
    // A later sentence names it relative to its place (市财政局党组始终把…), or names its own leaders
    // (区司法局党委书记、局长率先垂范…): that place from the page's evidence.
    const relative = more.laterSubjects.find((o) => o.relative && o.relative !== PROVINCE_LEVEL && ofUnit(o)) ?? leadersBody(ev, ofUnit);
    if (relative && issued.length === 0) return resolveRelative(relative, others, ev, notes);
    notes.push(`the page calls the body ${organ.name} and names it nowhere`);
    return { organ: null, certain: false, rule: `${organ.source}: ${organ.name}, not named`, from: organ.from, notes };
  }
  // 我县 / 我市 / 我镇: the place of that kind (its government).
  const place: Organ = { ...organ, name: unit === '街道' ? '街道' : unit, kind: 'place', relative: unit, place: null };
  const named = others.find((o) => o.kind === 'place' && o.name.endsWith(unit));
  if (named) return { organ: named, certain: true, rule: `${organ.source} says ${organ.name}; ${named.source} names ${named.name}`, from: named.from, notes };
  // A town named in the text (让党的二十大精神在下太镇落地生根).
  if (/^(镇|乡|街道)$/.test(unit)) {
    const towns = townsNamed(ev.bodyText, unit);
    if (towns.length === 1) {
      return { organ: { ...place, name: towns[0], relative: null, source: `${organ.source}, the ${unit} named in the text`, from: towns[0] }, certain: true, rule: `${organ.source} says ${organ.name}; the text names ${towns[0]}`, from: towns[0], notes };
    }
  }
  return { organ: place, certain: true, rule: `${organ.source} says ${organ.name}: the ${unit}'s government, its place from the page's evidence`, from: organ.from, notes };
}

/** Township names the text uses (在下太镇落地生根): names of one to three characters before 镇/乡/街道 that the table knows. */
function townsNamed(text: string, unit: string): string[] {
  const found = new Set<string>();
  for (let i = text.indexOf(unit); i !== -1; i = text.indexOf(unit, i + 1)) {
    for (let len = 3; len >= 1; len--) {
      const name = text.slice(Math.max(0, i - len), i + unit.length);
      if (name.length !== len + unit.length || !/^[\u4e00-\u9fff]+$/.test(name) || /^(全|各|本|我|该|乡|镇|和|在|的|与|及)/.test(name)) continue;
      if (regionsNamed(name).some((r) => r.kind === 'town')) {
        found.add(name);
        break;
      }
    }
  }
  if (found.size > 0) return [...found];
  // A township the table does not know: a two- or three-character name the text uses more than once.
  const counts = new Map<string, number>();
  for (let i = text.indexOf(unit); i !== -1; i = text.indexOf(unit, i + 1)) {
    for (let len = 2; len <= 3; len++) {
      const name = text.slice(Math.max(0, i - len), i + unit.length);
      if (name.length !== len + unit.length || !/^[\u4e00-\u9fff]+$/.test(name) || GENERIC_TOWN_WORD.test(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const best = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
  return best.length > 0 && (best.length === 1 || best[0][1] > best[1][1]) ? [best[0][0]] : [];
}

/** Words ending in 镇/乡/街道 that are not names (城镇, 全镇, 乡镇). */
const GENERIC_TOWN_WORD = /^(.*(全|各|本|我|该|城|村|集|小|乡|重|市|县|区|和|在|的|与|及|到|入|个|等))?(城镇|集镇|村镇|乡镇|全镇|本镇|我镇|各镇|该镇|全乡|本乡|我乡|各乡|城乡|下乡|街道)$|^(全|各|本|我|该)/;

// ---------------------------------------------------------------- official name

/** X政府 / X政府办公室 after a place: the official name says 人民政府. */
const GOVERNMENT_SHORT = /^(.{2,}?(?:省|市|区|县|州|旗|自治区))政府(办公室|办公厅)?$/;

/** Municipalities: their districts keep the city in a name (中共天津市津南区委). */
const MUNICIPALITY = /^(北京市|天津市|上海市|重庆市)/;

/** Customary name of a place's party committee: 中共X市委, 中共X县委; a province's X省委, X自治区党委. */
function partyName(place: string, region: Region | null): string {
  if (region?.kind === 'province') return /自治区$/.test(region.name) ? `${region.name}党委` : `${region.name}委`;
  if (/(委员会|党委)$/.test(place)) return place;
  return `中共${place}委`;
}

/**
 * How a place is written at the head of an official name: a province, a
 * prefecture, a county, a county-level city or a banner by its own name
 * (桐庐县人民政府, 淮安市人民政府); a city district with its city (南充市嘉陵区);
 * a municipality's district or county with the municipality (天津市静海区,
 * 重庆市云阳县); a township or street with its county as written above
 * (城口县鸡鸣乡, 杭州市上城区小营街道).
 */
export function placeForm(region: Region): string {
  if (region.kind === 'province' || region.kind === 'city') return region.name;
  const chain = ancestors(region);
  if (region.kind === 'town') {
    const county = chain.find((r) => r.kind === 'county');
    return county ? placeForm(county) + region.name : region.path;
  }
  const province = chain.find((r) => r.kind === 'province');
  if (province && MUNICIPALITY.test(province.name)) return province.name + region.name;
  const city = chain.find((r) => r.kind === 'city');
  if (/区$/.test(region.name) && city) return city.name + region.name;
  return region.name;
}

/** The place part of a joint name. */
function jointPlace(region: Region): string {
  return placeForm(region);
}

const KIND_WORD: [RegExp, string][] = [
  [/自治区$/, '自治区'],
  [/省$/, '省'],
  [/市$/, '市'],
];

/** The official name: the body's name with its region path before it, or the region's government. */
export function officialName(organ: Organ, region: Region | null): string {
  switch (organ.kind) {
    case 'central':
      return centralName(organ.name);
    case 'joint': {
      if (organ.bodies) return organ.bodies.join('、');
      if (!region) return organ.name;
      if (region.kind === 'province') {
        const word = KIND_WORD.find(([re]) => re.test(region.name))?.[1] ?? '';
        return `${partyName(region.name, region)}、${word}人民政府`;
      }
      const place = jointPlace(region);
      return `${partyName(place, region)}、${place}人民政府`;
    }
    case 'place': {
      const town = /(街道|镇|乡|苏木)$/.exec(organ.name);
      if (region && (!town || region.kind === 'town')) return `${placeForm(region)}${region.kind === 'town' && /街道$/.test(region.name) ? '办事处' : '人民政府'}`;
      if (town) {
        const suffix = town[1] === '街道' ? '办事处' : '人民政府';
        return region ? `${placeForm(region)}${organ.name}${suffix}` : `${organ.name}${suffix}`;
      }
      return `${organ.name}人民政府`;
    }
    case 'organ': {
      let name = organ.name.replace(GOVERNMENT_SHORT, '$1人民政府$2');
      if (!region) return fullDepartmentName(name);
      if (organ.relative === PROVINCE_LEVEL) {
        name = region.kind === 'province' ? region.name + name : name;
      } else if (organ.relative) {
        const rel = organ.relative;
        const rest = name.slice(rel.length).replace(/^政府$/, '人民政府');
        if (region.name.endsWith(rel.replace(/^自治/, '')) || region.kind === 'town') name = region.name + rest;
      }
      name = fullDepartmentName(name.replace(GOVERNMENT_SHORT, '$1人民政府$2'));
      return withPath(name, region);
    }
    default:
      return organ.name;
  }
}

/** Common short names of departments, and their official names (市场监管局 = 市场监督管理局). */
const SHORT_DEPARTMENTS: [RegExp, string][] = [
  [/市场监管局$/, '市场监督管理局'],
  [/卫健委$/, '卫生健康委员会'],
  [/卫生健康委$/, '卫生健康委员会'],
  [/发展改革委$/, '发展和改革委员会'],
  [/卫健局$/, '卫生健康局'],
  [/发改委$/, '发展和改革委员会'],
  [/发改局$/, '发展和改革局'],
  [/人社局$/, '人力资源和社会保障局'],
  [/住建局$/, '住房和城乡建设局'],
  [/应急局$/, '应急管理局'],
  [/医保局$/, '医疗保障局'],
];

/** A department's official name for its common short name. */
export function fullDepartmentName(name: string): string {
  for (const [re, full] of SHORT_DEPARTMENTS) if (re.test(name)) return name.replace(re, full);
  return name;
}

/** Ministries and the 审计署 take the state's name: 中华人民共和国司法部. */
function centralName(name: string): string {
  if (/^中华人民共和国/.test(name)) return name;
  if (/^[\u4e00-\u9fff]{1,8}部$/.test(name) || /^(审计署|海关总署)$/.test(name)) return `中华人民共和国${name}`;
  return name;
}

/**
 * Write the place at the head of a name as official names write it
 * (placeForm): 嘉陵区人民政府 → 南充市嘉陵区人民政府, 静海区… → 天津市静海区…;
 * a name that already starts higher up the path keeps what it has.
 */
export function withPath(name: string, region: Region): string {
  const chain = [...ancestors(region), region];
  for (let i = 0; i < chain.length; i++) {
    if (name.startsWith(chain[i].name)) {
      const form = placeForm(chain[i]);
      return form.slice(0, form.length - chain[i].name.length) + name;
    }
  }
  return name;
}
