// @ts-check
/**
 * Site configuration, from the environment:
 *
 * - `ARCHIVE_DIR`: the archive folder, with `reports/` and `site.yaml`
 *   (default: `content`, relative to this project).
 * - `SITE_URL`: where the site is served (default: `http://localhost:4321`).
 * - `BASE_PATH`: the sub-path it is served under, e.g. `/fzzfjs/` (default: `/`).
 * - `OUT_DIR`: where the build goes (default: `dist`), checked first
 *   (`src/build/out-dir.ts`): never the archive, the cache or the project, nor
 *   a folder of other files. The site is built into a new folder and swapped
 *   in when complete (`src/site/build-integration.ts`).
 * - `CACHE_DIR`: Astro's cache, content store included (default:
 *   `node_modules/.astro`); give each archive its own when builds run side by side.
 *   Rendered report bodies are cached there too (`report-html/`, see
 *   `src/site/report-body.ts`), so a rebuild renders only changed bodies; so are
 *   the pages of the incremental build (`dist/`, `incremental-build.json`),
 *   so a rebuild copies unchanged pages (each checked against its digest first).
 * - `BASE_PATH` is checked as a path (`src/site/base-path.ts`).
 * - `BUILD_PART`: which pages to render (`src/site/build-part.ts`): all (the
 *   default), `shared` (all but the report pages), or the report pages of
 *   some years or provinces, for a build in parts (`scripts/parts.ts`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { DEFAULT_ARCHIVE_DIR } from './src/archive/layout.ts';
import { cacheDirectory } from './src/build/cache.ts';
import { checkOutDir } from './src/build/out-dir.ts';
import { basePath } from './src/site/base-path.ts';
import { buildPart } from './src/site/build-part.ts';
import { archiveBuild, stagingFolder } from './src/site/build-integration.ts';
import { renderCacheDirectory } from './src/site/render-cache.ts';
import { loadSiteSettings } from './src/site/site-settings.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
process.env.ARCHIVE_DIR = resolve(root, process.env.ARCHIVE_DIR || DEFAULT_ARCHIVE_DIR);
const cacheDir = cacheDirectory(root);
const renderCache = renderCacheDirectory(root, cacheDir);
process.env.REPORT_HTML_CACHE = renderCache;

// Fail before building anything when site.yaml, BASE_PATH, BUILD_PART or OUT_DIR is wrong.
loadSiteSettings();
buildPart();
const base = basePath(process.env.BASE_PATH);
const outDir = resolve(root, process.env.OUT_DIR || 'dist');
checkOutDir(outDir, { root, archive: process.env.ARCHIVE_DIR, cache: cacheDir });
const staging = stagingFolder(outDir, root);

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base,
  // Built here, and swapped into outDir when complete (src/site/build-integration.ts).
  outDir: staging,
  cacheDir,
  output: 'static',
  trailingSlash: 'always',
  // Pages render a few at a time, so one page's file writes overlap the next one's rendering.
  build: { format: 'directory', concurrency: 4 },
  // The sitemap, robots.txt and the feed are pages of their own (src/pages/sitemap-*.xml.ts, robots.txt.ts, rss.xml.ts).
  integrations: [mdx(), archiveBuild({ cacheDir, renderCache, outDir, staging })],
  devToolbar: { enabled: false },
  // Report, agency and region pages give a cacheKey (src/site/cache-key.ts): a rebuild copies
  // the unchanged ones from the previous build (kept in cacheDir) instead of rendering them.
  experimental: { incrementalBuild: true },
});
