/**
 * Everything on a page that says what the report is, gathered once so that
 * each field can weigh all of it:
 *
 * - the lines above the body (title, page metadata, breadcrumb), and a title
 *   run into the first paragraph of a flattened page;
 * - labelled values (来源/发布机构, 发布时间, 成文日期, 发文字号, 索引号);
 * - the salutation (县委、县政府:, 国务院:): whom the report goes to;
 * - the opening paragraph: its subject (2020年,静海区坚持… / 我局… /
 *   区委、区政府…) and its self-reference (现将县人民政府2022年…报告如下);
 * - the first heading's subject (一、省委、省政府坚持…);
 * - reports named in 《》 (a body's own earlier report names the body);
 * - the 落款: the signing body and date at the end;
 * - the 网站标识码 and the URL's region, when given.
 *
 * Damage done by mirrors (watermarks, pinyin residue, mojibake) is removed
 * from every line first and recorded; see damage.ts.
 */
import { isDateLine, type FoundDate, firstDate } from '../dates.ts';
import { regionByCode, type Region } from '../../../src/archive/regions.ts';
import { META_LABEL, META_LABELS } from '../labels.ts';
import { chromeRule, type Stripped } from '../strip.ts';
import { isProse } from '../text.ts';
import { squash } from '../../../src/archive/text.ts';
import {
  censoredPhrases, findWatermarks, hasMojibake, hasPinyin, maskedNames, removeMojibake, removePinyin, removeWatermarks,
  rewrittenYears, type DamageFinding,
} from './damage.ts';
import { regionCandidatesFromUrl } from '../url-hint.ts';
import type { Hints, Line } from './types.ts';

export interface Labels {
  publisher?: string;
  published?: { date: FoundDate; label: string };
  updated?: { date: FoundDate; label: string };
  signed?: { date: FoundDate; label: string };
  docNumber?: string;
  indexNumber?: string;
  /** A labelled title (标  题: …). */
  title?: string;
}

export interface Salutation {
  /** The addressee(s), without the colon: 县委、县政府. */
  to: string;
  line: string;
  /** Addressed to bodies below (各乡镇人民政府, 各县(市、区)人民政府…): a notice, not a report. */
  downward: boolean;
}

export interface SelfReference {
  /** The body the sentence names before the year (县人民政府, 我局, 本镇), or '' when it names none. */
  name: string;
  year: number | null;
  from: string;
}

export interface QuotedReport {
  /** The report's title inside 《》. */
  title: string;
  year: number;
}

export interface Signature {
  /** The signing body's line(s), joined with a space. */
  organ: string | null;
  date: FoundDate | null;
  from: string;
}

export interface PageEvidence {
  header: Line[];
  body: Line[];
  footer: Line[];
  meta: Record<string, string>;
  labels: Labels;
  /** Lines that may hold the title: the header's, the body's first four, and a run-in title. */
  top: Line[];
  salutation: Salutation | null;
  /** The opening paragraphs as the rules read them (up to about 600 characters). */
  opening: string;
  /** The whole body as the rules read it. */
  bodyText: string;
  /** Top-level (一、) headings, as read. */
  headings: string[];
  selfReference: SelfReference | null;
  /** The subject of the opening sentence (静海区, 我局, 区委、区政府), as read. */
  subject: { text: string; from: string } | null;
  /** The subjects of the opening's first sentences, in order (the first is `subject`). */
  subjects: { text: string; from: string }[];
  /** The subject of the first heading (一、省委、省政府坚持…). */
  headingSubject: { text: string; from: string } | null;
  quotedReports: QuotedReport[];
  /**
   * Bodies named at the head of documents the text says it issued (印发《江门市交通运输局
   * 制定规范性文件工作规程》, 制定《…局关于…的实施意见》): a body calling itself 我局 names itself there.
   */
  ownDocuments: { organ: string; from: string }[];
  signature: Signature | null;
  siteCode: { code: string; region: Region | null } | null;
  publisher: string | null;
  url: string | null;
  urlRegion: Region | null;
  /** When the URL's host fits several regions equally (ynlf: 禄丰市 or the former 禄丰县), all of them. */
  urlCandidates: Region[];
  /** Whether the report formula (现将…报告/汇报/总结/公布如下) is in the opening. */
  reportFormula: string | null;
  /**
   * A news item that carries the report whole (…据司法部网站消息，司法部发布2023年法治政府建设年度报告。
   * 具体报告如下：): the report follows; the headline is the news item's, not the report's title.
   */
  republication: { organ: string; year: number; from: string } | null;
  damage: DamageFinding[];
}

