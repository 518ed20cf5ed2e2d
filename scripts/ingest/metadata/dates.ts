/**
 * Dates: the publication date shown on the page (a labelled 发布时间/日期,
 * meta PubDate, an unlabelled date line in the header; never the header's
 * clock, never the URL's path), else the signing date of the 落款 (or a
 * labelled 成文日期), and which one it is. A page date before the year the
 * report covers is a stale page date and is not used. No date shown is
 * "not stated" (null), never a guess.
 */
import type { DateSource } from '../../../src/schema/report.ts';
import { findDates, firstDate, type FoundDate } from '../dates.ts';
import { META_LABEL } from '../labels.ts';
import { squash } from '../../../src/archive/text.ts';
import type { PageEvidence } from './page-evidence.ts';

export interface DateFound {
  date: FoundDate;
  rule: string;
}

export function findPublished(ev: PageEvidence): DateFound | null {
  const { labels, meta } = ev;
  if (labels.published) return { date: labels.published.date, rule: `label ${labels.published.label}` };
  if (meta.PubDate) {
    const date = firstDate(meta.PubDate);
    if (date) return { date, rule: 'meta PubDate' };
  }
  if (labels.updated) return { date: labels.updated.date, rule: `label ${labels.updated.label}` };
  // An unlabelled date line in the header (2025年03月19日 09时07分, 省政府办公厅 2022-03-15), never the header clock.
  for (const line of ev.header) {
    if (/今天是|星期|农历|欢迎/.test(line.text) || /发布于/.test(line.text)) continue;
    // A line of labels that starts with the date (2020-03-18 09:54 来源: …).
    const lead = findDates(line.text)[0];
    if (META_LABEL.test(line.text) && lead?.index === 0) return { date: lead, rule: 'date at the head of the page metadata line' };
    if (META_LABEL.test(line.text)) continue;
    const dates = findDates(line.text);
    if (dates.length === 1 && squash(line.text).length <= 40) return { date: dates[0], rule: 'date line in the page header' };
  }
  return null;
}

export function findSigned(ev: PageEvidence): DateFound | null {
  if (ev.signature?.date) return { date: ev.signature.date, rule: '落款 date at the end' };
  if (ev.labels.signed) return { date: ev.labels.signed.date, rule: `label ${ev.labels.signed.label}` };
  return null;
}

export interface Dates {
  date: string | null;
  dateSource: DateSource | null;
  signedDate: string | null;
  rule: string | null;
  from: string | null;
  warnings: string[];
}

/** Decide the date, given the year covered (a page date before it is stale). */
export function decideDates(published: DateFound | null, signed: DateFound | null, year: number | null): Dates {
  const warnings: string[] = [];
  let pub = published;
  if (pub && year !== null && pub.date.iso < `${year}-01-01`) {
    warnings.push(`page date ${pub.date.iso} (${pub.rule}) is before the year the report covers (${year}): ignored as a stale page date`);
    pub = null;
  }
  let sig = signed;
  if (sig && year !== null && sig.date.iso < `${year}-01-01`) sig = null;
  const signedDate = sig?.date.iso ?? null;
  if (pub) return { date: pub.date.iso, dateSource: 'published', signedDate, rule: pub.rule, from: pub.date.raw, warnings };
  if (sig) {
    warnings.push(`no publication date on the page; date is the signing date ${sig.date.iso} (${sig.rule})`);
    return { date: sig.date.iso, dateSource: 'signed', signedDate, rule: sig.rule, from: sig.date.raw, warnings };
  }
  return { date: null, dateSource: null, signedDate, rule: null, from: null, warnings };
}
