/**
 * After structure and write: check the Markdown against the report's text.
 *
 * Every character of the body that strip kept (its lines, with the
 * full-width punctuation structure restores) must be in the Markdown, in
 * order, as a reader of the rendered page gets it: the Markdown is parsed
 * back (remark-parse) and its text compared, spaces and line breaks aside.
 * So neither joining lines, splitting run-in headings, nor escaping for
 * Markdown can lose or add a character unnoticed. One pass over each side.
 */
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { IngestError } from './errors.ts';
import { fullWidthPunctuation } from './structure.ts';

const parser = unified().use(remarkParse);
const WHITESPACE = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** Throws IngestError('text-lost') when the Markdown does not hold exactly the body's text. */
export function checkText(file: string, body: readonly string[], markdown: string): void {
  const expected = body.map((line) => fullWidthPunctuation(line).replace(WHITESPACE, '')).join('');
  const written = toString(parser.parse(markdown)).replace(WHITESPACE, '');
  if (written === expected) return;
  let at = 0;
  while (at < expected.length && expected[at] === written[at]) at++;
  const context = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 10), at + 20));
  const what =
    written.length < expected.length
      ? `${expected.length - written.length} character(s) of the report's text are missing from the Markdown`
      : 'the Markdown does not hold the report\'s text as written';
  throw new IngestError(
    'text-lost',
    `${file}: ${what} (from character ${at}: the text has ${context(expected)}, the Markdown ${context(written)}); not archived. ` +
      'This is a fault in ingest: keep the file and report it.',
  );
}
