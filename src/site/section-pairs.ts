/**
 * One agency's reports side by side: which top-level sections (一、 二、 …)
 * of each report stand in one row. Pure, so the comparison page uses it as
 * it is built (the default pair of years) and in the browser (any choice).
 *
 * Two sections are paired when
 *
 * 1. their headings say the same once the number, the years and the
 *    punctuation are left out (`一、2018年度法治政府建设工作开展的基本情况` and
 *    `二、2019年度法治政府建设工作开展的基本情况`), wherever they stand; or
 * 2. they have the same number and most of their words match: more than
 *    half of the words of the longer heading are in the other
 *    (`二、存在的不足` and `二、存在的问题和不足`): a heading renamed between
 *    years.
 *
 * Anything else stands alone in its row, shown as having no counterpart.
 * The text before the first heading (the opening) pairs with the opening.
 */
import { parseSectionNumber } from './section-number.ts';

/** A top-level section as the comparison sees it. */
export interface SectionHead {
  /** The heading as written; `undefined` for the opening before the first heading. */
  heading: string | undefined;
}

/** How the sections of a row were paired. */
export type RowMatch = 'same' | 'renamed' | 'single';

export interface Row {
  /** For each report (in the order given), the index of its section in this row, or `undefined`. */
  cells: Array<number | undefined>;
  /** `same`: every heading says the same; `renamed`: one was paired by its number and most of its words; `single`: one report only. */
  match: RowMatch;
}

/** Share of words two headings must have in common, of the longer one's, to be paired as renamed (more than this). */
export const MOST = 0.5;

/** A heading without its number, years and punctuation: what says what the section is. */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFKC')
    .replace(/^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.,:]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|\d{1,3}\s*(?:、|[.,](?!\d)))/u, '')
    .replace(/(?:19|20)\d{2}(?:\s*[-—至~]\s*(?:19|20)?\d{2,4})?\s*(?:年度|年)?/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** The words of a heading's key (Intl.Segmenter's Chinese words; characters where it is missing). */
export function headingWords(key: string): string[] {
  if (!segmenter) return [...key];
  return [...segmenter.segment(key)].filter((segment) => segment.isWordLike !== false).map((segment) => segment.segment);
}

/** Words in common (each counted as often as both have it), over the longer heading's words. */
export function wordsShared(a: string, b: string): number {
  const left = headingWords(headingKey(a));
  const right = headingWords(headingKey(b));
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      common++;
      counts.set(word, n - 1);
    }
  }
  return common / Math.max(left.length, right.length);
}

const numberOf = (heading: string | undefined) => (heading === undefined ? undefined : parseSectionNumber(heading)?.value);
const OPENING = '\u0000opening';
const keyOf = (heading: string | undefined) => (heading === undefined ? OPENING : headingKey(heading));

/**
 * Rows of the sections of `reports` (each a list of top-level sections in
 * document order), in reading order: the first report's order, a section
 * that pairs with none placed between the rows of its neighbours, by its
 * number among any other unpaired sections there.
 */
export function pairSections(reports: ReadonlyArray<ReadonlyArray<SectionHead>>): Row[] {
  const rows: Array<{ cells: Array<number | undefined>; renamed: boolean }> = [];
  const empty = () => reports.map(() => undefined as number | undefined);

  for (const [k, sections] of reports.entries()) {
    const placed = new Map<number, number>(); // section index → row index
    const taken = new Set<number>(); // rows given a section of report k
    const headingAt = (row: number, report: number) => {
      const index = rows[row].cells[report];
      return index === undefined ? undefined : reports[report][index].heading;
    };

    // 1. The same heading, wherever it stands.
    for (const [s, section] of sections.entries()) {
      const key = keyOf(section.heading);
      if (key === '') continue;
      const row = rows.findIndex((candidate, r) => !taken.has(r) && candidate.cells.some((cell, j) => j < k && cell !== undefined && keyOf(reports[j][cell].heading) === key));
      if (row === -1) continue;
      placed.set(s, row);
      taken.add(row);
    }

    // 2. The same number, and most words, as the nearest earlier report's section in the row.
    for (const [s, section] of sections.entries()) {
      if (placed.has(s) || section.heading === undefined) continue;
      const number = numberOf(section.heading);
      if (number === undefined) continue;
      const row = rows.findIndex((candidate, r) => {
        if (taken.has(r)) return false;
        const nearest = candidate.cells.slice(0, k).findLastIndex((cell) => cell !== undefined);
        const other = nearest === -1 ? undefined : headingAt(r, nearest);
        return other !== undefined && numberOf(other) === number && wordsShared(other, section.heading!) > MOST;
      });
      if (row === -1) continue;
      placed.set(s, row);
      taken.add(row);
      rows[row].renamed = true;
    }

    for (const [s, row] of placed) rows[row].cells[k] = s;

    // 3. The rest, each in a row of its own: after the row of the section before it
    //    and before the row of the section after it, among the rows between them
    //    (other reports' sections only) by number.
    const rowOf = (section: number) => rows.findIndex((candidate) => candidate.cells[k] === section);
    const rowNumber = (row: number) => {
      const nearest = rows[row].cells.slice(0, k).findLastIndex((cell) => cell !== undefined);
      return nearest === -1 ? undefined : numberOf(headingAt(row, nearest));
    };
    for (const [s, section] of sections.entries()) {
      if (placed.has(s)) continue;
      let previous = -1;
      for (let before = s - 1; before >= 0 && previous === -1; before--) previous = rowOf(before);
      let next = rows.length;
      for (let after = s + 1; after < sections.length; after++) {
        const row = rowOf(after);
        if (row !== -1) {
          next = row;
          break;
        }
      }
      if (next <= previous) next = previous + 1;
      const number = numberOf(section.heading);
      let at = number === undefined ? previous + 1 : next;
      if (number !== undefined) {
        for (let row = previous + 1; row < next; row++) {
          const other = rowNumber(row);
          if (other !== undefined && other > number) {
            at = row;
            break;
          }
        }
      }
      const cells = empty();
      cells[k] = s;
      rows.splice(at, 0, { cells, renamed: false });
    }
  }

  return rows.map(({ cells, renamed }) => ({
    cells,
    match: cells.filter((cell) => cell !== undefined).length < 2 ? 'single' : renamed ? 'renamed' : 'same',
  }));
}
