/**
 * A report's body, read from its file and rendered when its page is built.
 *
 * The content store keeps only each report's frontmatter (see
 * `reports-loader.ts`): bodies would make it hundreds of megabytes, which
 * Astro inlines into its build bundle as one string. The report page reads
 * its own file here instead.
 *
 * Rendered bodies are cached on disk by the body's digest, in the folder
 * `astro.config.mjs` names in env `REPORT_HTML_CACHE`
 * (`<CACHE_DIR>/report-html/<renderer fingerprint>/`, see `render-cache.ts`),
 * so a rebuild renders only the bodies that changed. Without that variable
 * (tests, scripts), every body is rendered.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWholeAsync } from '../archive/atomic.ts';
import { markdownBody } from '../archive/frontmatter.ts';
import { archiveDirectory, reportFile } from '../archive/layout.ts';
import { renderMarkdown, type Heading } from './markdown.ts';
import { markUsed } from './render-cache.ts';

export interface RenderedReport {
  /** The body as HTML. */
  html: string;
  /** Its headings, for the table of contents. */
  headings: Heading[];
}

/** The Markdown after the frontmatter, as gray-matter's `content` (see `src/archive/frontmatter.ts`). */
export { markdownBody };

/**
 * Read report `id`'s file and render its body, or take the rendering from
 * the cache (`cacheDirectory`, default env `REPORT_HTML_CACHE`) when this
 * body was rendered before.
 *
 * A cache entry is the sha256 of the rest of the entry, a line end, the
 * headings as one line of JSON, a line end, then the HTML. An entry whose
 * digest does not match (cut short on disk) is rendered again and rewritten.
 */
export async function renderReportBody(id: string, options: { file?: string; cacheDirectory?: string } = {}): Promise<RenderedReport> {
  const file = options.file ?? reportFile(archiveDirectory(), id);
  const body = markdownBody(await readFile(file, 'utf8'));
  const cache = options.cacheDirectory ?? process.env.REPORT_HTML_CACHE;
  if (!cache) return rendered(body, file);

  const key = createHash('sha256').update(body).digest('hex');
  const entry = join(cache, key.slice(0, 2), `${key}.html`);
  markUsed(cache, key);
  const cached = await readFile(entry, 'utf8').catch(() => undefined);
  const checked = cached !== undefined && cached.indexOf('\n') === 64 && digestOf(cached.slice(65)) === cached.slice(0, 64) ? cached.slice(65) : undefined;
  const split = checked?.indexOf('\n') ?? -1;
  if (checked !== undefined && split > 0) {
    try {
      return { headings: JSON.parse(checked.slice(0, split)) as Heading[], html: checked.slice(split + 1) };
    } catch {
      // Not what this code writes: render it again.
    }
  }
  const result = rendered(body, file);
  try {
    const rest = `${JSON.stringify(result.headings)}\n${result.html}`;
    await writeWholeAsync(entry, `${digestOf(rest)}\n${rest}`);
  } catch {
    // A cache that cannot be written only costs time.
  }
  return result;
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');


function rendered(body: string, file: string): RenderedReport {
  const { html, headings } = renderMarkdown(body, file);
  return { html, headings };
}
