/**
 * remark plugin: keep text that looks like HTML as text.
 *
 * A report is text, never markup: `<script>alert(1)</script>` in a report is
 * something the report says, so it is shown as written. remark-rehype would
 * drop raw HTML nodes silently; this turns them into text first (wrapped in a
 * paragraph where they stand as a block). Images, inline (`![a](u)`) or by
 * reference (`![a][z]` with `[z]: u`), become links, so a page never loads
 * anything from outside the site; links, inline or by reference (`[x][r]`
 * with `[r]: javascript:…`), that lead anywhere but an http(s) address or
 * the site itself become their text and URL, as written.
 * `rehype-safe-urls.ts` checks every URL in the HTML once more.
 */
import type { Definition, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isSafeLink } from './rehype-safe-urls.ts';

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export default function remarkLiteralHtml() {
  return function (tree: Root) {
    const definitions = new Map<string, Definition>();
    collectDefinitions(tree, definitions);
    rewrite(tree, definitions);
  };
}

/** Definitions by identifier, the first one winning, as CommonMark says. */
function collectDefinitions(parent: Parent, definitions: Map<string, Definition>): void {
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'definition' && !definitions.has(child.identifier)) definitions.set(child.identifier, child);
    if ('children' in child) collectDefinitions(child as Parent, definitions);
  }
}

function rewrite(parent: Parent, definitions: Map<string, Definition>): void {
  parent.children = parent.children.map((child) => {
    const node = literal(child as Nodes, FLOW_PARENTS.has(parent.type), definitions);
    if ('children' in node) rewrite(node as Parent, definitions);
    return node as RootContent;
  }) as typeof parent.children;
}

function literal(node: Nodes, inFlow: boolean, definitions: Map<string, Definition>): Nodes {
  if (node.type === 'html') {
    const text = { type: 'text' as const, value: node.value, position: node.position };
    return inFlow ? { type: 'paragraph', children: [text], position: node.position } : text;
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier)?.url;
    const label = node.alt || url || '';
    if (url === undefined) return { type: 'text', value: label, position: node.position };
    return isSafeLink(url)
      ? { type: 'link', url, children: [{ type: 'text', value: label }], position: node.position }
      : { type: 'text', value: `${label} (${url})`, position: node.position };
  }
  if (node.type === 'link' || node.type === 'linkReference') {
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
    if (url !== undefined && !isSafeLink(url)) {
      return { type: 'text', value: `${toString(node, { includeImageAlt: false })} (${url})`, position: node.position };
    }
  }
  return node;
}

