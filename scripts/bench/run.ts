/**
 * The build benchmark: `npm run bench -- N [options]`.
 *
 * Generates a deterministic archive of N reports (scripts/bench/generate.ts)
 * in a temporary folder and measures, each phase in its own process:
 *
 * 1. ingest: `node scripts/ingest.ts --archive <tmp>/content <tmp>/sources`
 * 2. Astro build, cold cache: `astro build` with ARCHIVE_DIR, OUT_DIR, CACHE_DIR
 * 3. indexing: `node scripts/index-search.ts <tmp>/dist` (Pagefind + exact index)
 * 4. site and index size
 * 5. search payload: what the search page downloads for a first and a later query
 * 6. additions (--add, default one report): ingest each batch, build (warm
 *    cache), index, against the full build; `--add 1,5000` adds one report,
 *    then a batch of 5,000 on top of it
 *
 * Wall time by performance.now(); peak memory as the largest summed VmRSS of
 * the phase's process tree. Phases that take under a minute are repeated
 * (--repeat, default 3 for N ≤ 1000, else 1) and their medians reported.
 * A phase whose script is missing or fails is reported as such; the rest go on.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, generate } from './generate.ts';
import { folderSize, mb, median, runPhase, type PhaseRun } from './measure.ts';
import { measurePayload, type Payload } from './payload.ts';
import { hotspots, type Hotspot } from './profile.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const INGEST = join(ROOT, 'scripts/ingest.ts');
const INDEX = join(ROOT, 'scripts/index-search.ts');
/** A phase is repeated only when one run takes less than this. */
const CHEAP_SECONDS = 60;

const USAGE = `Usage: npm run bench -- <N> [options]

Builds a generated archive of N reports and measures each phase.

Options:
  --json          print only JSON (for scripts; 'npm run -s bench -- N --json' drops npm's banner)
  --keep          keep the work folder (sources, archive, site, logs)
  --skip-ingest   write the archive's Markdown directly instead of ingesting
  --repeat <K>    runs of each cheap phase (default 3 for N ≤ 1000, else 1)
  --seed <S>      generator seed (default ${DEFAULT_SEED})
  --work <dir>    work folder (default: a new folder in ${tmpdir()})
  --profile       write V8 CPU profiles of ingest, build and index, and list hot spots
  --no-payload    skip the browser measurement
  --add <K,…>     batches added after the full build, one after another, each
                  ingested, built and indexed (default 1: one more report)
  --help          show this help`;

export type Status = 'ok' | 'failed' | 'unavailable' | 'skipped';

export interface PhaseResult {
  name: string;
  status: Status;
  /** Median wall time of the runs, seconds. */
  seconds: number | null;
  /** Median peak RSS of the process tree, bytes. */
  peakRss: number | null;
  /** Median user + system CPU seconds (null where unknown). */
  cpuSeconds: number | null;
  runs: { seconds: number; peakRss: number; cpuSeconds: number | null }[];
  note?: string;
  hotspots?: Hotspot[];
}

export interface BenchResult {
  reports: number;
  seed: string;
  machine: { cpus: number; cpuModel: string; totalMemory: number; node: string; loadAverage: number[] };
  generate: { seconds: number; bytes: number; markdown: boolean };
  phases: PhaseResult[];
  fullBuild: { seconds: number | null; cpuSeconds: number | null; peakRss: number | null; note: string };
  /** One entry per --add batch, in order. */
  additions: Addition[];
  /** Disk use after the full build: the site and its two indexes, the archive, the build caches (CACHE_DIR). */
  sizes: Record<'site' | 'pagefind' | 'exact' | 'archive' | 'cache', { bytes: number; files: number }>;
  payload: (Payload & { status: 'ok'; runs: number }) | { status: Exclude<Status, 'ok'>; note: string };
  targets: { name: string; value: string; limit: string; pass: boolean | null }[];
  work: string | null;
}

export interface Addition {
  /** Reports added in this batch, and the archive's size before it. */
  added: number;
  onto: number;
  phases: PhaseResult[];
  seconds: number | null;
  fractionOfFullBuild: number | null;
  cpuFraction: number | null;
  note: string;
}

interface Args {
  count: number;
  json: boolean;
  keep: boolean;
  skipIngest: boolean;
  repeat: number;
  seed: string;
  work?: string;
  profile: boolean;
  payload: boolean;
  add: number[];
}

