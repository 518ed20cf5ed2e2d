/**
 * Saved web pages → plain text.
 *
 * A report saved from a government site is mostly page chrome (top bar, nav,
 * search, breadcrumb, share buttons, related links, footer with 网站标识码 and
 * ICP numbers) around one article. htmlToText() collects the page's <meta>
 * data, finds the article body, drops the chrome, and writes the body as plain
 * text with one block per line — the text itself untouched: no reordering, and
 * NBSP and U+3000 ideographic spaces kept (later stages normalise them).
 *
 * Parsing: hast-util-from-html (parse5, the WHATWG HTML parser), so broken
 * real-world markup (unclosed <p>, unquoted attributes, tables for layout) is
 * read the way a browser reads it.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { collapseHtmlSpace, squash } from '../../src/archive/text.ts';
import { XXGK_LABELS } from './labels.ts';
import type { Element, ElementContent, Root, RootContent } from 'hast';

export interface HtmlText {
  /** The article as plain text: a title line, then the body, blocks on their own lines. */
  text: string;
  /**
   * Page metadata: <meta name> values under their usual spelling (ArticleTitle,
   * PubDate, ContentSource, SiteIDCode, SiteName, ColumnName, keywords,
   * description, Url; other names as written), `title` from <title>, and the
   * label/value pairs of a 政府信息公开 metadata table (索引号, 发布机构,
   * 发文字号, 成文日期, …) under their labels.
   */
  meta: Record<string, string>;
}

// ---------------------------------------------------------------------------
// Detection

const DOC_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)[\s>/]/i;
const DOC_TAG = /<(?:html|head|body)(?:\s[^>]*)?>/i;
const COMMON_TAG = /<\/?(?:p|div|span|br|table|tbody|tr|td|th|a|h[1-6]|li|ul|ol|font|strong|b|center|section|article)(?:\s[^<>]*)?\/?>/gi;

/**
 * True when `text` is an HTML page or fragment rather than plain text: it starts
 * like a document, has <html>/<head>/<body> near the top, or has at least five
 * ordinary HTML tags (a saved article fragment). A plain text that mentions
 * "<50%" or quotes a 《title》 is not HTML.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (DOC_START.test(head) || DOC_TAG.test(head)) return true;
  const sample = text.slice(0, 20000);
  const tags = sample.match(COMMON_TAG);
  return (tags?.length ?? 0) >= 5;
}

// ---------------------------------------------------------------------------
// Tree helpers

type ParentNode = Root | Element;

function isElement(node: RootContent | ElementContent | Root | undefined): node is Element {
  return node !== undefined && node.type === 'element';
}

function classAndId(el: Element): string {
  const cls = el.properties.className;
  const classes = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
  const id = typeof el.properties.id === 'string' ? el.properties.id : '';
  return `${classes} ${id}`.trim();
}

function* walk(node: ParentNode): Generator<Element> {
  for (const child of node.children) {
    if (isElement(child)) {
      yield child;
      yield* walk(child);
    }
  }
}

function removeWhere(node: ParentNode, drop: (el: Element) => boolean): void {
  node.children = node.children.filter((child) => !(isElement(child) && drop(child))) as typeof node.children;
  for (const child of node.children) if (isElement(child)) removeWhere(child, drop);
}

function isHanCode(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff);
}

interface TextStats {
  /** Han characters outside links. */
  han: number;
  /** Han characters inside links. */
  linkHan: number;
  /** Visible (non-whitespace) characters, and those inside links. */
  chars: number;
  linkChars: number;
  links: number;
}

let statsCache = new WeakMap<Element | Root, TextStats>();

/** Forget cached counts after the tree has changed. */
function resetStats(): void {
  statsCache = new WeakMap();
}

function stats(node: Element | Root, inLink = false): TextStats {
  const cached = inLink ? undefined : statsCache.get(node);
  if (cached) return cached;
  const s: TextStats = { han: 0, linkHan: 0, chars: 0, linkChars: 0, links: 0 };
  for (const child of node.children) {
    if (child.type === 'text') {
      for (const ch of child.value) {
        if (/\s/.test(ch)) continue;
        const han = isHanCode(ch.codePointAt(0) ?? 0);
        s.chars++;
        if (inLink) {
          s.linkChars++;
          if (han) s.linkHan++;
        } else if (han) s.han++;
      }
    } else if (isElement(child)) {
      const link = child.tagName === 'a' && child.properties.href !== undefined;
      const c = stats(child, inLink || link);
      s.han += c.han;
      s.linkHan += c.linkHan;
      s.chars += c.chars;
      s.linkChars += c.linkChars;
      s.links += c.links + (link ? 1 : 0);
    }
  }
  if (!inLink) statsCache.set(node, s);
  return s;
}

