/**
 * Fixture tests over the five whole sample reports: metadata and top-level
 * sections match tests/fixtures/seeds/expected.json, and no page chrome is
 * left in a body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agencyCore } from '../../scripts/eval/extraction.ts';
import { analyse } from '../../scripts/ingest/pipeline.ts';

const dir = 'tests/fixtures/seeds';
const truth = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { reports: Record<string, any>[] };
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe.each(truth.reports)('seed $file', (expected: Record<string, any>) => {
  it('should find the title, agency, region, year and dates of the ground truth', async () => {
    const { metadata } = await analyse(join(dir, expected.file));
    expect(norm(metadata.title!)).toBe(norm(expected.title));
    expect(agencyCore(metadata.agency!, metadata.region)).toBe(agencyCore(expected.agency, expected.region));
    expect(metadata.region).toBe(expected.region);
    expect(metadata.regionCode).toBe(expected.regionCode);
    expect(metadata.year).toBe(expected.year);
    expect(metadata.date).toBe(expected.date);
    expect(metadata.dateSource).toBe(expected.dateSource);
    expect(metadata.signedDate).toBe(expected.signedDate);
  });

  it('should give the top-level sections in order and every （一）-level subsection', async () => {
    const { sections } = await analyse(join(dir, expected.file));
    expect(sections.filter((s) => s.depth === 2).map((s) => norm(s.text))).toEqual(expected.sections.map(norm));
    expect(sections.filter((s) => s.depth === 3)).toHaveLength(expected.subsections);
  });

  it('should leave none of the page chrome in the body', async () => {
    const { markdown } = await analyse(join(dir, expected.file));
    for (const chrome of expected.notChrome) expect(markdown).not.toContain(chrome);
  });
});
