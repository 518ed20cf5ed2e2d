/**
 * A build in parts, for an archive that outgrows one machine
 * (ARCHITECTURE.md, "A build in parts"): independent workers each build
 * the report pages of some years (or provinces) with their exact index, and
 * one merge step makes the site and the index of the whole.
 *
 *     node scripts/parts.ts plan <K> [--by year|province]    K selections of about equal size, one per line
 *     node scripts/parts.ts part <selection> <folder>        one worker: its report pages and their index segments
 *     node scripts/parts.ts merge <folder> <part folder>…    the other pages, the parts' pages, one catalog, Pagefind
 *
 * Every step reads the whole archive (`ARCHIVE_DIR`, default `content`) and
 * takes `BASE_PATH`, `SITE_URL` and `CACHE_DIR` as `npm run build` does;
 * give each worker on one machine its own `CACHE_DIR`. The parts are moved
 * into the merged site, so a part folder is used up by its merge. The result
 * equals one full build's site, and its search answers every query as one
 * full build's index does (`tests/build/a-site-built-in-parts.test.ts`).
 * Exit code 1 when a step failed, 2 for a usage error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, cpSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ARCHIVE_DIR, ID_SHAPE, REPORTS_DIR } from '../src/archive/layout.ts';
import { ConfigError } from '../src/build/config-error.ts';
import { isSiteBuild } from '../src/build/out-dir.ts';
import { parseBuildPart } from '../src/site/build-part.ts';
import { indexSite } from './index-search/index-site.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const USAGE = `Usage:
  node scripts/parts.ts plan <K> [--by year|province]
  node scripts/parts.ts part <selection> <folder>
  node scripts/parts.ts merge <folder> <part folder>…`;

/** The reports of the archive by year and province, from their file names (`reports/<year>/<code>-….md`). */
export function archiveCounts(archive: string): { byYear: Map<number, number>; byProvince: Map<string, number> } {
  const byYear = new Map<number, number>();
  const byProvince = new Map<string, number>();
  const dir = join(archive, REPORTS_DIR);
  for (const year of existsSync(dir) ? readdirSync(dir) : []) {
    if (!/^\d{4}$/.test(year)) continue;
    for (const file of readdirSync(join(dir, year))) {
      const match = ID_SHAPE.exec(`${year}/${file.replace(/\.mdx?$/, '')}`);
      if (!match) continue;
      byYear.set(Number(year), (byYear.get(Number(year)) ?? 0) + 1);
      byProvince.set(match[2].slice(0, 2), (byProvince.get(match[2].slice(0, 2)) ?? 0) + 1);
    }
  }
  return { byYear, byProvince };
}

/**
 * Cut `counts` (key → reports, in key order) into at most `parts` runs of
 * consecutive keys of about equal size: each run closes once it reaches
 * the share of what is left for the runs still to come.
 */
export function planParts<K>(counts: Map<K, number>, parts: number): K[][] {
  const keys = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: K[][] = [];
  let left = keys.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0);
  let run: K[] = [];
  let size = 0;
  keys.forEach((key, n) => {
    run.push(key);
    size += counts.get(key) ?? 0;
    const runsLeft = parts - out.length;
    const keysLeft = keys.length - n - 1;
    if (runsLeft > 1 && (size >= left / runsLeft || keysLeft < runsLeft)) {
      out.push(run);
      left -= size;
      run = [];
      size = 0;
    }
  });
  if (run.length) out.push(run);
  return out;
}

/** The archive cut into at most `parts` parts by `by`: each part's selection (`BUILD_PART`) and its reports; none for an archive without reports. */
export function planArchive(archive: string, parts: number, by: 'year' | 'province'): Array<{ selection: string; reports: number }> {
  const counts = archiveCounts(archive);
  const map: Map<number | string, number> = by === 'year' ? counts.byYear : counts.byProvince;
  return planParts(map, parts).map((keys) => ({ selection: selection(by, keys), reports: keys.reduce<number>((sum, key) => sum + (map.get(key) ?? 0), 0) }));
}

/** `BUILD_PART` of a run of years or provinces. */
export function selection(by: 'year' | 'province', keys: Array<number | string>): string {
  if (by === 'province') return `provinces:${keys.join(',')}`;
  const years = keys.map(Number);
  const contiguous = years.every((year, n) => n === 0 || year === years[n - 1] + 1);
  return `years:${contiguous && years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : years.join(',')}`;
}

function astroBuild(out: string, part: string, log: (line: string) => void): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [ASTRO, 'build'], { cwd: ROOT, env: { ...process.env, OUT_DIR: out, BUILD_PART: part }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      log(`error: astro build could not start: ${error.message}`);
      done(false);
    });
    child.on('close', (code) => {
      if (code !== 0) log(`error: astro build (BUILD_PART=${part}) failed, exit ${code}:\n${tail.trim().split('\n').slice(-15).join('\n')}`);
      done(code === 0);
    });
  });
}

