/** One result of the search page, and the list of similar reports; their excerpts and section links filled in when shown. */
import { chineseDate } from '../../../archive/dates.ts';
import type { IndexCatalog } from '../../format.ts';
import type { Details, Hit, Row } from '../engine.ts';
import { HIGHLIGHT_PARAM } from '../highlight-param.ts';
import type { Term } from '../query.ts';
import type { Related } from '../related.ts';
import { element, marked } from './dom.ts';
import { quoted } from './messages.ts';

/** Section links shown per result. */
const SECTIONS_SHOWN = 6;

/** A result's link: the report page (and section), with the query for the page to mark. */
export function highlightHref(url: string, query: string, hash = ''): string {
  return `${url}?${HIGHLIGHT_PARAM}=${encodeURIComponent(query)}${hash ? `#${hash}` : ''}`;
}

export interface ResultContext {
  catalog: IndexCatalog;
  terms: Term[];
  query: string;
  /** This hit's excerpt and matching sections (fetched once per search). */
  details: (hit: Hit) => Promise<Details>;
  /** Whether the search this result belongs to is still the one shown. */
  current: () => boolean;
}

/** A result item, and `fill`, which puts its excerpt and section links in (once). */
export function resultItem(hit: Hit, row: Row, context: ResultContext): { item: HTMLLIElement; fill: () => Promise<void> } {
  const { catalog, terms, query } = context;
  const date = catalog.date(hit.ordinal);
  const year = catalog.value('year', hit.ordinal);
  const facts = [catalog.value('agency', hit.ordinal), year ? `${year}年度` : '', chineseDate(date)].filter(Boolean).join(' · ');
  const counts = terms.length > 1 ? terms.map((term, index) => `${quoted(term)} ${hit.counts[index]} 处`).join('，') : `${hit.score} 处匹配`;
  const excerpt = element('p', { class: 'search-hit-excerpt' });
  const sections = element('div', { class: 'search-hit-sections' });
  const item = element(
    'li',
    { class: 'search-hit', 'data-report-id': row.id, 'data-date': date, 'data-score': String(hit.score) },
    element('h3', {}, element('a', { href: highlightHref(row.url, query) }, row.title)),
    element('p', { class: 'search-hit-facts' }, facts, element('span', { class: 'search-hit-count' }, ` · ${counts}`)),
    excerpt,
    sections,
  );
  let filled: Promise<void> | undefined;
  const fill = () =>
    (filled ??= (async () => {
      let shown: Details;
      try {
        shown = await context.details(hit);
      } catch (error) {
        if (context.current()) console.warn(error);
        return;
      }
      excerpt.replaceChildren(...marked(shown.excerpt));
      if (shown.sections.length === 0) return;
      const links = shown.sections.slice(0, SECTIONS_SHOWN).map((section) =>
        element(
          'li',
          {},
          element('a', { href: highlightHref(row.url, query, section.id) }, section.heading ?? '标题与开头'),
          element('span', { class: 'count' }, `（${section.count} 处）`),
        ),
      );
      const rest = shown.sections.length - SECTIONS_SHOWN;
      if (rest > 0) links.push(element('li', { class: 'count' }, `另有 ${rest} 节`));
      sections.replaceChildren(element('span', { class: 'label' }, '匹配章节：'), element('ul', {}, ...links));
    })());
  return { item, fill };
}

/** The list of similar reports (Pagefind), labelled as not exact. */
export function relatedList(found: Related[], containsTerms: string): Node[] {
  const items = found.map((report) =>
    element(
      'li',
      { class: 'search-related-hit' },
      element('h3', {}, element('a', { href: report.url }, report.title)),
      element('p', { class: 'search-hit-facts' }, [report.agency, report.year ? `${report.year}年度` : ''].filter(Boolean).join(' · ')),
      element('p', { class: 'search-hit-excerpt' }, ...marked(report.excerpt)),
    ),
  );
  return [
    element('h2', { id: 'search-related-title' }, '标题或章节名含有相近词语的报告（非完全匹配）'),
    element('p', { class: 'search-related-note' }, `以下报告的标题、机构或章节名含有与搜索词相近的词语，正文不一定${containsTerms}。`),
    element('ol', { class: 'search-related-list' }, ...items),
  ];
}
