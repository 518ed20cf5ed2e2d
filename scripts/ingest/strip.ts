/**
 * Stage 2, strip: split a decoded page into its header (title, metadata,
 * navigation), the report's own text, and the footer, and drop the page
 * chrome (字号 controls, share buttons, QR codes, 网站标识码 and ICP lines).
 *
 * Nothing is dropped from the report's text itself: the body runs from the
 * first line of prose (or a salutation, or the first 一、 heading, with the
 * short sentences just above it, 本报告经局党组会议审议通过，现予公开。) to the
 * last line of prose, followed by everything of the report's last section
 * (numbered items 1.深入学习…, （10000）…, short lines) up to the page's first
 * chrome line or the 落款's date line. Inside the body only lines a rule
 * names as chrome are removed, never a sentence; lines after the 落款 up to
 * the footer's first chrome line are listed in `dropped`, for the pipeline
 * to report.
 */
import { isDateLine } from './dates.ts';
import { META_LABEL } from './labels.ts';
import { squash, trimLine } from '../../src/archive/text.ts';
import { SENTENCE_END, isProse } from './text.ts';

export interface Stripped {
  /** Lines above the body: title, page metadata, breadcrumbs, navigation. */
  header: string[];
  /** The report's text, one entry per source line, empty lines kept. */
  body: string[];
  /** Lines below the body: site footer, related links. */
  footer: string[];
  /** Chrome lines removed from inside the body, with the rule that removed them. */
  removed: { line: string; rule: string }[];
  /** Lines after the body that no chrome rule names (nor a blank), up to the footer's first chrome line: not archived, to be reported. */
  dropped: string[];
}

const CHROME_RULES: [string, RegExp][] = [
  ['clock', /^今天是/],
  ['breadcrumb', /^(您当前的位置|您所在的位置|当前位置|您现在的位置|所在位置|首页\s*[>＞›»|])/],
  ['font-size', /(【?\s*字[号體体號]\s*[:：]?|【打印】|打印本页|打印\s*\|)/],
  ['share', /^(分享到?|分享至)\s*[:：]?/],
  ['qr-code', /(扫一扫|二维码|二維碼)/],
  ['site-id', /(网站标识码|網站標識碼)/],
  ['icp', /(ICP\s*备|ICP\s*證|公网安备|公網安備)/],
  ['copyright', /(版权所有|版權所有|Copyright)/i],
  ['site-owner', /^(主办|承办|主辦|承辦|技术支持|维护)\s*[:：]/],
  ['site-links', /^(网站地图|联系我们|设为首页|加入收藏|关闭窗口|返回顶部|上一篇|下一篇|相关文章|相关链接|文件预览|附件下载|附件)\s*[:：]?/],
  ['site-links', /(设为首页|加入收藏|【\s*关闭\s*】|【\s*返回顶部\s*】|【\s*打印本页\s*】)/],
  ['counter', /^(浏览量|阅读次数|访问量|责任编辑|编辑)\s*[:：]/],
  ['single-char', /^[大中小XxＸ×\-–—|]$/],
];

/** The chrome rule a whole line matches, or null. Only short, non-prose lines can be chrome. */
export function chromeRule(line: string): string | null {
  const text = trimLine(line);
  if (text === '') return null;
  if (squash(text).length > 80) return null;
  for (const [rule, pattern] of CHROME_RULES) {
    if (pattern.test(text)) return rule;
  }
  return null;
}

const L1 = /^[一二三四五六七八九十]{1,3}[、.．]/;
/** A salutation addressed to the bodies the report goes to: 县委、县政府: */
export const SALUTATION = /^[\u4e00-\u9fff、，,]{2,30}[:：]$/;

/** Remove a list bullet the crawl kept from an <li> (•, ·, "- "). */
function unbullet(line: string): string {
  return line.replace(/^[•·▪●◆■]\s*/, '').replace(/^-\s+/, '').replace(/^-$/, '');
}

