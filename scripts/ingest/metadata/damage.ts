/**
 * Damage that mirrors and document sites do to a report's text, recognised so
 * that it never becomes part of a title or an agency, and reported so that the
 * report is flagged:
 *
 * - watermarks: a site name with its domain injected into the text
 *   (秘书之家—全网资源每日更新www.mishuzj.com), learned per page from the
 *   domain and removed wherever the name recurs (公文汇,办公文档之家);
 * - spam appended to a title after a separator (…报告-ks8凯发官方网站);
 * - names masked as **区, XX市, 某某 or (略);
 * - pinyin residue of a careless traditional conversion: 建設(shè);
 * - mojibake: text decoded with the wrong code page (?。ㄒ唬┥钊);
 * - words deleted by a keyword filter, seen in the phrases every report of
 *   this genre cites (《政府建设实施纲要》 for 《法治政府建设实施纲要》);
 * - years rewritten by a document site to the current year, seen in a period
 *   whose two ends are the same (实施纲要(2023-2023));
 * - HTML residue (br) between two characters.
 *
 * Cleaning never changes the number of lines, so a line keeps its place.
 */

export type DamageKind =
  | 'watermark'
  | 'spam'
  | 'masked'
  | 'pinyin'
  | 'mojibake'
  | 'censored'
  | 'rewritten-years'
  | 'html-residue'
  | 'essay-heading';

export interface DamageFinding {
  kind: DamageKind;
  /** The damaged text (or an example of it). */
  from: string;
}

const DESCRIPTIONS: Record<DamageKind, string> = {
  watermark: 'a watermark injected into the text',
  spam: 'spam or a site name appended to the title',
  masked: 'names masked (**, XX, 某某, (略))',
  pinyin: 'pinyin residue of a traditional conversion',
  mojibake: 'mojibake (text decoded with the wrong code page)',
  censored: 'words deleted by a keyword filter',
  'rewritten-years': 'years rewritten by the site (a period whose two ends are the same)',
  'html-residue': 'HTML residue in the text',
  'essay-heading': "an essay site's heading instead of the document's title",
};

/** One line describing a finding, for warnings and the `damage` list. */
export function describeDamage(finding: DamageFinding): string {
  return `${DESCRIPTIONS[finding.kind]}: ${finding.from}`;
}

const DOMAIN = /(?:https?:\/\/)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|cn|cc|top|vip|info|xyz|wang|site|shop)(?![a-z0-9])/gi;
const HAN_RUN_CHAR = /[\u3400-\u9fff—–\-·]/;

/** The site-name text just before a domain (back to a space or punctuation), at most 20 characters. */
function runBefore(line: string, index: number): { text: string; atBoundary: boolean } {
  let i = index;
  if (line[i - 1] === ' ' || line[i - 1] === '\u3000') i--;
  let start = i;
  while (start > 0 && index - start < 20 && HAN_RUN_CHAR.test(line[start - 1])) start--;
  const before = line[start - 1];
  return { text: line.slice(start, i), atBoundary: start === 0 || before === undefined || /[\s，,。；;：:、|｜]/.test(before) };
}

function commonSuffix(texts: string[]): string {
  let suffix = texts[0] ?? '';
  for (const t of texts.slice(1)) {
    let n = 0;
    while (n < suffix.length && n < t.length && suffix[suffix.length - 1 - n] === t[t.length - 1 - n]) n++;
    suffix = suffix.slice(suffix.length - n);
  }
  return suffix.replace(/^[—–\-·]+/, '');
}

export interface Watermark {
  /** The exact text to remove (site name and domain). */
  text: string;
  /** The site's name alone (公文汇), removed too where it trails a line. */
  name: string;
}

/**
 * Watermarks of a page: every domain name in running text, with the site
 * name written before it. A domain seen more than once takes the name common
 * to all its occurrences (the text before one occurrence may be a sentence).
 */
export function findWatermarks(lines: string[]): Watermark[] {
  const byDomain = new Map<string, { run: string; atBoundary: boolean; full: string }[]>();
  for (const line of lines) {
    for (const m of line.matchAll(DOMAIN)) {
      // An e-mail address or a path is not a watermark.
      if (line[m.index - 1] === '@' || line[m.index - 1] === '/') continue;
      const run = runBefore(line, m.index);
      const list = byDomain.get(m[0].toLowerCase()) ?? [];
      list.push({ run: run.text, atBoundary: run.atBoundary, full: m[0] });
      byDomain.set(m[0].toLowerCase(), list);
    }
  }
  const marks: Watermark[] = [];
  for (const occurrences of byDomain.values()) {
    const name = occurrences.length > 1 ? commonSuffix(occurrences.map((o) => o.run)) : occurrences[0].atBoundary ? occurrences[0].run : '';
    for (const full of new Set(occurrences.map((o) => o.full))) {
      for (const sep of [' ', '\u3000', '']) marks.push({ text: `${name}${sep}${full}`, name });
    }
  }
  // Longest first, so a mark with its name goes before the bare domain.
  return marks.sort((a, b) => b.text.length - a.text.length);
}

/** Remove watermarks from a line, and a trailing segment that starts with a watermark's name. */
export function removeWatermarks(line: string, marks: Watermark[]): string {
  let out = line;
  for (const mark of marks) if (mark.text && out.includes(mark.text)) out = out.split(mark.text).join('');
  for (const mark of marks) {
    if (mark.name.length < 2) continue;
    const at = out.lastIndexOf(mark.name);
    if (at > 0 && /[\s\u3000]/.test(out[at - 1])) out = out.slice(0, at);
  }
  return out.replace(/[\s\u3000]+$/, '');
}

