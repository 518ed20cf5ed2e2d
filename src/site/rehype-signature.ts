/**
 * rehype plugin: marks a report's 落款 (the signing body and the date at
 * its end) with the class `signature`, so the page can set it right as the
 * document does.
 *
 * The 落款 is the run of paragraphs at the very end of the body that ends
 * with a date paragraph (`2020年2月10日`, `二〇二〇年二月十日`, `2020-02-10`)
 * and holds only short lines without a sentence's punctuation before it
 * (the body's name, at most `MAX_LINES` of them). A body that ends with
 * anything else (a sentence, a heading, a table) has none, and is left as
 * it is.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** Lines of a 落款 besides its date: a joint report names two bodies. */
const MAX_LINES = 3;
/** Characters a signing line holds at most. */
const MAX_LENGTH = 40;

const DIGIT = '[0-9０-９]';
const NUMERAL = '[〇零一二三四五六七八九十○Ｏ]';
/** A date alone, or a body's name followed by its date on one line. */
const DATE = new RegExp(`(?:${DIGIT}{4}|${NUMERAL}{4})\\s*年\\s*(?:${DIGIT}{1,2}|${NUMERAL}{1,3})\\s*月\\s*(?:${DIGIT}{1,2}|${NUMERAL}{1,3})\\s*日$|${DIGIT}{4}[-.．/]${DIGIT}{1,2}[-.．/]${DIGIT}{1,2}$`);
/** What a sentence has and a name does not. */
const SENTENCE = /[。；;：:！!？?，,]/;

const isParagraph = (node: RootContent | ElementContent): node is Element => node.type === 'element' && node.tagName === 'p';
const isBlank = (node: RootContent | ElementContent) => node.type === 'text' && node.value.trim() === '';

export default function rehypeSignature() {
  return function (tree: Root) {
    const blocks = tree.children.filter((node) => !isBlank(node));
    const last = blocks[blocks.length - 1];
    if (!last || !isParagraph(last)) return;
    const date = toString(last).trim();
    if (date.length > MAX_LENGTH || !DATE.test(date) || SENTENCE.test(date)) return;

    const signature: Element[] = [last];
    for (let index = blocks.length - 2; index >= 0 && signature.length <= MAX_LINES; index--) {
      const block = blocks[index];
      if (!isParagraph(block)) break;
      const text = toString(block).trim();
      if (text === '' || text.length > MAX_LENGTH || SENTENCE.test(text) || DATE.test(text) || /^特此/.test(text)) break;
      signature.unshift(block);
    }
    for (const paragraph of signature) {
      const existing = paragraph.properties.className;
      paragraph.properties.className = [...(Array.isArray(existing) ? existing : []), 'signature'];
    }
  };
}
