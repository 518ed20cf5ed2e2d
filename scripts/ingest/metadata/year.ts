/**
 * The year the report covers (not the year it was published), weighed from
 * the title, the report formula's self-reference (现将…2022年…报告如下), the
 * opening sentence (2020年，…), and the first heading (一、2024年…). Years the
 * body names for other reasons (last year's report, next year's plan, a
 * 纲要's period) are not read. A year is certain when the strongest sources
 * agree; one only guessed from the publication date never is.
 */
import type { FoundDate } from '../dates.ts';
import type { PageEvidence } from './page-evidence.ts';
import { hanYears, type TitleFound } from './title.ts';
import type { Found } from './types.ts';

const RANGE = /\d{4}\s*[-—–~～至]\s*\d{4}/g;

interface Candidate {
  year: number;
  rule: string;
  from: string;
  strong: boolean;
}

/** The year a title names: 2018年度 in the title's head (not a 2016—2020 period, nor the plan after 及). */
export function yearInTitle(title: string): number | null {
  const head = hanYears(title).replace(RANGE, '').split(/及(?=[^及]*(?:方案|计划|安排|打算|思路|要点))/)[0];
  const m = /((?:19|20)\d{2})\s*(?:年度|年)/.exec(head);
  return m ? Number(m[1]) : null;
}

export function findYear(ev: PageEvidence, title: TitleFound | null, published: FoundDate | null): Found<number> | null {
  const candidates: Candidate[] = [];
  if (title) {
    const y = yearInTitle(title.text);
    if (y) candidates.push({ year: y, rule: 'year in the title', from: title.text, strong: true });
  }
  if (ev.selfReference?.year) candidates.push({ year: ev.selfReference.year, rule: 'year in the report formula (现将…报告如下)', from: ev.selfReference.from, strong: true });
  const opening = hanYears(ev.opening.replace(RANGE, ''));
  const start = /^((?:19|20)\d{2})\s*年(?:度|以来)?(?:[，,、]|是)/.exec(opening.trim());
  if (start) candidates.push({ year: Number(start[1]), rule: 'year at the start of the opening paragraph', from: start[0], strong: true });
  const topic = /((?:19|20)\d{2})\s*年度?(?:法治政府建设|依法行政)/.exec(opening);
  if (topic && !start) candidates.push({ year: Number(topic[1]), rule: 'year of the 法治政府建设 in the opening paragraph', from: topic[0], strong: false });
  const heading = ev.headings.map((h) => /^[一二三四五六七八九十]{1,3}[、.．]\s*((?:19|20)\d{2})\s*年/.exec(hanYears(h))).find(Boolean);
  if (heading) candidates.push({ year: Number(heading[1]), rule: 'year in the first heading', from: heading[0], strong: false });

  // A report covers a year before (or, written at its end, the year of) its publication; the
  // title is not bounded by a page date, which may be stale.
  const latest = published ? Number(published.iso.slice(0, 4)) : 9999;
  const valid = candidates.filter((c) => c.year >= 2000 && (c.year <= latest || c.rule === 'year in the title'));
  if (valid.length === 0) {
    if (!published) return null;
    const year = latest - 1;
    return { value: year, rule: 'year before the publication date (a guess)', from: published.raw, certain: false };
  }
  const strong = valid.filter((c) => c.strong);
  const best = strong[0] ?? valid[0];
  const disagree = valid.filter((c) => c.year !== best.year);
  const strongDisagree = strong.filter((c) => c.year !== best.year);
  // Certain when no strong source says otherwise and either two sources agree or the one there is strong.
  const agreeing = valid.filter((c) => c.year === best.year);
  const certain = strongDisagree.length === 0 && (best.strong || agreeing.length > 1);
  const rule = disagree.length ? `${best.rule} (other years on the page: ${disagree.map((c) => `${c.year} from ${c.rule}`).join('; ')})` : best.rule;
  return { value: best.year, rule, from: best.from, certain };
}