export interface EvidenceInput {
  stripped: Stripped;
  /** The same stripped page, simplified, when the text is traditional; else the same object. */
  readable: Stripped;
  hints: Hints;
}

const L1 = /^[一二三四五六七八九十]{1,3}[、.．]/;
/**
 * The formula a report gives itself: 现将…情况报告如下 (汇报, 总结, 公布), 现将…
 * 情况报告予以公开 (a body publishing its own report), or, after the year and
 * the topic, …法治政府建设情况，现报告如下.
 */
const REPORT_FORMULA = /现[^。]{0,3}[将就对][^。]{0,80}?(?:(?:报告|汇报|总结|公布)如下|(?:报告|情况)予以(?:公开|公布))|现(?:予以)?(?:报告|汇报)如下/;

/** Read all the evidence on a page. */
export function gatherEvidence({ stripped, readable, hints }: EvidenceInput): PageEvidence {
  const damage: DamageFinding[] = [];
  const allRaw = [...stripped.header, ...stripped.body, ...stripped.footer];
  const allText = [...readable.header, ...readable.body, ...readable.footer];
  const marks = findWatermarks([...allRaw, ...allText]);
  const seen = new Set<string>();
  const note = (finding: DamageFinding) => {
    const key = `${finding.kind}:${finding.from}`;
    if (!seen.has(key)) {
      seen.add(key);
      damage.push(finding);
    }
  };
  const clean = (line: string, record: boolean): string => {
    if (record) for (const mark of marks) if (mark.text && line.includes(mark.text)) note({ kind: 'watermark', from: mark.text.trim() });
    let out = removeWatermarks(line, marks);
    if (hasPinyin(out)) {
      if (record) note({ kind: 'pinyin', from: /[\u3400-\u9fff][(（][^)）]+[)）]/.exec(out)?.[0] ?? out.slice(0, 30) });
      out = removePinyin(out);
    }
    if (hasMojibake(out)) {
      if (record) note({ kind: 'mojibake', from: out.slice(0, 30) });
      out = removeMojibake(out);
    }
    return out;
  };
  const zip = (raw: string[], text: string[]): Line[] => raw.map((r, i) => ({ raw: clean(r, false), text: clean(text[i] ?? r, true) }));
  const header = zip(stripped.header, readable.header);
  const body = zip(stripped.body, readable.body);
  const footer = zip(stripped.footer, readable.footer);
  const meta = hints.meta ?? {};

  const labels = readLabels(header.map((l) => l.text));
  const top = [...header, ...body.slice(0, 4)].filter((l) => l.text !== '' && !chromeRule(l.text));

  // Prose the strip stage left above the body because damage hid it (建設(shè) lowers the share of
  // Chinese characters): once cleaned, it is the opening.
  const strayProse = header.filter((l) => (isProse(l.text) || REPORT_FORMULA.test(l.text)) && !META_LABEL.test(l.text) && !chromeRule(l.text));
  const strayTail = footer.slice(0, 6).filter((l) => isProse(l.text) && !META_LABEL.test(l.text) && !chromeRule(l.text));
  // A flattened page: the title runs into the first paragraph (…的报告2023年,省政府坚持…).
  const bodyLines = [...strayProse, ...body.filter((l) => l.text !== '')];
  let openingLines = bodyLines.slice(0, 4).map((l) => l.text);
  let salutation = findSalutation([...header, ...body.slice(0, 4)]);
  const first = bodyLines[0];
  if (first && squash(first.text).length > 150) {
    const runIn = splitRunIn(first.text, first.raw);
    if (runIn) {
      top.push({ raw: runIn.titleRaw, text: runIn.title });
      openingLines = [runIn.rest, ...openingLines.slice(1)];
      if (runIn.salutation && !salutation) salutation = { to: runIn.salutation, line: `${runIn.salutation}:`, downward: /^各/.test(runIn.salutation) };
    }
  }
  // The opening: the first paragraphs of prose, without a repeated title or the salutation.
  const opening = openingLines
    .filter((t) => !(salutation && t === salutation.line) && !(squash(t).length < 60 && !/[，,。]/.test(t)))
    .map((t) => t.slice(0, 500))
    .join('\n');
  const bodyText = [...strayProse, ...body, ...strayTail].map((l) => l.text).join('\n');
  const headings = body.map((l) => l.text).filter((t) => L1.test(t));

  for (const name of new Set(maskedNames(bodyText))) note({ kind: 'masked', from: name });
  for (const phrase of censoredPhrases(bodyText)) note({ kind: 'censored', from: phrase });
  const rewritten = rewrittenYears(bodyText);
  if (rewritten) note({ kind: 'rewritten-years', from: rewritten });

  const siteId = meta.SiteIDCode ?? [...header, ...footer].map((l) => /(?:网站标识码|網站標識碼)\s*[:：]?\s*(\d{10})/.exec(l.text)?.[1]).find(Boolean);
  const publisher = cleanPublisher(labels.publisher ?? meta.ContentSource ?? null);

  return {
    header,
    body,
    footer,
    meta,
    labels,
    top,
    salutation,
    opening,
    bodyText,
    headings,
    selfReference: findSelfReference(opening) ?? republicationReference(findRepublication(opening)),
    subject: findSubjects(opening)[0] ?? null,
    subjects: findSubjects(opening),
    headingSubject: headings[0] ? headingSubjectOf(headings[0]) : null,
    quotedReports: findQuotedReports(bodyText),
    ownDocuments: findOwnDocuments(bodyText),
    signature: findSignature(body),
    siteCode: siteId ? { code: siteId, region: regionByCode(siteId.slice(0, 6)) ?? null } : null,
    publisher,
    url: hints.url ?? meta.Url ?? null,
    urlRegion: hints.urlRegion ?? null,
    urlCandidates: hints.urlRegion ? [hints.urlRegion] : hints.url ? regionCandidatesFromUrl(hints.url) : [],
    reportFormula: REPORT_FORMULA.exec(opening)?.[0] ?? findRepublication(opening)?.from ?? null,
    republication: findRepublication(opening),
    damage,
  };
}

