/**
 * Small text helpers shared by the ingest stages (the kinds of space are in
 * `src/archive/text.ts`).
 */
import { squash } from '../../src/archive/text.ts';

/** A CJK unified ideograph (BMP range used by report texts). */
export function isHan(char: string | undefined): boolean {
  return char !== undefined && /[\u3400-\u9fff\uf900-\ufaff]/.test(char);
}

/** Share of Han characters among the non-space characters of `text`. */
export function hanRatio(text: string): number {
  const chars = [...squash(text)];
  if (chars.length === 0) return 0;
  return chars.filter((c) => isHan(c)).length / chars.length;
}

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral from 一 to 九十九 (十, 十二, 二十, 二十三); NaN otherwise. */
export function chineseNumber(text: string): number {
  if (/^[〇零一二两三四五六七八九]$/.test(text)) return DIGITS[text];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!m) return Number.NaN;
  return (m[1] ? DIGITS[m[1]] : 1) * 10 + (m[2] ? DIGITS[m[2]] : 0);
}

/** Convert full-width digits and ASCII-compatible forms (０-９, ：, ／) to ASCII, for date parsing only. */
export function asciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff1a\uff0f\uff0d]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Sentence-final punctuation, full and half width. */
export const SENTENCE_END = /[。！？；!?;…]$/;

/** True when a line reads like running prose (a sentence of a report), not a label or a menu item. */
export function isProse(line: string): boolean {
  const text = squash(line);
  if (text.length < 20) return false;
  const punct = (text.match(/[，。；、：,;:]/g) ?? []).length;
  return punct >= 2 && hanRatio(text) > 0.6;
}
