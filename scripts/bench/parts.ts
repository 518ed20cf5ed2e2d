/**
 * The build in parts, measured: `npm run bench:parts -- N [options]`.
 *
 * Generates the archive `npm run bench -- N --skip-ingest` builds (same
 * generator and seed), cuts it into K parts by year (`scripts/parts.ts plan`),
 * builds the parts one after another, as K workers would each build one,
 * and merges them; each step in its own process, measured as the bench
 * measures a phase (wall, CPU, peak RSS of the process tree). With
 * `--compare`, it then indexes the merged site's pages afresh in one full
 * build and checks that both indexes give the same answers
 * (`scripts/eval/answers.ts`).
 *
 * From the figures it projects the wall time for a larger archive on W
 * workers (one part each): a part costs a fixed share that grows with the
 * whole archive (every part loads all frontmatter) plus a share per own
 * report, fitted over the parts; the merge grows with the archive.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { planArchive } from '../parts.ts';
import { DEFAULT_SEED, generate } from './generate.ts';
import { folderSize, mb as gb, runPhase, type PhaseRun } from './measure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PARTS = join(ROOT, 'scripts/parts.ts');
const INDEX = join(ROOT, 'scripts/index-search.ts');
const ANSWERS = join(ROOT, 'scripts/eval/answers.ts');

const USAGE = `Usage: npm run bench:parts -- <N> [options]

Builds a generated archive of N reports in K parts plus a merge, and measures each.

Options:
  --parts <K>        parts (default 4)
  --by year|province how to cut the archive (default year)
  --project <M,…>    archive sizes to project to (default 1000000)
  --workers <W,…>    workers to project for (default 4,32)
  --compare          index the merged pages afresh too, and compare the answers
  --keep             keep the work folder
  --seed <S>         generator seed (default ${DEFAULT_SEED})
  --work <dir>       work folder (default: a new folder in ${tmpdir()})
  --help             show this help`;

interface Step {
  name: string;
  reports: number;
  run: PhaseRun;
}


/** Least squares `seconds ≈ fixed + perReport × reports` over the parts; fixed 0 when the parts are all one size. */
export function fitParts(parts: Array<{ reports: number; seconds: number }>): { fixed: number; perReport: number } {
  const n = parts.length;
  const mx = parts.reduce((s, p) => s + p.reports, 0) / n;
  const my = parts.reduce((s, p) => s + p.seconds, 0) / n;
  const sxx = parts.reduce((s, p) => s + (p.reports - mx) ** 2, 0);
  if (sxx === 0 || n < 2) return { fixed: 0, perReport: my / mx };
  const perReport = parts.reduce((s, p) => s + (p.reports - mx) * (p.seconds - my), 0) / sxx;
  // A fit that says a part costs less than nothing to start is noise: take the parts' mean rate instead.
  if (perReport <= 0 || my - perReport * mx < 0) return { fixed: 0, perReport: my / mx };
  return { fixed: my - perReport * mx, perReport };
}

/** Wall time of an archive of `size` reports on `workers` workers, one part each, from a run over `measured` reports. */
export function project(fit: { fixed: number; perReport: number }, mergeSeconds: number, measured: number, size: number, workers: number) {
  const scale = size / measured;
  const part = fit.fixed * scale + fit.perReport * (size / workers);
  const merge = mergeSeconds * scale;
  return { part, merge, total: part + merge };
}

