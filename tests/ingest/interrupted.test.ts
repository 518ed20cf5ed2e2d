/**
 * An ingest killed mid-run leaves no half-written report: every report file
 * in the archive is whole and valid, and the next run completes the batch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../scripts/ingest/write.ts';

const work = mkdtempSync(join(tmpdir(), 'interrupted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function reportFiles(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'reports'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'));
  } catch {
    return [];
  }
}

describe('an interrupted ingest', () => {
  it('should leave only whole, valid reports when killed mid-run, and finish on the next run', async () => {
    const sources = join(work, 'sources');
    const archive = join(work, 'archive');
    const generated = spawnSync(process.execPath, ['scripts/bench/generate.ts', '400', sources], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);

    const child = spawn(process.execPath, ['scripts/ingest.ts', '--archive', archive, sources], { stdio: 'ignore' });
    // Kill it once some reports are written, while it is still writing others.
    const deadline = Date.now() + 60_000;
    while (reportFiles(archive).length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const written = reportFiles(archive);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(400);
    for (const f of written) {
      const file = join(archive, 'reports', f);
      expect(() => validate(matter(readFileSync(file, 'utf8')).data, file)).not.toThrow();
    }

    const rerun = spawnSync(process.execPath, ['scripts/ingest.ts', '--archive', archive, sources], { encoding: 'utf8' });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(reportFiles(archive)).toHaveLength(400);
    const leftovers = readdirSync(join(archive, 'reports'), { recursive: true }).map(String).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 180_000);
});
