/**
 * The search page: reads the search from the URL, runs the exact search,
 * renders results, filters and sort, and keeps the URL in step so a search
 * can be shared and reloaded. `#search-results[data-state]` is `idle`,
 * `loading`, `done` or `error`; `done` means the results on the first
 * screen, their excerpts and section links are in place (results further
 * down get theirs as they come into view).
 *
 * Every count, filter count and order is exact from the index alone, for
 * terms of any length; report texts are fetched only for the excerpts and
 * section links of the results shown.
 *
 * When the exact search finds fewer than `FEW` reports, a separate list
 * offers reports whose title or headings hold similar words (Pagefind),
 * labelled as not exact.
 *
 * This file wires the page together: the search's state, the events and the
 * order of rendering. What is shown is built in `results.ts`, `facets.ts`
 * and `messages.ts`.
 */
import type { FacetField } from '../../filters.ts';
import type { IndexCatalog } from '../../format.ts';
import { ExactSearch, fetchLoader, type Details, type Hit, type Outcome, type Row } from '../engine.ts';
import { parseQuery, type ParsedQuery } from '../query.ts';
import { relatedReports } from '../related.ts';
import {
  applyFilters,
  emptySelection,
  facetCounts,
  hasFilters,
  readState,
  sortHits,
  writeState,
  type SearchState,
} from '../state.ts';
import { element, searchElements, type SearchElements } from './dom.ts';
import { facetGroups } from './facets.ts';
import { advice, announce, contains, failureMessage, refusedQuery, whyNothing } from './messages.ts';
import { relatedList, resultItem } from './results.ts';

/** Results shown at first and added by each 显示更多. */
const PAGE_SIZE = 20;
/** Fewer exact results than this: offer Pagefind's similar ones. */
const FEW = 5;
/** Similar results shown. */
const RELATED_SHOWN = 10;

type PageState = 'idle' | 'loading' | 'done' | 'error';
type Filled = { item: HTMLLIElement; fill: () => Promise<void> };

export function startSearchPage(root: HTMLElement): void {
  new SearchPage(root, searchElements()).start();
}

class SearchPage {
  readonly #base: string;
  readonly #engine: ExactSearch;
  readonly #ui: SearchElements;
  readonly #baseTitle = document.title;
  /** Results further down get their excerpt and sections as they come into view. */
  readonly #observer: IntersectionObserver | undefined;
  readonly #fills = new WeakMap<Element, () => Promise<void>>();
  /** Facets showing all their values. */
  readonly #expanded = new Set<FacetField>();

  /** What the URL says: query, filters, sort. */
  #state: SearchState;
  #parsed: ParsedQuery = parseQuery('');
  #outcome: Outcome | undefined;
  #catalog: IndexCatalog | undefined;
  /** The hits after filters, in the order shown. */
  #shown: Hit[] = [];
  /** Which search is current: a result of an older one is dropped. */
  #run = 0;
  /** Details of this search's hits, by ordinal, once asked for. */
  #details = new Map<number, Promise<Details>>();

