/**
 * Item 10 of issue 13 (ingest's part): what used to abort the whole batch
 * with a stack trace is a message that names the file and what to do, and
 * the rest of the batch goes through: 5,000 nested <div>, a report in the
 * archive whose frontmatter has a duplicate key, a `!!js/function` tag or an
 * alias bomb, and two sources whose 250-byte names leave no room for -2.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCli, reportsIn, SEED, SEED_ID, tempDir } from '../helpers/ingest-cli.ts';

const OTHER_SEED = 'tests/fixtures/seeds/001_6ad3d41dcde242a3.txt';

describe('a hostile source beside a good one', () => {
  it('should refuse 5,000 nested <div> with a message, and convert the rest', async () => {
    const sources = tempDir();
    const archive = tempDir();
    const prose = '<p>2023年，区司法局在区委、区政府的坚强领导下，深入学习贯彻习近平法治思想，全面推进法治政府建设。</p>';
    writeFileSync(join(sources, 'a-deep.html'), `<html><body>${'<div>'.repeat(5000)}${prose}${'</div>'.repeat(5000)}</body></html>`);
    cpSync(SEED, join(sources, 'b-report.txt'));
    const { code, err } = await ingestCli(['--archive', archive, sources]);
    expect(err).toMatch(/error: .*a-deep\.html: the page nests its elements too deeply to be read .*save the report's text as a \.txt file and ingest that/);
    expect(err).not.toMatch(/^\s+at /m);
    expect(err).toMatch(/converted 1, .*failed 1/);
    expect(code).toBe(1);
  });

  it('should keep two sources whose 250-byte names leave no room for a -2 suffix', async () => {
    const sources = [tempDir(), tempDir()];
    const archive = tempDir();
    const name = `${'报'.repeat(82)}.txt`; // 246 + 4 bytes
    cpSync(SEED, join(sources[0], name));
    cpSync(OTHER_SEED, join(sources[1], name));
    const { code, err } = await ingestCli(['--archive', archive, join(sources[0], name), join(sources[1], name)]);
    expect(code, err).toBe(0);
    expect(err).toMatch(/converted 2/);
    const kept = readdirSync(join(archive, 'sources/imported'));
    expect(kept).toHaveLength(2);
    for (const file of kept) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
  });
});

describe('a report in the archive whose frontmatter cannot be read', () => {
  const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefg'[index]}`).join(',')}]`)].join('\n');
  it.each([
    ['a duplicate key', (text: string) => text.replace(/^(agency: .*)$/m, '$1\n$1'), /a key appears twice: .* \(line \d+ of the file\)/],
    ['a !!js/function tag', (text: string) => text.replace(/^title: .*$/m, 'title: !!js/function "function () { return 1 }"'), /a YAML tag that a report does not use: Unresolved tag: tag:yaml\.org,2002:js\/function/],
    ['an alias bomb', (text: string) => text.replace('---\n', `---\n${ALIAS_BOMB}\n`), /Excessive alias count/],
  ])('should name the file when it has %s, leave it as it is, and go on with the batch', async (_what, spoil, problem) => {
    const archive = tempDir();
    mkdirSync(join(archive, 'sources'));
    cpSync(SEED, join(archive, 'sources/report.txt'));
    await ingestCli(['--archive', archive, join(archive, 'sources')]);
    const file = join(archive, 'reports', `${SEED_ID}.md`);
    const spoiled = spoil(readFileSync(file, 'utf8'));
    writeFileSync(file, spoiled);
    cpSync(OTHER_SEED, join(archive, 'sources/other.txt'));
    const started = performance.now();
    const { code, err } = await ingestCli(['--archive', archive, join(archive, 'sources')]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(err).toMatch(new RegExp(`warning: ${file}: the frontmatter cannot be read \\(${problem.source}`));
    expect(err).toMatch(/error: .*report\.txt: its report .* has frontmatter ingest cannot read .*; fix that file by hand, then run ingest again/);
    expect(err).toMatch(/converted 1, .*failed 1/);
    expect(code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(spoiled);
    expect(reportsIn(archive)).toHaveLength(2);
  });
});
