/**
 * rehype plugin: short, stable section ids from the document's own numbering.
 *
 * Runs after rehype-slug. Each heading's id becomes the path of section
 * numbers down to it (`## 一、` → `s1`, `### （二）` → `s1-2`, `#### 3、` →
 * `s1-2-3`); a heading with no recognisable number takes its position among
 * its siblings; a repeated id gets `-b`, `-c`, …. The slug rehype-slug gave
 * the heading (`一主要举措和成效`) stays as an empty `<span id>` at the start
 * of the heading, so links made from the text land on the same section. A
 * link to the section (`#s1-2`) closes each heading.
 *
 * The headings, for a table of contents, are left in `file.data.headings`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { parseSectionNumber } from './section-number.ts';

export interface Heading {
  /** 1–6, as in `<h1>`–`<h6>`. */
  depth: number;
  /** The short id, e.g. `s1-2`. */
  id: string;
  /** The heading's text as written. */
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    headings: Heading[];
  }
}

export interface Options {
  /** Prefix of top-level ids (default: `'s'`). */
  prefix?: string;
  /** Accessible name of the link each heading gets, before the heading's text (default: `'本节链接'`). */
  linkLabel?: string;
}

const emptyOptions: Options = {};

export default function rehypeSectionIds(options?: Options | null) {
  const { prefix = 's', linkLabel = '本节链接' } = options ?? emptyOptions;

  return function (tree: Root, file: VFile) {
    const headings = headingElements(tree);
    const assigned = assignIds(headings, prefix, file);
    const shortIds = new Set(assigned.map(({ id }) => id));

    for (const { element, id, slug, text } of assigned) {
      element.properties.id = id;
      if (slug && !shortIds.has(slug)) {
        element.children.unshift({ type: 'element', tagName: 'span', properties: { id: slug }, children: [] });
      }
      // Each link is named after its heading, so a screen-reader user can tell them apart.
      element.children.push({ type: 'text', value: ' ' }, selfLink(id, `${linkLabel}：${text}`));
    }

    file.data.headings = assigned.map(({ depth, id, text }) => ({ depth, id, text }));
  };
}

interface Assigned extends Heading {
  element: Element;
  slug: string | undefined;
}

function assignIds(headings: Element[], prefix: string, file: VFile): Assigned[] {
  const used: Used = { ids: new Set(), next: new Map() };
  const childCounts = new Map<string, number>();
  const stack: Array<{ depth: number; id: string }> = [];

  return headings.map((element) => {
    const depth = Number(element.tagName.slice(1));
    const text = toString(element).trim();
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];

    const parentKey = parent?.id ?? '';
    const position = (childCounts.get(parentKey) ?? 0) + 1;
    childCounts.set(parentKey, position);

    const numbered = parseSectionNumber(text);
    if (!numbered) {
      file.message(`Unexpected heading without section number \`${text}\`, expected 一、 （一） 1、 or （1）; using its position ${position}`, {
        place: element.position,
        ruleId: 'section-number',
        source: 'rehype-section-ids',
      });
    }
    const number = numbered?.value ?? position;
    const base = parent ? `${parent.id}-${number}` : `${prefix}${number}`;
    const id = unique(base, used);
    if (id !== base) {
      file.message(`Unexpected repeated section \`${base}\` at \`${text}\`, expected unique numbers; using \`${id}\``, {
        place: element.position,
        ruleId: 'section-number-repeated',
        source: 'rehype-section-ids',
      });
    }
    stack.push({ depth, id });
    const slug = typeof element.properties.id === 'string' ? element.properties.id : undefined;
    return { element, depth, id, text, slug };
  });
}

/** The ids given so far, and per base the suffix to try next, so that n repeats of one base cost n steps, not n². */
interface Used {
  ids: Set<string>;
  next: Map<string, number>;
}

/** `base`, or `base-b`, `base-c`, … when taken. */
function unique(base: string, used: Used): string {
  let id = base;
  let n = used.next.get(base) ?? 2;
  if (used.ids.has(id)) {
    for (; used.ids.has((id = `${base}-${n <= 26 ? String.fromCharCode(96 + n) : n}`)); n++);
    used.next.set(base, n + 1);
  }
  used.ids.add(id);
  return id;
}

function selfLink(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-link'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: true },
    children: [{ type: 'text', value: '#' }],
  };
}

function headingElements(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (nodes: Array<RootContent | ElementContent>) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (/^h[1-6]$/.test(node.tagName)) found.push(node);
      else walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

