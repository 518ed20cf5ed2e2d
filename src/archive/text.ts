/**
 * The kinds of space in report texts and pages, in one place: what ingest
 * and the indexer squeeze out or collapse.
 */

/** Horizontal whitespace as report pages use it: ASCII, NBSP, ideographic space, thin and zero-width spaces. */
export const SPACE = /[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]/;
const EDGE_SPACE = /^[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+|[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/g;
const ALL_SPACE = /[ \t\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Trim every kind of horizontal space (NBSP and U+3000 indentation included). */
export function trimLine(line: string): string {
  return line.replace(EDGE_SPACE, '');
}

/** Remove all horizontal space, for comparisons that ignore layout. */
export function squash(text: string): string {
  return text.replace(ALL_SPACE, '');
}

/** HTML whitespace collapsed as a browser shows it, trimmed; NBSP and U+3000 are kept. */
export function collapseHtmlSpace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
