/**
 * Traditional-character helpers.
 *
 * Some reports reach us in traditional characters (e.g. big5 mirror pages of
 * government sites). The archive keeps every text as written; these helpers
 * only let later stages recognise such a text and read it through a simplified
 * rendering (so metadata rules written for simplified text still match).
 *
 * No character tables are typed by hand here:
 * - Detection uses the two national character sets, taken from the platform's
 *   WHATWG decoders (ICU): a Han character in Big5 but not in GB2312 is written
 *   only in traditional texts (設 國 會 與 為 …), one in GB2312 but not in Big5
 *   only in simplified texts (设 国 会 与 为 …). Characters common to both
 *   (中 法 政 府 …) say nothing and are ignored.
 * - Conversion uses OpenCC's maintained dictionaries (package opencc-js), only
 *   the traditional→mainland bundle, loaded on first use.
 */
import { createRequire } from 'node:module';

type Converter = (text: string) => string;

let charSets: { tradOnly: Set<string>; simpOnly: Set<string> } | undefined;

/** All characters of a double-byte character set, by decoding every code. */
function decodeRange(
  encoding: string,
  leads: [number, number],
  trails: Array<[number, number]>,
): Set<string> {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [lo, hi] of trails) {
      for (let trail = lo; trail <= hi; trail++) bytes.push(lead, trail);
    }
  }
  const text = new TextDecoder(encoding).decode(new Uint8Array(bytes));
  const out = new Set<string>();
  for (const ch of text) if (isHan(ch)) out.add(ch);
  return out;
}

function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff);
}

function getCharSets(): { tradOnly: Set<string>; simpOnly: Set<string> } {
  if (charSets) return charSets;
  // GB2312: Han characters occupy rows 16–87 (lead bytes 0xB0–0xF7, trail 0xA1–0xFE).
  const gb2312 = decodeRange('gb18030', [0xb0, 0xf7], [[0xa1, 0xfe]]);
  // Big5 proper: leads 0xA4–0xF9, trails 0x40–0x7E and 0xA1–0xFE (the WHATWG
  // decoder is Big5-HKSCS; the HKSCS additions live on leads 0x81–0xA0 and
  // 0xFA–0xFE, which are left out because they include simplified forms).
  const big5 = decodeRange('big5', [0xa4, 0xf9], [[0x40, 0x7e], [0xa1, 0xfe]]);
  const tradOnly = new Set<string>();
  const simpOnly = new Set<string>();
  for (const ch of big5) if (!gb2312.has(ch)) tradOnly.add(ch);
  for (const ch of gb2312) if (!big5.has(ch)) simpOnly.add(ch);
  charSets = { tradOnly, simpOnly };
  return charSets;
}

export interface ScriptCounts {
  /** Han characters written only in traditional texts (設 國 會 …). */
  traditional: number;
  /** Han characters written only in simplified texts (设 国 会 …). */
  simplified: number;
}

/** Count traditional-only and simplified-only characters in `text`. */
export function countScripts(text: string): ScriptCounts {
  const { tradOnly, simpOnly } = getCharSets();
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (tradOnly.has(ch)) traditional++;
    else if (simpOnly.has(ch)) simplified++;
  }
  return { traditional, simplified };
}

/**
 * True when `text` is written in traditional characters: at least 60% of the
 * characters that differ between the two scripts are traditional forms.
 * A simplified report that quotes a few traditional characters (a name, a
 * calligraphy title) stays simplified; a text with no distinguishing
 * characters at all is not called traditional.
 */
export function isTraditional(text: string): boolean {
  const { traditional, simplified } = countScripts(text);
  const total = traditional + simplified;
  if (total === 0) return false;
  return traditional / total >= 0.6;
}

let converter: Converter | undefined;

function getConverter(): Converter {
  if (converter) return converter;
  // Only the traditional→mainland bundle (about 110 KB; the full package with
  // simplified→traditional phrase tables is about 1.2 MB), loaded on first use.
  const require = createRequire(import.meta.url);
  const opencc = require('opencc-js/t2cn') as {
    Converter: (opts: { from: string; to: string }) => Converter;
    ConverterFactory: (...groups: unknown[]) => Converter;
    Locale: { from: Record<string, unknown[]> };
  };
  // Hong Kong variant forms → OpenCC standard (a character and phrase pass
  // only), then OpenCC's Taiwan-standard → mainland chain (variant phrases and
  // variants, then traditional→simplified phrases and characters). Big5 pages
  // from the mainland use either style.
  const hkVariants = opencc.ConverterFactory(...(opencc.Locale.from.hk ?? []));
  const tw = opencc.Converter({ from: 'tw', to: 'cn' });
  converter = (text: string) => tw(hkVariants(text));
  return converter;
}

/**
 * A simplified rendering of `text`, for reading only (metadata rules): the
 * archive keeps the text as written. Line breaks are kept, so line N of the
 * result is line N of the input. Characters common to both scripts, digits and
 * punctuation are left alone; the length of a line can change only where
 * OpenCC maps a phrase to one of a different length (rare).
 *
 * Meant for texts that isTraditional() recognises: on a simplified text a few
 * characters valid in both scripts would still be folded (显著 → 显着).
 */
export function toSimplified(text: string): string {
  if (text === '') return text;
  return getConverter()(text);
}

let stMap: Map<string, string> | undefined;

/**
 * The traditional form(s) of each simplified character in `chars` that has a
 * different traditional form, from OpenCC's STCharacters table. Used to widen a
 * list of common simplified characters to traditional texts.
 */
export function traditionalFormsOf(chars: string): string {
  if (!stMap) {
    stMap = new Map();
    // OpenCC's simplified→traditional character table alone (32 KB, an ES module).
    const table = (createRequire(import.meta.url)('opencc-js/dict/STCharacters') as { default: string }).default;
    for (const entry of table.split('|')) {
      const [simp, ...trads] = entry.split(' ');
      if (simp) stMap.set(simp, trads.join(''));
    }
  }
  let out = '';
  for (const ch of chars) {
    const trad = stMap.get(ch);
    if (trad) for (const t of trad) if (t !== ch) out += t;
  }
  return out;
}
