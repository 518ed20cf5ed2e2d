/**
 * Stage 4, structure: turn the body's lines into an mdast tree whose headings
 * follow the official numbering of GB/T 9704:
 *
 *   一、 → ##    （一） → ###    1. / 1、 → ####    （1） → #####
 *
 * A run-in heading (1、加快推进行政审批制度改革。加大…) becomes a heading and a
 * paragraph, split after the first sentence, without losing or reordering a
 * character. 一是/二是 stay inside their paragraph. A line broken in the middle
 * of a sentence is joined to the next.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { isDateLine } from './dates.ts';
import { squash } from '../../src/archive/text.ts';
import { SENTENCE_END, chineseNumber, isHan } from './text.ts';

export interface Section {
  depth: 2 | 3 | 4 | 5;
  text: string;
}

export interface Structured {
  tree: Root;
  sections: Section[];
  warnings: string[];
}

/** A numbering marker at the start of a line. */
interface Marker {
  depth: 2 | 3 | 4 | 5;
  /** The number the marker carries. */
  value: number;
  /** Length of the marker, in UTF-16 units. */
  length: number;
  /** The marker lacked its 、/. (2落实…): accepted only when it continues the sequence. */
  slip: boolean;
}

const L1 = /^([一二三四五六七八九十]{1,3})\s*[、.．，,]/;
const L2 = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?/;
const L3 = /^(\d{1,2})\s*[、.．](?!\d)/;
const L3_SLIP = /^(\d{1,2})(?=[\u4e00-\u9fff])/;
const L4 = /^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?/;

/** The numbering marker a line starts with, if any. */
export function marker(line: string, expectNext?: Map<number, number>): Marker | null {
  let m = L1.exec(line);
  if (m && !/^[一二三四五六七八九十]{1,3}是/.test(line)) {
    const value = chineseNumber(m[1]);
    if (!Number.isNaN(value) && !/^[一二三四五六七八九十]{1,3}[，,]/.test(line)) return { depth: 2, value, length: m[0].length, slip: false };
  }
  m = L2.exec(line);
  if (m) {
    const value = chineseNumber(m[1]);
    if (!Number.isNaN(value)) return { depth: 3, value, length: m[0].length, slip: false };
  }
  m = L4.exec(line);
  if (m) return { depth: 5, value: Number(m[1]), length: m[0].length, slip: false };
  m = L3.exec(line);
  if (m && Number(m[1]) > 0) return { depth: 4, value: Number(m[1]), length: m[0].length, slip: false };
  m = L3_SLIP.exec(line);
  if (m && expectNext && expectNext.get(4) === Number(m[1]) && Number(m[1]) > 1) {
    return { depth: 4, value: Number(m[1]), length: m[0].length, slip: true };
  }
  return null;
}

/** Longest heading that is a whole line; longer numbered lines are run-in headings or numbered paragraphs. */
const MAX_HEADING = 60;

/**
 * Split a numbered line into its heading and the paragraph that runs on after it.
 * Returns null for the paragraph when the whole line is the heading.
 */
export function splitRunIn(line: string, mark: Marker): { heading: string; rest: string | null } | null {
  const text = line;
  if (squash(text).length <= MAX_HEADING && !/[。；;！？!?]./.test(text.slice(mark.length))) return { heading: text, rest: null };
  // The heading runs to the end of its first sentence (。 or ；, or ！？).
  const after = text.slice(mark.length);
  const end = after.search(/[。；;！？!?]/);
  if (end === -1 || end > MAX_HEADING) return null;
  const cut = mark.length + end + 1;
  const rest = text.slice(cut);
  return { heading: text.slice(0, cut), rest: rest === '' ? null : rest };
}

/** Restore full-width punctuation between Chinese characters (GB/T 15834); nothing else changes. */
export function fullWidthPunctuation(text: string): string {
  const map: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
  let out = text.replace(/([,;:?!])/g, (p, _c, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + 1];
    const chineseBefore = isHan(before) || (before !== undefined && '》”’）」'.includes(before));
    const chineseAfter = after === undefined || isHan(after) || '“‘《（「'.includes(after);
    return chineseBefore && chineseAfter ? map[p] : p;
  });
  // Parentheses around Chinese text: (一) / (试行) → （一） / （试行）.
  out = out.replace(/\(([^()]*[\u4e00-\u9fff][^()]*)\)/g, '（$1）');
  return out;
}

/** A line broken in the middle of a sentence: it does not end a sentence or a clause. */
function continues(line: string): boolean {
  return !SENTENCE_END.test(line) && !/[:：”’」』）)】》]$/.test(line) && squash(line).length >= 30;
}

function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function heading(depth: Heading['depth'], text: string): Heading {
  return { type: 'heading', depth, children: [{ type: 'text', value: text }] };
}

export function structure(body: string[]): Structured {
  const warnings: string[] = [];
  // Join lines broken mid-sentence, then drop empty lines.
  const lines: string[] = [];
  let pending: string | null = null;
  for (const raw of body) {
    const line = fullWidthPunctuation(raw);
    if (line === '') continue;
    if (pending !== null && !marker(line) && !isDateLine(line)) {
      pending = pending.replace(/[ \u00a0\u3000]+$/, '') + line;
    } else {
      if (pending !== null) lines.push(pending);
      pending = line;
    }
    if (!continues(pending) || marker(pending)) {
      lines.push(pending);
      pending = null;
    }
  }
  if (pending !== null) lines.push(pending);

  const children: RootContent[] = [];
  const sections: Section[] = [];
  // The number expected next at each depth, to accept a marker missing its 、 only in sequence.
  const expectNext = new Map<number, number>();
  for (const line of lines) {
    const mark = marker(line, expectNext);
    const split = mark ? splitRunIn(line, mark) : null;
    if (!mark || !split) {
      children.push(paragraph(line));
      continue;
    }
    expectNext.set(mark.depth, mark.value + 1);
    for (let d = mark.depth + 1; d <= 5; d++) expectNext.delete(d);
    if (mark.slip) warnings.push(`heading "${split.heading.slice(0, 20)}" lacks the 、 after its number; read as a level-${mark.depth} heading`);
    children.push(heading(mark.depth, split.heading));
    sections.push({ depth: mark.depth, text: split.heading });
    if (split.rest) children.push(paragraph(split.rest));
  }
  if (!sections.some((s) => s.depth === 2)) warnings.push('no 一、 sections found: the body is kept as paragraphs');
  return { tree: { type: 'root', children }, sections, warnings };
}
