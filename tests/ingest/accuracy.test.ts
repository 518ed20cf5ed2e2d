/**
 * The targets of reading real report pages (issue 11), on the seeds and the
 * dev and dev2 openings: every field ≥ 0.95 from the text alone (on the values
 * the text supports); with each page's URL given, at least 90 % of the reports
 * archived complete without hand work; no look-alike archived; no silent
 * error (a wrong value whose field is not in needsReview). Prints the table.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLDERS, FIELDS, formatAccuracy, measure } from '../../scripts/eval/extraction.ts';

describe('extraction accuracy', () => {
  it.each([
    ['text only', false],
    ['with URL hints', true],
  ])('should reach 0.95 on every field, archive no look-alike and make no silent error (%s)', async (label, urls) => {
    const result = await measure(DEFAULT_FOLDERS, { urls });
    console.log(`extraction accuracy (${label}):\n${formatAccuracy(result)}`);
    for (const field of FIELDS) {
      const { right, total } = result.perField[field];
      expect(total).toBeGreaterThan(0);
      expect(right / total, field).toBeGreaterThanOrEqual(0.95);
    }
    expect(result.lookAlikesArchived).toEqual([]);
    expect(result.silent).toEqual([]);
  });

  it('should archive at least 90 % of the reports complete without hand work when each page\'s URL is given', async () => {
    const result = await measure(DEFAULT_FOLDERS, { urls: true });
    expect(result.complete / result.reports).toBeGreaterThanOrEqual(0.9);
  });
});