  constructor(root: HTMLElement, ui: SearchElements) {
    this.#base = root.dataset.searchBase || '/';
    this.#engine = new ExactSearch(fetchLoader(this.#base));
    this.#ui = ui;
    this.#state = readState(location.search);
    this.#observer =
      'IntersectionObserver' in window
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                if (!entry.isIntersecting) continue;
                this.#observer?.unobserve(entry.target);
                void this.#fills.get(entry.target)?.();
              }
            },
            { rootMargin: '100px 0px' },
          )
        : undefined;
  }

  start(): void {
    const ui = this.#ui;
    // On a phone the filters start folded, so the results come first.
    if (ui.filtersDetails) ui.filtersDetails.open = window.matchMedia('(min-width: 48rem)').matches;
    // Fetch the small catalog as soon as the user shows intent.
    ui.input.addEventListener('focus', () => void this.#engine.catalog().catch(() => undefined), { once: true });
    ui.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const q = ui.input.value.trim();
      this.#state = { ...this.#state, q, filters: q === this.#state.q ? this.#state.filters : emptySelection() };
      const query = writeState(this.#state);
      history.pushState(null, '', query ? `?${query}` : location.pathname);
      void this.#search();
    });
    ui.sort.addEventListener('change', () => {
      this.#state = { ...this.#state, sort: ui.sort.value === 'date' ? 'date' : 'relevance' };
      this.#replaceUrl();
      void this.#update();
    });
    ui.more.addEventListener('click', () => void this.#showMore());
    window.addEventListener('popstate', () => {
      this.#state = readState(location.search);
      void this.#search();
    });
    void this.#search();
  }

  #setState(value: PageState): void {
    this.#ui.results.dataset.state = value;
    this.#ui.results.setAttribute('aria-busy', String(value === 'loading'));
  }

  #replaceUrl(): void {
    const query = writeState(this.#state);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  async #search(): Promise<void> {
    const ui = this.#ui;
    const token = ++this.#run;
    const state = this.#state;
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    if (ui.headerInput) ui.headerInput.value = state.q;
    this.#parsed = parseQuery(state.q);
    this.#outcome = undefined;
    this.#details = new Map();
    document.title = state.q ? `${state.q} 的搜索结果 - ${this.#baseTitle}` : this.#baseTitle;
    if (this.#parsed.terms.length === 0) {
      this.#clearResults();
      ui.toolbar.hidden = true;
      ui.aside.hidden = true;
      ui.status.textContent = '';
      if (this.#parsed.refused) {
        document.title = `无法搜索 - ${this.#baseTitle}`;
        ui.message.replaceChildren(element('p', { class: 'search-error' }, refusedQuery(this.#parsed.refused)));
        this.#setState('done');
      } else if (state.q) {
        ui.message.replaceChildren(element('p', {}, `“${state.q}”只含空格或标点，无法搜索。请输入汉字、数字或字母。`));
        this.#setState('done');
      } else {
        ui.message.replaceChildren();
        this.#setState('idle');
      }
      return;
    }
    this.#setState('loading');
    ui.status.textContent = '正在搜索…';
    try {
      this.#catalog = await this.#engine.catalog();
      const found = await this.#engine.search(this.#parsed.terms);
      if (token !== this.#run) return;
      this.#outcome = found;
      await this.#render(token);
    } catch (error) {
      this.#failed(error, token);
    }
  }

  #failed(error: unknown, token: number): void {
    if (token !== this.#run) return;
    console.warn(error);
    this.#clearResults();
    this.#ui.status.textContent = '搜索出错';
    this.#ui.message.replaceChildren(element('p', { class: 'search-error' }, failureMessage(error)));
    this.#setState('error');
  }

  /** After a filter or sort change: render again. */
  async #update(): Promise<void> {
    const token = this.#run;
    try {
      await this.#render(token);
    } catch (error) {
      this.#failed(error, token);
    }
  }

  #clearResults(): void {
    const ui = this.#ui;
    ui.list.replaceChildren();
    ui.facets.replaceChildren();
    ui.related.replaceChildren();
    ui.related.hidden = true;
    ui.more.hidden = true;
    this.#shown = [];
  }

  /** Render the results, their status line and, when they are few, similar reports. */
  async #render(token = this.#run): Promise<void> {
    const outcome = this.#outcome;
    const catalog = this.#catalog;
    if (!outcome || !catalog) return;
    const ui = this.#ui;
    this.#setState('loading');
    const filtered = sortHits(applyFilters(outcome.hits, this.#state.filters, catalog), this.#state.sort, catalog);
    this.#shown = filtered;
    this.#renderFacets();
    ui.toolbar.hidden = outcome.hits.length === 0;
    ui.aside.hidden = outcome.hits.length === 0;
    ui.message.replaceChildren();
    const items = await this.#resultItems(filtered.slice(0, PAGE_SIZE));
    if (token !== this.#run) return;
    ui.list.replaceChildren(...items.map(({ item }) => item));
    this.#updateMore();
    if (filtered.length === 0) this.#renderEmpty();
    ui.status.textContent = announce(outcome, this.#parsed.terms, this.#parsed.ignored, filtered.length, hasFilters(this.#state.filters));
    await Promise.all([this.#fillVisible(items), this.#renderRelated(token)]);
    if (token !== this.#run) return;
    this.#setState('done');
  }

  #updateMore(): void {
    const rendered = this.#ui.list.children.length;
    this.#ui.more.hidden = rendered >= this.#shown.length;
    this.#ui.more.textContent = `显示更多结果（还有 ${this.#shown.length - rendered} 份）`;
  }

  async #showMore(): Promise<void> {
    const ui = this.#ui;
    const token = this.#run;
    const start = ui.list.children.length;
    this.#setState('loading');
    try {
      const items = await this.#resultItems(this.#shown.slice(start, start + PAGE_SIZE));
      if (token !== this.#run) return;
      ui.list.append(...items.map(({ item }) => item));
      this.#updateMore();
      (ui.list.children[start]?.querySelector('a') as HTMLElement | null)?.focus();
      await this.#fillVisible(items);
    } catch (error) {
      this.#failed(error, token);
      return;
    }
    if (token === this.#run) this.#setState('done');
  }

  /** Fill the items on screen now; the others when they come into view (or get focus). */
  async #fillVisible(items: Filled[]): Promise<void> {
    const now: Array<Promise<void>> = [];
    const height = window.innerHeight || document.documentElement.clientHeight;
    for (const { item, fill } of items) {
      const box = item.getBoundingClientRect();
      if (!this.#observer || (box.bottom > -100 && box.top < height + 100)) now.push(fill());
      else {
        this.#fills.set(item, fill);
        this.#observer.observe(item);
        item.addEventListener('focusin', () => void fill(), { once: true });
      }
    }
    await Promise.all(now);
  }

  async #resultItems(hits: Hit[]): Promise<Filled[]> {
    const rows = await this.#engine.rows(hits.map((hit) => hit.ordinal));
    const token = this.#run;
    const terms = this.#parsed.terms;
    const context = {
      catalog: this.#catalog as IndexCatalog,
      terms,
      query: this.#state.q,
      current: () => token === this.#run,
      details: (hit: Hit) => {
        let found = this.#details.get(hit.ordinal);
        if (!found) {
          found = this.#engine.details(hit, terms);
          this.#details.set(hit.ordinal, found);
          // A failed fetch may be tried again when the result is shown again.
          found.catch(() => this.#details.delete(hit.ordinal));
        }
        return found;
      },
    };
    return hits.map((hit) => resultItem(hit, rows.get(hit.ordinal) as Row, context));
  }

  /** Pagefind's similar reports when the exact search found few. */
  async #renderRelated(token: number): Promise<void> {
    const ui = this.#ui;
    const outcome = this.#outcome;
    ui.related.replaceChildren();
    ui.related.hidden = true;
    if (!outcome || !this.#catalog || outcome.hits.length >= FEW) return;
    let found;
    try {
      const exact = await this.#engine.rows(outcome.hits.map((hit) => hit.ordinal));
      found = await relatedReports(this.#base, this.#state.q, this.#state.filters, new Set([...exact.values()].map((row) => row.url)), RELATED_SHOWN);
    } catch (error) {
      if (token === this.#run) console.warn('similar reports unavailable:', error);
      return;
    }
    if (token !== this.#run || found.length === 0) return;
    ui.related.replaceChildren(...relatedList(found, contains(this.#parsed.terms)));
    ui.related.hidden = false;
  }

  #renderFacets(): void {
    const outcome = this.#outcome;
    const catalog = this.#catalog;
    if (!outcome || !catalog) return;
    const ui = this.#ui;
    const counts = facetCounts(outcome.hits, this.#state.filters, catalog);
    ui.facets.replaceChildren(
      ...facetGroups(counts, this.#expanded, hasFilters(this.#state.filters), {
        toggle: (key, value, on, focusId) => {
          const values = this.#state.filters[key].filter((existing) => existing !== value);
          if (on) values.push(value);
          this.#state = { ...this.#state, filters: { ...this.#state.filters, [key]: values } };
          this.#replaceUrl();
          void this.#update().then(() => document.getElementById(focusId)?.focus());
        },
        expand: (key) => {
          if (this.#expanded.has(key)) this.#expanded.delete(key);
          else this.#expanded.add(key);
          this.#renderFacets();
          (ui.facets.querySelector(`[data-facet="${key}"] button`) as HTMLElement | null)?.focus();
        },
        clear: () => {
          this.#state = { ...this.#state, filters: emptySelection() };
          this.#replaceUrl();
          void this.#update().then(() => ui.input.focus());
        },
      }),
    );
  }

  #renderEmpty(): void {
    const outcome = this.#outcome;
    if (!outcome) return;
    const terms = this.#parsed.terms;
    const total = outcome.hits.length;
    const parts: Node[] = [];
    if (total > 0) {
      const clear = element('button', { type: 'button' }, `清除筛选，查看全部 ${total} 份`);
      clear.addEventListener('click', () => {
        this.#state = { ...this.#state, filters: emptySelection() };
        this.#replaceUrl();
        void this.#update();
      });
      parts.push(element('p', {}, `有 ${total} 份报告${contains(terms)}，但都不符合所选筛选条件。`), element('p', {}, clear));
    } else {
      parts.push(element('p', { class: 'search-empty-title' }, `没有报告${contains(terms)}。`));
      const why = whyNothing(outcome, terms);
      if (why) parts.push(element('p', {}, why));
      parts.push(element('p', {}, '可以试试：'), element('ul', {}, ...advice(terms).map((tip) => element('li', {}, tip))));
    }
    this.#ui.message.replaceChildren(element('div', { class: 'search-empty' }, ...parts));
  }
}
