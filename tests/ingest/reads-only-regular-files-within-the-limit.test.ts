/**
 * Item 9 of issue 13: a named pipe, or a symbolic link to /dev/zero, in a
 * source folder is refused with a message, at once, and the rest of the
 * folder is archived; ingest never waits on a pipe nor reads past the limit.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCli, reportsIn, SEED, tempDir } from '../helpers/ingest-cli.ts';

describe('a source folder holding what is not a file', () => {
  it('should refuse a named pipe and a link to /dev/zero without waiting, and archive the report beside them', async () => {
    const sources = tempDir();
    const archive = tempDir();
    cpSync(SEED, join(sources, 'b-report.txt'));
    expect(spawnSync('mkfifo', [join(sources, 'a-pipe.txt')]).status).toBe(0);
    symlinkSync('/dev/zero', join(sources, 'c-zero.txt'));
    const started = performance.now();
    const { code, err } = await ingestCli(['--archive', archive, sources]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(err).toMatch(/error: .*a-pipe\.txt: is a named pipe \(FIFO\), not a file; ingest reads only regular files/);
    expect(err).toMatch(/error: .*c-zero\.txt: is a character device \(like \/dev\/zero\) \(a symbolic link to \/dev\/zero\), not a file/);
    expect(err).toMatch(/converted 1, .*failed 2/);
    expect(code).toBe(1);
    expect(reportsIn(archive)).toHaveLength(1);
  }, 15_000);

  it('should read a symbolic link to a regular file', async () => {
    const sources = tempDir();
    symlinkSync(join(process.cwd(), SEED), join(sources, 'linked.txt'));
    const { code, err } = await ingestCli(['--dry-run', '--archive', tempDir(), sources]);
    expect(code, err).toBe(0);
    expect(err).toMatch(/checked 1/);
  });
});
