/**
 * The one text normalisation of search, shared by the indexer
 * (`scripts/index-search.ts`), the search page and the highlighter on report
 * pages, so what is indexed, what is confirmed and what is marked agree.
 *
 * Per code point: NFKC (full-width `Ａ１` → `a1`, compatibility ideographs →
 * unified ones), lowercase, then keep letters and numbers only (`\p{L}`,
 * `\p{N}`: Han, digits, Latin, …), and fold a traditional character to its
 * simplified one. Spaces, punctuation and symbols are dropped, so
 * `“放管服”改革` and `放管服改革` read alike, and `行政執法` and `行政执法`.
 *
 * The fold is OpenCC's traditional→simplified character table (`TSCharacters`),
 * character for character, its first choice where it offers several: one
 * code point always becomes one, so positions in the text stay in step. The
 * text is shown as written; only what is compared is folded.
 */
import tsCharacters from 'opencc-js/dict/TSCharacters';

const KEEP = /[\p{L}\p{N}]/u;
const cache = new Map<number, string>();
let simplified: Map<string, string> | undefined;

/** The simplified form of one character (itself when it has none). */
export function simplifiedOf(char: string): string {
  if (!simplified) {
    simplified = new Map();
    for (const entry of tsCharacters.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to) simplified.set(from, to);
    }
  }
  return simplified.get(char) ?? char;
}

/** The normalised form of one code point: usually itself or `''`. */
export function normaliseCodePoint(codePoint: number): string {
  let out = cache.get(codePoint);
  if (out === undefined) {
    out = '';
    for (const char of String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase()) {
      if (KEEP.test(char)) out += simplifiedOf(char);
    }
    cache.set(codePoint, out);
  }
  return out;
}

/** Normalise a string (no position map). */
export function normalise(text: string): string {
  let out = '';
  for (const char of text) out += normaliseCodePoint(char.codePointAt(0) as number);
  return out;
}

export interface Mapped {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: where the source character it came from starts in the source. */
  starts: number[];
  /** For each UTF-16 unit of `text`: where that source character ends in the source. */
  ends: number[];
}

/** Normalise a string and keep, for every unit of the result, its place in the source. */
export function normaliseMapped(source: string): Mapped {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of source) {
    const out = normaliseCodePoint(char.codePointAt(0) as number);
    const end = index + char.length;
    for (let unit = 0; unit < out.length; unit++) {
      starts.push(index);
      ends.push(end);
    }
    text += out;
    index = end;
  }
  return { text, starts, ends };
}

/** Code points of a normalised string (a Han character outside the BMP is one character). */
export function charsOf(text: string): string[] {
  return Array.from(text);
}

/**
 * Every place `term` occurs in `text`, overlapping ones included, as UTF-16
 * offsets into `text`.
 */
export function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  if (term === '') return found;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) found.push(at);
  return found;
}

/** How often `term` occurs in `text`, overlapping occurrences counted. */
export function countOccurrences(text: string, term: string): number {
  if (term === '') return 0;
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) count++;
  return count;
}