function parse(argv: string[]): Args | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        keep: { type: 'boolean' },
        'skip-ingest': { type: 'boolean' },
        repeat: { type: 'string' },
        seed: { type: 'string' },
        work: { type: 'string' },
        profile: { type: 'boolean' },
        'no-payload': { type: 'boolean' },
        add: { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return '';
  const count = Number(positionals[0]);
  if (!Number.isInteger(count) || count < 1) return `Expected the number of reports, e.g. \`npm run bench -- 1000\`, got \`${positionals[0] ?? ''}\``;
  const repeat = values.repeat === undefined ? (count <= 1000 ? 3 : 1) : Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1) return `Expected --repeat to be a whole number ≥ 1, got \`${values.repeat}\``;
  const add = (values.add ?? '1').split(',').map(Number);
  if (add.some((k) => !Number.isInteger(k) || k < 1)) return `Expected --add to list batch sizes ≥ 1, e.g. \`--add 1,5000\`, got \`${values.add}\``;
  return {
    count,
    json: Boolean(values.json),
    keep: Boolean(values.keep),
    skipIngest: Boolean(values['skip-ingest']),
    repeat,
    seed: values.seed ?? DEFAULT_SEED,
    work: values.work,
    profile: Boolean(values.profile),
    payload: !values['no-payload'],
    add,
  };
}

export async function bench(args: Args, progress: (line: string) => void): Promise<BenchResult> {
  const work = args.work ?? mkdtempSync(join(tmpdir(), `fzzf-bench-${args.count}-`));
  const paths = {
    sources: join(work, 'sources'),
    archive: join(work, 'content'),
    dist: join(work, 'dist'),
    cache: join(work, 'cache'),
    extra: join(work, 'extra'),
    logs: join(work, 'logs'),
    profiles: join(work, 'profiles'),
  };
  mkdirSync(paths.logs, { recursive: true });
  const env = {
    ...process.env,
    ARCHIVE_DIR: paths.archive,
    OUT_DIR: paths.dist,
    CACHE_DIR: paths.cache,
    BASE_PATH: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const node = (profileName: string) =>
    args.profile ? [`--cpu-prof`, `--cpu-prof-dir=${join(paths.profiles, profileName)}`] : [];

  // Generate.
  let started = performance.now();
  rmSync(paths.sources, { recursive: true, force: true });
  rmSync(paths.archive, { recursive: true, force: true });
  if (args.skipIngest) generate(paths.archive, { count: args.count, seed: args.seed, markdown: true });
  else {
    generate(paths.sources, { count: args.count, seed: args.seed });
    mkdirSync(paths.archive, { recursive: true });
    cpSync(join(ROOT, 'content/site.yaml'), join(paths.archive, 'site.yaml'));
  }
  const generated = { seconds: (performance.now() - started) / 1000, bytes: folderSize(args.skipIngest ? join(paths.archive, 'sources') : paths.sources).bytes, markdown: args.skipIngest };
  progress(`generate: ${args.count} reports, ${mb(generated.bytes)} of source text in ${generated.seconds.toFixed(1)}s → ${work}`);

  const phases: PhaseResult[] = [];

  // 1. Ingest, from an empty archive each run.
  let ingest: PhaseResult;
  if (args.skipIngest) {
    ingest = { name: 'ingest', status: 'skipped', seconds: null, peakRss: null, cpuSeconds: null, runs: [], note: '--skip-ingest: Markdown written directly' };
  } else {
    ingest = await repeated('ingest', args.repeat, progress, () => {
      rmSync(join(paths.archive, 'reports'), { recursive: true, force: true });
      rmSync(join(paths.archive, 'sources'), { recursive: true, force: true });
    }, () => runPhase(process.execPath, [...node('ingest'), INGEST, '--archive', paths.archive, paths.sources], { cwd: ROOT, env, log: join(paths.logs, 'ingest.log') }));
    const written = folderSize(join(paths.archive, 'reports')).files;
    if (ingest.status === 'ok' || written > 0) ingest.note = `${written} of ${args.count} reports archived${ingest.status === 'failed' ? '; some inputs failed (see logs/ingest.log)' : ''}`;
    if (written > 0 && ingest.status === 'failed') ingest.status = 'ok';
  }
  phases.push(ingest);

  // 2. Astro build, cold: no cache, no output.
  const build = await repeated('astro build (cold)', args.repeat, progress, () => {
    rmSync(paths.dist, { recursive: true, force: true });
    rmSync(paths.cache, { recursive: true, force: true });
  }, () => runPhase(process.execPath, [...node('build'), ASTRO, 'build'], { cwd: ROOT, env, log: join(paths.logs, 'build.log') }));
  if (build.status === 'ok') build.note = `${folderSize(paths.dist).files} files`;
  phases.push(build);

  // 3. Indexing.
  let index: PhaseResult;
  if (!existsSync(INDEX)) index = unavailable('index', 'scripts/index-search.ts does not exist yet');
  else if (build.status !== 'ok') index = unavailable('index', 'no site: the build failed');
  // Each run a full build: no index in the site, no page cache of the index.
  else index = await repeated('index', args.repeat, progress, () => {
    for (const dir of [join(paths.dist, 'search-exact'), join(paths.dist, 'pagefind'), join(paths.cache, 'search-pages')]) rmSync(dir, { recursive: true, force: true });
  }, () => runPhase(process.execPath, [...node('index'), INDEX, paths.dist], { cwd: ROOT, env, log: join(paths.logs, 'index.log') }));
  phases.push(index);

  if (args.profile) {
    for (const [phase, name] of [[ingest, 'ingest'], [build, 'build'], [index, 'index']] as const) {
      const dir = join(paths.profiles, name);
      if (existsSync(dir)) phase.hotspots = hotspots(dir);
    }
  }

  const fullBuild = sumPhases([build, index], 'astro build + index, as `npm run build`');

  // 4. Sizes.
  const sizes = {
    site: folderSize(paths.dist),
    pagefind: folderSize(join(paths.dist, 'pagefind')),
    exact: folderSize(join(paths.dist, 'search-exact')),
    archive: folderSize(paths.archive),
    cache: folderSize(paths.cache),
  };

  // 5. Payload.
  let payload: BenchResult['payload'];
  if (!args.payload) payload = { status: 'skipped', note: '--no-payload' };
  else if (!existsSync(join(paths.dist, 'search/index.html'))) payload = { status: 'unavailable', note: 'no search page in the built site' };
  else if (index.status !== 'ok') payload = { status: 'unavailable', note: 'no search index (indexing did not run)' };
  else payload = await repeatedPayload(paths.dist, args.repeat, progress);

  // 6. Additions: ingest each batch, rebuild with the warm cache, re-index.
  const additions: Addition[] = [];
  let onto = args.count;
  for (const count of args.add) {
    additions.push(await addBatch(count, onto, args, paths, env, progress, fullBuild));
    onto += count;
  }

  const result: BenchResult = {
    reports: args.count,
    seed: args.seed,
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      totalMemory: totalmem(),
      node: process.version,
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    },
    generate: generated,
    phases,
    fullBuild,
    additions,
    sizes,
    payload,
    targets: [],
    work: args.keep ? work : null,
  };
  result.targets = targets(result);
  const failed = [...phases, ...additions.flatMap((a) => a.phases)].some((p) => p.status === 'failed');
  if (!args.keep && !failed) rmSync(work, { recursive: true, force: true });
  else result.work = work;
  return result;
}