const OPTIONS = {
  parts: { type: 'string' },
  by: { type: 'string' },
  project: { type: 'string' },
  workers: { type: 'string' },
  compare: { type: 'boolean' },
  keep: { type: 'boolean' },
  seed: { type: 'string' },
  work: { type: 'string' },
  help: { type: 'boolean' },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const count = Number(positionals[0]);
  const k = Number(values.parts ?? 4);
  const by = (values.by ?? 'year') as 'year' | 'province';
  const sizes = (values.project ?? '1000000').split(',').map(Number);
  const workerCounts = (values.workers ?? '4,32').split(',').map(Number);
  const bad = [
    !Number.isInteger(count) || count < 1 ? `Expected the number of reports, got \`${positionals[0] ?? ''}\`` : '',
    !Number.isInteger(k) || k < 1 ? `Expected --parts to be a whole number ≥ 1, got \`${values.parts}\`` : '',
    by !== 'year' && by !== 'province' ? `Expected --by year or province, got \`${by}\`` : '',
    [...sizes, ...workerCounts].some((n) => !Number.isInteger(n) || n < 1) ? 'Expected --project and --workers to list whole numbers ≥ 1' : '',
  ].filter(Boolean);
  if (bad.length) {
    process.stderr.write(`${bad.join('\n')}\n\n${USAGE}\n`);
    return 2;
  }
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const work = values.work ?? mkdtempSync(join(tmpdir(), `fzzf-parts-${count}-`));
  const archive = join(work, 'content');
  const logs = join(work, 'logs');
  // Only what this bench writes: a --work folder may hold other things.
  const clean = () => {
    for (const folder of ['content', 'parts', 'dist', 'one-build', 'cache', 'logs']) rmSync(join(work, folder), { recursive: true, force: true });
  };
  clean();
  mkdirSync(logs, { recursive: true });
  const env = (cache: string) => ({ ...process.env, ARCHIVE_DIR: archive, CACHE_DIR: join(work, 'cache', cache), BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' });

  let started = performance.now();
  generate(archive, { count, seed: values.seed ?? DEFAULT_SEED, markdown: true });
  progress(`generate: ${count} reports in ${((performance.now() - started) / 1000).toFixed(1)}s → ${work}`);
  const plan = planArchive(archive, k, by);

  const steps: Step[] = [];
  const step = async (name: string, reports: number, args: string[], cache: string, log: string) => {
    const run = await runPhase(process.execPath, args, { cwd: ROOT, env: env(cache), log: join(logs, log) });
    progress(`${name}: ${run.ok ? 'ok' : `failed (exit ${run.code}), see ${join(logs, log)}`} in ${run.seconds.toFixed(1)}s (CPU ${run.cpuSeconds?.toFixed(1) ?? '?'}s), peak ${gb(run.peakRss)}`);
    steps.push({ name, reports, run });
    return run.ok;
  };
  const partDirs = plan.map((_, n) => join(work, 'parts', String(n + 1)));
  for (const [n, part] of plan.entries()) {
    if (!(await step(`part ${n + 1}: ${part.selection}`, part.reports, [PARTS, 'part', part.selection, partDirs[n]], `part-${n + 1}`, `part-${n + 1}.log`))) return finish(1);
  }
  const dist = join(work, 'dist');
  if (!(await step(`merge of ${plan.length} parts`, count, [PARTS, 'merge', dist, ...partDirs], 'merge', 'merge.log'))) return finish(1);
  const site = folderSize(dist);

  let compared = '';
  if (values.compare) {
    started = performance.now();
    const copy = join(work, 'one-build');
    cpSync(dist, copy, { recursive: true, filter: (source) => !source.startsWith(join(dist, 'search-exact')) && !source.startsWith(join(dist, 'pagefind')) });
    progress(`copied the merged pages for a full index in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    if (!(await step('one full index of the same pages', count, [INDEX, copy], 'one-build', 'one-build-index.log'))) return finish(1);
    const same = await runPhase(process.execPath, [ANSWERS, dist, copy], { cwd: ROOT, log: join(logs, 'answers.log') });
    compared = same.tail.trim().split('\n').pop() ?? '';
    progress(`answers: ${compared}`);
    if (!same.ok) return finish(1);
  }

  const parts = steps.filter((s) => s.name.startsWith('part '));
  const merge = steps.find((s) => s.name.startsWith('merge'))!;
  const fit = fitParts(parts.map((p) => ({ reports: p.reports, seconds: p.run.seconds })));
  const sum = (list: Step[], f: (r: PhaseRun) => number) => list.reduce((s, p) => s + f(p.run), 0);
  const lines: string[] = [];
  lines.push(`## Build in parts: ${count.toLocaleString('en')} reports, ${plan.length} parts by ${by}`, '');
  lines.push(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${gb(totalmem())} RAM, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at the end. Parts ran one after another, each alone on the machine.`, '');
  lines.push('| step | reports | wall s | CPU s | peak RSS (tree) |', '| --- | ---: | ---: | ---: | ---: |');
  for (const s of steps) lines.push(`| ${s.name} | ${s.reports.toLocaleString('en')} | ${s.run.seconds.toFixed(1)} | ${s.run.cpuSeconds?.toFixed(1) ?? '–'} | ${gb(s.run.peakRss)} |`);
  const longest = Math.max(...parts.map((p) => p.run.seconds));
  lines.push(`| **all parts, one after another** | ${count.toLocaleString('en')} | **${sum(parts, (r) => r.seconds).toFixed(1)}** | ${sum(parts, (r) => r.cpuSeconds ?? 0).toFixed(1)} | |`);
  lines.push(`| **${plan.length} workers: longest part + merge** | | **${(longest + merge.run.seconds).toFixed(1)}** | | |`);
  lines.push('', `Merged site: ${(site.bytes / 1024 ** 3).toFixed(2)} GB, ${site.files.toLocaleString('en')} files.${compared ? ` Against one full index of the same pages: ${compared}.` : ''}`);
  lines.push('', `Parts fitted as ${fit.fixed.toFixed(1)} s + ${(fit.perReport * 1000).toFixed(2)} ms per own report (the fixed share taken to grow with the archive); merge ${((merge.run.seconds * 1000) / count).toFixed(2)} ms per report of the archive.`, '');
  lines.push('| archive | workers (one part each) | part s | merge s | total |', '| ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    for (const workers of workerCounts) {
      const p = project(fit, merge.run.seconds, count, size, workers);
      lines.push(`| ${size.toLocaleString('en')} | ${workers} | ${p.part.toFixed(0)} | ${p.merge.toFixed(0)} | ${(p.total / 60).toFixed(0)} min |`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return finish(0);

  function finish(code: number): number {
    if (!values.keep && code === 0) {
      clean();
      if (values.work === undefined) rmSync(work, { recursive: true, force: true });
    }
    else progress(`work folder kept: ${work}`);
    return code;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
