/**
 * The search page: reads the search from the URL, runs the exact search,
 * renders results, filters and sort, and keeps the URL in step so a search
 * can be shared and reloaded. `#search-results[data-state]` is `idle`,
 * `loading`, `done` or `error`; `done` means the results on the first
 * screen, their excerpts and section links are in place (results further
 * down get theirs as they come into view).
 *
 * Terms longer than `MAX_GRAM` characters have candidates that must be
 * confirmed against their texts: they are confirmed in the order shown,
 * within `BUDGET` bytes of text unless they all fit in it, the page
 * rendering results as they are confirmed; what is left is said plainly,
 * with a button to confirm the rest (`verify=all` in the URL confirms all
 * at once; `verify=<KiB>` sets the budget). An unconfirmed report is never shown as a result.
 *
 * When the exact search finds fewer than `FEW` reports, a separate list
 * offers reports whose title or headings hold similar words (Pagefind),
 * labelled as not exact.
 */
import { ExactSearch, StaleSearch, fetchLoader, type Details, type Hit, type Outcome, type Row } from './engine.ts';
import type { Catalog } from './format.ts';
import { parseQuery, type ParsedQuery, type Term } from './query.ts';
import { relatedReports, type Related } from './related.ts';
import {
  FACETS,
  Filter,
  applyFilters,
  emptySelection,
  facetCounts,
  hasFilters,
  readState,
  sortHits,
  writeState,
  type FacetKey,
  type SearchState,
} from './state.ts';

/** Results shown at first and added by each 显示更多. */
const PAGE_SIZE = 20;
/** Facet values shown before 显示全部. */
const FACET_VALUES_SHOWN = 8;
/** Section links shown per result. */
const SECTIONS_SHOWN = 6;
/** Text bytes confirmation may fetch before it stops (once the first page is full). */
const BUDGET = 2 * 1024 * 1024;
/** Fewer exact results than this: offer Pagefind's similar ones. */
const FEW = 5;
/** Similar results shown. */
const RELATED_SHOWN = 10;
/** URL parameter the report page's highlighter reads. */
export const HIGHLIGHT_PARAM = 'highlight';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const quoted = (term: Term) => `“${term.raw}”`;
const joinTerms = (terms: Term[]) => terms.map(quoted).join('和');
/** `包含“法治”`, or `同时包含“法治”和“政府”`. */
const contains = (terms: Term[]) => `${terms.length > 1 ? '同时' : ''}包含${joinTerms(terms)}`;

function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : date;
}

