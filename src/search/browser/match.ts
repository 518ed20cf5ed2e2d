/**
 * Matching terms against a report's text as shown, for the results on
 * screen: the sections that match, and an excerpt with the terms marked.
 * Terms are matched inside one block at a time, on normalised text.
 */
import type { SectionRow } from '../format.ts';
import { normaliseMapped, occurrences, type Mapped } from '../normalise.ts';

export interface Block {
  /** As shown. */
  text: string;
  mapped?: Mapped;
}

export interface Section {
  /** The heading's id; `''` for the part before the first heading. */
  id: string;
  depth: number;
  /** The heading's text, `undefined` for the top part. */
  heading: string | undefined;
  /** The heading (when there is one) is the first block. */
  blocks: Block[];
}

export interface ReportText {
  sections: Section[];
}

export function reportText(rows: SectionRow[]): ReportText {
  return {
    sections: rows.map(([id, depth, blocks]) => ({
      id,
      depth,
      heading: id === '' ? undefined : blocks[0],
      blocks: blocks.map((text) => ({ text })),
    })),
  };
}

function mappedOf(block: Block): Mapped {
  block.mapped ??= normaliseMapped(block.text);
  return block.mapped;
}

export interface SectionMatch {
  id: string;
  depth: number;
  heading: string | undefined;
  /** Occurrences of all terms in the section. */
  count: number;
}

/** Sections with at least one occurrence of a term, in document order. */
export function matchingSections(text: ReportText, norms: string[]): SectionMatch[] {
  const found: SectionMatch[] = [];
  for (const section of text.sections) {
    let count = 0;
    for (const block of section.blocks) {
      const { text: normalised } = mappedOf(block);
      for (const norm of norms) count += occurrences(normalised, norm).length;
    }
    if (count > 0) found.push({ id: section.id, depth: section.depth, heading: section.heading, count });
  }
  return found;
}

/** A piece of an excerpt; `mark` pieces are a term as written. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Ranges `[start, end)` in a block's source text where any term occurs, merged, in order. */
export function markRanges(block: Block | string, norms: string[]): Array<[number, number]> {
  const mapped = typeof block === 'string' ? normaliseMapped(block) : mappedOf(block);
  const ranges: Array<[number, number]> = [];
  for (const norm of norms) {
    for (const at of occurrences(mapped.text, norm)) ranges.push([mapped.starts[at], mapped.ends[at + norm.length - 1]]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export interface ExcerptOptions {
  /** Characters of context before the first match (default: 40). */
  before?: number;
  /** Length of the excerpt, in characters (default: 140). */
  length?: number;
}

/**
 * An excerpt from the block that holds the most distinct terms (then the
 * most occurrences, then the earliest), around its first match, every
 * occurrence inside marked. Empty when nothing matches.
 */
export function excerpt(text: ReportText, norms: string[], options: ExcerptOptions = {}): Segment[] {
  const { before = 40, length = 140 } = options;
  let best: { block: Block; ranges: Array<[number, number]>; distinct: number } | undefined;
  for (const section of text.sections) {
    for (const block of section.blocks) {
      const normalised = mappedOf(block).text;
      const distinct = norms.filter((norm) => normalised.includes(norm)).length;
      if (distinct === 0) continue;
      if (best && distinct <= best.distinct) {
        if (distinct < best.distinct) continue;
        const ranges = markRanges(block, norms);
        if (ranges.length <= best.ranges.length) continue;
        best = { block, ranges, distinct };
        continue;
      }
      best = { block, ranges: markRanges(block, norms), distinct };
    }
  }
  if (!best) return [];

  const source = best.block.text;
  const first = best.ranges[0];
  let start = Math.max(0, first[0] - before);
  let end = Math.min(source.length, start + Math.max(length, first[1] - first[0] + before));
  if (end - start < length) start = Math.max(0, end - length);
  // Do not cut a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(source[start])) start--;
  if (end < source.length && /[\udc00-\udfff]/.test(source[end])) end++;

  const segments: Segment[] = [];
  const push = (value: string, mark: boolean) => {
    if (value) segments.push({ text: value, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [from, to] of best.ranges) {
    if (to <= start || from >= end) continue;
    push(source.slice(at, Math.max(at, from)), false);
    push(source.slice(Math.max(at, from), Math.min(to, end)), true);
    at = Math.min(to, end);
  }
  push(source.slice(at, end), false);
  if (end < source.length) push('…', false);
  return segments;
}
