/**
 * Vitest globalSetup of the `build` project: build the fixture archive
 * (`tests/fixtures/archive`) once per test run, under a sub-path, into a
 * fresh folder, and hand its location to the tests (`inject('fixtureSite')`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export interface FixtureSite {
  /** The built site's folder. */
  dir: string;
  /** `BASE_PATH` it was built with, e.g. `/fzzfjs/`. */
  base: string;
  /** `SITE_URL` it was built with. */
  site: string;
  /** How long `astro build` took, in milliseconds. */
  buildMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: FixtureSite;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE_ARCHIVE = 'tests/fixtures/archive';
const BASE = '/fzzfjs/';
const SITE = 'https://fzzf.example.gov.cn';

export default function setup(project: TestProject) {
  const tmp = join(ROOT, 'tests/.tmp');
  mkdirSync(tmp, { recursive: true });
  const work = mkdtempSync(join(tmp, 'fixture-site-'));
  const dir = join(work, 'dist');

  const started = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ARCHIVE_DIR: FIXTURE_ARCHIVE,
      OUT_DIR: dir,
      CACHE_DIR: join(work, 'cache'),
      BASE_PATH: BASE,
      SITE_URL: SITE,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  const buildMs = Math.round(performance.now() - started);
  if (result.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`astro build of ${FIXTURE_ARCHIVE} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`built ${FIXTURE_ARCHIVE} in ${buildMs} ms`);

  project.provide('fixtureSite', { dir, base: BASE, site: SITE, buildMs });
  return () => rmSync(work, { recursive: true, force: true });
}