export function startSearchPage(root: HTMLElement): void {
  const base = root.dataset.searchBase || '/';
  const engine = new ExactSearch(fetchLoader(base));
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-q');
  const status = byId<HTMLElement>('search-status');
  const results = byId<HTMLElement>('search-results');
  const message = byId<HTMLElement>('search-message');
  const list = byId<HTMLOListElement>('search-list');
  const more = byId<HTMLButtonElement>('search-more');
  const pendingBox = byId<HTMLElement>('search-pending');
  const relatedBox = byId<HTMLElement>('search-related');
  const aside = byId<HTMLElement>('search-filters');
  const facetsBox = byId<HTMLElement>('search-facets');
  const sortSelect = byId<HTMLSelectElement>('search-sort');
  const toolbar = byId<HTMLElement>('search-toolbar');
  const baseTitle = document.title;
  // On a phone the filters start folded, so the results come first.
  const filtersDetails = document.getElementById('search-filters-details') as HTMLDetailsElement | null;
  if (filtersDetails) filtersDetails.open = window.matchMedia('(min-width: 48rem)').matches;

  let state: SearchState = readState(location.search);
  let parsed: ParsedQuery = parseQuery('');
  let outcome: Outcome | undefined;
  let catalog: Catalog | undefined;
  let shown: Hit[] = [];
  let run = 0;
  /** Details of this search's hits, by ordinal, once asked for. */
  let details = new Map<number, Promise<Details>>();
  const expanded = new Set<FacetKey>();

  const setState = (value: 'idle' | 'loading' | 'done' | 'error') => {
    results.dataset.state = value;
    results.setAttribute('aria-busy', String(value === 'loading'));
  };

  // Results further down get their excerpt and sections as they come into view.
  const fills = new WeakMap<Element, () => Promise<void>>();
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              void fills.get(entry.target)?.();
            }
          },
          { rootMargin: '100px 0px' },
        )
      : undefined;

  // Fetch the small catalogue as soon as the user shows intent.
  input.addEventListener('focus', () => void engine.catalog().catch(() => undefined), { once: true });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    state = { ...state, q, filters: q === state.q ? state.filters : emptySelection() };
    const query = writeState(state);
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void search();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' };
    replaceUrl();
    void update();
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = readState(location.search);
    void search();
  });

  function replaceUrl() {
    const query = writeState(state);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  async function search() {
    const token = ++run;
    input.value = state.q;
    sortSelect.value = state.sort;
    syncHeaderBox();
    parsed = parseQuery(state.q);
    outcome = undefined;
    details = new Map();
    document.title = state.q ? `${state.q} 的搜索结果 - ${baseTitle}` : baseTitle;
    if (parsed.terms.length === 0) {
      clearResults();
      toolbar.hidden = true;
      aside.hidden = true;
      status.textContent = '';
      if (state.q) {
        message.replaceChildren(element('p', {}, `“${state.q}”只含空格或标点，无法搜索。请输入汉字、数字或字母。`));
        setState('done');
      } else {
        message.replaceChildren();
        setState('idle');
      }
      return;
    }
    setState('loading');
    status.textContent = '正在搜索…';
    try {
      catalog = await engine.catalog();
      const found = await engine.search(parsed.terms);
      if (token !== run) return;
      outcome = found;
      await confirmAndRender(token, state.verify === 'all');
    } catch (error) {
      failed(error, token);
    }
  }

  function failed(error: unknown, token: number) {
    if (error instanceof StaleSearch || token !== run) return;
    console.warn(error);
    clearResults();
    status.textContent = '搜索出错';
    message.replaceChildren(element('p', { class: 'search-error' }, '搜索索引未能加载，请检查网络后刷新页面重试。'));
    setState('error');
  }

  /** After a filter or sort change: render, confirming more first if the page would not be full. */
  async function update() {
    const token = run;
    try {
      await confirmAndRender(token, false);
    } catch (error) {
      failed(error, token);
    }
  }

  /** Pending candidates in the order results would show: those the filters let through first. */
  function pendingOrder(): number[] {
    if (!outcome || !catalog) return [];
    const filter = new Filter(catalog, state.filters);
    const candidates = [...outcome.pending.values()].map((candidate) => ({ ordinal: candidate.ordinal, score: candidate.bound }));
    const sorted = sortHits(candidates, state.sort, catalog);
    return [...sorted.filter((c) => filter.passes(c.ordinal)), ...sorted.filter((c) => !filter.passes(c.ordinal))].map((c) => c.ordinal);
  }

  /** Confirm pending candidates (all of them, or within the budget), rendering as they come; then render. */
  async function confirmAndRender(token: number, all: boolean) {
    if (!outcome || !catalog) return;
    if (outcome.pending.size > 0) {
      const order = pendingOrder();
      const bytes = order.reduce((sum, ordinal) => sum + (catalog as Catalog).textBytes(ordinal), 0);
      const visible = () => applyFilters((outcome as Outcome).hits, state.filters, catalog as Catalog).length;
      const budget = typeof state.verify === 'number' ? state.verify * 1024 : BUDGET;
      const budgeted = !all && bytes > budget;
      if (!budgeted || visible() < PAGE_SIZE) {
        setState('loading');
        let rendering: Promise<void> | undefined;
        let lastRender = performance.now();
        await engine.confirm(outcome, order, {
          budget: budgeted ? budget : undefined,
          enough: budgeted ? () => visible() >= PAGE_SIZE : undefined,
          isStale: () => token !== run,
          onProgress: (done, total, hit) => {
            if (token !== run) return;
            status.textContent = `正在核对原文：${done} / ${total}`;
            // Show confirmed results as they come, a few times a second.
            if (hit && !rendering && performance.now() - lastRender > 300) {
              rendering = render(token, false).finally(() => {
                rendering = undefined;
                lastRender = performance.now();
              });
            }
          },
        });
        await rendering;
      }
    }
    if (token !== run) return;
    await render(token, true);
  }

  function clearResults() {
    list.replaceChildren();
    facetsBox.replaceChildren();
    pendingBox.replaceChildren();
    relatedBox.replaceChildren();
    relatedBox.hidden = true;
    more.hidden = true;
    shown = [];
  }

  /** Render the confirmed results; `final`: the search is settled (status, pending note, similar reports, `done`). */
  async function render(token = run, final = true) {
    if (!outcome || !catalog) return;
    setState('loading');
    const filtered = sortHits(applyFilters(outcome.hits, state.filters, catalog), state.sort, catalog);
    shown = filtered;
    renderFacets();
    toolbar.hidden = outcome.hits.length === 0;
    aside.hidden = outcome.hits.length === 0;
    message.replaceChildren();
    const items = await resultItems(filtered.slice(0, PAGE_SIZE));
    if (token !== run) return;
    list.replaceChildren(...items.map(({ item }) => item));
    updateMore();
    if (!final) return;
    renderPending(token);
    if (filtered.length === 0) renderEmpty();
    status.textContent = announce(filtered.length);
    await Promise.all([fillVisible(items), renderRelated(token)]);
    if (token !== run) return;
    setState('done');
  }

  function announce(count: number): string {
    const total = outcome?.hits.length ?? 0;
    const what = contains(parsed.terms);
    const ignored = parsed.ignored.length > 0 ? `（已忽略：${parsed.ignored.join(' ')}）` : '';
    const pending = outcome?.pending.size ?? 0;
    const rest = pending > 0 ? `；另有 ${pending} 份可能包含，尚未核对原文` : '';
    if (count === 0 && total === 0) return pending > 0 ? `已核对的报告中没有${what}${rest}${ignored}` : `没有报告${what}${ignored}`;
    if (hasFilters(state.filters)) return `${total} 份报告${what}，符合筛选条件的 ${count} 份${rest}${ignored}`;
    return `找到 ${count} 份报告${what}${rest}${ignored}`;
  }

  function renderPending(token: number) {
    const pending = outcome?.pending.size ?? 0;
    if (pending === 0) {
      pendingBox.replaceChildren();
      return;
    }
    const checkAll = element('button', { type: 'button', class: 'search-verify' }, `核对其余 ${pending} 份`);
    checkAll.addEventListener('click', () => {
      if (token !== run) return;
      void confirmAndRender(token, true).catch((error) => failed(error, token));
    });
    pendingBox.replaceChildren(
      element(
        'p',
        {},
        `为节省流量，已核对 ${outcome?.checked ?? 0} 份候选报告的原文；另有 ${pending} 份报告可能包含${joinTerms(parsed.terms.filter((term, index) => !outcome?.exactCounts[index]))}，尚未核对，未列入结果。`,
      ),
      element('p', {}, checkAll),
    );
  }

  function updateMore() {
    const rendered = list.children.length;
    more.hidden = rendered >= shown.length;
    more.textContent = `显示更多结果（还有 ${shown.length - rendered} 份）`;
  }

  async function showMore() {
    const token = run;
    const start = list.children.length;
    setState('loading');
    try {
      const items = await resultItems(shown.slice(start, start + PAGE_SIZE));
      if (token !== run) return;
      list.append(...items.map(({ item }) => item));
      updateMore();
      (list.children[start]?.querySelector('a') as HTMLElement | null)?.focus();
      await fillVisible(items);
    } catch (error) {
      failed(error, token);
      return;
    }
    if (token === run) setState('done');
  }

  /** Fill the items on screen now; the others when they come into view (or get focus). */
  async function fillVisible(items: Array<{ item: HTMLLIElement; fill: () => Promise<void> }>) {
    const now: Array<Promise<void>> = [];
    const height = window.innerHeight || document.documentElement.clientHeight;
    for (const { item, fill } of items) {
      const box = item.getBoundingClientRect();
      if (!observer || (box.bottom > -100 && box.top < height + 100)) now.push(fill());
      else {
        fills.set(item, fill);
        observer.observe(item);
        item.addEventListener('focusin', () => void fill(), { once: true });
      }
    }
    await Promise.all(now);
  }

  function highlightHref(url: string, hash = ''): string {
    return `${url}?${HIGHLIGHT_PARAM}=${encodeURIComponent(state.q)}${hash ? `#${hash}` : ''}`;
  }

  async function resultItems(hits: Hit[]): Promise<Array<{ item: HTMLLIElement; fill: () => Promise<void> }>> {
    const rows = await engine.rows(hits.map((hit) => hit.ordinal));
    return hits.map((hit) => resultItem(hit, rows.get(hit.ordinal) as Row));
  }

  function resultItem(hit: Hit, row: Row): { item: HTMLLIElement; fill: () => Promise<void> } {
    const cat = catalog as Catalog;
    const date = cat.date(hit.ordinal);
    const year = cat.value('year', hit.ordinal);
    const facts = [cat.value('agency', hit.ordinal), year ? `${year}年度` : '', formatDate(date)].filter(Boolean).join(' · ');
    const counts = parsed.terms.length > 1 ? parsed.terms.map((term, index) => `${quoted(term)} ${hit.counts[index]} 处`).join('，') : `${hit.score} 处匹配`;
    const excerpt = element('p', { class: 'search-hit-excerpt' });
    const sections = element('div', { class: 'search-hit-sections' });
    const item = element(
      'li',
      { class: 'search-hit', 'data-report-id': row.id, 'data-date': date, 'data-score': String(hit.score) },
      element('h3', {}, element('a', { href: highlightHref(row.url) }, row.title)),
      element('p', { class: 'search-hit-facts' }, facts, element('span', { class: 'search-hit-count' }, ` · ${counts}`)),
      excerpt,
      sections,
    );
    const terms = parsed.terms;
    const token = run;
    let filled: Promise<void> | undefined;
    const fill = () =>
      (filled ??= (async () => {
        let found = details.get(hit.ordinal);
        if (!found) {
          found = engine.details(hit, terms);
          details.set(hit.ordinal, found);
        }
        let shown: Details;
        try {
          shown = await found;
        } catch (error) {
          details.delete(hit.ordinal);
          if (token === run) console.warn(error);
          return;
        }
        excerpt.replaceChildren(...shown.excerpt.map((segment) => (segment.mark ? element('mark', {}, segment.text) : segment.text)));
        if (shown.sections.length === 0) return;
        const links = shown.sections.slice(0, SECTIONS_SHOWN).map((section) =>
          element(
            'li',
            {},
            element('a', { href: highlightHref(row.url, section.id) }, section.heading ?? '标题与开头'),
            element('span', { class: 'count' }, `（${section.count} 处）`),
          ),
        );
        const rest = shown.sections.length - SECTIONS_SHOWN;
        if (rest > 0) links.push(element('li', { class: 'count' }, `另有 ${rest} 节`));
        sections.replaceChildren(element('span', { class: 'label' }, '匹配章节：'), element('ul', {}, ...links));
      })());
    return { item, fill };
  }

  /** Pagefind's similar reports when the exact search found few (and nothing is left to confirm). */
  async function renderRelated(token: number) {
    relatedBox.replaceChildren();
    relatedBox.hidden = true;
    if (!outcome || !catalog || outcome.pending.size > 0 || outcome.hits.length >= FEW) return;
    let found: Related[];
    try {
      const exact = await engine.rows(outcome.hits.map((hit) => hit.ordinal));
      found = await relatedReports(base, state.q, state.filters, new Set([...exact.values()].map((row) => row.url)), RELATED_SHOWN);
    } catch (error) {
      if (token === run) console.warn('similar reports unavailable:', error);
      return;
    }
    if (token !== run || found.length === 0) return;
    const items = found.map((report) =>
      element(
        'li',
        { class: 'search-related-hit' },
        element('h3', {}, element('a', { href: report.url }, report.title)),
        element('p', { class: 'search-hit-facts' }, [report.agency, report.year ? `${report.year}年度` : ''].filter(Boolean).join(' · ')),
        element('p', { class: 'search-hit-excerpt' }, ...report.excerpt.map((piece) => (piece.mark ? element('mark', {}, piece.text) : piece.text))),
      ),
    );
    relatedBox.replaceChildren(
      element('h2', { id: 'search-related-title' }, '标题或章节名含有相近词语的报告（非完全匹配）'),
      element('p', { class: 'search-related-note' }, `以下报告的标题、机构或章节名含有与搜索词相近的词语，正文不一定${contains(parsed.terms)}。`),
      element('ol', { class: 'search-related-list' }, ...items),
    );
    relatedBox.hidden = false;
  }

  function renderFacets() {
    if (!outcome || !catalog) return;
    const counts = facetCounts(outcome.hits, state.filters, catalog);
    const groups = FACETS.map(({ key, label }) => {
      const values = counts[key];
      if (values.length === 0) return undefined;
      const visible = expanded.has(key) ? values : values.filter((value, index) => index < FACET_VALUES_SHOWN || value.selected);
      const fieldset = element('fieldset', { class: 'search-facet', 'data-facet': key }, element('legend', {}, label));
      const options = element('ul', {});
      for (const value of visible) {
        const id = `facet-${key}-${value.value}`;
        const box = element('input', { type: 'checkbox', id, name: key, value: value.value });
        box.checked = value.selected;
        box.addEventListener('change', () => toggle(key, value.value, box.checked, id));
        options.append(element('li', {}, box, element('label', { for: id }, value.value, element('span', { class: 'count' }, ` (${value.count})`))));
      }
      fieldset.append(options);
      if (visible.length < values.length || expanded.has(key)) {
        const toggleAll = element('button', { type: 'button', class: 'link-button', 'aria-expanded': String(expanded.has(key)) }, expanded.has(key) ? '收起' : `显示全部 ${values.length} 项`);
        toggleAll.addEventListener('click', () => {
          if (expanded.has(key)) expanded.delete(key);
          else expanded.add(key);
          renderFacets();
          (facetsBox.querySelector(`[data-facet="${key}"] button`) as HTMLElement | null)?.focus();
        });
        fieldset.append(toggleAll);
      }
      return fieldset;
    }).filter((group) => group !== undefined);
    if (hasFilters(state.filters)) {
      const clear = element('button', { type: 'button', class: 'link-button' }, '清除全部筛选');
      clear.addEventListener('click', () => {
        state = { ...state, filters: emptySelection() };
        replaceUrl();
        void update().then(() => input.focus());
      });
      groups.push(element('p', {}, clear) as unknown as HTMLFieldSetElement);
    }
    facetsBox.replaceChildren(...groups);
  }

  function toggle(key: FacetKey, value: string, on: boolean, focusId: string) {
    const values = state.filters[key].filter((existing) => existing !== value);
    if (on) values.push(value);
    state = { ...state, filters: { ...state.filters, [key]: values } };
    replaceUrl();
    void update().then(() => document.getElementById(focusId)?.focus());
  }

  function renderEmpty() {
    if (!outcome) return;
    const total = outcome.hits.length;
    const advice = element('ul', {});
    const parts: Node[] = [];
    if (total > 0) {
      const clear = element('button', { type: 'button' }, `清除筛选，查看全部 ${total} 份`);
      clear.addEventListener('click', () => {
        state = { ...state, filters: emptySelection() };
        replaceUrl();
        void update();
      });
      parts.push(element('p', {}, `有 ${total} 份报告${contains(parsed.terms)}，但都不符合所选筛选条件。`), element('p', {}, clear));
    } else if (outcome.pending.size > 0) {
      parts.push(element('p', { class: 'search-empty-title' }, `已核对的报告中没有${contains(parsed.terms)}。`));
    } else {
      parts.push(element('p', { class: 'search-empty-title' }, `没有报告${contains(parsed.terms)}。`));
      const missing = parsed.terms.filter((_, index) => outcome?.indexCounts[index] === 0);
      if (parsed.terms.length > 1 && missing.length > 0) {
        parts.push(element('p', {}, `其中${joinTerms(missing)}在所有报告中都没有出现。`));
      } else if (parsed.terms.length > 1) {
        parts.push(element('p', {}, '每个词都有报告包含，但没有一份报告同时包含全部词语。'));
      }
      if (parsed.terms.length > 1) advice.append(element('li', {}, '减少词语，或删去没有结果的词。'));
      if (parsed.terms.some((term) => term.length > 4)) {
        advice.append(element('li', {}, '搜索按原文逐字匹配：把长词拆成用空格分隔的几个短词（如“法治 政府 建设”），它们可以出现在报告的不同位置。'));
      }
      if (parsed.terms.some((term) => term.phrase)) advice.append(element('li', {}, '引号中的短语须原样连续出现，可去掉引号改为几个词。'));
      advice.append(element('li', {}, '检查错别字，或换一个说法（如“复议”代替“行政复议案件”）。'));
      parts.push(element('p', {}, '可以试试：'), advice);
    }
    message.replaceChildren(element('div', { class: 'search-empty' }, ...parts));
  }

  function syncHeaderBox() {
    const header = document.getElementById('site-search') as HTMLInputElement | null;
    if (header) header.value = state.q;
  }

  void search();
}
