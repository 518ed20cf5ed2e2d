/**
 * Reading one built report page for the index: its catalog facts (from the
 * Pagefind filters and meta the page carries) and its text by section, as
 * shown: the `data-pagefind-body` region without what is
 * `data-pagefind-ignore`d or `hidden`, split into sections at headings with
 * an `id`, so what is searched is exactly what is shown.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { idOfReportPage } from '../../src/archive/layout.ts';
import { collapseHtmlSpace } from '../../src/archive/text.ts';
import { SEARCH_FILTERS } from '../../src/search/filters.ts';
import { BLOCK_TAGS, type SectionRow } from '../../src/search/format.ts';

/** A report page read for the index. */
export interface ExtractedReport {
  /** `reports/2018/310113-rmzf/index.html`. */
  file: string;
  record: ReportFacts;
  sections: SectionRow[];
  /** Problems found, e.g. a missing filter. */
  messages: string[];
}

/** What a report page says about the report. */
export interface ReportFacts {
  id: string;
  /** With the base path, e.g. `/fzzfjs/reports/2018/310113-rmzf/`. */
  url: string;
  title: string;
  agency: string;
  year: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Administrative path, e.g. 上海市宝山区. */
  region: string;
  province: string;
  city: string;
  level: string;
}

const FIELD_OF_FILTER: Record<string, keyof ReportFacts> = {
  [SEARCH_FILTERS.year]: 'year',
  [SEARCH_FILTERS.province]: 'province',
  [SEARCH_FILTERS.city]: 'city',
  [SEARCH_FILTERS.region]: 'region',
  [SEARCH_FILTERS.agency]: 'agency',
  [SEARCH_FILTERS.level]: 'level',
};
const REQUIRED = ['title', 'agency', 'year', 'date', 'province', 'level'] as const;
const BLOCK = new Set(BLOCK_TAGS);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'button']);
const HEADING = /^h[1-6]$/;

/**
 * Read one built report page: its catalog facts (from the Pagefind filters
 * and meta the page carries) and its text by section, as shown.
 */
export function extractReport(html: string, file: string, base: string): ExtractedReport {
  const tree = fromHtml(html);
  const messages: string[] = [];
  const body = findElement(tree, (element) => element.properties.dataPagefindBody !== undefined);
  const id = idOfReportPage(file);
  const record: ReportFacts = {
    id,
    url: `${base}reports/${id}/`,
    title: '',
    agency: '',
    year: '',
    date: '',
    region: '',
    province: '',
    city: '',
    level: '',
  };
  if (!body) {
    return { file, record, sections: [], messages: ['no `data-pagefind-body` element; expected the report in one'] };
  }

  walkElements(body, (element) => {
    const filter = stringProperty(element, 'dataPagefindFilter');
    if (filter) {
      const [name, value] = attributeValue(filter, element);
      const field = FIELD_OF_FILTER[name];
      if (field && value !== undefined) (record as unknown as Record<string, string>)[field] = value;
    }
    const meta = stringProperty(element, 'dataPagefindMeta');
    if (meta) {
      const [name, value] = attributeValue(meta, element);
      if (name === 'title' && !record.title) record.title = collapseHtmlSpace(value ?? toString(element));
      else if (name === 'date' && value) record.date = value;
      else if (name === 'agency' && value && !record.agency) record.agency = value;
      else if (name === 'year' && value && !record.year) record.year = value;
    }
  });
  if (!record.region) record.region = record.city || record.province;
  for (const field of REQUIRED) {
    if (!record[field]) messages.push(`missing ${field}; expected a data-pagefind-filter or data-pagefind-meta that gives it`);
  }

  const sections = sectionsOf(body);
  if (sections.every(([, , blocks]) => blocks.length === 0)) messages.push('no text in the report body');
  return { file, record, sections, messages };
}

/** `name[data-value]` reads the attribute; `name:value` is the value itself; `name` alone is the element's text. */
function attributeValue(spec: string, element: Element): [string, string | undefined] {
  const attribute = /^(.+?)\[([\w-]+)\]$/.exec(spec);
  if (attribute) {
    const property = attribute[2].replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const value = element.properties[property];
    return [attribute[1], value === undefined || value === null ? undefined : String(value)];
  }
  const colon = spec.indexOf(':');
  if (colon !== -1) return [spec.slice(0, colon), spec.slice(colon + 1)];
  return [spec, undefined];
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

function walkElements(element: Element, visit: (element: Element) => void): void {
  for (const node of element.children) {
    if (node.type !== 'element') continue;
    visit(node);
    walkElements(node, visit);
  }
}

