/**
 * On a report page opened from a search result (`?highlight=…`), mark every
 * occurrence of the search terms in the report body, matched as the search
 * matches them (normalised, inside one block), and offer to clear the marks.
 * The parameter then leaves the address bar, so a link copied from it is the
 * page's stable address.
 * Without the parameter, or without JavaScript, the page is untouched.
 */
import { BLOCK_TAGS } from '../format.ts';
import { normaliseMapped, occurrences } from '../normalise.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import { parseQuery } from './query.ts';

const BLOCK = BLOCK_TAGS.join(',');
const SKIP = '[data-pagefind-ignore],[hidden],script,style,noscript,template';

/** Mark the terms of `query` inside `body`; returns how many places were marked. */
export function highlight(body: Element, query: string): number {
  const norms = parseQuery(query).terms.map((term) => term.norm);
  if (norms.length === 0) return 0;

  // Text nodes grouped by the block they belong to, in document order.
  const groups = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement?.closest(BLOCK) ?? body;
    const list = groups.get(block) ?? [];
    list.push(node as Text);
    groups.set(block, list);
  }

  let marked = 0;
  for (const nodes of groups.values()) {
    const source = nodes.map((node) => node.data).join('');
    const mapped = normaliseMapped(source);
    const ranges: Array<[number, number]> = [];
    for (const norm of norms) {
      for (const at of occurrences(mapped.text, norm)) ranges.push([mapped.starts[at], mapped.ends[at + norm.length - 1]]);
    }
    if (ranges.length === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([...range]);
    }
    marked += merged.length;
    // Wrap from the end so earlier offsets stay valid.
    const starts: number[] = [];
    let offset = 0;
    for (const node of nodes) {
      starts.push(offset);
      offset += node.data.length;
    }
    for (const [from, to] of merged.reverse()) {
      for (let index = nodes.length - 1; index >= 0; index--) {
        const node = nodes[index];
        const start = starts[index];
        const end = start + node.data.length;
        if (end <= from || start >= to) continue;
        const range = document.createRange();
        range.setStart(node, Math.max(0, from - start));
        range.setEnd(node, Math.min(node.data.length, to - start));
        const mark = document.createElement('mark');
        mark.className = 'search-hit';
        range.surroundContents(mark);
      }
    }
  }
  return marked;
}

/** Remove the marks `highlight` made. */
export function clearHighlight(body: Element): void {
  for (const mark of body.querySelectorAll('mark.search-hit')) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

export function startHighlight(): void {
  const query = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
  const body = document.querySelector('[data-pagefind-body]');
  if (!query || !body) return;
  const count = highlight(body, query);

  const note = document.createElement('p');
  note.className = 'search-hit-note no-print';
  note.setAttribute('role', 'status');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.textContent = '清除标记';
  clear.addEventListener('click', () => {
    clearHighlight(body);
    note.remove();
  });
  note.append(count > 0 ? `已标出搜索词“${query}”，共 ${count} 处。` : `本页没有找到搜索词“${query}”。`, ' ', clear);
  body.prepend(note);

  // The marks are made: the address bar goes back to the page's stable address,
  // so a link copied from it does not carry the search.
  const url = new URL(location.href);
  url.searchParams.delete(HIGHLIGHT_PARAM);
  history.replaceState(history.state, '', url);

  // The marks change no layout, but make sure the target section is in view.
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}
