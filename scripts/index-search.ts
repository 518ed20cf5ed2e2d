/**
 * Index a built site for search; `npm run build` runs it after `astro build`.
 *
 *     node scripts/index-search.ts [site folder]
 *
 * The site folder defaults to env `OUT_DIR`, else `dist`. Two indexes:
 *
 * 1. Pagefind (`<site>/pagefind/`), through its Node API, every page in one
 *    `zh-cn` index.
 * 2. The exact-match index (`<site>/search-exact/`, see
 *    `src/scripts/search/format.ts`): read from the built report pages
 *    (`reports/**∕index.html`), the `data-pagefind-body` region without what
 *    is `data-pagefind-ignore`d or `hidden`, split into sections at headings
 *    with an `id`, so what is searched is exactly what is shown.
 *
 * Output is deterministic: two builds of the same site give identical bytes.
 * Problems in a page are reported with the file and go on; Pagefind errors
 * and a site without report pages set exit code 1.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { SEARCH_FILTERS } from '../src/consts.ts';
import {
  BLOCK_TAGS,
  CATALOG_FIELDS,
  EXACT_DIR,
  FORMAT_VERSION,
  fileName,
  encodePostings,
  rowOf,
  shardOf,
  type Catalog,
  type ReportRecord,
  type SectionRow,
  type TextFile,
} from '../src/scripts/search/format.ts';
import { charsOf, normalise } from '../src/scripts/search/normalise.ts';

export interface Options {
  /** Base path the site was built with (default: the search page's `data-search-base`, else env `BASE_PATH`, else `/`). */
  base?: string;
  /** Number of postings shards (default: a power of two giving about 32 KiB a shard, 8 to 4096). */
  shards?: number;
  /** A text file is closed once it holds this many bytes (default: 48 KiB). */
  textBatchBytes?: number;
  /** Run Pagefind too (default: true). */
  pagefind?: boolean;
  /** Where progress lines and messages go (default: `console.log`). */
  log?: (line: string) => void;
}

/** A report page read for the exact index. */
export interface ExtractedReport {
  /** `reports/2018/310113-rmzf/index.html`. */
  file: string;
  record: Omit<ReportRecord, 'textFile'>;
  sections: SectionRow[];
  /** Problems found, e.g. a missing filter. */
  messages: string[];
}

