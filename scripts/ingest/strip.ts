/**
 * Stage 2, strip: split a decoded page into its header (title, metadata,
 * navigation), the report's own text, and the footer, and drop the page
 * chrome (字号 controls, share buttons, QR codes, 网站标识码 and ICP lines).
 *
 * Nothing is dropped from the report's text itself: the body runs from the
 * first line of prose (or a salutation, or the first 一、 heading) to the last
 * line of prose, followed by the 落款 (signing body and date) when present.
 */
import { isDateLine } from './dates.ts';
import { META_LABEL } from './labels.ts';
import { squash, trimLine } from '../../src/archive/text.ts';
import { isProse } from './text.ts';

export interface Stripped {
  /** Lines above the body: title, page metadata, breadcrumbs, navigation. */
  header: string[];
  /** The report's text, one entry per source line, empty lines kept. */
  body: string[];
  /** Lines below the body: site footer, related links. */
  footer: string[];
  /** Chrome lines removed from inside the body, with the rule that removed them. */
  removed: { line: string; rule: string }[];
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
  let end = lastProse + 1;
  // Short closing sentences after the last paragraph (特此报告。) belong to it.
  while (end < lines.length && (lines[end] === '' || (/[。！]$/.test(lines[end]) && squash(lines[end]).length <= 20 && !chromeRule(lines[end])))) end++;
  while (end > lastProse + 1 && lines[end - 1] === '') end--;
  // The 落款: a short signing-body line and a date line, within a few lines after the prose.
  for (let i = end, seen = 0; i < lines.length && seen < 5; i++) {
    if (lines[i] === '') continue;
    seen++;
    if (isDateLine(lines[i])) {
      end = i + 1;
      break;
    }
    if (chromeRule(lines[i]) || squash(lines[i]).length > 40) break;
  }
  if (lastProse === -1) end = start;

  const zones = (all: string[]): Stripped => {
    const removed: Stripped['removed'] = [];
    const body: string[] = [];
    for (let i = start; i < end; i++) {
      const rule = chromeRule(lines[i]);
      if (rule) removed.push({ line: all[i], rule });
      else body.push(all[i]);
    }
    return { header: all.slice(0, start), body, footer: all.slice(end), removed };
  };
  return { raw: zones(rawLines), readable: zones(lines) };
}

function previousNonEmpty(lines: string[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (lines[i] !== '') return i;
  return -1;
}
