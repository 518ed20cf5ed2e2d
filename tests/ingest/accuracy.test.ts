/**
 * Per-field accuracy on the seeds and the dev openings (text only, and with the
 * pages' URLs as hints). Prints the table; every field must reach 0.95 and
 * every miss must carry a warning.
 */
import { describe, expect, it } from 'vitest';
import { FIELDS, formatAccuracy, measure } from '../../scripts/eval/extraction.ts';

const folders = ['tests/fixtures/seeds', 'tests/fixtures/dev'];

describe('extraction accuracy', () => {
  it.each([
    ['text only', false],
    ['with URL hints', true],
  ])('should reach 0.95 on every field (%s), with a warning on every miss', async (_label, urls) => {
    const result = await measure(folders, { urls });
    console.log(`extraction accuracy (${_label}):\n${formatAccuracy(result)}`);
    for (const field of FIELDS) {
      const { right, total } = result.perField[field];
      expect(total).toBeGreaterThan(0);
      expect(right / total, field).toBeGreaterThanOrEqual(0.95);
    }
    expect(result.misses.filter((m) => !m.warned)).toEqual([]);
  });
});
