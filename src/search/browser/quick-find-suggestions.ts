/**
 * What quick find (`quick-find.ts`) suggests from Pagefind's results: pure,
 * and loaded only once something is typed, with the normalisation it
 * matches agency names by.
 */
import { normalise } from '../normalise.ts';
import type { PagefindResult } from './related.ts';

/** Reports and agencies suggested at most. */
const REPORTS_SHOWN = 6;
const AGENCIES_SHOWN = 3;

export interface Suggestion {
  kind: 'agency' | 'report' | 'search';
  href: string;
  title: string;
  /** Year and agency of a report, region of an agency. */
  detail: string;
}

/** A report page's URL; its last part is the agency's key (`src/archive/layout.ts`, which needs Node, says so too). */
const REPORT_URL = /\/reports\/\d{4}\/([^/]+)\/$/;

/**
 * The suggestions for `query` from Pagefind's results (best first): the
 * agencies whose name or region holds every word typed, the reports, and a
 * last entry for the exact full-text search. `base` is the site's base path.
 */
export function suggestionsOf(results: PagefindResult[], query: string, base: string): Suggestion[] {
  const words = query.split(/\s+/).map(normalise).filter(Boolean);
  const reports: Suggestion[] = [];
  const agencies = new Map<string, Suggestion>();
  for (const result of results) {
    // A result with nothing marked matched no word of the query (all were dropped as unknown).
    if (!result.excerpt.includes('<mark>')) continue;
    const { title = '', agency = '', year = '', region = '' } = result.meta;
    const key = REPORT_URL.exec(result.url.replace(/[?#].*$/, ''))?.[1];
    if (reports.length < REPORTS_SHOWN) reports.push({ kind: 'report', href: result.url, title: title || result.url, detail: [year && `${year}年度`, agency].filter(Boolean).join(' · ') });
    if (!key || !agency) continue;
    const named = normalise(`${agency}${region}`);
    if (!agencies.has(key) && words.length > 0 && words.every((word) => named.includes(word))) {
      agencies.set(key, { kind: 'agency', href: `${base}agencies/${key}/`, title: agency, detail: region });
    }
  }
  const search: Suggestion = { kind: 'search', href: `${base}search/?q=${encodeURIComponent(query)}`, title: `全文搜索“${query}”`, detail: '逐字匹配正文' };
  return [...[...agencies.values()].slice(0, AGENCIES_SHOWN), ...reports, search];
}
