/**
 * The fixture archive (`tests/fixtures/archive`), built and indexed as
 * `npm run build` does (`astro build`, then `scripts/index-search.ts`), and
 * served on a free port: under the sub-path `/fzzfjs/` as it is deployed,
 * by Debian's nginx with the README's configuration
 * (`deploy/nginx/fzzfjs.conf`, `tests/helpers/web-servers.ts`); at the
 * root by the project's own static server (`scripts/serve.ts`).
 *
 * A build is shared by every test file that asks for the same base path and
 * reused across runs while its inputs are unchanged: it lives in
 * `tests/.tmp/browser-site-<base>-<hash of src/, scripts/index-search.ts,
 * the fixture archive, astro.config.mjs and package-lock.json>/`. A lock folder keeps
 * test files running side by side from building it twice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, vi } from 'vitest';
import { serve, type Running } from '../../scripts/serve.ts';
import { ID_SHAPE, idOfReportPage } from '../../src/archive/layout.ts';
import { launchBrowser, shownTexts, watchPage, watchedPage, type PageOptions, type ShownText, type WatchedPage } from './browser.ts';
import { htmlFiles } from './site-files.ts';
import { DEPLOY_BASE, startNginx } from './web-servers.ts';

export type { Running };

const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_ARCHIVE = 'tests/fixtures/archive';
const INPUTS = ['src', 'scripts/index-search.ts', 'scripts/index-search', FIXTURE_ARCHIVE, 'astro.config.mjs', 'package-lock.json'];
const SITE_URL = 'https://fzzf.example.gov.cn';

export interface BuiltSite {
  /** The built site's folder. */
  dir: string;
  /** Its base path, e.g. `/` or `/fzzfjs/`. */
  base: string;
}

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true })
    .flatMap((entry) => filesUnder(join(path, entry.name)))
    .sort();
}

function inputsHash(base: string): string {
  const hash = createHash('sha256').update(base);
  for (const file of INPUTS.flatMap(filesUnder)) hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  return hash.digest('hex').slice(0, 12);
}

/**
 * Vitest workers set Vite's own variables (`BASE_URL=/`, `MODE=test`, …) in
 * the environment; Astro would take `BASE_URL` over the configured base.
 */
const VITE_VARIABLES = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

function run(args: string[], env: Record<string, string>, what: string): void {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITE_VARIABLES.test(name)));
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** The fixture archive built with `base` (default `/`), building it if need be. */
export async function fixtureSite(base = '/'): Promise<BuiltSite> {
  const slug = base.replace(/[^a-z0-9]+/gi, '') || 'root';
  const tmp = join(ROOT, 'tests/.tmp');
  const work = join(tmp, `browser-site-${slug}-${inputsHash(base)}`);
  const dir = join(work, 'dist');
  const done = join(work, 'done');
  const lock = join(tmp, `browser-site-${slug}.lock`);
  mkdirSync(tmp, { recursive: true });

  for (let waited = 0; !existsSync(done); waited += 250) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; take over a lock left by a crashed run after 5 minutes.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(done)) break;
      for (const entry of readdirSync(tmp)) {
        if (entry.startsWith(`browser-site-${slug}-`)) rmSync(join(tmp, entry), { recursive: true, force: true });
      }
      const env = { ARCHIVE_DIR: FIXTURE_ARCHIVE, OUT_DIR: dir, CACHE_DIR: join(work, 'cache'), BASE_PATH: base, SITE_URL };
      run([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env, `astro build of ${FIXTURE_ARCHIVE} with base ${base}`);
      run([join(ROOT, 'scripts/index-search.ts'), dir], env, `node scripts/index-search.ts ${relative(ROOT, dir)}`);
      writeFileSync(done, new Date().toISOString());
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dir, base };
}

/** Serve `dir` under `base` on 127.0.0.1, any free port, with the project's own static server. */
export function serveSite(dir: string, base = '/'): Promise<Running> {
  return serve({ dir, base, host: '127.0.0.1', port: 0 });
}

/** What serves a site in a test: its URL with the base path, its origin, and how to stop it. */
export type Served = Pick<Running, 'url' | 'origin' | 'close'>;

/** Serve a built site as it is deployed: under `/fzzfjs/` by nginx with the README's configuration, at other paths by `scripts/serve.ts`. */
export function serveAsDeployed(dir: string, base: string): Promise<Served> {
  return base === DEPLOY_BASE ? startNginx(dir) : serveSite(dir, base);
}

export interface SearchSite {
  /** The site's URL with its base path, e.g. `http://127.0.0.1:40123/fzzfjs/`. */
  url: string;
  origin: string;
  base: string;
  dir: string;
  browser: Browser;
  /**
   * A new page on the site: in the file's shared browser context, or in a
   * context of its own when `fresh` (a user who got a link), `javaScript:
   * false`, or another window size or colour scheme.
   */
  open: (options?: PageOptions & { fresh?: boolean }) => Promise<WatchedPage>;
  /** Every report page's text as the browser shows it: what searches are checked against. */
  reportTexts: () => Promise<ShownText[]>;
}

/**
 * In a test file: build (or reuse) the fixture site with `base`, serve it
 * (`serveAsDeployed`: nginx under `/fzzfjs/`), launch one browser for the
 * file, and close everything afterwards.
 */
export function useSearchSite(base = '/'): SearchSite {
  const site = { base } as SearchSite;
  vi.setConfig({ testTimeout: 30_000 });
  let running: Served | undefined;
  let shared: WatchedPage | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    const built = await fixtureSite(base);
    running = await serveAsDeployed(built.dir, built.base);
    site.dir = built.dir;
    site.url = running.url;
    site.origin = running.origin;
    site.browser = await launchBrowser();
    site.open = async (options = {}) => {
      if (options.javaScript === false || options.fresh || options.viewport || options.colorScheme) {
        const watched = await watchedPage(site.browser, options);
        contexts.push(watched.context);
        return watched;
      }
      shared ??= await watchedPage(site.browser);
      const page = await shared.context.newPage();
      return watchPage(shared.context, page);
    };
    site.reportTexts = async () => {
      const { page } = await site.open();
      await page.goto(site.url);
      const urls = htmlFiles(site.dir)
        .filter((file) => ID_SHAPE.test(idOfReportPage(file)))
        .map((file) => new URL(file.replace(/index\.html$/, ''), site.url).href);
      return shownTexts(page, urls);
    };
  }, 240_000);
  afterAll(async () => {
    for (const context of [...contexts, shared?.context]) await context?.close().catch(() => undefined);
    await site.browser?.close();
    await running?.close();
  });
  return site;
}