async function repeated(name: string, times: number, progress: (line: string) => void, before: () => void, run: () => Promise<PhaseRun>): Promise<PhaseResult> {
  const runs: PhaseRun[] = [];
  for (let i = 0; i < times; i++) {
    before();
    const one = await run();
    runs.push(one);
    progress(`${name}: run ${i + 1}: ${one.ok ? 'ok' : `failed (exit ${one.code})`} in ${one.seconds.toFixed(1)}s (CPU ${one.cpuSeconds?.toFixed(1) ?? '?'}s), peak ${mb(one.peakRss)}`);
    if (!one.ok || one.seconds >= CHEAP_SECONDS) break;
  }
  const ok = runs.filter((r) => r.ok);
  const last = runs[runs.length - 1];
  return {
    name,
    status: last.ok ? 'ok' : 'failed',
    seconds: ok.length ? median(ok.map((r) => r.seconds)) : last.seconds,
    peakRss: ok.length ? median(ok.map((r) => r.peakRss)) : last.peakRss,
    cpuSeconds: cpuMedian(ok.length ? ok : [last]),
    runs: runs.map((r) => ({ seconds: r.seconds, peakRss: r.peakRss, cpuSeconds: r.cpuSeconds })),
    ...(last.ok ? {} : { note: lastLine(last.tail) }),
  };
}

