/**
 * remark plugin: keep text that looks like HTML as text.
 *
 * A report is text, never markup: `<script>alert(1)</script>` in a report is
 * something the report says, so it is shown as written. remark-rehype would
 * drop raw HTML nodes silently; this turns them into text first (wrapped in a
 * paragraph where they stand as a block). Images become links, so a page never
 * loads anything from outside the site, and links with a scheme other than
 * http, https or mailto become their text.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.|[^:]*$)/i;
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

export default function remarkLiteralHtml() {
  return function (tree: Root) {
    rewrite(tree);
  };
}

function rewrite(parent: Parent): void {
  parent.children = parent.children.map((child) => {
    const node = literal(child as Nodes, FLOW_PARENTS.has(parent.type));
    if ('children' in node) rewrite(node as Parent);
    return node as RootContent;
  }) as typeof parent.children;
}

function literal(node: Nodes, inFlow: boolean): Nodes {
  if (node.type === 'html') {
    const text = { type: 'text' as const, value: node.value, position: node.position };
    return inFlow ? { type: 'paragraph', children: [text], position: node.position } : text;
  }
  if (node.type === 'image') {
    const label = node.alt || node.url;
    return { type: 'link', url: safeUrl(node.url) ?? '', children: [{ type: 'text', value: label }], position: node.position };
  }
  if (node.type === 'link' && safeUrl(node.url) === undefined) {
    return { type: 'text', value: `${toString(node, { includeImageAlt: false })} (${node.url})`, position: node.position };
  }
  return node;
}

function safeUrl(url: string): string | undefined {
  return SAFE_LINK.test(url.trim()) ? url : undefined;
}