/**
 * Move the files of `part` that the merged site `out` lacks: the report
 * pages (under `reports/`) and the assets they load (`_astro/`). A report
 * page that another part already gave is an overlap. Returns the problems.
 */
export function moveParts(out: string, parts: string[]): string[] {
  const problems: string[] = [];
  const from = new Map<string, string>();
  const walk = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)])) : [];
  for (const part of parts) {
    for (const folder of ['_astro', REPORTS_DIR]) {
      for (const file of walk(join(part, folder))) {
        const path = relative(part, file);
        const target = join(out, path);
        if (existsSync(target)) {
          // A report page (reports/<year>/<id>/…) given twice means the parts overlap; the rest the shared build also has.
          if (from.has(path)) problems.push(`${path} is in two parts, ${from.get(path)} and ${part}; parts must not overlap`);
          continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        try {
          renameSync(file, target);
        } catch {
          cpSync(file, target);
        }
        from.set(path, part);
      }
    }
  }
  return problems;
}

export async function main(argv: string[], log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  const usage = (message: string) => {
    log(`${message}\n${USAGE}`);
    return 2;
  };
  if (command === 'plan') {
    const byAt = rest.indexOf('--by');
    const by = byAt >= 0 ? rest[byAt + 1] : 'year';
    const count = Number(rest.find((arg, n) => !arg.startsWith('--') && (byAt < 0 || n !== byAt + 1)));
    if (by !== 'year' && by !== 'province') return usage(`--by takes year or province, got \`${by ?? ''}\``);
    if (!Number.isInteger(count) || count < 1) return usage('plan expects the number of parts, e.g. `plan 4`');
    const archive = resolve(ROOT, process.env.ARCHIVE_DIR || DEFAULT_ARCHIVE_DIR);
    const plan = planArchive(archive, count, by);
    if (plan.length === 0) {
      log(`error: no reports in ${join(archive, REPORTS_DIR)}; set ARCHIVE_DIR to the archive`);
      return 1;
    }
    for (const part of plan) process.stdout.write(`${part.selection}\t${part.reports}\n`);
    return 0;
  }
  if (command === 'part') {
    const [chosen, folder] = rest;
    if (!chosen || !folder || rest.length !== 2) return usage('part expects a selection and a folder');
    try {
      if (parseBuildPart(chosen).kind !== 'reports') return usage(`part expects a selection of reports (years:… or provinces:…), got \`${chosen}\``);
    } catch (error) {
      if (error instanceof ConfigError) return usage(error.message);
      throw error;
    }
    const out = resolve(folder);
    const started = performance.now();
    if (!(await astroBuild(out, chosen, log))) return 1;
    const { fatal, warnings, reports } = await indexSite(out, { pagefind: false, log });
    for (const warning of warnings) log(`warning: ${warning}`);
    for (const problem of fatal) log(`error: ${problem}`);
    if (fatal.length === 0) log(`part ${chosen}: ${reports} reports in ${((performance.now() - started) / 1000).toFixed(1)}s → ${out}`);
    return fatal.length ? 1 : 0;
  }
  if (command === 'merge') {
    const [folder, ...parts] = rest;
    if (!folder || parts.length === 0) return usage('merge expects the merged folder and at least one part folder');
    const missing = parts.filter((part) => !isSiteBuild(resolve(part)));
    if (missing.length) {
      log(`error: ${missing.join(', ')}: not a part this project built; build each with \`node scripts/parts.ts part <selection> <folder>\``);
      return 1;
    }
    const out = resolve(folder);
    const started = performance.now();
    if (!(await astroBuild(out, 'shared', log))) return 1;
    log(`merge: shared pages built in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    const overlaps = moveParts(out, parts.map((part) => resolve(part)));
    if (overlaps.length) {
      for (const problem of overlaps.slice(0, 20)) log(`error: ${problem}`);
      return 1;
    }
    log(`merge: pages of ${parts.length} parts moved in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    const { fatal, warnings, reports } = await indexSite(out, { parts: parts.map((part) => resolve(part)), log });
    for (const warning of warnings) log(`warning: ${warning}`);
    for (const problem of fatal) log(`error: ${problem}`);
    if (fatal.length === 0) log(`merge: ${reports} reports from ${parts.length} parts in ${((performance.now() - started) / 1000).toFixed(1)}s → ${out}`);
    return fatal.length ? 1 : 0;
  }
  return usage(command ? `Unknown command \`${command}\`` : 'Expected a command');
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
