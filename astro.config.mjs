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
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadSiteSettings } from './src/lib/site-settings.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
process.env.ARCHIVE_DIR = resolve(root, process.env.ARCHIVE_DIR || 'content');

// Fail before building anything when site.yaml is missing or wrong.
loadSiteSettings();

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base: process.env.BASE_PATH || '/',
  outDir: process.env.OUT_DIR ? resolve(root, process.env.OUT_DIR) : './dist',
  ...(process.env.CACHE_DIR ? { cacheDir: resolve(root, process.env.CACHE_DIR) } : {}),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  devToolbar: { enabled: false },
});
