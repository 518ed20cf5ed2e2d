/**
 * The one Markdown pipeline for report bodies.
 *
 * Astro 7's own Markdown processor runs no remark/rehype plugins, so report
 * pages render their body here: remark-parse → remark-literal-html (text that
 * looks like HTML stays text) → remark-rehype (no raw HTML) → rehype-slug →
 * rehype-section-ids (short ids from the document's numbering, slug anchors,
 * self links) → rehype-signature (the 落款 at the end, set right) →
 * rehype-safe-urls (only http(s) links and on-site sources, whatever made
 * them) → rehype-stringify.
 */
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFileMessage } from 'vfile-message';
import rehypeSafeUrls from './rehype-safe-urls.ts';
import rehypeSectionIds, { type Heading } from './rehype-section-ids.ts';
import rehypeSignature from './rehype-signature.ts';
import remarkLiteralHtml from './remark-literal-html.ts';

export type { Heading };

export interface RenderedMarkdown {
  /** The body as HTML, every heading with a short id and a link to itself. */
  html: string;
  /** Headings in document order, for a table of contents. */
  headings: Heading[];
  /** Problems found in the content (unnumbered or repeated headings). */
  messages: VFileMessage[];
}

const processor = unified()
  .use(remarkParse)
  .use(remarkLiteralHtml)
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeSectionIds)
  .use(rehypeSignature)
  .use(rehypeSafeUrls)
  .use(rehypeStringify)
  .freeze();

/**
 * Render a report body to HTML.
 *
 * `path` names the file in messages (default: none).
 */
export function renderMarkdown(markdown: string, path?: string): RenderedMarkdown {
  const file = processor.processSync({ value: markdown, path });
  return { html: String(file.value), headings: file.data.headings ?? [], messages: file.messages };
}