async function repeatedPayload(dist: string, times: number, progress: (line: string) => void): Promise<BenchResult['payload']> {
  const runs: Payload[] = [];
  try {
    for (let i = 0; i < times; i++) {
      const one = await measurePayload(dist);
      runs.push(one);
      progress(`payload: run ${i + 1}: first ${kb(one.first.bytes)} (${one.first.requests} requests), later ${kb(one.later.bytes)} (${one.later.requests})`);
    }
  } catch (error) {
    return { status: 'failed', note: (error as Error).message.split('\n')[0] };
  }
  // The run with the median first-query bytes, so its parts add up.
  const sorted = [...runs].sort((a, b) => a.first.bytes - b.first.bytes);
  const chosen = sorted[(sorted.length - 1) >> 1];
  return {
    ...chosen,
    first: { ...chosen.first, seconds: median(runs.map((r) => r.first.seconds)) },
    later: { ...chosen.later, bytes: median(runs.map((r) => r.later.bytes)), seconds: median(runs.map((r) => r.later.seconds)) },
    status: 'ok',
    runs: runs.length,
  };
}

async function addBatch(
  count: number,
  onto: number,
  args: Args,
  paths: Record<'archive' | 'dist' | 'cache' | 'extra' | 'logs' | 'profiles', string>,
  env: NodeJS.ProcessEnv,
  progress: (line: string) => void,
  full: BenchResult['fullBuild'],
): Promise<Addition> {
  const label = `+${count.toLocaleString('en')} onto ${onto.toLocaleString('en')}`;
  const folder = join(paths.extra, `from-${onto}`);
  generate(folder, { count, start: onto, seed: args.seed });
  const one = async (name: string, command: string[], log: string): Promise<PhaseResult> => {
    const run = await runPhase(process.execPath, command, { cwd: ROOT, env, log: join(paths.logs, `add-${onto}-${count}-${log}`) });
    progress(`${label}, ${name}: ${run.ok ? 'ok' : `failed (exit ${run.code})`} in ${run.seconds.toFixed(1)}s (CPU ${run.cpuSeconds?.toFixed(1) ?? '?'}s), peak ${mb(run.peakRss)}`);
    return {
      name,
      status: run.ok ? 'ok' : 'failed',
      seconds: run.seconds,
      peakRss: run.peakRss,
      cpuSeconds: run.cpuSeconds,
      runs: [{ seconds: run.seconds, peakRss: run.peakRss, cpuSeconds: run.cpuSeconds }],
      ...(run.ok ? {} : { note: lastLine(run.tail) }),
    };
  };
  const ingest = await one(`ingest ${count === 1 ? '1 file' : `${count} files`}`, [INGEST, '--archive', paths.archive, folder], 'ingest.log');
  const build = await one('astro build (warm cache)', [ASTRO, 'build'], 'build.log');
  const index = existsSync(INDEX) && build.status === 'ok'
    ? await one('index', [INDEX, paths.dist], 'index.log')
    : unavailable('index', existsSync(INDEX) ? 'no site: the build failed' : 'scripts/index-search.ts does not exist yet');
  const phases = [ingest, build, index];
  const counted = phases.filter((p) => p.status === 'ok');
  const seconds = counted.length === 3 || (counted.length === 2 && index.status === 'unavailable') ? counted.reduce((s, p) => s + p.seconds!, 0) : null;
  const rebuild = build.status === 'ok' ? build.seconds! + (index.status === 'ok' ? index.seconds! : 0) : null;
  const rebuildCpu = build.cpuSeconds !== null && (index.status !== 'ok' || index.cpuSeconds !== null) ? build.cpuSeconds + (index.cpuSeconds ?? 0) : null;
  return {
    added: count,
    onto,
    phases,
    seconds,
    fractionOfFullBuild: rebuild !== null && full.seconds ? rebuild / full.seconds : null,
    cpuFraction: rebuildCpu !== null && build.status === 'ok' && full.cpuSeconds ? rebuildCpu / full.cpuSeconds : null,
    note: `ingest of ${count === 1 ? 'one new source' : `${count} new sources`} into the archive of ${onto}, then astro build with the same cache and output folder, then index; the fraction compares build + index with the full build of ${args.count}`,
  };
}

function unavailable(name: string, note: string): PhaseResult {
  return { name, status: 'unavailable', seconds: null, peakRss: null, cpuSeconds: null, runs: [], note };
}

function cpuMedian(runs: PhaseRun[]): number | null {
  const known = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== null);
  return known.length ? median(known) : null;
}