const FIELD_OF_FILTER: Record<string, keyof ReportRecord> = {
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
 * Read one built report page: its catalogue facts (from the Pagefind filters
 * and meta the page carries) and its text by section, as shown.
 */
export function extractReport(html: string, file: string, base: string): ExtractedReport {
  const tree = fromHtml(html);
  const messages: string[] = [];
  const body = findElement(tree, (element) => element.properties.dataPagefindBody !== undefined);
  const id = file.replace(/^reports\//, '').replace(/\/index\.html$/, '');
  const record: Omit<ReportRecord, 'textFile'> = {
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
      if (field && value !== undefined) (record as Record<string, string>)[field] = value;
    }
    const meta = stringProperty(element, 'dataPagefindMeta');
    if (meta) {
      const [name, value] = attributeValue(meta, element);
      if (name === 'title' && !record.title) record.title = collapse(value ?? textOf(element));
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
    const text = collapse(current);
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

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

/** HTML whitespace collapsed as a browser shows it; NBSP and U+3000 are kept. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
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

/** Build the exact-match index of `reports` (any order; sorted here by id). Returns file path → contents. */
export function buildExactIndex(reports: ExtractedReport[], base: string, options: Pick<Options, 'shards' | 'textBatchBytes'> = {}): Map<string, string> {
  const sorted = [...reports].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const files = new Map<string, string>();

  // Texts, batched by ordinal.
  const batchBytes = options.textBatchBytes ?? 48 * 1024;
  const textFileOf: number[] = [];
  const batches: TextFile[] = [];
  let batch: TextFile = { reports: [] };
  let batchSize = 0;
  sorted.forEach((report, ordinal) => {
    const size = Buffer.byteLength(JSON.stringify(report.sections));
    if (batch.reports.length > 0 && batchSize + size > batchBytes) {
      batches.push(batch);
      batch = { reports: [] };
      batchSize = 0;
    }
    batch.reports.push([ordinal, report.sections]);
    batchSize += size;
    textFileOf.push(batches.length);
  });
  if (batch.reports.length > 0) batches.push(batch);
  batches.forEach((text, n) => files.set(`texts/${fileName(n)}`, JSON.stringify(text)));

  // Postings: key → ordinal → count, inside blocks only.
  const postings = new Map<string, Array<[number, number]>>();
  sorted.forEach((report, ordinal) => {
    const counts = new Map<string, number>();
    for (const [, , blocks] of report.sections) {
      for (const block of blocks) {
        const chars = charsOf(normalise(block));
        for (let index = 0; index < chars.length; index++) {
          counts.set(chars[index], (counts.get(chars[index]) ?? 0) + 1);
          if (index + 1 < chars.length) {
            const bigram = chars[index] + chars[index + 1];
            counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
          }
        }
      }
    }
    for (const [key, count] of counts) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push([ordinal, count]);
    }
  });
  const encoded = [...postings.keys()].sort().map((key): [string, string] => [key, encodePostings(postings.get(key) ?? [])]);
  const totalBytes = encoded.reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + value.length + 6, 0);
  const shards = options.shards ?? Math.min(4096, Math.max(8, 2 ** Math.ceil(Math.log2(Math.max(1, totalBytes / (32 * 1024))))));
  const shardFiles: Array<Record<string, string>> = Array.from({ length: shards }, () => ({}));
  for (const [key, value] of encoded) shardFiles[shardOf(key, shards)][key] = value;
  shardFiles.forEach((shard, n) => files.set(`postings/${fileName(n)}`, JSON.stringify(shard)));

  const hash = createHash('sha256');
  for (const [path, contents] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${path}\0${contents}\0`);
  const catalog: Catalog = {
    format: FORMAT_VERSION,
    version: '',
    base,
    shards,
    textFiles: batches.length,
    fields: CATALOG_FIELDS,
    reports: sorted.map((report, ordinal) => rowOf({ ...report.record, textFile: textFileOf[ordinal] })),
  };
  hash.update(JSON.stringify(catalog));
  catalog.version = hash.digest('hex').slice(0, 12);
  files.set('catalog.json', JSON.stringify(catalog));
  return files;
}

/** Every `index.html` under `reports/`, as paths inside the site, sorted. */
function reportFiles(dir: string): string[] {
  const root = join(dir, 'reports');
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** The base path the search page was built with, from its `data-search-base`. */
function builtBase(dir: string): string | undefined {
  const file = join(dir, 'search', 'index.html');
  if (!existsSync(file)) return undefined;
  const match = /data-search-base="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  return match?.[1];
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function runPagefind(dir: string, log: (line: string) => void): Promise<string[]> {
  const started = performance.now();
  const pagefind = await import('pagefind');
  const problems: string[] = [];
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    problems.push(...errors.map((error) => `pagefind: ${error}`));
    if (!index) return problems;
    const added = await index.addDirectory({ path: dir });
    problems.push(...added.errors.map((error) => `pagefind: ${error}`));
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    problems.push(...written.errors.map((error) => `pagefind: ${error}`));
    log(`pagefind: ${added.page_count} pages indexed in ${seconds(started)}`);
  } finally {
    await pagefind.close();
  }
  return problems;
}

/** Index the built site in `dir`. Returns the problems that make the build fail. */
export async function indexSite(dir: string, options: Options = {}): Promise<{ fatal: string[]; warnings: string[]; reports: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const fatal: string[] = [];
  const warnings: string[] = [];
  if (!existsSync(dir)) return { fatal: [`No built site at ${dir}; run astro build first or pass the site folder`], warnings, reports: 0 };

  const fromPage = builtBase(dir);
  const base = normaliseBase(options.base ?? fromPage ?? process.env.BASE_PATH ?? '/');
  const asked = options.base ?? process.env.BASE_PATH;
  if (fromPage !== undefined && asked !== undefined && normaliseBase(asked) !== normaliseBase(fromPage)) {
    fatal.push(`Base path ${normaliseBase(asked)} differs from ${fromPage}, which search/index.html was built with; build and index with the same BASE_PATH`);
  }
  if (fromPage === undefined) warnings.push(`search/index.html: missing or without data-search-base; using base path ${base}`);

  if (options.pagefind !== false) fatal.push(...(await runPagefind(dir, log)));

  const started = performance.now();
  const reports: ExtractedReport[] = [];
  for (const file of reportFiles(dir)) {
    const html = readFileSync(join(dir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const report = extractReport(html, file, base);
    warnings.push(...report.messages.map((message) => `${file}: ${message}`));
    reports.push(report);
  }
  if (reports.length === 0) fatal.push(`No report pages in ${join(dir, 'reports')}; expected reports/<year>/<id>/index.html with data-pagefind-body`);

  const files = buildExactIndex(reports, base, options);
  const out = join(dir, EXACT_DIR);
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, contents] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
    bytes += Buffer.byteLength(contents);
  }
  const catalog = JSON.parse(files.get('catalog.json') ?? '{}') as Catalog;
  log(
    `search-exact: ${reports.length} reports, ${catalog.shards} postings shards, ${catalog.textFiles} text files, ${(bytes / 1024).toFixed(0)} KiB in ${seconds(started)}`,
  );
  return { fatal, warnings, reports: reports.length };
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args.some((arg) => arg.startsWith('-'))) {
    console.error(`Unknown option \`${args.find((arg) => arg.startsWith('-'))}\`, expected: node scripts/index-search.ts [site folder]`);
    process.exit(2);
  }
  const dir = resolve(args[0] ?? process.env.OUT_DIR ?? 'dist');
  const { fatal, warnings } = await indexSite(dir);
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const problem of fatal) console.error(`error: ${problem}`);
  process.exitCode = fatal.length > 0 ? 1 : 0;
}
