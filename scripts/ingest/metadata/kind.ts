/**
 * Whether the page is an annual 法治政府建设 report: an account of a past
 * year's 法治政府建设 by the body that did it. Look-alikes are told apart by
 * what they are, each with its reason: an interpretation (解读), news of a
 * report or of a meeting that reviewed one, a plan (工作要点, 工作安排,
 * 实施方案, 规划), a 政府工作报告, a 政府信息公开工作年度报告, a 考核 or 督察
 * 通报, a 普法 report, an 依法行政 report from before the annual reports
 * (2016), a template (figures left as xx), a catalogue record, a yearbook
 * entry, an exam question. A page without a title line is normal: the body's
 * own voice (现将…报告如下; 2022年，我局坚持…) says it is a report.
 */
import { isDateLine } from '../dates.ts';
import { META_LABEL } from '../labels.ts';
import { hanRatio } from '../text.ts';
import { squash } from '../../../src/archive/text.ts';
import { numberPlaceholders } from './damage.ts';
import type { PageEvidence } from './page-evidence.ts';
import { REPORT_TOPIC, hanYears, isTitleLike, type TitleFound } from './title.ts';

export interface Kind {
  isReport: boolean;
  reason: string | null;
}

export interface KindInput {
  ev: PageEvidence;
  title: TitleFound | null;
  headline: string | null;
  year: number | null;
  /** Words such as 法治 were deleted from the text by a keyword filter. */
  censored: boolean;
}

const not = (reason: string): Kind => ({ isReport: false, reason });

/** The shape of an annual report's title: a year, the topic, and 报告/情况/总结 at the end. */
function isAnnualTitle(title: string): boolean {
  const t = squash(hanYears(title));
  return isTitleLike(t) && /(?:19|20)\d{2}\s*年/.test(t) && /(报告|情况|总结|報告|情況|總結)$/.test(t);
}