function sumPhases(parts: PhaseResult[], note: string): BenchResult['fullBuild'] {
  const ok = parts.filter((p) => p.status === 'ok');
  if (ok.length === 0) return { seconds: null, cpuSeconds: null, peakRss: null, note };
  const missing = parts.filter((p) => p.status !== 'ok').map((p) => p.name);
  return {
    seconds: ok.reduce((s, p) => s + p.seconds!, 0),
    cpuSeconds: ok.every((p) => p.cpuSeconds !== null) ? ok.reduce((s, p) => s + p.cpuSeconds!, 0) : null,
    peakRss: Math.max(...ok.map((p) => p.peakRss!)),
    note: missing.length ? `${note}; without ${missing.join(', ')} (${parts.find((p) => p.status !== 'ok')!.status})` : note,
  };
}

/** The targets of the issues that set them (issue 15 for 20,000 and 100,000 reports), for the sizes they name. */
const SCALE_TARGETS: Record<number, { build: number; peak: number; first: number; later: number; addOne: number }> = {
  5000: { build: 240, peak: 8 * 1024 ** 3, first: 400, later: 200, addOne: 0.2 },
  20000: { build: 480, peak: 5 * 1024 ** 3, first: 400, later: 200, addOne: 0.05 },
  100000: { build: 2400, peak: 8 * 1024 ** 3, first: 500, later: 250, addOne: 0.05 },
};

function targets(r: BenchResult): BenchResult['targets'] {
  const out: BenchResult['targets'] = [];
  const goal = SCALE_TARGETS[r.reports];
  if (!goal) return out;
  const full = r.fullBuild.seconds;
  const complete = r.phases.every((p) => p.status === 'ok' || p.status === 'skipped');
  out.push({ name: `full build of ${r.reports.toLocaleString('en')}`, value: full === null ? 'n/a' : `${full.toFixed(0)} s`, limit: `< ${goal.build} s`, pass: full === null || !complete ? null : full < goal.build });
  const peak = Math.max(...[...r.phases, ...r.additions.flatMap((a) => a.phases)].map((p) => p.peakRss ?? 0));
  out.push({ name: 'peak memory of any phase (process tree)', value: mb(peak), limit: `< ${mb(goal.peak)}`, pass: peak < goal.peak });
  if (r.payload.status === 'ok') {
    out.push({ name: `first search (${r.payload.firstQuery})`, value: kb(r.payload.first.bytes), limit: `≤ ${goal.first} KB`, pass: r.payload.first.bytes <= goal.first * 1024 });
    out.push({ name: `later search (${r.payload.laterQuery})`, value: kb(r.payload.later.bytes), limit: `≤ ${goal.later} KB`, pass: r.payload.later.bytes <= goal.later * 1024 });
  }
  const one = r.additions.find((a) => a.added === 1 && a.onto === r.reports);
  if (one) {
    const f = one.fractionOfFullBuild;
    out.push({ name: 'rebuild after adding one report', value: f === null ? 'n/a' : `${(f * 100).toFixed(1)} % of full build`, limit: `< ${goal.addOne * 100} %`, pass: f === null ? null : f < goal.addOne });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Output


function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim());
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}

function cell(p: PhaseResult, count: number): string {
  const runs = p.runs.length > 1 ? ` (median of ${p.runs.length})` : '';
  if (p.status !== 'ok') return `| ${p.name} | ${p.status} | – | – | – | ${p.note ?? ''} |`;
  return `| ${p.name} | ${p.seconds!.toFixed(1)}${runs} | ${p.cpuSeconds?.toFixed(1) ?? '–'} | ${((p.seconds! * 1000) / count).toFixed(1)} | ${mb(p.peakRss)} | ${p.note ?? ''} |`;
}

