/**
 * rehype plugin: the last word on every URL a report body puts in its HTML.
 *
 * A link (`href`) is kept only when it leads to an http(s) address or
 * stays on the site (a path, a `#fragment`); anything else (`javascript:`,
 * `data:`, `vbscript:`, `file:` …) is removed, and the link's text stays.
 * Anything that loads (`src`, `srcset`, `poster`, `data`, `action`, …) is
 * kept only when it stays on the site: a path, never `//other.host` nor a
 * scheme. The URL is read as a browser reads it (WHATWG URL, resolved
 * against the site), so `JaVaScRiPt:`, `java\tscript:` or `\\\\evil.example`
 * are judged by what they are.
 *
 * remark-literal-html already turns images into links and unsafe links
 * into text; this plugin covers every other path into the HTML (reference
 * links and images, raw nodes another plugin might add).
 */
import type { Element, Root, RootContent, ElementContent } from 'hast';

/** Properties that hold a link a reader follows. */
const LINK_PROPERTIES = new Set(['href', 'cite', 'longDesc']);
/** Properties that make the browser load something. */
const LOAD_PROPERTIES = new Set(['src', 'srcSet', 'poster', 'data', 'action', 'formAction', 'background', 'lowsrc', 'dynsrc', 'manifest', 'icon', 'ping', 'archive', 'codeBase', 'xLinkHref']);

/** The site, as far as URLs are resolved against it (any origin of our own: only the comparison matters). */
const SITE = 'https://site.invalid/base/';

export function isSafeLink(url: string): boolean {
  try {
    const resolved = new URL(url, SITE);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isOnSite(url: string): boolean {
  try {
    return new URL(url, SITE).origin === new URL(SITE).origin;
  } catch {
    return false;
  }
}

export default function rehypeSafeUrls() {
  return function (tree: Root) {
    visit(tree.children);
  };
}

function visit(nodes: Array<RootContent | ElementContent>): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    check(node);
    visit(node.children);
  }
}

function check(element: Element): void {
  for (const [name, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null || value === false) continue;
    const urls = Array.isArray(value) ? value.map(String) : [String(value)];
    if (LINK_PROPERTIES.has(name) && !urls.every(isSafeLink)) delete element.properties[name];
    else if (LOAD_PROPERTIES.has(name) && !urls.every((url) => (name === 'srcSet' ? url.trim().split(/\s+/)[0] ?? '' : url).split(',').every((part) => isOnSite(part.trim().split(/\s+/)[0] ?? '')))) delete element.properties[name];
  }
}
