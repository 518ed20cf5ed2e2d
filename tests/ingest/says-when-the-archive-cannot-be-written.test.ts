/**
 * Item 10 of issue 13 (writing): a full disk (ENOSPC) or a read-only archive
 * (EROFS, EACCES) is a message that names the file and what to do, not a
 * stack trace, and leaves the state consistent with the reports on disk.
 * The file system's failures are simulated: node:fs fails the writes under
 * a path the test names.
 */
import * as fs from 'node:fs';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ingestCli, reportsIn, SEED, tempDir } from '../helpers/ingest-cli.ts';

const failing: { under: string; code: string } = { under: '', code: '' };

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const guard = <F extends (...args: never[]) => unknown>(write: F) =>
    ((...args: Parameters<F>) => {
      const path = String(args[0]);
      if (failing.under && path.startsWith(failing.under)) throw Object.assign(new Error(`${failing.code}: simulated, ${path}`), { code: failing.code });
      return write(...args);
    }) as unknown as F;
  return { ...real, writeFileSync: guard(real.writeFileSync), appendFileSync: guard(real.appendFileSync), mkdirSync: guard(real.mkdirSync), openSync: guard(real.openSync) };
});

afterEach(() => Object.assign(failing, { under: '', code: '' }));

const OTHER_SEED = 'tests/fixtures/seeds/001_6ad3d41dcde242a3.txt';

describe('an archive that cannot be written', () => {
  it('should say so for each report when the disk is full, and keep the state consistent with what is on disk', async () => {
    const archive = tempDir();
    expect((await ingestCli(['--archive', archive, SEED])).code).toBe(0);
    const state = readFileSync(join(archive, 'ingest-state.json'), 'utf8');
    Object.assign(failing, { under: join(archive, 'reports/2018'), code: 'ENOSPC' });
    const { code, err } = await ingestCli(['--archive', archive, OTHER_SEED]);
    expect(code, err).toBe(1);
    expect(err).toMatch(/error: tests\/fixtures\/seeds\/001_6ad3d41dcde242a3\.txt: cannot write .*reports\/2018\/.*\.md: no space left on the device holding .* \(ENOSPC\); free some space and run ingest again/);
    expect(err).not.toMatch(/^\s+at /m);
    expect(reportsIn(archive)).toHaveLength(1);
    expect(readFileSync(join(archive, 'ingest-state.json'), 'utf8')).toBe(state);
    // With space again, the next run archives it.
    Object.assign(failing, { under: '', code: '' });
    expect((await ingestCli(['--archive', archive, OTHER_SEED])).err).toMatch(/converted 1/);
  });

  it('should say the archive is read-only, not that a file is missing', async () => {
    const archive = tempDir();
    mkdirSync(join(archive, 'reports'), { recursive: true });
    cpSync(SEED, join(archive, 'new.txt'));
    Object.assign(failing, { under: archive, code: 'EROFS' });
    const { code, err } = await ingestCli(['--archive', archive, SEED]);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`error: ${archive}: cannot write ${archive}.*: the archive ${archive} is on a read-only file system \\(EROFS\\); make it writable, or pass --archive with a folder you can write to`));
    expect(err).not.toMatch(/ENOENT/);
  });

  it('should say which file it could not write when the archive is not writable by this user', async () => {
    const archive = tempDir();
    expect((await ingestCli(['--archive', archive, SEED])).code).toBe(0);
    Object.assign(failing, { under: join(archive, 'sources'), code: 'EACCES' });
    const { code, err } = await ingestCli(['--archive', archive, OTHER_SEED]);
    expect(code).toBe(1);
    expect(err).toMatch(/error: .*001_6ad3d41dcde242a3\.txt: cannot write .*sources\/imported\/001_6ad3d41dcde242a3\.txt: the archive .* is not writable by this user \(EACCES\)/);
    expect(fs.existsSync(join(archive, 'ingest-state.journal'))).toBe(false);
  });
});
