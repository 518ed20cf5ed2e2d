/** Building the search page's DOM: one element helper, and the page's elements by id. */

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Text with marked pieces as `<mark>`. */
export function marked(pieces: ReadonlyArray<{ text: string; mark: boolean }>): Array<Node | string> {
  return pieces.map((piece) => (piece.mark ? element('mark', {}, piece.text) : piece.text));
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The elements of the search page (`SearchApp.astro`) the script fills in. */
export interface SearchElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
  message: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  related: HTMLElement;
  aside: HTMLElement;
  facets: HTMLElement;
  sort: HTMLSelectElement;
  toolbar: HTMLElement;
  /** The filters' fold (folded on a phone, so the results come first). */
  filtersDetails: HTMLDetailsElement | null;
  /** The search box in the site header, kept showing the query. */
  headerInput: HTMLInputElement | null;
}

export function searchElements(): SearchElements {
  return {
    form: byId('search-form'),
    input: byId('search-q'),
    status: byId('search-status'),
    results: byId('search-results'),
    message: byId('search-message'),
    list: byId('search-list'),
    more: byId('search-more'),
    related: byId('search-related'),
    aside: byId('search-filters'),
    facets: byId('search-facets'),
    sort: byId('search-sort'),
    toolbar: byId('search-toolbar'),
    filtersDetails: document.getElementById('search-filters-details') as HTMLDetailsElement | null,
    headerInput: document.getElementById('site-search') as HTMLInputElement | null,
  };
}
