/**
 * The title, as the document gives it: from the page's ArticleTitle, a
 * labelled 标题, or the title line(s) above the text (a title split over two
 * or three lines is joined; a browser title's column and site names after _
 * are dropped). What is never part of a title: a 标  题 label, a 发文字号
 * before it, spam or a site name appended to it, an essay site's own heading.
 *
 * A page without a title line is normal: then the title is supplied from the
 * agency and year (see supplyTitle) and marked as supplied.
 */
import { META_LABEL } from '../labels.ts';
import { squash } from '../../../src/archive/text.ts';
import { HTML_RESIDUE, splitSpamSuffix, type DamageFinding } from './damage.ts';
import type { PageEvidence } from './page-evidence.ts';
import type { Line } from './types.ts';

/** Words that name the topic of an annual report in a text. */
export const REPORT_TOPIC = /(法治政府|法治建设|依法行政)/;
/** …and in a title: the building of it (法治政府建设), not 法治政府 as a subject of study (中国法治政府发展报告). */
const TITLE_TOPIC = /(法治政府建设|法治建设|依法行政|建设法治政府|法治政府建設|法治建設)/;
const REPORT_KIND = /(报告|情况|总结)/;
export const ORGAN_END = /(人民政府|政府|委员会|党委|党组|党工委|办事处|办公室|管理局|局|厅|委|办|院|署|部|中心|所|队|站|会)$/;

export interface TitleFound {
  /** As written (traditional kept). */
  raw: string;
  /** As the rules read it. */
  text: string;
  rule: string;
  /** Damage removed from the title (spam suffix, HTML residue): the title was repaired. */
  repaired: DamageFinding[];
}

export interface TitleSearch {
  title: TitleFound | null;
  /** A heading that is not the document's title (an essay site's, a catalogue's). */
  rejected: DamageFinding | null;
  /** The page's first heading-like line about the topic, title or not (for telling look-alikes apart). */
  headline: string | null;
}

const HAN_DIGITS = '〇一二三四五六七八九';

/** 二〇一九年 → 2019年 (a year written in Chinese numerals). */
export function hanYears(text: string): string {
  return text.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => String(Math.max(0, HAN_DIGITS.indexOf(c === '零' ? '〇' : c)))).join(''));
}

/** A heading of the text (一、 / （一） / 1.), never a title. */
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d))/;

export function isTitleLike(text: string): boolean {
  const t = squash(text);
  return t.length >= 8 && t.length <= 90 && !HEADING_NUMBER.test(t) && TITLE_TOPIC.test(t) && REPORT_KIND.test(t) && !/[。；，,：:]/.test(t) && !META_LABEL.test(text);
}

/** A short line that names an organ (for titles split over lines: 中共…委员会 / …人民政府 / 关于…的报告). */
export function isOrganLine(text: string): boolean {
  const t = squash(text);
  return t.length >= 4 && t.length <= 30 && /(人民政府|政府|委员会|党委|党组|党工委|办事处|办公室|局|厅|委|院|署|部)(关于)?$/.test(t) && !/[，。；：:]/.test(t);
}

/** A 发文字号 before a title (鸡鸣委文〔2026〕3号): never part of it. */
const DOC_NUMBER_PREFIX = /^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d+\s*号\s*/;
/** 标题：…, or in a metadata table 标  题 … / 标 题 | … (no colon). */
const TITLE_LABEL = /^标\s*题\s*(?:[:：|｜]\s*|\s+)/;

interface Cleaned {
  raw: string;
  text: string;
  repaired: DamageFinding[];
  rule: string | null;
}

/** Remove what is never part of a title from one line (as written and as read, alike). */
function cleanTitleLine(line: Line): Cleaned {
  let raw = line.raw.trim();
  let text = line.text.trim();
  const repaired: DamageFinding[] = [];
  let rule: string | null = null;
  for (const re of [TITLE_LABEL, DOC_NUMBER_PREFIX]) {
    const m = re.exec(text);
    if (m) {
      text = text.slice(m[0].length);
      raw = raw.slice(Math.min(raw.length, m[0].length));
      rule = re === TITLE_LABEL ? 'label 标题, label dropped' : '发文字号 before the title, dropped';
    }
  }
  // A title quoted whole (浙卫〔2024〕3号《…的报告》): the quotes are not part of it.
  const quotedWhole = /^《([^《》]+)》$/.exec(text);
  if (quotedWhole) {
    text = quotedWhole[1];
    raw = /^《([^《》]+)》$/.exec(raw)?.[1] ?? raw;
  }
  // A browser title (标题_栏目_网站名: the site's name is chrome) or spam after the title (damage).
  const split = splitSpamSuffix(text);
  if (split.tail !== null && isTitleLike(split.title)) {
    raw = raw.slice(0, split.title.length).trim();
    text = split.title.trim();
    rule = split.spam ? 'title with spam after it removed' : 'page title before the site or column name';
    if (split.spam) repaired.push({ kind: 'spam', from: split.spam });
  }
  return { raw, text, repaired, rule };
}

