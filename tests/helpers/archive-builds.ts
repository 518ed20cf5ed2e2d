/**
 * Building small archives for the build tests: an archive folder made of
 * the fixture's site settings and some reports, `astro build` run on it in
 * a child process, and the sites compared file by file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const FIXTURE = join(ROOT, 'tests/fixtures/archive');

/** Vitest sets Vite's own variables in workers; Astro would take `BASE_URL` over `BASE_PATH`. */
const VITE_VARIABLES = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/;

export interface Run {
  status: number | null;
  output: string;
  ms: number;
}

/** The environment a build runs in: this one without Vite's variables, at the root of a test site, plus `settings`. */
export function buildEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITE_VARIABLES.test(key)));
  return { ...env, BASE_PATH: '/', SITE_URL: 'https://fzzf.example.gov.cn', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...settings };
}

/** Run `node <args>` in the project with `settings`; `done` gives its exit status and all it printed. */
export function start(args: string[], settings: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: buildEnvironment(settings) });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output, ms: performance.now() - started }));
  });
  return { child, done };
}

/** `astro build` with `settings` (ARCHIVE_DIR, OUT_DIR, CACHE_DIR …). */
export const astroBuild = (settings: Record<string, string>) => start([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], settings).done;

export function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A report of the fixture archive, by id. */
export const fixtureReport = (id: string) => readFileSync(join(FIXTURE, 'reports', `${id}.md`), 'utf8');

/** A new archive folder `<work>/<name>` with the fixture's site.yaml (and the images it names) and the given reports (path under reports/ → text). */
export function makeArchive(work: string, name: string, reports: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURE, 'site.yaml'), join(dir, 'site.yaml'));
  cpSync(join(FIXTURE, 'images'), join(dir, 'images'), { recursive: true });
  for (const [path, text] of Object.entries(reports)) writeFile(join(dir, 'reports', path), text);
  return dir;
}

/** sha256 of every file under `dir`, by path. */
export function hashes(dir: string): Record<string, string> {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));
  return Object.fromEntries(
    walk(dir)
      .sort()
      .map((file) => [relative(dir, file).split(sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}