// ---------------------------------------------------------------------------
// Metadata

const META_NAMES = ['ArticleTitle', 'PubDate', 'ContentSource', 'SiteIDCode', 'SiteName', 'ColumnName', 'keywords', 'description', 'Url'];
const META_CANONICAL = new Map(META_NAMES.map((n) => [n.toLowerCase(), n]));

const LABEL_SET = new Set(XXGK_LABELS);

/** A cell's text as a known label and the value after its colon, if any. */
function splitLabel(text: string): { label: string; value: string } | undefined {
  const colon = text.search(/[:：]/);
  const label = squash(colon >= 0 ? text.slice(0, colon) : text);
  if (!LABEL_SET.has(label)) return undefined;
  return { label, value: colon >= 0 ? text.slice(colon + 1).trim() : '' };
}

function collectMeta(tree: Root, meta: Record<string, string>): void {
  for (const el of walk(tree)) {
    if (el.tagName === 'meta') {
      const name = el.properties.name;
      const content = el.properties.content;
      if (typeof name !== 'string' || typeof content !== 'string') continue;
      const key = META_CANONICAL.get(name.trim().toLowerCase()) ?? name.trim();
      const value = content.trim();
      if (key && value && !(key in meta)) meta[key] = value;
    } else if (el.tagName === 'title' && !('title' in meta)) {
      const t = collapseHtmlSpace(toString(el));
      if (t) meta.title = t;
    }
  }
}

/**
 * Label/value pairs of a 政府信息公开 metadata block: "标签：" in one cell and
 * the value in the next (th/td, dt/dd), or "标签：值" in one cell or list item.
 * The first occurrence of a label wins.
 */
function collectXxgk(tree: Root, meta: Record<string, string>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const cells: Element[] = [];
  for (const el of walk(tree)) {
    if (el.tagName === 'td' || el.tagName === 'th' || el.tagName === 'dt' || el.tagName === 'dd' || el.tagName === 'li') cells.push(el);
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell || cell.children.some((c) => isElement(c) && (c.tagName === 'table' || c.tagName === 'ul'))) continue;
    const text = collapseHtmlSpace(toString(cell));
    if (text.length > 80) continue;
    const found = splitLabel(text);
    if (!found || found.label in meta) continue;
    let value = found.value;
    if (!value && cell.tagName !== 'li') {
      const next = cells[i + 1];
      const nextText = next ? collapseHtmlSpace(toString(next)) : '';
      if (nextText.length <= 80 && !splitLabel(nextText)) value = nextText;
    }
    meta[found.label] = value;
    pairs.push([found.label, value]);
  }
  return pairs;
}

/** 网站标识码 from the page text (usually the footer) when no SiteIDCode meta gives it. */
function collectSiteId(tree: Root, meta: Record<string, string>): void {
  if (meta.SiteIDCode) return;
  const m = /网站标识码\s*[:：]?\s*([0-9A-Za-z]{10})/.exec(toString(tree));
  if (m?.[1]) meta.SiteIDCode = m[1];
}

// ---------------------------------------------------------------------------
// Cleaning

/** Never text: dropped everywhere. */
const JUNK_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'select', 'button', 'textarea', 'input', 'map', 'head', 'link', 'meta',
]);

/** Page chrome by element name. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu']);

/** Page chrome by class/id word (matched against hyphen/underscore-separated parts). */
const CHROME_WORD =
  /(?:^|[-_\s])(?:header|footer|foot|nav|navbar|navigation|menu|topbar|breadcrumbs?|crumbs?|dh|share|bdshare|bdsharebuttonbox|fenxiang|print|copyright|sidebar|toolbar|pager|pagination|related|xglj|position|location|dqwz|weizhi|qrcode|ewm|search|login|skip)(?=$|[-_\s\d])/i;

