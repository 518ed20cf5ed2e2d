/**
 * Quick find in the header's search box, on every page but the search page:
 * from two characters on, the reports and agencies whose title, agency,
 * region or headings hold the words typed, from Pagefind's one record per
 * report (loaded by `related.ts`, only once something is typed), listed
 * under the box as the ARIA combobox pattern has it: ↓ and ↑ choose, Enter
 * opens the choice, Esc closes. Enter with nothing chosen submits the form
 * as before: the exact full-text search for what was typed, which is also
 * the list's last entry. Without JavaScript the box is the plain form.
 */
import type { Suggestion } from './quick-find-suggestions.ts';
import { loadPagefind } from './related.ts';

/** Characters typed before anything is suggested. */
export const MIN_CHARS = 2;
/** Pagefind results read (each is one small fragment) to find them. */
const READ = 12;
/** Quiet time after a keystroke before Pagefind is asked. */
const DEBOUNCE_MS = 120;

/** The elements of the header's search (`HeaderSearch.astro`). */
export interface QuickFindElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  panel: HTMLElement;
  list: HTMLElement;
  status: HTMLElement;
}

const KIND_LABELS: Record<Suggestion['kind'], string> = { agency: '机构', report: '报告', search: '搜索' };

export function startQuickFind(ui: QuickFindElements, base: string): void {
  const { form, input, panel, list, status } = ui;
  let suggestions: Suggestion[] = [];
  let active = -1;
  let run = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  const open = () => {
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    run++;
    clearTimeout(timer);
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (index: number) => {
    active = index;
    for (const [n, option] of [...list.children].entries()) option.setAttribute('aria-selected', String(n === index));
    const option = list.children[index] as HTMLElement | undefined;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const go = (suggestion: Suggestion) => {
    close();
    location.href = suggestion.href;
  };

  const render = (query: string) => {
    list.replaceChildren(
      ...suggestions.map((suggestion, n) => {
        const option = document.createElement('li');
        option.id = `${list.id}-${n}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.className = `quick-find-option quick-find-${suggestion.kind}`;
        const kind = document.createElement('span');
        kind.className = 'quick-find-kind';
        kind.textContent = KIND_LABELS[suggestion.kind];
        const title = document.createElement('span');
        title.className = 'quick-find-title';
        title.textContent = suggestion.title;
        const detail = document.createElement('span');
        detail.className = 'quick-find-detail';
        detail.textContent = suggestion.detail;
        option.append(kind, title, detail);
        // Keep the focus in the box while the pointer chooses.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => go(suggestion));
        return option;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const found = suggestions.length - 1;
    status.textContent = found > 0 ? `${found} 条快速查找建议，按上下方向键选择` : `没有标题、机构或章节名相近的报告，按回车键全文搜索“${query}”`;
    open();
  };

  const suggest = async (query: string, token: number) => {
    try {
      // The matching (and the character tables it normalises with) loads with Pagefind, once something is typed.
      const [pagefind, { suggestionsOf }] = await Promise.all([loadPagefind(base), import('./quick-find-suggestions.ts')]);
      const search = await pagefind.search(query);
      if (token !== run) return;
      const results = await Promise.all((search?.results ?? []).slice(0, READ).map((result) => result.data()));
      if (token !== run) return;
      suggestions = suggestionsOf(results, query, base);
      render(query);
    } catch (error) {
      if (token === run) console.warn('quick find unavailable:', error);
    }
  };

  input.addEventListener('input', () => {
    const query = input.value.trim();
    const token = ++run;
    clearTimeout(timer);
    if ([...query.replace(/\s+/g, '')].length < MIN_CHARS) {
      close();
      status.textContent = '';
      return;
    }
    timer = setTimeout(() => void suggest(query, token), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const shown = !panel.hidden && suggestions.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!shown) return;
      event.preventDefault();
      const count = suggestions.length;
      // Down from the box to the first and on, past the last back to the box; up the other way round.
      if (event.key === 'ArrowDown') choose(active + 1 >= count ? -1 : active + 1);
      else choose(active === -1 ? count - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (shown && active >= 0) {
        event.preventDefault();
        go(suggestions[active]);
      } else close();
    } else if (event.key === 'Escape') {
      if (panel.hidden) return;
      // Close the list; a second Esc clears the box as usual.
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => close());
  form.addEventListener('submit', () => close());
  // Back to the page from the browser's cache: nothing left open.
  window.addEventListener('pageshow', () => close());
}