/** Plans: what a body will do, not what it did. */
const PLAN = /(工作要点|工作安排|工作计划|实施方案|方案|规划|计划|打算|模板|范文|要点)/;
/** Verbs of news about a report or a meeting: someone else acts on it. */
const OTHERS_ACT = /(审议|听取|召开|举行|学习|部署|命名|出台|点评|评议|座谈|推进会|会议|调研|检查|督导|通报)/;
/** Verbs of publishing: the body itself may publish its report (湖南省人民政府公布…), or news may report it. */
const PUBLISH = /(发布|公布|出炉|印发|发表)/;
/** A news item's voice: dated lead, a reporter, the report quoted in the third person. */
const NEWS_VOICE = /^(?:\d{1,2}月\d{1,2}日|日前|近日|本报讯|[（(]\s*记者|记者|据悉)|《报告》(?:指出|显示|提出|称|强调)|以下简称《报告》|会议(?:强调|指出|要求|认为)|会上[,，]/;
/**
 * A breadcrumb (您现在所在的位置：首页>政务公开>…>规划信息): the site's columns, not
 * the document's heading; a column named 规划信息 or 工作动态 says nothing of what the page is.
 */
const BREADCRUMB = /位置\s*[:：]|首页\s*[>＞›»|/]|[>＞›»].*[>＞›»]/;

export function classify({ ev, title, headline, year, censored }: KindInput): Kind {
  // The page's first heading-like line, whatever its words (2024年某市政府工作报告 names no 法治政府).
  const bodyLines = new Set(ev.body);
  const firstLine = squash(
    ev.top
      .filter((l) => !bodyLines.has(l) || l === ev.body.find((b) => b.text !== ''))
      .map((l) => l.text)
      .find((t) => squash(t).length <= 60 && !/[。；]/.test(t) && !/[:：]$/.test(t.trim()) && !isDateLine(t) && !META_LABEL.test(t) && !BREADCRUMB.test(t) && !/^[一二三四五六七八九十]{1,3}[、.．]/.test(squash(t))) ?? '',
  );
  const head = squash(title?.text ?? headline ?? firstLine);
  const line = squash(headline ?? title?.text ?? firstLine);
  const heads = `${head}\n${line}`;
  const opening = ev.opening;
  const formula = ev.reportFormula;

  if (/解读/.test(heads) || /解读如下|起草背景|起草过程/.test(opening)) {
    return not('an interpretation (解读) of a report, not the report itself');
  }
  // What the title is, judged on its head: "…情况报告及2023年工作方案" is a report with a plan after it.
  const titleHead = [head, firstLine].map((h) => h.split(/及(?=[^及]*(?:方案|计划|安排|打算|思路|要点))/)[0]).join('\n');
  const plan = PLAN.exec(titleHead);
  if (plan && !/(情况|报告|总结)/.test(titleHead.slice(plan.index + plan[0].length).split('\n')[0])) return not(`a plan (${plan[0]}), not an account of a past year`);
  if (/政府工作报告/.test(titleHead)) return not('a 政府工作报告 (the annual government work report), not the 法治政府建设 report');
  if (/信息公开/.test(titleHead)) return not('a 政府信息公开工作年度报告, not the 法治政府建设 report');
  if (/普法/.test(titleHead)) return not('a 普法 (law popularisation) report, not the 法治政府建设 report');
  if (/(考核|督察|检查).{0,8}(结果|通报)|通报$/.test(titleHead) || /通报如下|现予通报|予以通报/.test(opening) || ev.salutation?.downward) {
    return not('a notice (考核/督察 通报) to subordinate bodies, not a report');
  }
  if (/(通知|决定|意见|批复)$/.test(titleHead)) return not('a notice or decision, not a report');
  // A rule-making text says what it is at the end of its preamble: …结合实际，制定本指引（办法、细则、方案）。
  if (/制定本(?:工作)?(?:指引|办法|细则|规定|规则|方案|意见|标准|规划|计划|要点|制度|规范)[。.]/.test(opening)) {
    return not('a normative document (制定本指引/办法/方案…), not a report');
  }
  if (/(五年|十三五|十四五)/.test(titleHead)) return not('a review of several years, not an annual report');
  if (/整改/.test(titleHead)) return not('a rectification report (整改), not the annual report');
  if (/(述职|述法|述廉)/.test(titleHead)) return not("a leader's 述职/述法 report, not the body's annual report");
  if (/(自查|自评|评估|调研|调查|视察)(报告|情况)/.test(titleHead)) return not('a self-assessment, evaluation or survey report, not the annual report');
  if (squash(ev.bodyText).length === 0 || hanRatio(ev.bodyText) < 0.3) return not('a catalogue record or a link about a report (no Chinese text of a report), not the report itself');
  if (/(安排如下|要点如下|责任单位[:：])/.test(ev.bodyText.slice(0, 1500))) return not('a plan (工作安排/要点 with 责任单位), not an account of a past year');
  if (/结合材料|谈谈.{0,24}(启示|认识|看法|体会)/.test(ev.bodyText)) return not('an exam question quoting a report, not a report');
  const entries = ev.body.filter((l) => /^【[^】]{2,30}】/.test(l.text.trim())).length;
  if (entries >= 2 || ev.header.some((l) => /^\d{4}卷$/.test(squash(l.text)))) return not('a yearbook entry (【…】 entries), not a report');

  const newsVoice = NEWS_VOICE.test(opening.trim()) || NEWS_VOICE.test(opening);
  const titleVerbs = line.split(/(?:19|20)\d{2}\s*年|《/)[0];
  if (OTHERS_ACT.test(titleVerbs) && /(报告|情况|总结|示范|工作)/.test(line) && !title?.rule.startsWith('the report named')) {
    return not('a news item about a meeting or an act on a report (审议, 听取, 召开, …), not the report itself');
  }
  if (newsVoice && !formula) return not('a news item about a report, not the report itself');
  if (PUBLISH.test(titleVerbs) && !formula) return not('news that a report was published, not the report itself');
  if (title && /《[^》]*(报告|情况)[^》]*》/.test(title.text) && squash(title.text.replace(/《[^》]*》/g, '')).replace(/[^\u4e00-\u9fff]/g, '').length >= 2) {
    return not('a page about a report (the title quotes the report in 《》), not the report itself');
  }

  if (year !== null && year < 2016) {
    return not(`covers ${year}, before the annual 法治政府建设 reports began (2016); an older 依法行政 report is kept out unless forced`);
  }
  // 某县, XX市: a template's body has no name.
  if (/(^|[^\u4e00-\u9fff])某(省|市|区|县|镇|乡|街道|局|部门|单位)|^[xXＸ×*＊]{1,2}(省|市|区|县|镇|乡|局)/.test(head)) {
    return not('a template (the title names 某/XX instead of a body), not a report');
  }
  const placeholders = numberPlaceholders(`${head}\n${ev.bodyText}`);
  // An essay site's page: 下面是小编为大家整理的…, 仅供参考, 公文范文 (not 规范文件 or 示范文明).
  const essaySite = /小编|供大家参考|仅供参考|仅供学习|范文(?:参考|大全|网|精选)|(?:公文|精选|优秀)范文/.test([...ev.header.map((l) => l.text), opening].join('\n'));
  if (placeholders.length >= 2 || essaySite) {
    return not(`a template (figures left as ${placeholders.slice(0, 3).join(', ') || 'placeholders'}), not a report`);
  }
  if (year === null && /全面推进依法行政实施纲要|科学发展观/.test(ev.bodyText) && !/法治政府建设实施纲要/.test(ev.bodyText)) {
    return not('an 依法行政 report of the 2004 纲要 years (before the annual 法治政府建设 reports began in 2016)');
  }

  // The topic must be the title's or the first paragraph's: a 司法行政 summary mentions 依法行政 further down.
  const firstParagraph = opening.split('\n')[0] ?? '';
  const topic = REPORT_TOPIC.test(head) || REPORT_TOPIC.test(firstParagraph) || (censored && /政府建设/.test(firstParagraph));
  if (!topic) return not('not about 法治政府建设: neither the title nor the opening paragraph names it');
  const yearAccount = /^(?:(?:19|20)\d{2}\s*年(?:度|以来)?[，,、是]|一年来|今年以来)/.test(opening.trim()) || ev.subject !== null;
  const sections = ev.headings.length > 0;
  // A copy that lost its 一、 numbering (a WeChat mirror): the opening sentence itself gives the year's
  // account, a body's results (2022年，司法部坚持…，各项工作取得重要进展和成效).
  const accountOfYear =
    ev.subject !== null && /^(?:19|20)\d{2}\s*年(?:度|以来)?[，,]/.test(opening.trim()) && /取得[^。]{0,12}(?:进展|成效|成绩|成果)|成效(?:明显|显著)/.test(firstParagraph.split('。')[0] ?? '');
  if ((title && isAnnualTitle(title.text)) || formula || (yearAccount && sections) || accountOfYear || (ev.salutation && !ev.salutation.downward && (sections || yearAccount))) {
    return { isReport: true, reason: null };
  }
  return not('no title and no sign of an annual report (no report formula, no account of a year under 一、 headings)');
}
