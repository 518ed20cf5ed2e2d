/**
 * Items 3, 4 and (in part) 10 of issue 13: an archive is locked while ingest
 * writes, so a second run is told and does nothing; what ingest extracted is
 * journalled before each report is written, so a run cut short leaves the
 * state consistent with the reports; and a missing, cut-off or `null`
 * ingest-state.json means every value that differs from the text is kept as
 * a hand edit, as is a field a person added.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/archive/frontmatter.ts';
import { ingestCli, reportsIn, SEED, SEED_ID, tempDir } from '../helpers/ingest-cli.ts';

const reportOf = (archive: string) => join(archive, 'reports', `${SEED_ID}.md`);
const frontmatter = (archive: string) => readFrontmatter(readFileSync(reportOf(archive), 'utf8')).data;

/** An archive with the seed report, its agency corrected by hand and a field added. */
async function correctedArchive(): Promise<string> {
  const archive = tempDir();
  mkdirSync(join(archive, 'sources'));
  cpSync(SEED, join(archive, 'sources/report.txt'));
  expect((await ingestCli(['--archive', archive, join(archive, 'sources')])).code).toBe(0);
  const file = reportOf(archive);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"上海市嘉定区绿化和市容管理局"', '"上海市嘉定区绿化和市容管理局（更正）"').replace('\n---\n', '\nnote: 核对过原件\n---\n'));
  return archive;
}

describe('two ingests into one archive', () => {
  it('should tell the second run that another ingest holds the archive, and write nothing', async () => {
    const archive = tempDir();
    const sources = tempDir();
    const generated = spawnSync(process.execPath, ['scripts/bench/generate.ts', '80', sources], { encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const first = spawn(process.execPath, ['scripts/ingest.ts', '--archive', archive, sources], { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!existsSync(join(archive, '.ingest.lock')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const second = await ingestCli(['--archive', archive, SEED]);
    const exit = await new Promise<number | null>((r) => first.once('exit', r));
    expect(exit).toBe(0);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(new RegExp(`error: ${archive}: another ingest \\(process ${first.pid} on .*\\) is writing into this archive; wait for it to finish and run again`));
    const state = JSON.parse(readFileSync(join(archive, 'ingest-state.json'), 'utf8'));
    expect(Object.keys(state).sort()).toEqual(reportsIn(archive).map((f) => f.replace(/\.md$/, '')));
    expect(existsSync(join(archive, '.ingest.lock'))).toBe(false);
  }, 60_000);

  it('should take over the lock of a run that was killed, with a note', async () => {
    const archive = tempDir();
    mkdirSync(archive, { recursive: true });
    writeFileSync(join(archive, '.ingest.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), started: '2020-01-01T00:00:00.000Z' }));
    const { code, err } = await ingestCli(['--archive', archive, SEED]);
    expect(code, err).toBe(0);
    expect(err).toMatch(/warning: took over .*\.ingest\.lock, left by process \d+ \(started 2020-01-01T00:00:00.000Z\), which is no longer running/);
  });
});

describe('the state after a run cut short', () => {
  it('should ignore a journalled extraction whose report was not written', async () => {
    const archive = await correctedArchive();
    const state = JSON.parse(readFileSync(join(archive, 'ingest-state.json'), 'utf8'));
    // Killed after journalling an extraction, before writing the report (and a line cut off):
    writeFileSync(
      join(archive, 'ingest-state.journal'),
      `${JSON.stringify({ id: SEED_ID, values: { ...state[SEED_ID], agency: '未写入的值' }, digest: 'not-the-file-on-disk' })}\n{"id": "cut of`,
    );
    const { err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(err).toMatch(/kept agency as corrected by hand/);
    expect(frontmatter(archive).agency).toBe('上海市嘉定区绿化和市容管理局（更正）');
    expect(existsSync(join(archive, 'ingest-state.journal'))).toBe(false);
  });

  it('should take a journalled extraction whose report was written, though the state file was not', async () => {
    const archive = await correctedArchive();
    const state = JSON.parse(readFileSync(join(archive, 'ingest-state.json'), 'utf8'));
    // Killed after writing this report (the agency below is what it wrote), before the state file:
    const onDisk = readFileSync(reportOf(archive), 'utf8');
    const digest = createHash('sha256').update(onDisk).digest('hex');
    writeFileSync(join(archive, 'ingest-state.journal'), `${JSON.stringify({ id: SEED_ID, values: { ...state[SEED_ID], agency: '上海市嘉定区绿化和市容管理局（更正）' }, digest })}\n`);
    const { err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(err).toMatch(/warning: took 1 report\(s\) from .*ingest-state\.journal, left by a run that did not finish/);
    expect(err).not.toMatch(/kept agency/);
    expect(frontmatter(archive).agency).toBe('上海市嘉定区绿化和市容管理局');
  });
});

describe('a missing or unreadable ingest-state.json', () => {
  it.each([
    ['missing', null, /ingest-state\.json is missing, so every value of an archived report that differs from its text is kept as a hand edit/],
    ['cut off', '{"2022/310114-lhhsrglj": {"title": "嘉', /ingest-state\.json cannot be read \(.*\), so every value/],
    ['null', 'null', /ingest-state\.json cannot be read \(it holds null\), so every value/],
  ])('should keep a hand-corrected agency and an added field when the state is %s, with a warning', async (_how, contents, warning) => {
    const archive = await correctedArchive();
    const state = join(archive, 'ingest-state.json');
    if (contents === null) rmSync(state);
    else writeFileSync(state, contents);
    const { code, err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(code, err).toBe(0);
    expect(err).toMatch(warning);
    expect(err).toMatch(/kept agency as found in the report \(上海市嘉定区绿化和市容管理局（更正）; the text gives 上海市嘉定区绿化和市容管理局\) and locked it/);
    expect(frontmatter(archive)).toMatchObject({ agency: '上海市嘉定区绿化和市容管理局（更正）', note: '核对过原件', locked: ['agency'] });
    // The state is written afresh: the next run changes nothing and says nothing of it.
    const again = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(again.err).not.toMatch(/ingest-state\.json/);
    expect(again.err).toMatch(/unchanged 1/);
  });

  it('should keep a field added by hand when the state is there too', async () => {
    const archive = await correctedArchive();
    await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(frontmatter(archive).note).toBe('核对过原件');
  });
});
