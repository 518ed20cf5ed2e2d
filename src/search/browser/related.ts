/**
 * Reports whose title, agency or section headings hold words like the
 * query's, from Pagefind (`<base>pagefind/`, see `scripts/index-search.ts`):
 * not exact matches, offered when the exact search finds few. Pagefind is
 * loaded only then; an index built in parts (`pagefind/parts.json`) is
 * merged (`mergeIndex`).
 */
import { SEARCH_FILTERS } from '../filters.ts';
import type { Selection } from './state.ts';

export interface Related {
  url: string;
  title: string;
  agency: string;
  year: string;
  /** The excerpt as text pieces, the matching words marked. */
  excerpt: Array<{ text: string; mark: boolean }>;
}

export interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface Pagefind {
  search: (query: string, options?: { filters?: Record<string, { any: string[] }> }) => Promise<{ results: Array<{ data: () => Promise<PagefindResult> }> } | null>;
  mergeIndex: (path: string) => Promise<void>;
  init: () => Promise<void>;
}

const loaded = new Map<string, Promise<Pagefind>>();

/** Pagefind for the site at `base`, loaded (its parts merged) once per page; a failed load is tried again next time. */
export function loadPagefind(base: string): Promise<Pagefind> {
  let pagefind = loaded.get(base);
  if (!pagefind) {
    pagefind = load(base);
    loaded.set(base, pagefind);
    pagefind.catch(() => loaded.delete(base));
  }
  return pagefind;
}

async function load(base: string): Promise<Pagefind> {
  const root = `${base}pagefind/`;
  const pagefind = (await import(/* @vite-ignore */ `${root}pagefind.js`)) as Pagefind;
  await pagefind.init();
  const parts = (await (await fetch(`${root}parts.json`)).json()) as string[];
  for (const part of parts) if (part) await pagefind.mergeIndex(`${root}${part}`);
  return pagefind;
}

const FILTER_NAMES: Record<keyof Selection, string> = {
  year: SEARCH_FILTERS.year,
  province: SEARCH_FILTERS.province,
  city: SEARCH_FILTERS.city,
  agency: SEARCH_FILTERS.agency,
  level: SEARCH_FILTERS.level,
};

/** Pagefind's excerpt (HTML with `<mark>`) as text pieces, never as markup. */
export function excerptPieces(html: string): Array<{ text: string; mark: boolean }> {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const pieces: Array<{ text: string; mark: boolean }> = [];
  for (const node of doc.body.childNodes) {
    const text = node.textContent ?? '';
    if (text) pieces.push({ text, mark: node.nodeName === 'MARK' });
  }
  return pieces;
}

/** Up to `limit` reports Pagefind finds for `query` within `selection`, leaving out the URLs in `exclude`. */
export async function relatedReports(base: string, query: string, selection: Selection, exclude: Set<string>, limit = 10): Promise<Related[]> {
  const pagefind = loadPagefind(base);
  const filters: Record<string, { any: string[] }> = {};
  for (const [key, name] of Object.entries(FILTER_NAMES) as Array<[keyof Selection, string]>) {
    if (selection[key].length > 0) filters[name] = { any: selection[key] };
  }
  const search = await (await pagefind).search(query, { filters });
  if (!search) return [];
  const data = await Promise.all(search.results.slice(0, limit + exclude.size).map((result) => result.data()));
  return data
    // A result with nothing marked matched no word of the query (all were dropped as unknown).
    .filter((result) => !exclude.has(result.url) && result.excerpt.includes('<mark>'))
    .slice(0, limit)
    .map((result) => ({
      url: result.url,
      title: result.meta.title ?? result.url,
      agency: result.meta.agency ?? '',
      year: result.meta.year ?? '',
      excerpt: excerptPieces(result.excerpt),
    }));
}
