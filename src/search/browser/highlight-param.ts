/**
 * The URL parameter a search result's link carries the query in, for the
 * report page to mark it (`highlight.ts`). On its own, so a report page can
 * tell whether to load the highlighter without loading it.
 */
export const HIGHLIGHT_PARAM = 'highlight';
