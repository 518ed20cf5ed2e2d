/**
 * Read the document's own section numbering from the start of a heading's
 * text, as GB/T 9704 writes it: `一、` → `（一）` → `1.` or `1、` → `（1）`.
 */

/** How a heading is numbered. */
export type NumberingStyle = 'chinese' | 'chinese-bracketed' | 'arabic' | 'arabic-bracketed' | 'circled';

export interface SectionNumber {
  style: NumberingStyle;
  /** The number itself, 1-based. */
  value: number;
}

const DIGITS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * Value of a Chinese numeral from 一 to 九十九 (一, 十, 十二, 二十, 九十九),
 * or `undefined` when `numeral` is not one.
 */
export function chineseNumeralValue(numeral: string): number | undefined {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!match || numeral === '') return undefined;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? DIGITS[tens] : undefined;
  return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0);
}

const CHINESE = '[一二三四五六七八九十]{1,3}';
/** Patterns over NFKC-normalised text, so （） are () and ． is `.`. */
const PATTERNS: Array<{ style: NumberingStyle; pattern: RegExp; parse: (digits: string) => number | undefined }> = [
  { style: 'chinese', pattern: new RegExp(`^(${CHINESE})\\s*[、.,:]`), parse: chineseNumeralValue },
  { style: 'chinese-bracketed', pattern: new RegExp(`^\\(\\s*(${CHINESE})\\s*\\)`), parse: chineseNumeralValue },
  { style: 'arabic', pattern: /^(\d{1,3})\s*(?:、|[.,](?!\d))/, parse: Number },
  { style: 'arabic-bracketed', pattern: /^\(\s*(\d{1,3})\s*\)/, parse: Number },
];

/**
 * The numbering a heading starts with, or `undefined` when its text has none
 * that is recognisable (`2023年工作打算`, `附件`).
 */
export function parseSectionNumber(text: string): SectionNumber | undefined {
  const trimmed = text.replace(/^[\s\u00a0\u3000]+/, '');
  const circled = trimmed.codePointAt(0) ?? 0;
  if (circled >= 0x2460 && circled <= 0x2473) return { style: 'circled', value: circled - 0x2460 + 1 };

  const normalised = trimmed.normalize('NFKC');
  for (const { style, pattern, parse } of PATTERNS) {
    const match = pattern.exec(normalised);
    const value = match ? parse(match[1]) : undefined;
    if (value !== undefined && value > 0) return { style, value };
  }
  return undefined;
}