const PINYIN = /(?<=\S)[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

/** 建設(shè) → 建設: pinyin annotations left by a traditional conversion. */
export function removePinyin(line: string): string {
  return line.replace(PINYIN, '');
}

export function hasPinyin(line: string): boolean {
  return new RegExp(PINYIN.source).test(line);
}

/** A question mark inside Chinese text, or bopomofo and box-drawing characters: a wrong code page. */
const MOJIBAKE = /\?(?=[\u3000-\u303f\u3100-\u312f\uff00-\uffef\u3400-\u9fff])|(?<=[\u3400-\u9fff])\?|[\u3100-\u312f\u2500-\u257f]/g;

export function hasMojibake(line: string): boolean {
  return new RegExp(MOJIBAKE.source).test(line);
}

/**
 * Remove the mojibake markers (the characters around them stay: they cannot
 * be recovered), except one sequence such mirrors leave at every sentence join
 * and that can be read back: ?,F将 for 。现将 (the report formula).
 */
export function removeMojibake(line: string): string {
  return line.replace(/\?[,，]F(?=[将將就])/g, '。现').replace(MOJIBAKE, '');
}

/** br between two characters: a line break the crawl wrote out as text. */
export const HTML_RESIDUE = /(?<=[\u3400-\u9fff])(?:<\/?br\s*\/?>|br)(?=[\u3400-\u9fff])/gi;

/** A name masked by the site: **区, XX市, 某某, (略). */
const MASKED_NAME = /(?:[*＊]+|[xXＸ×]{2,}|某某)(?=[\u4e00-\u9fff]{0,4}?(?:省|市|区|县|镇|乡|街道|开发区|局|委|办|政府|厅|部))|[(（]\s*略\s*[)）]/g;

export function maskedNames(text: string): string[] {
  return [...text.matchAll(MASKED_NAME)].map((m) => m[0]);
}

export function isMasked(name: string): boolean {
  return /[*＊]|[xXＸ×]{2}|某某|[(（]\s*略\s*[)）]/.test(name);
}

/**
 * Placeholders where a template leaves out the figures it has not got
 * (会议*次, 排名第x, x01x年, xxxx年) or leaves blanks to fill in (20__年,
 * 坚持以____思想为指导): a masked copy of a real report hides names, a
 * template blanks the facts.
 */
const NUMBER_PLACEHOLDER = /(?<![a-zA-Z])(?:第[*＊xXＸ×]+|[*＊xXＸ×]+\d*(?=[次个项件人名家场期篇条份亿万%元户所批])|\d*[xXＸ×]+\d+[xXＸ×]*(?=年)|\d+[xXＸ×]+(?=年)|[xXＸ×]{2,4}(?=年))|\d*[_＿]{2,}\d*(?=[\u4e00-\u9fff])/g;

export function numberPlaceholders(text: string): string[] {
  return [...text.matchAll(NUMBER_PLACEHOLDER)].map((m) => m[0]);
}

/**
 * Phrases every report of this genre cites, with the words a keyword filter
 * deletes: the damaged form appears while the whole phrase never does.
 */
const CANONICAL: { whole: RegExp; damaged: RegExp }[] = [
  { whole: /法治政府建设实施纲要/, damaged: /(?<!法治)政府建设实施纲要/ },
  { whole: /习近平法治思想/, damaged: /(?<!学)习(?:近平)?(?:法治)?思想/ },
  { whole: /依法治国/, damaged: /依国委员会|全面依国/ },
];

export function censoredPhrases(text: string): string[] {
  const found: string[] = [];
  for (const { whole, damaged } of CANONICAL) {
    if (whole.test(text)) continue;
    const m = damaged.exec(text);
    if (m && m[0] !== '习近平思想') found.push(m[0]);
  }
  return found;
}

const PERIOD = /[（(]\s*((?:19|20)\d{2})\s*[-—–~～至]\s*((?:19|20)\d{2})\s*年?\s*[)）]/g;

/** A period whose two ends are the same year (纲要(2023-2023)): the site rewrote the years. */
export function rewrittenYears(text: string): string | null {
  for (const m of text.matchAll(PERIOD)) if (m[1] === m[2]) return m[0];
  return null;
}

/**
 * What follows a separator after a title's last word (…报告-ks8凯发官方网站,
 * …报告_法治政府_某区人民政府门户网站) is never part of the title. It is a
 * site's or column's name when it reads like one of a government site (政府,
 * 门户, 政务, or a column such as 法治政府); anything else (gambling spam,
 * Latin letters or digits) is spam.
 */
export function splitSpamSuffix(title: string): { title: string; spam: string | null; tail: string | null } {
  const m = /^(.*?(?:报告|情况|总结|報告|情況|總結))\s*([-_|｜—–~]+\s*.+)$/.exec(title);
  if (!m) return { title, spam: null, tail: null };
  const tail = m[2].replace(/^[-_|｜—–~\s]+/, '');
  const government = /(政府|门户|政务|政務|人民|公开|公開|法治|司法|动态|動態|通知|公告|要闻|要聞|新闻|新聞|工作|专题|專題|专栏|專欄)/.test(tail) && !/[a-zA-Z0-9]/.test(tail);
  return { title: m[1], spam: government ? null : tail, tail };
}
