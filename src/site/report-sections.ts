/**
 * A rendered report body cut into its top-level sections (一、 二、 …, and
 * the opening before the first), for the comparison page: each section's
 * HTML with the ids taken out (two reports on one page would repeat them)
 * and each heading's link pointing at that section on the report's own page.
 * The browser does the same to a report page it fetches
 * (`src/components/CompareView.astro`).
 *
 * It reads the HTML that `markdown.ts` writes (rehype-stringify: text with
 * `<` and `&` escaped, attribute values in double quotes) as a sequence of
 * tags, not as a document: a body is cut in well under a millisecond, where
 * parsing it took ten, on every comparison page of a large archive.
 */
import type { SectionHead } from './section-pairs.ts';

export interface ReportSection extends SectionHead {
  /** The section's short id on the report page (`s2`), none for the opening. */
  id: string | undefined;
  /** The section as HTML: heading (if any) and everything up to the next top-level heading. */
  html: string;
}

/** A start or end tag, its attributes' values in double quotes (which may hold `>`). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*"[^"]*")?)*)\s*(\/?)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const HEADING = /^h[1-6]$/;

const attribute = (attributes: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];

/** Text of HTML as written by rehype-stringify: tags out, character references decoded. */
function textOf(html: string): string {
  return html
    .replace(TAG, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0' })[name] ?? '');
}

/** Ids out, slug anchors (`<span id="…"></span>`) out, heading links to `reportHref` + the section's id. */
function detach(html: string, reportHref: string): string {
  const href = reportHref.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
  return html.replace(/<span id="[^"]*"><\/span>/g, '').replace(TAG, (tag, close: string, name: string, attributes: string) => {
    if (close || !attributes) return tag;
    let changed = attributes.replace(/\sid="[^"]*"/, '');
    if (name === 'a' && /\sclass="heading-link"/.test(changed)) {
      changed = changed.replace(/\shref="#/, ` href="${href}#`).replace(/\saria-label="本节链接：/, ' aria-label="在报告中打开本节：');
    }
    return changed === attributes ? tag : tag.replace(attributes, changed);
  });
}

/** The top-level sections of a report body rendered by `markdown.ts`, in order. */
export function reportSections(bodyHtml: string, reportHref: string): ReportSection[] {
  // The body's top-level elements, where they start.
  const blocks: Array<{ at: number; name: string; attributes: string }> = [];
  let depth = 0;
  for (const match of bodyHtml.matchAll(TAG)) {
    const [tag, close, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    if (close) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) blocks.push({ at: match.index, name, attributes });
    if (!VOID.has(name) && !tag.endsWith('/>')) depth++;
  }
  const depths = blocks.filter((block) => HEADING.test(block.name)).map((block) => Number(block.name.slice(1)));
  const top = depths.length > 0 ? `h${Math.min(...depths)}` : undefined;
  const cuts = blocks.filter((block) => block.name === top);

  const sections: ReportSection[] = [];
  if (cuts.length === 0 || bodyHtml.slice(0, cuts[0].at).trim() !== '') {
    sections.push({ heading: undefined, id: undefined, html: detach(bodyHtml.slice(0, cuts[0]?.at ?? bodyHtml.length), reportHref) });
  }
  for (const [n, cut] of cuts.entries()) {
    const html = bodyHtml.slice(cut.at, cuts[n + 1]?.at ?? bodyHtml.length);
    const heading = html.slice(0, html.indexOf(`</${cut.name}>`) + cut.name.length + 3);
    // The heading's text as written: without its link (the self link's `#`).
    const text = textOf(heading.replace(/<a class="heading-link"[\s\S]*?<\/a>/, '')).trim();
    sections.push({ heading: text, id: attribute(cut.attributes, 'id'), html: detach(html, reportHref) });
  }
  return sections;
}
