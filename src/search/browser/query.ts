/**
 * Read a query as users write it: words separated by spaces must all occur;
 * a quoted phrase (`"…"`, `“…”`, `「…」`, `『…』`) must occur as written, its
 * inner spaces included in the sense that they are ignored like all spaces.
 * A word that is all punctuation means nothing and is reported as ignored.
 *
 * A query is bounded: at most `MAX_QUERY_CHARS` characters and `MAX_TERMS`
 * terms. A longer one is not searched (`refused` says why): each term costs
 * postings to fetch and texts to check, and a pasted page of text is not a
 * query anyone means.
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

/** The longest query searched, in characters (code points). */
export const MAX_QUERY_CHARS = 200;
/** The most terms a query may have. */
export const MAX_TERMS = 20;

export interface ParsedQuery {
  /** Distinct terms, in the order typed (none when the query is refused). */
  terms: Term[];
  /** Words that normalise to nothing (punctuation only), as typed. */
  ignored: string[];
  /** Why the query is not searched: too many characters or terms, with how many it has. */
  refused?: { reason: 'length' | 'terms'; count: number };
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '”': '”', '「': '」', '『': '』', '＂': '＂' };
const SPACE = /[\s\u3000]/u;

/** Split a query into terms. */
export function parseQuery(query: string): ParsedQuery {
  const length = Array.from(query.trim()).length;
  if (length > MAX_QUERY_CHARS) return { terms: [], ignored: [], refused: { reason: 'length', count: length } };
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
  if (terms.length > MAX_TERMS) return { terms: [], ignored: [], refused: { reason: 'terms', count: terms.length } };
  return { terms, ignored };
}
