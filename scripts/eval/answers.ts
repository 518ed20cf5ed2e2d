/**
 * What the exact index of a built site answers, as the search page reads
 * it: for comparing two indexes of the same reports by their answers
 * (hits, counts, rank order, rows, excerpts, sections), not their bytes.
 *
 *     node scripts/eval/answers.ts <site A> <site B>    exit 1 when some answer differs
 *
 * The command compares the readers' queries (`READER_QUERIES`) and a few
 * short ones: every hit, and the rows and excerpts of the first 20 of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ExactSearch } from '../../src/search/browser/engine.ts';
import { parseQuery } from '../../src/search/browser/query.ts';
import { EXACT_DIR } from '../../src/search/format.ts';

/** An engine over the index in the site `dir`. */
export const engineOf = (dir: string) => new ExactSearch(async (path) => JSON.parse(readFileSync(join(dir, EXACT_DIR, path), 'utf8')));

/** Everything a reader gets for `queries`: each hit's report, counts and rank, and for the first `detailed` hits their row and excerpt. */
export async function answers(dir: string, queries: string[], detailed = Infinity) {
  const engine = engineOf(dir);
  const out: unknown[] = [];
  for (const query of queries) {
    const { terms } = parseQuery(query);
    const outcome = await engine.search(terms);
    const shown = outcome.hits.slice(0, detailed);
    const rows = await engine.rows(shown.map((hit) => hit.ordinal));
    const details = await Promise.all(shown.map((hit) => engine.details(hit, terms)));
    out.push({
      query,
      counts: outcome.indexCounts,
      hits: outcome.hits.map((hit, n) => (n < shown.length ? { ...hit, row: rows.get(hit.ordinal), excerpt: details[n].excerpt, sections: details[n].sections } : hit)),
    });
  }
  return out;
}

if (import.meta.main) {
  const [a, b, ...rest] = process.argv.slice(2);
  if (!a || !b || rest.length) {
    process.stderr.write('Usage: node scripts/eval/answers.ts <site A> <site B>\n');
    process.exit(2);
  }
  const { READER_QUERIES } = await import('./search.ts');
  const queries = [...READER_QUERIES, '法治', '政府', '执法 监督', '年度'];
  const [left, right] = [await answers(a, queries, 20), await answers(b, queries, 20)];
  const differ = queries.filter((_, n) => !isDeepStrictEqual(left[n], right[n]));
  const hits = left.reduce<number>((sum, one) => sum + (one as { hits: unknown[] }).hits.length, 0);
  process.stdout.write(`${queries.length} queries, ${hits} hits in ${a}: ${differ.length === 0 ? 'the same answers in both' : `${differ.length} differ: ${differ.join(', ')}`}\n`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}