function isBodyStart(line: string): boolean {
  if (line === '' || META_LABEL.test(line) || chromeRule(line)) return false;
  return L1.test(line) || isProse(line);
}

/** A sentence of the report, never chrome: prose, or a line ending a sentence (现予公开。). */
function isSentence(line: string): boolean {
  return isProse(line) || (SENTENCE_END.test(line) && squash(line).length >= 4);
}

/** The chrome rule of a line inside the body: none for a sentence (推广二维码亮证执法。 is text, not a QR code). */
function bodyChromeRule(line: string): string | null {
  return isSentence(line) ? null : chromeRule(line);
}

/**
 * Split `text` into header, body and footer. The zones are found on `readable`
 * (the same text in simplified characters, line for line, for a traditional
 * page) and applied to both.
 */
export function strip(text: string, readable: string = text): { raw: Stripped; readable: Stripped } {
  const lines = readable.split('\n').map((line) => unbullet(trimLine(line)));
  const rawLines = text.split('\n').map((line) => unbullet(trimLine(line)));
  if (rawLines.length !== lines.length) throw new Error('strip: the readable text must have the same lines as the text');

  let start = lines.findIndex(isBodyStart);
  if (start === -1) start = lines.length;
  // Short sentences just above the first paragraph are the report's (本报告经局党组会议审议通过，现予公开。);
  // a title, a label line (来源：…) or a date line is not a sentence.
  for (let above = previousNonEmpty(lines, start); above !== -1; above = previousNonEmpty(lines, above)) {
    const line = lines[above];
    if (!SENTENCE_END.test(line) || META_LABEL.test(line) || chromeRule(line) || isDateLine(line) || squash(line).length < 4) break;
    start = above;
  }
  // A salutation just above the first paragraph belongs to the document.
  const above = previousNonEmpty(lines, start);
  if (above !== -1 && SALUTATION.test(lines[above])) start = above;

  let lastProse = -1;
  for (let i = lines.length - 1; i >= start; i--) {
    if (isBodyStart(lines[i])) {
      lastProse = i;
      break;
    }
  }
  // What follows the last paragraph is the last section's, up to the page's first chrome line
  // or the 落款's date line (with a note such as （此件公开发布） after it).
  let end = lastProse + 1;
  for (let i = end; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (isDateLine(line)) {
      end = i + 1;
      const note = nextNonEmpty(lines, i, 1)[0];
      if (note !== undefined && /^[（(][^（()）]{1,20}[）)]$/.test(lines[note]) && !chromeRule(lines[note])) end = note + 1;
      break;
    }
    if (chromeRule(line) && !isSentence(line)) break;
    end = i + 1;
  }
  if (lastProse === -1) end = start;

  // Lines after the body up to the footer's first chrome line: not archived, and said so.
  const droppedAt: number[] = [];
  for (let i = end; i < lines.length && !chromeRule(lines[i]); i++) if (lines[i] !== '') droppedAt.push(i);

  const zones = (all: string[]): Stripped => {
    const removed: Stripped['removed'] = [];
    const body: string[] = [];
    for (let i = start; i < end; i++) {
      const rule = bodyChromeRule(lines[i]);
      if (rule) removed.push({ line: all[i], rule });
      else body.push(all[i]);
    }
    return { header: all.slice(0, start), body, footer: all.slice(end), removed, dropped: lastProse === -1 ? [] : droppedAt.map((i) => all[i]) };
  };
  return { raw: zones(rawLines), readable: zones(lines) };
}

/** The indexes of the next `count` non-empty lines after `index`. */
function nextNonEmpty(lines: string[], index: number, count: number): number[] {
  const found: number[] = [];
  for (let i = index + 1; i < lines.length && found.length < count; i++) if (lines[i] !== '') found.push(i);
  return found;
}

function previousNonEmpty(lines: string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (lines[i] !== '') return i;
  return -1;
}
