/**
 * Item 11 of issue 13 (the build's part): giving a body's headings their
 * ids takes time in proportion to their count. A hand-edited report whose
 * headings repeat one number (`## 一、` again and again) used to take time
 * in the square of it: each repeated id tried every suffix from -b.
 */
import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeSectionIds from '../../src/site/rehype-section-ids.ts';

const tree = (headings: number): Root => ({
  type: 'root',
  children: Array.from({ length: headings }, (): Element => ({ type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: '一、' }] })),
});

describe('section ids of many headings that repeat one number', () => {
  it('should be given to 20,000 headings in well under two seconds', () => {
    const root = tree(20_000);
    const started = performance.now();
    rehypeSectionIds()(root, new VFile());
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('should give each its own id, in order', () => {
    const root = tree(30);
    const file = new VFile();
    rehypeSectionIds()(root, file);
    const ids = file.data.headings!.map((heading) => heading.id);
    expect(ids.slice(0, 3)).toEqual(['s1', 's1-b', 's1-c']);
    expect(ids.at(-1)).toBe('s1-30');
    expect(new Set(ids).size).toBe(30);
  });
});
