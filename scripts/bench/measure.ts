/**
 * Running one benchmark phase as a child process and measuring it: wall
 * time (performance.now) and peak memory, the largest sum of VmRSS over the
 * process and all its descendants (Pagefind runs a binary child), sampled
 * from /proc every ~100 ms. Output goes to a log file, not to the terminal.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PhaseRun {
  /** Exit code 0. */
  ok: boolean;
  code: number | null;
  seconds: number;
  /** Peak of the summed RSS of the process tree, in bytes (0 where /proc is missing). */
  peakRss: number;
  /**
   * User + system CPU seconds of the process tree: each process's own
   * utime + stime as last sampled (so up to one interval of each is missed),
   * null where /proc is missing.
   */
  cpuSeconds: number | null;
  /** The end of stdout and stderr, for error messages. */
  tail: string;
}

export interface PhaseOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** File that receives stdout and stderr. */
  log: string;
  /** Sampling interval in ms (default: 100). */
  interval?: number;
}

/** USER_HZ: the unit of utime and stime in /proc/<pid>/stat (100 on Linux). */
const CLOCK_TICKS = 100;

/** Runs `command args…`, returns when it exits. */
export function runPhase(command: string, args: string[], options: PhaseOptions): Promise<PhaseRun> {
  return new Promise((resolvePromise) => {
    const log = createWriteStream(options.log, { flags: 'a' });
    log.write(`$ ${command} ${args.join(' ')}\n`);
    let tail = '';
    const keep = (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4000);
    };
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakRss = 0;
    const cpuTicks = new Map<number, number>();
    const sample = () => {
      if (child.pid !== undefined) peakRss = Math.max(peakRss, treeRss(child.pid, cpuTicks));
    };
    const timer = setInterval(sample, options.interval ?? 100);
    sample();
    const finish = (code: number | null, error?: Error) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (error) keep(Buffer.from(`\n${error.message}\n`));
      let ticks = 0;
      for (const t of cpuTicks.values()) ticks += t;
      const cpuSeconds = cpuTicks.size > 0 ? ticks / CLOCK_TICKS : null;
      log.end(() => resolvePromise({ ok: code === 0, code, seconds, peakRss, cpuSeconds, tail }));
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}

/**
 * Summed VmRSS (bytes) of a process and all its descendants, read from /proc.
 * With `cpuTicks`, records each one's own CPU time (utime + stime, in ticks) too.
 */
export function treeRss(root: number, cpuTicks?: Map<number, number>): number {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the comm.
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop()!;
    total += rssOf(pid);
    if (cpuTicks && ticks.has(pid)) cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, ticks.get(pid)!));
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Total size of the files under a folder (bytes) and their number; zeros when it does not exist. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    let list;
    try {
      list = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of list) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += statSync(full).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Bytes as MB, or GB past one; `–` for none. */
export function mb(bytes: number | null): string {
  if (bytes === null) return '–';
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}
