/**
 * The search page: reads the search from the URL, runs the exact search,
 * renders results, filters and sort, and keeps the URL in step so a search
 * can be shared and reloaded. `#search-results[data-state]` is `idle`,
 * `loading`, `done` or `error`; `done` means the visible results, their
 * excerpts and section links are all in place.
 */
import { ExactSearch, StaleSearch, fetchLoader, type Details, type Hit, type Outcome } from './engine.ts';
import { parseQuery, type ParsedQuery, type Term } from './query.ts';
import {
  FACETS,
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
  let shown: Hit[] = [];
  let run = 0;
  const expanded = new Set<FacetKey>();

  const setState = (value: 'idle' | 'loading' | 'done' | 'error') => {
    results.dataset.state = value;
    results.setAttribute('aria-busy', String(value === 'loading'));
  };

  // Fetch the small catalogue as soon as the user shows intent.
  input.addEventListener('focus', () => void engine.catalog().catch(() => undefined), { once: true });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    state = { q, filters: q === state.q ? state.filters : emptySelection(), sort: state.sort };
    const query = writeState(state);
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void search();
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' };
    replaceUrl();
    void render();
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
    document.title = state.q ? `${state.q} 的搜索结果 - ${baseTitle}` : baseTitle;
    if (parsed.terms.length === 0) {
      clearResults();
      toolbar.hidden = true;
      aside.hidden = true;
      status.textContent = '';
      if (state.q) {
        message.replaceChildren(
          element('p', {}, `“${state.q}”只含空格或标点，无法搜索。请输入汉字、数字或字母。`),
        );
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
      const found = await engine.search(parsed.terms, {
        isStale: () => token !== run,
        onProgress: (done, total) => {
          if (token === run && total > 20) status.textContent = `正在核对原文：${done} / ${total}`;
        },
      });
      if (token !== run) return;
      outcome = found;
      await render(token);
    } catch (error) {
      if (error instanceof StaleSearch || token !== run) return;
      console.warn(error);
      clearResults();
      status.textContent = '搜索出错';
      message.replaceChildren(element('p', { class: 'search-error' }, '搜索索引未能加载，请检查网络后刷新页面重试。'));
      setState('error');
    }
  }

  function clearResults() {
    list.replaceChildren();
    facetsBox.replaceChildren();
    more.hidden = true;
    shown = [];
  }

  async function render(token = run) {
    if (!outcome) return;
    setState('loading');
    const filtered = sortHits(applyFilters(outcome.hits, state.filters), state.sort);
    shown = filtered;
    renderFacets();
    toolbar.hidden = outcome.hits.length === 0;
    aside.hidden = outcome.hits.length === 0;
    list.replaceChildren();
    message.replaceChildren();
    if (filtered.length === 0) {
      renderEmpty();
      status.textContent = announce(0);
      more.hidden = true;
      setState('done');
      return;
    }
    await appendResults(filtered.slice(0, PAGE_SIZE), token);
    if (token !== run) return;
    status.textContent = announce(filtered.length);
    setState('done');
  }

  function announce(count: number): string {
    const total = outcome?.hits.length ?? 0;
    const what = contains(parsed.terms);
    const ignored = parsed.ignored.length > 0 ? `（已忽略：${parsed.ignored.join(' ')}）` : '';
    if (count === 0 && total === 0) return `没有报告${what}${ignored}`;
    if (hasFilters(state.filters)) return `${total} 份报告${what}，符合筛选条件的 ${count} 份${ignored}`;
    return `找到 ${count} 份报告${what}${ignored}`;
  }

  async function appendResults(hits: Hit[], token: number) {
    const items = hits.map((hit) => resultItem(hit));
    list.append(...items.map(({ item }) => item));
    const rendered = list.children.length;
    more.hidden = rendered >= shown.length;
    more.textContent = `显示更多结果（还有 ${shown.length - rendered} 份）`;
    await Promise.all(
      items.map(async ({ hit, fill }) => {
        try {
          fill(await engine.details(hit, parsed.terms));
        } catch (error) {
          if (token === run) console.warn(error);
        }
      }),
    );
  }

  async function showMore() {
    const token = run;
    const start = list.children.length;
    setState('loading');
    await appendResults(shown.slice(start, start + PAGE_SIZE), token);
    if (token !== run) return;
    (list.children[start]?.querySelector('a') as HTMLElement | null)?.focus();
    setState('done');
  }

  function highlightHref(url: string, hash = ''): string {
    return `${url}?${HIGHLIGHT_PARAM}=${encodeURIComponent(state.q)}${hash ? `#${hash}` : ''}`;
  }

  function resultItem(hit: Hit): { hit: Hit; item: HTMLLIElement; fill: (details: Details) => void } {
    const { record } = hit;
    const facts = [record.agency, `${record.year}年度`, formatDate(record.date)].filter(Boolean).join(' · ');
    const counts = parsed.terms.length > 1 ? parsed.terms.map((term, index) => `${quoted(term)} ${hit.counts[index]} 处`).join('，') : `${hit.score} 处匹配`;
    const excerpt = element('p', { class: 'search-hit-excerpt' });
    const sections = element('div', { class: 'search-hit-sections' });
    const item = element(
      'li',
      { class: 'search-hit', 'data-report-id': record.id, 'data-date': record.date, 'data-score': String(hit.score) },
      element('h3', {}, element('a', { href: highlightHref(record.url) }, record.title)),
      element('p', { class: 'search-hit-facts' }, facts, element('span', { class: 'search-hit-count' }, ` · ${counts}`)),
      excerpt,
      sections,
    );
    const fill = (details: Details) => {
      excerpt.replaceChildren(...details.excerpt.map((segment) => (segment.mark ? element('mark', {}, segment.text) : segment.text)));
      if (details.sections.length === 0) return;
      const links = details.sections.slice(0, SECTIONS_SHOWN).map((section) =>
        element(
          'li',
          {},
          element('a', { href: highlightHref(record.url, section.id) }, section.heading ?? '标题与开头'),
          element('span', { class: 'count' }, `（${section.count} 处）`),
        ),
      );
      const rest = details.sections.length - SECTIONS_SHOWN;
      if (rest > 0) links.push(element('li', { class: 'count' }, `另有 ${rest} 节`));
      sections.replaceChildren(element('span', { class: 'label' }, '匹配章节：'), element('ul', {}, ...links));
    };
    return { hit, item, fill };
  }

  function renderFacets() {
    if (!outcome) return;
    const counts = facetCounts(outcome.hits, state.filters);
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
        void render().then(() => input.focus());
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
    void render().then(() => document.getElementById(focusId)?.focus());
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
        void render();
      });
      parts.push(element('p', {}, `有 ${total} 份报告${contains(parsed.terms)}，但都不符合所选筛选条件。`), element('p', {}, clear));
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
