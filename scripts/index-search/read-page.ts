/**
 * Reading one built report page for the index: its text by section, as
 * shown: the `data-pagefind-body` region without what is
 * `data-pagefind-ignore`d or `hidden`, split into sections at headings with
 * an `id`, so what is searched is exactly what is shown.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { idOfReportPage } from '../../src/archive/layout.ts';
import { collapseHtmlSpace } from '../../src/archive/text.ts';
import { BLOCK_TAGS, type SectionRow } from '../../src/search/format.ts';
import { CATALOG_JSON, type ReportFacts } from './report-facts.ts';

/** A report read for the index: its facts (from the catalog) and its text by section (from its page). */
export interface ExtractedReport {
  /** `reports/2018/310113-rmzf/index.html`. */
  file: string;
  record: ReportFacts;
  sections: SectionRow[];
  /** Problems found, e.g. a page the catalog does not list. */
  messages: string[];
}

const BLOCK = new Set(BLOCK_TAGS);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);
const HEADING = /^h[1-6]$/;

/**
 * Read one built report page's text by section, as shown; `facts` are the
 * report's, from the catalog (`report-facts.ts`), or undefined when the
 * catalog does not list the page.
 */
export function extractReport(html: string, file: string, facts: ReportFacts | undefined): ExtractedReport {
  const page = readSections(html);
  const known = factsFor(file, facts);
  return { file, record: known.record, sections: page.sections, messages: [...known.messages, ...page.messages] };
}

/** A page's text by section, as shown, and what is wrong with it. */
export function readSections(html: string): { sections: SectionRow[]; messages: string[] } {
  const body = findElement(fromHtml(html), (element) => element.properties.dataPagefindBody !== undefined);
  if (!body) return { sections: [], messages: ['no `data-pagefind-body` element; expected the report in one'] };
  const sections = sectionsOf(body);
  return { sections, messages: sections.every(([, , blocks]) => blocks.length === 0) ? ['no text in the report body'] : [] };
}

/** The facts of page `file`'s report, or empty ones with a message when the catalog does not list it. */
export function factsFor(file: string, facts: ReportFacts | undefined): { record: ReportFacts; messages: string[] } {
  if (facts) return { record: facts, messages: [] };
  const id = idOfReportPage(file);
  return {
    record: { id, url: '', title: '', agency: '', year: '', date: '', region: '', province: '', city: '', level: '' },
    messages: [`not in the site's ${CATALOG_JSON}; its facts (title, agency, year …) are unknown: build the site again`],
  };
}

function sectionsOf(body: Element): SectionRow[] {
  const sections: SectionRow[] = [['', 0, []]];
  let current = '';
  const flush = () => {
    const text = collapseHtmlSpace(current);
    if (text) sections[sections.length - 1][2].push(text);
    current = '';
  };
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') current += node.value;
      if (node.type !== 'element' || isSkipped(node)) continue;
      const id = stringProperty(node, 'id');
      if (HEADING.test(node.tagName) && id) {
        flush();
        sections.push([id, Number(node.tagName.slice(1)), []]);
        current = visibleText(node);
        flush();
      } else if (node.tagName === 'br') {
        current += ' ';
      } else if (BLOCK.has(node.tagName)) {
        flush();
        walk(node.children);
        flush();
      } else {
        walk(node.children);
      }
    }
  };
  walk(body.children);
  flush();
  return sections[0][2].length === 0 && sections.length > 1 ? sections.slice(1) : sections;
}

function isSkipped(element: Element): boolean {
  const { properties } = element;
  return SKIP.has(element.tagName) || properties.dataPagefindIgnore !== undefined || properties.hidden === true || properties.hidden === '';
}

function visibleText(element: Element): string {
  return element.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' && !isSkipped(child) ? visibleText(child) : ''))
    .join('');
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function findElement(tree: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const node of tree.children as Array<RootContent | ElementContent>) {
    if (node.type !== 'element') continue;
    if (test(node)) return node;
    const found = findElement(node, test);
    if (found) return found;
  }
  return undefined;
}
