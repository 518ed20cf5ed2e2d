import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexFiles } from '../../../scripts/index-search/index-files.ts';
import { shardsFor, writePostings, writePostingsInWorkers } from '../../../scripts/index-search/postings.ts';
import { gramsOf } from '../../../scripts/index-search/prepare.ts';
import { randomText } from '../../helpers/report-pages.ts';

describe('writePostingsInWorkers', () => {
  const texts = () => Array.from({ length: 40 }, (_, index) => gramsOf([['', 0, [randomText(index, 400), `𠮷${randomText(index + 100, 50)}`]]]));
  const readPostings = (folder: string) =>
    new Map(
      ['postings', 'positions'].flatMap((kind) =>
        readdirSync(join(folder, kind)).map((name): [string, string] => [`${kind}/${name}`, readFileSync(join(folder, kind, name), 'utf8')]),
      ),
    );

  it.each([
    ['in memory', {}],
    ['spilled to temporary files', { inMemory: 100 }],
  ])('should write the postings and position shards writePostings writes, with the same digests (n-grams %s)', async (_, options: { inMemory?: number }) => {
    const expected = new Map<string, string>();
    const here = new IndexFiles((path, contents) => expected.set(path, contents));
    writePostings(texts(), 64, 8, here);

    const folder = mkdtempSync(join(tmpdir(), 'postings-workers-'));
    try {
      const inWorkers = new IndexFiles(() => {
        throw new Error('the workers write the files');
      });
      await writePostingsInWorkers(texts(), 64, 8, inWorkers, folder, 2, { ...options, spill: join(folder, '.grams') });
      expect(readPostings(folder)).toEqual(expected);
      expect(inWorkers.digests).toEqual(here.digests);
      expect(inWorkers.bytes).toBe(here.bytes);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('shardsFor', () => {
  it('should give a small segment up to 64 shards, so a query reads a small part of it', () => {
    expect(shardsFor(12_000)).toBe(64);
    expect(shardsFor(1_000)).toBe(8);
    expect(shardsFor(3_000)).toBe(16);
  });

  it('should give a large segment shards of about 32 KiB of postings', () => {
    expect(shardsFor(43_000_000)).toBe(8192);
    expect(shardsFor(10 ** 10)).toBe(65536);
  });
});
