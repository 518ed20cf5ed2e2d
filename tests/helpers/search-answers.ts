/**
 * What the exact index of a built site answers, as the search page reads
 * it: for comparing two indexes of the same reports by their answers
 * (hits, counts, rank order, rows, excerpts, sections), not their bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExactSearch } from '../../src/search/browser/engine.ts';
import { parseQuery } from '../../src/search/browser/query.ts';
import { EXACT_DIR } from '../../src/search/format.ts';

/** An engine over the index in the site `dir`. */
export const engineOf = (dir: string) => new ExactSearch(async (path) => JSON.parse(readFileSync(join(dir, EXACT_DIR, path), 'utf8')));

/** Everything a reader gets for `queries`: each hit's report, counts and rank, its row and its excerpt. */
export async function answers(dir: string, queries: string[]) {
  const engine = engineOf(dir);
  const out: unknown[] = [];
  for (const query of queries) {
    const { terms } = parseQuery(query);
    const outcome = await engine.search(terms);
    const rows = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
    const details = await Promise.all(outcome.hits.map((hit) => engine.details(hit, terms)));
    out.push({ query, counts: outcome.indexCounts, hits: outcome.hits.map((hit, n) => ({ ...hit, row: rows.get(hit.ordinal), excerpt: details[n].excerpt, sections: details[n].sections })) });
  }
  return out;
}
