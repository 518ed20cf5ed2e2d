/**
 * Read a query as users write it: words separated by spaces must all occur;
 * a quoted phrase (`"…"`, `“…”`, `「…」`, `『…』`) must occur as written, its
 * inner spaces included in the sense that they are ignored like all spaces.
 * A word that is all punctuation means nothing and is reported as ignored.
 */
import { charsOf, normalise } from '../normalise.ts';

export interface Term {
  /** The term as typed (a phrase without its quotes). */
  raw: string;
  /** Its normalised form, what is searched for. */
  norm: string;
  /** Typed in quotes. */
  phrase: boolean;
  /** Length of `norm` in characters (code points). */
  length: number;
}

export interface ParsedQuery {
  /** Distinct terms, in the order typed. */
  terms: Term[];
  /** Words that normalise to nothing (punctuation only), as typed. */
  ignored: string[];
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', '＂': '＂' };
const SPACE = /[\s\u3000]/u;

/** Split a query into terms. */
export function parseQuery(query: string): ParsedQuery {
  const terms: Term[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string, phrase: boolean) => {
    const text = raw.trim();
    if (text === '') return;
    const norm = normalise(text);
    if (norm === '') {
      ignored.push(text);
      return;
    }
    if (seen.has(norm)) return;
    seen.add(norm);
    terms.push({ raw: text, norm, phrase, length: charsOf(norm).length });
  };

  const chars = Array.from(query);
  let word = '';
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    const close = QUOTES[char];
    if (close !== undefined) {
      add(word, false);
      word = '';
      let phrase = '';
      index++;
      while (index < chars.length && chars[index] !== close && !(close === '”' && chars[index] === '"')) phrase += chars[index++];
      add(phrase, true);
    } else if (SPACE.test(char)) {
      add(word, false);
      word = '';
    } else {
      word += char;
    }
  }
  add(word, false);
  return { terms, ignored };
}