/** 本网, 本站 and empty values name no body. */
function cleanPublisher(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  return v === '' || /[:：]|字体|字号|打印|分享/.test(v) ? null : v;
}

// ---------------------------------------------------------------- labels

/** Where a label starts a value: its colon or bracket, or a space before a number (发布时间 2021-03-02). */
const LABEL_SPLIT = new RegExp(`(${META_LABELS})\\s*(?:[:：]|\\]|(?=\\s\\d))`, 'g');

/** Read `label: value` pairs from header lines (several may share a line). */
export function readLabels(lines: string[]): Labels {
  const labels: Labels = {};
  for (const raw of lines) {
    const line = raw.replace(/\[\s*/g, '').replace(/[【】]/g, ' ');
    if (/^今天是/.test(line)) continue;
    // 标题：…, or in a metadata table 标  题 … / 标 题 | … |.
    const titled = /^标\s*题\s*(?:[:：|｜]|\s)\s*(.+?)[\s|｜]*$/.exec(line.trim());
    if (titled && !/^[|｜]/.test(titled[1])) labels.title ??= titled[1].trim();
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
        case '来源':
        case '來源': {
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

// ---------------------------------------------------------------- salutation

/** A line addressed to bodies, ending with a colon: 县委、县政府: / 国务院: / 市委全面依法治市委员会: */
const SALUTATION_LINE = /^([\u4e00-\u9fff、，,（）()]{2,80})[:：]$/;

function findSalutation(lines: Line[]): Salutation | null {
  for (const line of lines) {
    const t = squash(line.text);
    const m = SALUTATION_LINE.exec(t);
    if (!m || META_LABEL.test(line.text) || chromeRule(line.text)) continue;
    if (/^(当前位置|您当前的位置|您所在的位置|所在位置|位置)$/.test(m[1])) continue;
    return { to: m[1], line: line.text, downward: /^各/.test(m[1]) };
  }
  return null;
}

// ---------------------------------------------------------------- run-in title

/**
 * A flattened page whose title runs into the text: split the title off at the
 * point where the first sentence (2023年,… / 根据… / a salutation) begins.
 * A page marker (1、) before it and a title written twice are dropped.
 */
export function splitRunIn(text: string, raw: string): { title: string; titleRaw: string; rest: string; salutation: string | null } | null {
  const lead = /^\s*\d{1,2}[、.．]\s*/.exec(text)?.[0] ?? '';
  const t = text.slice(lead.length);
  const m = /^(.{6,90}?(?:报告|情况|总结|報告|情況|總結)(?:及[^，。,:：]{0,24}?(?:方案|计划|安排|打算|思路|要点))?)(?=(?:19|20)\d{2}\s*年(?!度)|[\u4e00-\u9fff、，,]{2,30}[:：]|根据|按照|依据|一、)/.exec(t);
  if (!m || /[。，,；：:]/.test(m[1])) return null;
  let title = m[1];
  const half = title.length / 2;
  if (title.length % 2 === 0 && title.slice(0, half) === title.slice(half)) title = title.slice(0, half);
  let rest = t.slice(m[1].length);
  let salutation: string | null = null;
  const s = /^([\u4e00-\u9fff、，,（）()]{2,30})[:：]/.exec(rest);
  if (s) {
    salutation = s[1];
    rest = rest.slice(s[0].length);
  }
  const rawStart = lead.length;
  const titleRaw = raw.length === text.length ? raw.slice(rawStart, rawStart + title.length) : title;
  return { title, titleRaw, rest, salutation };
}

// ---------------------------------------------------------------- opening

/**
 * The self-reference in the report formula: 现将县人民政府2022年法治政府建设
 * 工作情况报告如下 names the body (县人民政府) and the year (2022).
 */
export function findSelfReference(opening: string): SelfReference | null {
  const end = '(?:(?:报告|汇报|总结|公布)如下|报告予以(?:公开|公布))';
  const withYear = new RegExp(`现[^。将就对]{0,2}[将就对]\\s*([^。，,；;《》“”]{0,40}?)((?:19|20)\\d{2})\\s*年[^。]{0,80}?${end}`).exec(opening);
  if (withYear) return { name: cleanName(withYear[1]), year: Number(withYear[2]), from: withYear[0] };
  const noYear = new RegExp(`现[^。将就对]{0,2}[将就对]\\s*([^。，,；;《》“”]{2,40}?)(?:本年度|今年|全年|一年来|上一年度|年度|法治政府|依法行政|法治建设)[^。]{0,60}?${end}`).exec(opening);
  if (noYear) return { name: cleanName(noYear[1]), year: null, from: noYear[0] };
  // …总结2025年度法治政府建设情况，现报告如下: the year the sentence reports on, no name.
  const before = /((?:19|20)\d{2})\s*年度?[^。，,；;]{0,12}?(?:法治政府建设|依法行政|法治建设)[^。，,；;]{0,16}[，,]\s*现(?:予以)?(?:报告|汇报)如下/.exec(opening);
  if (before) return { name: '', year: Number(before[1]), from: before[0] };
  return null;
}

function republicationReference(r: { organ: string; year: number; from: string } | null): SelfReference | null {
  return r ? { name: r.organ, year: r.year, from: r.from } : null;
}

function cleanName(name: string): string {
  const n = name.trim();
  return /^(有关|主要|相关|工作|本|全年|近年来|一年来)?$/.test(n) ? '' : n;
}

/** A news lead that says the report follows whole: X发布2023年…年度报告。具体报告如下（具体内容如下、全文如下）. */
export function findRepublication(opening: string): { organ: string; year: number; from: string } | null {
  const m = /([\u4e00-\u9fff]{2,30}?)(?:发布|公布)了?((?:19|20)\d{2})\s*年度?[^。，,]{0,30}?报告[。，,]\s*(?:具体|报告)?(?:报告|内容|全文)如下/.exec(opening);
  if (!m) return null;
  // The body is what follows the last break before the verb (据司法部网站消息，司法部发布…).
  const organ = m[1].split(/[据消息]/).at(-1) ?? m[1];
  return organ.length >= 2 ? { organ, year: Number(m[2]), from: m[0] } : null;
}

/** Verbs that follow the subject of a report's opening sentence. */
const VERB =
  '(?:坚|以|深入|认真|全面|始终|紧紧|积极|扎实|按照|围绕|持续|着力|把|将|不断|切实|严格|高度|贯彻|落实|在|法治政府建设|依法行政|依法全面|进一步|主动|牢牢|聚焦|锚定|立足|大力|加快|加强|奋力|对标|努力|统筹|自觉|精心|忠实|强化|狠抓|结合|充分|紧扣|树牢|践行|牢固|按|认|全力|有力|扎扎实实)';
const SUBJECT = new RegExp(`^([^，,。；;：:“”"《》\\s]{2,32}?)${VERB}`);

/** The subject of one sentence: the body that did what the sentence says. */
export function subjectOf(sentence: string): string | null {
  let s = sentence.trim();
  for (let k = 0; k < 6; k++) {
    const before = s;
    s = s.replace(/^(?:(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度|以来)?|一年来|今年以来|过去的一年)[,，、]?\s*/, '');
    s = s.replace(/^(?:在|按照|根据|依据|对照|围绕)[^。；]*?(?:下|中|要求|部署|规定|精神|领导)[,，]\s*/, '');
    if (s === before) break;
  }
  if (/^(现将|现就|现对|现提|是|为|经|通过)/.test(s)) return null;
  const m = SUBJECT.exec(s);
  return m ? m[1] : null;
}

/** The subjects of the opening's first six sentences that have one, in order. */
export function findSubjects(opening: string): { text: string; from: string }[] {
  const found: { text: string; from: string }[] = [];
  const sentences = opening.split(/(?<=[。；;])|\n/).map((s) => s.trim()).filter(Boolean).slice(0, 6);
  for (const sentence of sentences) {
    // "2024年是…的关键一年。" characterises the year; the next sentence has the subject.
    if (/^(?:19|20)\d{2}\s*年(?:度)?是/.test(sentence) || L1.test(sentence)) continue;
    const subject = subjectOf(sentence);
    // 全省各级行政机关, 各部门: the whole system, not the body that reports.
    if (subject && !/^(全|各)|各级|各部门/.test(subject)) found.push({ text: subject, from: sentence.slice(0, 60) });
  }
  return found;
}

/** The subject of the opening: the first of its first sentences that has one. */
export function findSubject(opening: string): { text: string; from: string } | null {
  return findSubjects(opening)[0] ?? null;
}

function headingSubjectOf(heading: string): { text: string; from: string } | null {
  const text = heading.replace(L1, '');
  const m = /^(.{1,20}?(?:委|党委)(?:和|、|及|与)[^，,。]{0,10}?政府)/.exec(text);
  return m ? { text: m[1], from: heading.slice(0, 40) } : null;
}

/** Reports named in 《》: 《长治市交通运输局关于2024年法治政府建设情况的报告》. */
export function findQuotedReports(text: string): QuotedReport[] {
  const found: QuotedReport[] = [];
  for (const m of text.matchAll(/《([^《》]{6,70})》/g)) {
    const inner = m[1];
    const year = /((?:19|20)\d{2})\s*年/.exec(inner.replace(/\d{4}\s*[-—–至]\s*\d{4}/g, ''));
    if (!year || !/(法治政府|依法行政)/.test(inner) || !/(报告|情况)$/.test(inner)) continue;
    found.push({ title: inner, year: Number(year[1]) });
  }
  return found;
}

/** Verbs by which a body issues a document of its own (not 贯彻, 落实, 转发: another's). */
const ISSUED = /(?:印发|制定|出台|修订|制发|编制|编印|起草)(?:并印发|并出台|了)?《([^《》]{4,70})》/g;

/** The bodies named at the head of the documents the text issues (the name before 关于 or the document's words). */
export function findOwnDocuments(text: string): { organ: string; from: string }[] {
  const found: { organ: string; from: string }[] = [];
  for (const m of text.matchAll(ISSUED)) {
    const head = /^([\u4e00-\u9fff]{2,30}?(?:委员会|局|委|厅|办公室|中心|署))(?=关于|[\u4e00-\u9fff]{2})/.exec(m[1]);
    if (!head) continue;
    // Two bodies at the head (《某市财政局某市交通运输局关于…》): a joint document, whose first body may be another.
    const rest = m[1].slice(head[1].length).split('关于')[0];
    if (/(?:局|委员会|厅|办公室|人民政府)/.test(rest) && m[1].includes('关于')) continue;
    found.push({ organ: head[1], from: m[0] });
  }
  return found;
}

/**
 * The 落款: the signing body (one or two short lines) above the date line at
 * the end; else that of a cover letter at the head of the text (省委、省政府：
 * 现呈送我委…报告，请审阅。 / 某委 / 2024年3月8日).
 */
function findSignature(body: Line[]): Signature | null {
  const lines = body.filter((l) => l.text !== '');
  return signatureIn(lines.slice(-4)) ?? coverLetter(lines.slice(0, 10));
}

function coverLetter(head: Line[]): Signature | null {
  for (let i = 1; i < head.length; i++) {
    if (!isDateLine(head[i].text)) continue;
    const organ = squash(head[i - 1].text);
    if (organ.length < 3 || organ.length > 40 || /[，。；：,:]/.test(organ)) continue;
    return signatureIn(head.slice(Math.max(0, i - 2), i + 1));
  }
  return null;
}

function signatureIn(tail: Line[]): Signature | null {
  for (let i = tail.length - 1; i >= 0; i--) {
    const date = isDateLine(tail[i].text);
    if (!date) continue;
    const organs: string[] = [];
    for (let j = i - 1; j >= 0 && organs.length < 2; j--) {
      const t = tail[j].text.trim();
      if (squash(t).length < 3 || squash(t).length > 40 || /[，。；：,:]/.test(t)) break;
      // Two bodies on one line, apart (中共某县委  某县人民政府), are two names.
      organs.unshift(...t.split(/[\s\u3000]{2,}|\s(?=中共)/).map(squash).filter(Boolean));
    }
    return { organ: organs.length ? organs.join(' ') : null, date, from: [...organs, tail[i].text].join(' / ') };
  }
  return null;
}