export function toMarkdown(r: BenchResult): string {
  const lines: string[] = [];
  lines.push(`## Build benchmark: ${r.reports.toLocaleString('en')} reports (seed ${r.seed})`, '');
  lines.push(`Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${mb(r.machine.totalMemory)} RAM, Node ${r.machine.node}, load average ${r.machine.loadAverage.join(' ')} at the end (a shared machine: compare CPU s where wall s is noisy).`);
  lines.push(`Generated ${r.generate.markdown ? 'Markdown archive' : 'source texts'}: ${mb(r.generate.bytes)} in ${r.generate.seconds.toFixed(1)} s.`, '');
  lines.push('| phase | wall s | CPU s | wall ms/report | peak RSS (tree) | notes |', '| --- | ---: | ---: | ---: | ---: | --- |');
  for (const p of r.phases) lines.push(cell(p, r.reports));
  lines.push(`| **full build** | **${r.fullBuild.seconds?.toFixed(1) ?? 'n/a'}** | ${r.fullBuild.cpuSeconds?.toFixed(1) ?? '–'} | ${r.fullBuild.seconds ? ((r.fullBuild.seconds * 1000) / r.reports).toFixed(1) : '–'} | ${mb(r.fullBuild.peakRss)} | ${r.fullBuild.note} |`);
  for (const a of r.additions) {
    const label = `+${a.added.toLocaleString('en')} onto ${a.onto.toLocaleString('en')}`;
    for (const p of a.phases) lines.push(cell({ ...p, name: `${label}: ${p.name}` }, a.added));
    const f = a.fractionOfFullBuild;
    const fc = a.cpuFraction;
    lines.push(`| **${label} total** | **${a.seconds?.toFixed(1) ?? 'n/a'}** | – | – | – | rebuild (build + index) = ${f === null ? 'n/a' : `${(f * 100).toFixed(1)} %`} of the full build's wall time${fc === null ? '' : `, ${(fc * 100).toFixed(1)} % of its CPU time`} |`);
  }
  lines.push('');
  lines.push('| size | MB | files |', '| --- | ---: | ---: |');
  lines.push(`| site (dist) | ${(r.sizes.site.bytes / 1024 ** 2).toFixed(1)} | ${r.sizes.site.files} |`);
  lines.push(`| index: pagefind/ | ${(r.sizes.pagefind.bytes / 1024 ** 2).toFixed(1)} | ${r.sizes.pagefind.files} |`);
  lines.push(`| index: search-exact/ | ${(r.sizes.exact.bytes / 1024 ** 2).toFixed(1)} | ${r.sizes.exact.files} |`);
  lines.push(`| archive (content/) | ${(r.sizes.archive.bytes / 1024 ** 2).toFixed(1)} | ${r.sizes.archive.files} |`);
  lines.push(`| build caches (CACHE_DIR) | ${(r.sizes.cache.bytes / 1024 ** 2).toFixed(1)} | ${r.sizes.cache.files} |`);
  lines.push('');
  if (r.payload.status === 'ok') {
    const p = r.payload;
    const parts = (d: Payload['first']) => Object.entries(d.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
    lines.push(`| search (transfer, ${p.compressed ? 'gzip as scripts/serve.ts serves it' : 'raw'}; median of ${p.runs}) | KB | requests | s | parts |`, '| --- | ---: | ---: | ---: | --- |');
    lines.push(`| first: search/?q=${p.firstQuery} | ${(p.first.bytes / 1024).toFixed(0)} | ${p.first.requests} | ${p.first.seconds.toFixed(2)} | ${parts(p.first)} |`);
    lines.push(`| later, same page: ${p.laterQuery} | ${(p.later.bytes / 1024).toFixed(0)} | ${p.later.requests} | ${p.later.seconds.toFixed(2)} | ${parts(p.later)} |`);
    lines.push('', `Status lines: “${p.firstStatus}”; “${p.laterStatus}”.`);
  } else {
    lines.push(`Search payload: ${r.payload.status}: ${r.payload.note}.`);
  }
  if (r.targets.length) {
    lines.push('', '| target | value | limit | met |', '| --- | --- | --- | --- |');
    for (const t of r.targets) lines.push(`| ${t.name} | ${t.value} | ${t.limit} | ${t.pass === null ? 'n/a' : t.pass ? 'yes' : '**no**'} |`);
  }
  for (const p of r.phases) {
    if (!p.hotspots?.length) continue;
    lines.push('', `Hot spots, ${p.name} (self time, all processes of the phase):`);
    for (const h of p.hotspots) lines.push(`- ${h.where}: ${h.seconds.toFixed(1)} s (${(h.share * 100).toFixed(0)} %): ${h.functions.join(', ')}`);
  }
  if (r.work) lines.push('', `Work folder kept: ${r.work} (logs/ has each phase's output).`);
  return `${lines.join('\n')}\n`;
}

if (import.meta.main) {
  const args = parse(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(args ? `${args}\n\n${USAGE}\n` : `${USAGE}\n`);
    process.exit(args ? 2 : 0);
  }
  const result = await bench(args, args.json ? () => undefined : (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : toMarkdown(result));
  const broken = [...result.phases, ...result.additions.flatMap((a) => a.phases)].some((p) => p.status === 'failed');
  process.exitCode = broken ? 1 : 0;
}