function isHidden(el: Element): boolean {
  if (el.properties.hidden !== undefined && el.properties.hidden !== false) return true;
  const style = typeof el.properties.style === 'string' ? el.properties.style : '';
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function removeJunk(tree: Root): void {
  removeWhere(tree, (el) => JUNK_TAGS.has(el.tagName) || isHidden(el));
  // Comments and doctype.
  const strip = (node: ParentNode): void => {
    node.children = node.children.filter((c) => c.type !== 'comment' && c.type !== 'doctype') as typeof node.children;
    for (const c of node.children) if (isElement(c)) strip(c);
  };
  strip(tree);
}

/**
 * Drop nav/header/footer/aside, chrome by class/id, and small forms (search,
 * login). An element holding a large share of the page's Han text is never
 * chrome (whole-page <form> wrappers of ASP.NET sites, odd class names).
 */
function removeChrome(tree: Root): void {
  const total = Math.max(1, stats(tree).han);
  removeWhere(tree, (el) => {
    if (el.tagName === 'body' || el.tagName === 'html') return false;
    const big = stats(el).han >= 0.4 * total;
    if (big) return false;
    if (CHROME_TAGS.has(el.tagName)) return true;
    if (el.tagName === 'form') return stats(el).han < 200;
    const words = classAndId(el);
    return words !== '' && CHROME_WORD.test(words);
  });
}

const BLOCKISH = new Set(['div', 'ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'td', 'section', 'p', 'span', 'li', 'center', 'font']);

/** Drop blocks that are mostly links (lists of related articles, link bars). */
function removeLinkDense(node: ParentNode): void {
  node.children = node.children.filter((child) => {
    if (!isElement(child) || !BLOCKISH.has(child.tagName)) return true;
    const s = stats(child);
    if (s.links >= 2 && s.chars > 0 && s.linkChars / s.chars >= 0.5) return false;
    return true;
  }) as typeof node.children;
  for (const child of node.children) if (isElement(child)) removeLinkDense(child);
}

// ---------------------------------------------------------------------------
// Finding the body

const CONTENT_WORD = /content|article|zoom|trs_editor|custom_unionstyle|view|detail|text|main/i;

interface Candidate {
  el: Element;
  score: number;
  han: number;
}

function score(el: Element): number {
  const s = stats(el);
  return s.han - 3 * s.linkHan;
}

function contains(outer: Element, inner: Element): boolean {
  for (const el of walk(outer)) if (el === inner) return true;
  return false;
}

function findBody(tree: Root): Element | undefined {
  const body = [...walk(tree)].find((el) => el.tagName === 'body');
  const root = body ?? tree;
  const candidates: Candidate[] = [];
  for (const el of walk(root)) {
    const words = classAndId(el);
    if (words && CONTENT_WORD.test(words)) candidates.push({ el, score: score(el), han: stats(el).han });
  }
  const pageHan = stats(root).han;
  let best = candidates.reduce<Candidate | undefined>((a, c) => (!a || c.score > a.score ? c : a), undefined);
  if (!best || best.han === 0 || best.han < 0.3 * pageHan) return body;
  // Prefer the innermost candidate that still holds nearly all of the best one's
  // text: the article text itself rather than the column around it.
  for (;;) {
    const current: Candidate = best;
    const inner = candidates.filter((c) => c !== current && c.han >= 0.85 * current.han && contains(current.el, c.el));
    if (inner.length === 0) break;
    best = inner.reduce((a, c) => (c.han < a.han ? c : a));
  }
  return best.el;
}

function firstH1(node: ParentNode): string {
  for (const el of walk(node)) {
    if (el.tagName === 'h1') {
      const t = collapseHtmlSpace(toString(el));
      if (t) return t;
    }
  }
  return '';
}

/** "文章标题_栏目_网站" → "文章标题" (the longest segment when the first is short). */
function titleFromTitleTag(title: string): string {
  const parts = title.split(/\s*(?:_|\||｜|--|—|-(?=[^\d]))\s*/).filter(Boolean);
  if (parts.length === 0) return '';
  const first = parts[0] ?? '';
  if (first.length >= 6) return first;
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

// ---------------------------------------------------------------------------
// Serialising

/** Paragraph-level blocks: a blank line around them. */
const PARA_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'hr']);
/** Other blocks: their own line. */
const LINE_TAGS = new Set([
  'div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'main', 'center', 'address', 'figure', 'figcaption',
  'caption', 'form', 'fieldset', 'legend', 'details', 'summary', 'tbody', 'thead', 'tfoot', 'body', 'html',
]);
const CELL_TAGS = new Set(['td', 'th']);

class TextWriter {
  out = '';
  private pending = 0;
  private pre = 0;

  breakLine(n: number): void {
    if (this.out !== '') this.pending = Math.max(this.pending, n);
  }

  /** A hard line break (<br>): repeated ones give blank lines. */
  hardBreak(): void {
    this.flushPending();
    if (this.out === '') return;
    this.out = trimEndAscii(this.out) + '\n';
  }

  private flushPending(): void {
    if (this.pending > 0 && this.out !== '') {
      this.out = trimEndAscii(this.out);
      const have = /\n*$/.exec(this.out)?.[0].length ?? 0;
      if (have < this.pending) this.out += '\n'.repeat(this.pending - have);
    }
    this.pending = 0;
  }

  text(value: string): void {
    let s = this.pre > 0 ? value.replace(/\r\n?/g, '\n') : collapseSpace(value);
    if (s === '') return;
    this.flushPending();
    if (this.pre === 0) {
      const atLineStart = this.out === '' || this.out.endsWith('\n');
      if (atLineStart || this.out.endsWith(' ')) s = s.replace(/^ +/, '');
    }
    this.out += s;
  }

  enterPre(): void {
    this.pre++;
  }

  leavePre(): void {
    this.pre--;
  }
}

/** Characters between which a source line break is not a space (CSS Text: East Asian wide). */
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018-\\u201f\\u3000-\\u303f\\u{20000}-\\u{3ffff}';
const WIDE_BREAK = new RegExp(`([${WIDE}])[ \\t]*[\\n\\r][ \\t\\n\\r\\f]*(?=[${WIDE}])`, 'gu');

/**
 * HTML white-space collapsing: runs of ASCII whitespace become one space, and a
 * run holding a line break between two Chinese characters disappears (the
 * source was wrapped, the text was not). NBSP and U+3000 are not collapsible.
 */
function collapseSpace(value: string): string {
  return value.replace(WIDE_BREAK, '$1').replace(/[ \t\n\r\f]+/g, ' ');
}

function trimEndAscii(s: string): string {
  return s.replace(/[ \t]+$/, '');
}

function hasBlockContent(el: Element): boolean {
  for (const d of walk(el)) {
    if (d.tagName === 'table' || d.tagName === 'br' || PARA_TAGS.has(d.tagName) || LINE_TAGS.has(d.tagName)) return true;
  }
  return false;
}

/** A cell used for page layout (holds paragraphs), as opposed to a data cell. */
function isLayoutCell(cell: Element): boolean {
  for (const d of walk(cell)) if (d.tagName === 'table') return true;
  if (!hasBlockContent(cell)) return false;
  return stats(cell).chars > 100;
}

function writeRow(row: Element, w: TextWriter): void {
  const cells = row.children.filter((c): c is Element => isElement(c) && CELL_TAGS.has(c.tagName));
  if (cells.some(isLayoutCell)) {
    for (const cell of cells) {
      w.breakLine(1);
      writeChildren(cell, w);
      w.breakLine(1);
    }
    return;
  }
  const parts: string[] = [];
  for (const cell of cells) {
    const sub = new TextWriter();
    writeChildren(cell, sub);
    const t = sub.out.replace(/\s*\n\s*/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
    if (t !== '') parts.push(t);
  }
  if (parts.length === 0) return;
  w.breakLine(1);
  w.text(parts.join(' '));
  w.breakLine(1);
}

function writeChildren(node: ParentNode, w: TextWriter): void {
  for (const child of node.children) {
    if (child.type === 'text') w.text(child.value);
    else if (isElement(child)) writeElement(child, w);
  }
}

function writeElement(el: Element, w: TextWriter): void {
  const tag = el.tagName;
  if (tag === 'br') {
    w.hardBreak();
    return;
  }
  if (tag === 'tr') {
    writeRow(el, w);
    return;
  }
  if (tag === 'img') return;
  const para = PARA_TAGS.has(tag);
  const line = LINE_TAGS.has(tag) || CELL_TAGS.has(tag);
  if (para) w.breakLine(2);
  else if (line) w.breakLine(1);
  if (tag === 'pre') w.enterPre();
  writeChildren(el, w);
  if (tag === 'pre') w.leavePre();
  if (para) w.breakLine(2);
  else if (line) w.breakLine(1);
}

function serialise(node: ParentNode): string {
  const w = new TextWriter();
  writeChildren(node, w);
  return w.out
    .split('\n')
    .map(trimEndAscii)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

// ---------------------------------------------------------------------------
// htmlToText

/** Date/source line of an article ("发布时间：2024-01-15 来源：…"). */
const INFO_RE = /(?:发布|更新|成文|公开|印发)?(?:时间|日期)\s*[:：]\s*\d{4}/;

/**
 * The article's date/source line, when it sits outside the body: the nearest
 * short element before the body whose text has a dated 时间/日期 label, widened
 * to the whole line around it (time, source…), links (字号 大中小, 打印, 关闭)
 * left out.
 */
function findInfoLine(root: ParentNode, body: Element): string {
  const order = [...walk(root)];
  const at = order.indexOf(body);
  if (at < 0) return '';
  const isAncestorOfBody = (el: Element): boolean => contains(el, body);
  for (let i = at - 1; i >= 0; i--) {
    let el = order[i];
    if (!el || isAncestorOfBody(el)) continue;
    const t = collapseHtmlSpace(toString(el));
    if (t.length > 150 || !INFO_RE.test(t)) continue;
    // Widen to the enclosing line while it stays short and outside the body.
    for (;;) {
      const parent = order.find((p) => p.children.includes(el as Element));
      if (!parent || isAncestorOfBody(parent) || parent.tagName === 'body') break;
      if (collapseHtmlSpace(toString(parent)).length > 150) break;
      el = parent;
    }
    const copy = structuredClone(el);
    removeWhere(copy, (e) => e.tagName === 'a');
    return serialise(copy)
      .replace(/\n+/g, ' ')
      .replace(/[【\[]\s*[】\]]/g, '')
      .replace(/(?:字号|字体)\s*[:：]?\s*$/, '')
      .replace(/[\s|｜]+$/, '')
      .trim();
  }
  return '';
}

/** Text without any whitespace, for comparing lines. */
/**
 * Turn a saved web page into its article text and metadata. The text starts
 * with the page's title line (ArticleTitle, else the first <h1> outside the
 * page chrome, else the <title> up to the site name), then the article's date/source line when it
 * stands outside the body, then a blank line and the body. The title line is
 * left out only when the body itself starts with the title and there is no
 * date/source line to add.
 */
export function htmlToText(html: string): HtmlText {
  const tree = fromHtml(html);
  const meta: Record<string, string> = {};
  collectMeta(tree, meta);
  removeJunk(tree);
  const labelled = collectXxgk(tree, meta);
  collectSiteId(tree, meta);

  // A site logo is often an <h1> in the page header: look for the article's
  // <h1> once the chrome is gone, and fall back to a chrome <h1> last.
  const anyH1 = firstH1(tree);
  resetStats();
  removeChrome(tree);
  resetStats();
  const h1 = firstH1(tree);
  const body = findBody(tree);
  if (body) removeLinkDense(body);
  resetStats();
  const text = serialise(body ?? tree);
  const info = body ? findInfoLine(tree, body) : '';

  const title = meta.ArticleTitle ?? (h1 || titleFromTitleTag(meta.title ?? '') || anyH1);
  const lines = text.split('\n').filter((l) => squash(l) !== '');
  const opening = squash(lines.slice(0, 3).join(''));
  const titleInBody = title !== '' && opening.startsWith(squash(title));
  const infoInBody = info !== '' && squash(lines.slice(0, 6).join('')).includes(squash(info));
  // Metadata-table lines ("发布机构：…", "成文日期：…") that the body does not
  // already hold, for the rules that read labels in a page header.
  const openingText = squash(lines.slice(0, 12).join(''));
  const labelLines = labelled
    .filter(([label, value]) => value !== '' && label !== '名称' && label !== '标题' && !openingText.includes(squash(label)))
    .map(([label, value]) => `${label}：${value}`);
  const head: string[] = [];
  // The title leads whenever a line goes above the body, so the first line is
  // always the title when the page has one.
  const extra = (info !== '' && !infoInBody) || labelLines.length > 0;
  if (title && (!titleInBody || extra)) head.push(title);
  if (info && !infoInBody) head.push(info);
  head.push(...labelLines);
  const out = head.length > 0 ? (text ? `${head.join('\n')}\n\n${text}` : head.join('\n')) : text;
  return { text: out, meta };
}
