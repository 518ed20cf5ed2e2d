/**
 * The project's commands run in-process, as `npm run ingest` or `npm run
 * review` run them (`main(argv, out, err)`), with their streams captured,
 * and temporary folders that are removed after each test.
 */
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import { main } from '../../scripts/ingest.ts';

/** A command's `main`: arguments and the two streams in, the exit code out. */
export type Main = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

/** Run a command's `main` with `args`; its exit code and what it wrote to each stream. */
export async function runMain(command: Main, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (chunk) => (o += chunk));
  err.on('data', (chunk) => (e += chunk));
  const code = await command(args, out, err);
  return { code, out: o, err: e };
}

/** The ingest command with `args`. */
export const ingestCli = (args: string[]) => runMain(main, args);

const temps: string[] = [];

/** A new temporary folder, removed after the test. */
export function tempDir(prefix = 'ingest-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The report files of an archive, as paths under reports/. */
export function reportsIn(archive: string): string[] {
  const dir = join(archive, 'reports');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort() : [];
}

/** A seed report that ingest archives as reports/2022/310114-lhhsrglj.md. */
export const SEED = 'tests/fixtures/seeds/000_4b59215cab437b17.txt';
export const SEED_ID = '2022/310114-lhhsrglj';
