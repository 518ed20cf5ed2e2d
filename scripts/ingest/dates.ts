/**
 * Dates as report pages write them: 2019-01-30, 2021/03/29, 2024年1月12日,
 * 2025年03月19日 09时07分, 二〇二四年一月十二日.
 */
import { asciiDigits } from './text.ts';

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  /** Index of the match in the searched text. */
  index: number;
  /** The text as written. */
  raw: string;
}

const NUMERIC = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?/g;
const HAN_DIGIT = '〇零一二三四五六七八九';
const HAN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function hanSmall(text: string): number {
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (s: string) => (s === '' ? 0 : HAN_DIGIT.indexOf(s) % 10);
  if (text.includes('十')) return (tens === '' ? 1 : digit(tens)) * 10 + digit(ones);
  return digit(ones);
}

/** Every date written in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  const source = asciiDigits(text);
  const found: FoundDate[] = [];
  for (const m of source.matchAll(NUMERIC)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) found.push({ iso, index: m.index, raw: text.slice(m.index, m.index + m[0].length) });
  }
  for (const m of source.matchAll(HAN_DATE)) {
    const year = Number([...m[1]].map((c) => HAN_DIGIT.indexOf(c) % 10).join(''));
    const iso = isoDate(year, hanSmall(m[2]), hanSmall(m[3]));
    if (iso) found.push({ iso, index: m.index, raw: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date in `text`, or null. */
export function firstDate(text: string): FoundDate | null {
  return findDates(text)[0] ?? null;
}

/** A line that is nothing but a date (the date line of a 落款). */
export function isDateLine(line: string): FoundDate | null {
  const date = firstDate(line);
  if (!date) return null;
  const rest = line.replace(date.raw, '').replace(/[\s\u3000\u00a0]/g, '');
  return rest === '' ? date : null;
}