function joinTitle(parts: Line[]): { raw: string; text: string } {
  // Two organ names side by side (a joint report) keep a space between them; otherwise lines join directly.
  const join = (xs: string[]) =>
    xs.reduce((acc, part, k) => (k === 0 ? part : acc + (isOrganLine(xs[k - 1]) && isOrganLine(part) && !/关于$/.test(xs[k - 1]) ? ' ' : '') + part), '');
  return { raw: join(parts.map((p) => p.raw.trim())), text: join(parts.map((p) => p.text.trim())) };
}

/** The title of the page, the heading rejected as one, and the page's headline. */
export function findTitle(ev: PageEvidence): TitleSearch {
  let rejected: DamageFinding | null = null;
  let headline: string | null = null;
  const article = ev.meta.ArticleTitle?.trim();
  const labelled = ev.labels.title;
  const lines: Line[] = [];
  if (article) lines.push({ raw: article, text: article });
  if (labelled) lines.push({ raw: labelled, text: labelled });
  for (const line of ev.top) {
    // HTML residue (海南省人民政府br关于…): the line is two lines.
    if (new RegExp(HTML_RESIDUE.source, 'i').test(line.text)) {
      rejected ??= { kind: 'html-residue', from: line.text.slice(0, 40) };
      const rawParts = line.raw.split(HTML_RESIDUE);
      const textParts = line.text.split(HTML_RESIDUE);
      textParts.forEach((t, i) => lines.push({ raw: rawParts[i] ?? t, text: t }));
    } else lines.push(line);
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = squash(line.text);
    if (!headline && REPORT_TOPIC.test(t) && t.length <= 90 && !/[。；]/.test(t) && !HEADING_NUMBER.test(t)) headline = line.text.trim();
    if (/^[\u4e00-\u9fff]{1,10}[〔\[［]\d{4}[〕\]］]\d+号$/.test(t)) continue;
    // The headline of a news item that carries the report (司法部发布2023年…年度报告): not the report's title.
    if (ev.republication && /^[^《]{2,30}?(?:发布|公布)/.test(t) && t.includes(String(ev.republication.year))) continue;

    // An essay site's heading: [山东省政府发布2018年度…报告] 对法治政府建设的思考.
    const essay = /^[[［【]([^\]］】]+)[\]］】]\s*(.+)$/.exec(line.text.trim());
    if (essay && isTitleLike(essay[1]) && !isTitleLike(essay[2])) {
      rejected ??= { kind: 'essay-heading', from: line.text.trim() };
      continue;
    }
    // A catalogue or wiki intro: 《…的报告》是2019年…发布的通知。 The quoted name is the title.
    const quoted = /^《([^《》]{8,90})》(?:$|[是为])/.exec(t);
    if (quoted && isTitleLike(quoted[1])) {
      const rawQuoted = /《([^《》]+)》/.exec(line.raw)?.[1] ?? quoted[1];
      return { title: { raw: rawQuoted, text: quoted[1], rule: 'the report named in 《》 at the head of the page', repaired: [] }, rejected, headline };
    }

    const cleaned = cleanTitleLine(line);
    if (!isTitleLike(cleaned.text)) {
      // A title broken inside its phrase (海东市2022年度法治政府建设 / 工作情况的报告): the topic on one
      // line, the rest and the kind of report on the next, neither a title alone.
      const next = lines[i + 1];
      const rest = next ? squash(next.text) : '';
      if (
        next && TITLE_TOPIC.test(t) && t.length <= 40 && rest.length <= 20 && /(报告|情况|总结)$/.test(rest) && !/[。；，,：:]/.test(`${t}${rest}`) &&
        !isTitleLike(rest) && !META_LABEL.test(line.text) && !META_LABEL.test(next.text) && !HEADING_NUMBER.test(rest)
      ) {
        const joined = { raw: `${line.raw.trim()}${next.raw.trim()}`, text: `${line.text.trim()}${next.text.trim()}` };
        if (isTitleLike(joined.text)) return { title: { ...joined, rule: 'title over 2 lines, joined', repaired: [] }, rejected, headline: headline ?? joined.text };
      }
      continue;
    }
    // Organ lines just above belong to the title (中共…委员会 / …人民政府 / 关于…的报告; 赵县人民政府 / 2022年度…).
    const parts: Line[] = [{ raw: cleaned.raw, text: cleaned.text }];
    if (/^(关于|(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年)/.test(squash(cleaned.text))) {
      for (let j = i - 1; j >= 0 && parts.length < 3 && isOrganLine(lines[j].text) && !META_LABEL.test(lines[j].text); j--) {
        if (j === 0 && article) break;
        parts.unshift(lines[j]);
      }
    }
    const joined = joinTitle(parts);
    const rule = parts.length > 1 ? `title over ${parts.length} lines, joined` : line.text === article ? 'meta ArticleTitle' : line.text === labelled ? 'label 标题' : (cleaned.rule ?? 'first title-like line');
    return { title: { ...joined, rule, repaired: cleaned.repaired }, rejected, headline: headline ?? joined.text };
  }
  return { title: null, rejected, headline };
}

/**
 * A devised title for a page that shows none, in the form most reports use,
 * in the brackets catalogues put around a devised title:
 *
 *   〔上海市宝山区人民政府2018年度法治政府建设情况报告〕
 *
 * The agency is the official name (a joint report's two bodies joined with 、).
 */
export function supplyTitle(agency: string, year: number): string {
  return `〔${agency}${year}年度法治政府建设情况报告〕`;
}
