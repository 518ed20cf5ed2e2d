// @ts-check
/**
 * Site configuration, from the environment:
 *
 * - `ARCHIVE_DIR`: the archive folder, with `reports/` and `site.yaml`
 *   (default: `content`, relative to this project).
 * - `SITE_URL`: where the site is served (default: `http://localhost:4321`).
 * - `BASE_PATH`: the sub-path it is served under, e.g. `/fzzfjs/` (default: `/`).
 * - `OUT_DIR`: where the build goes (default: `dist`).
 * - `CACHE_DIR`: Astro's cache, content store included (default:
 *   `node_modules/.astro`); give each archive its own when builds run side by side.
 *   Rendered report bodies are cached there too (`report-html/`, see
 *   `src/site/report-body.ts`), so a rebuild renders only changed bodies; so are
 *   the pages of the incremental build (`dist/`, `incremental-build.json`),
 *   so a rebuild copies unchanged pages; and the previous site is moved there
 *   to be deleted while the new one builds (`src/site/build-integration.ts`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { DEFAULT_ARCHIVE_DIR } from './src/archive/layout.ts';
import { cacheDirectory } from './src/build/cache.ts';
import { archiveBuild } from './src/site/build-integration.ts';
import { renderCacheDirectory } from './src/site/render-cache.ts';
import { loadSiteSettings } from './src/site/site-settings.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
process.env.ARCHIVE_DIR = resolve(root, process.env.ARCHIVE_DIR || DEFAULT_ARCHIVE_DIR);
const cacheDir = cacheDirectory(root);
const renderCache = renderCacheDirectory(root, cacheDir);
process.env.REPORT_HTML_CACHE = renderCache;

// Fail before building anything when site.yaml is missing or wrong.
loadSiteSettings();

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR ? resolve(root, process.env.OUT_DIR) : './dist',
  cacheDir,
  output: 'static',
  trailingSlash: 'always',
  // Pages render a few at a time, so one page's file writes overlap the next one's rendering.
  build: { format: 'directory', concurrency: 4 },
  // The sitemap, robots.txt and the feed are pages of their own (src/pages/sitemap-*.xml.ts, robots.txt.ts, rss.xml.ts).
  integrations: [mdx(), archiveBuild({ cacheDir, renderCache })],
  devToolbar: { enabled: false },
  // Report, agency and region pages give a cacheKey (src/site/cache-key.ts): a rebuild copies
  // the unchanged ones from the previous build (kept in cacheDir) instead of rendering them.
  experimental: { incrementalBuild: true },
});
