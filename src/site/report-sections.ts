/**
 * A rendered report body cut into its top-level sections (一、 二、 …, and
 * the opening before the first), for the comparison page: each section's
 * HTML with the ids taken out (two reports on one page would repeat them)
 * and each heading's link pointing at that section on the report's own page.
 * The browser does the same to a report page it fetches
 * (`src/components/CompareView.astro`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { SectionHead } from './section-pairs.ts';

export interface ReportSection extends SectionHead {
  /** The section's short id on the report page (`s2`), none for the opening. */
  id: string | undefined;
  /** The section as HTML: heading (if any) and everything up to the next top-level heading. */
  html: string;
}

const HEADING = /^h[1-6]$/;
const stringifier = unified().use(rehypeStringify);

/** The heading's text as written, without its link. */
export function headingText(heading: Element): string {
  return toString({ ...heading, children: heading.children.filter((child) => !(child.type === 'element' && child.tagName === 'a')) }).trim();
}

/** Ids out, slug anchors out, heading links to `reportHref` + the section's id. */
function detach(node: ElementContent, reportHref: string): ElementContent | undefined {
  if (node.type !== 'element') return node;
  if (node.tagName === 'span' && node.properties.id !== undefined && node.children.length === 0) return undefined;
  const properties = { ...node.properties };
  delete properties.id;
  const className = Array.isArray(properties.className) ? properties.className : [];
  if (node.tagName === 'a' && className.includes('heading-link') && typeof properties.href === 'string') {
    properties.href = `${reportHref}${properties.href}`;
    if (typeof properties.ariaLabel === 'string') properties.ariaLabel = properties.ariaLabel.replace(/^本节链接：/, '在报告中打开本节：');
  }
  const children = node.children.map((child) => detach(child, reportHref)).filter((child) => child !== undefined);
  return { ...node, properties, children };
}

/** The top-level sections of a report body rendered by `markdown.ts`, in order. */
export function reportSections(bodyHtml: string, reportHref: string): ReportSection[] {
  const tree = fromHtml(bodyHtml, { fragment: true });
  const blocks = tree.children.filter((node): node is ElementContent => node.type !== 'doctype' && !(node.type === 'text' && node.value.trim() === ''));
  const depths = blocks.filter((node): node is Element => node.type === 'element' && HEADING.test(node.tagName)).map((node) => Number(node.tagName.slice(1)));
  const top = depths.length > 0 ? Math.min(...depths) : 0;

  const groups: Array<{ heading: Element | undefined; nodes: ElementContent[] }> = [];
  for (const node of blocks) {
    if (node.type === 'element' && node.tagName === `h${top}`) groups.push({ heading: node, nodes: [node] });
    else if (groups.length === 0) groups.push({ heading: undefined, nodes: [node] });
    else groups[groups.length - 1].nodes.push(node);
  }

  return groups.map(({ heading, nodes }) => {
    const root: Root = { type: 'root', children: nodes.map((node) => detach(node, reportHref)).filter((node): node is RootContent & ElementContent => node !== undefined) };
    return {
      heading: heading ? headingText(heading) : undefined,
      id: heading && typeof heading.properties.id === 'string' ? heading.properties.id : undefined,
      html: stringifier.stringify(root),
    };
  });
}
