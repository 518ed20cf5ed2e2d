/**
 * The report body pipeline (src/site/markdown.ts): short section ids from the
 * document's numbering, slug anchors, self links, text that looks like HTML
 * kept as text, and the headings for a table of contents; and how a report
 * page gets its body (src/site/report-body.ts, src/site/render-cache.ts): read
 * from the file after the frontmatter, rendered, cached by content.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/site/markdown.ts';
import { pruneRenderCache } from '../../src/site/render-cache.ts';
import { markdownBody, renderReportBody } from '../../src/site/report-body.ts';
import { chineseNumeralValue, parseSectionNumber } from '../../src/site/section-number.ts';

const idsOf = (html: string) => [...html.matchAll(/<h[1-6] id="([^"]+)"/g)].map(([, id]) => id);

describe('renderMarkdown', () => {
  it('should return html, headings and messages', () => {
    const result = renderMarkdown('正文。\n\n## 一、主要举措和成效\n');
    expect(Object.keys(result).sort()).toEqual(['headings', 'html', 'messages']);
    expect(result.headings).toEqual([{ depth: 2, id: 's1', text: '一、主要举措和成效' }]);
    expect(result.messages).toEqual([]);
  });

  it('should build ids from the numbering: 一、 → s1, （二） → s1-2, 3、 → s1-2-3, （1） → s1-2-3-1', () => {
    const { html } = renderMarkdown(
      ['## 一、主要举措和成效', '### （二）政府职能进一步优化', '#### 3、金融监管持续完善', '##### （1）强化工作机制', '## 二、存在的不足'].join('\n\n'),
    );
    expect(idsOf(html)).toEqual(['s1', 's1-2', 's1-2-3', 's1-2-3-1', 's2']);
  });

  it('should read ASCII brackets, 1. and 1．, full-width digits and circled numbers', () => {
    const { html } = renderMarkdown(
      ['## 三、下一步', '### (四)加强监督', '#### 5.严格执法', '#### ６．规范程序', '##### ②细项'].join('\n\n'),
    );
    expect(idsOf(html)).toEqual(['s3', 's3-4', 's3-4-5', 's3-4-6', 's3-4-6-2']);
  });

  it('should read Chinese numerals up to 九十九', () => {
    const { html } = renderMarkdown(['## 十、十', '## 十二、十二', '## 二十、二十', '## 九十九、九十九'].join('\n\n'));
    expect(idsOf(html)).toEqual(['s10', 's12', 's20', 's99']);
  });

  it('should number a heading without a number by its position, and say so', () => {
    const { html, messages } = renderMarkdown(['## 一、成效', '## 二、不足', '## 附件'].join('\n\n'), 'x.md');
    expect(idsOf(html)).toEqual(['s1', 's2', 's3']);
    expect(messages.map((message) => message.ruleId)).toEqual(['section-number']);
    expect(String(messages[0])).toContain('x.md:5:1');
  });

  it('should not take a year or a decimal for a number', () => {
    const { html } = renderMarkdown(['## 一、成效', '## 2023年工作打算', '### 3.5亿元投入'].join('\n\n'));
    expect(idsOf(html)).toEqual(['s1', 's2', 's2-1']);
  });

  it('should hang a heading that skips a level from the nearest heading above it', () => {
    const { html } = renderMarkdown(['## 一、成效', '#### 2、直接到第三级'].join('\n\n'));
    expect(idsOf(html)).toEqual(['s1', 's1-2']);
  });

  it('should keep ids unique with -b, -c for repeated numbers', () => {
    const { html, messages } = renderMarkdown(['## 一、甲', '## 一、乙', '### （一）丙', '## 一、丁'].join('\n\n'));
    expect(idsOf(html)).toEqual(['s1', 's1-b', 's1-b-1', 's1-c']);
    expect(messages.map((message) => message.ruleId)).toEqual(['section-number-repeated', 'section-number-repeated']);
  });

  it('should keep the github-slugger slug as an empty anchor inside the heading', () => {
    const { html } = renderMarkdown('## 一、主要举措和成效\n\n## 一、主要举措和成效');
    expect(html).toContain('<h2 id="s1"><span id="一主要举措和成效"></span>一、主要举措和成效 ');
    expect(html).toContain('<h2 id="s1-b"><span id="一主要举措和成效-1"></span>');
  });

  it('should leave out a slug anchor that would repeat a short id', () => {
    const { html } = renderMarkdown('## 一、甲\n\n## s1');
    expect(idsOf(html)).toEqual(['s1', 's2']);
    expect(html.match(/id="s1"/g)).toHaveLength(1);
  });

  it('should end every heading with a link to its short id', () => {
    const { html } = renderMarkdown('## 一、成效\n\n### （二）职能');
    expect(html).toContain('<a class="heading-link" href="#s1" aria-label="本节链接：一、成效" data-pagefind-ignore>#</a></h2>');
    expect(html).toContain('<a class="heading-link" href="#s1-2" aria-label="本节链接：（二）职能" data-pagefind-ignore>#</a></h3>');
  });

  it('should show <script> and {props} as text', () => {
    const { html } = renderMarkdown('页面残留 <script>alert(1)</script> 和 {props} 占位符。\n\n<script>alert(2)</script>\n\n<div onclick="x()">块</div>');
    expect(html).not.toMatch(/<script|<div/);
    expect(html).toContain('<p>页面残留 &#x3C;script>alert(1)&#x3C;/script> 和 {props} 占位符。</p>');
    expect(html).toContain('<p>&#x3C;script>alert(2)&#x3C;/script></p>');
    expect(html).toContain('&#x3C;div onclick="x()">块&#x3C;/div>');
  });

  it('should load no image and follow no javascript: link', () => {
    const { html } = renderMarkdown('![图](https://example.com/a.png) [点我](javascript:alert(1)) [原文](https://example.com/r.html)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<a href="https://example.com/a.png">图</a>');
    expect(html).toContain('<a href="https://example.com/r.html">原文</a>');
  });

  it('should list headings for a table of contents', () => {
    const { headings } = renderMarkdown(['开头。', '## 一、成效', '### （一）学习', '#### 1、抓实教育', '## 二、不足'].join('\n\n'));
    expect(headings).toEqual([
      { depth: 2, id: 's1', text: '一、成效' },
      { depth: 3, id: 's1-1', text: '（一）学习' },
      { depth: 4, id: 's1-1-1', text: '1、抓实教育' },
      { depth: 2, id: 's2', text: '二、不足' },
    ]);
  });

  it('should start afresh for every document', () => {
    renderMarkdown('## 一、甲');
    expect(idsOf(renderMarkdown('## 一、甲').html)).toEqual(['s1']);
  });
});

describe('parseSectionNumber', () => {
  it.each([
    ['一、主要举措', { style: 'chinese', value: 1 }],
    ['  十一、其他', { style: 'chinese', value: 11 }],
    ['（三）加强', { style: 'chinese-bracketed', value: 3 }],
    ['( 三 )加强', { style: 'chinese-bracketed', value: 3 }],
    ['12、加强', { style: 'arabic', value: 12 }],
    ['\u30004.加强', { style: 'arabic', value: 4 }],
    ['（10）细项', { style: 'arabic-bracketed', value: 10 }],
    ['⑤细项', { style: 'circled', value: 5 }],
  ])('should read %j', (text, expected) => {
    expect(parseSectionNumber(text)).toEqual(expected);
  });

  it.each(['主要举措', '2023年度工作', '3.5亿元', '一是加强', '二三、错'])('should find no number in %j', (text) => {
    expect(parseSectionNumber(text)).toBeUndefined();
  });

  it('should value Chinese numerals', () => {
    expect(['一', '九', '十', '十九', '二十', '二十一', '九十九'].map(chineseNumeralValue)).toEqual([1, 9, 10, 19, 20, 21, 99]);
    expect(['', '百', '十十', '一一'].map(chineseNumeralValue)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('markdownBody', () => {
  const FIXTURES = join(import.meta.dirname, '../fixtures/archive/reports');
  const fixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));

  it.each(fixtures)('should give the body gray-matter gives for %s', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    expect(markdownBody(text)).toBe(matter(text, {}).content);
  });

  it.each([
    ['no frontmatter', '正文。\n'],
    ['CRLF line ends', '---\r\ntitle: x\r\n---\r\n\r\n正文。\r\n'],
    ['a BOM', '\uFEFF---\ntitle: x\n---\n正文。'],
    ['no line after the closing ---', '---\ntitle: x\n---'],
    ['no closing ---', '---\ntitle: x\nbody: 正文。'],
    ['---- (not a delimiter)', '----\ntitle: x\n---\n正文。'],
    ['a language after ---', '---yaml\ntitle: x\n---\n正文。'],
    ['an empty frontmatter', '---\n---\n正文。'],
    ['a thematic break in the body', '---\ntitle: x\n---\n\n甲\n\n---\n\n乙'],
    ['empty text', ''],
  ])('should give the body gray-matter gives with %s', (_, text) => {
    expect(markdownBody(text)).toBe(matter(text, {}).content);
  });
});

describe('renderReportBody', () => {
  const TEXT = '---\ntitle: x\n---\n\n开头。\n\n## 一、成效\n\n### （一）学习\n\n正文 <b>粗</b>。\n';
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'report-body-'));
    writeFileSync(join(work, 'r.md'), TEXT);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const expected = () => {
    const { html, headings } = renderMarkdown(markdownBody(TEXT));
    return { html, headings };
  };

  it('should render the body of the file, frontmatter left out', async () => {
    expect(await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: '' })).toEqual(expected());
  });

  it('should cache the rendering by the body, and give the same from the cache', async () => {
    const cache = join(work, 'cache', 'report-html', 'f1');
    const first = await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: cache });
    expect(first).toEqual(expected());
    const entries = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    expect(entries).toHaveLength(1);

    // Taken from the cache: an entry changed (with its digest) shows.
    const entry = join(cache, entries[0]);
    const rest = readFileSync(entry, 'utf8').slice(65).replace('开头。', '缓存。');
    writeFileSync(entry, `${createHash('sha256').update(rest).digest('hex')}\n${rest}`);
    expect((await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: cache })).html).toContain('缓存。');

    // An entry cut short on disk (issue 13, item 5) does not match its digest: rendered again, and rewritten.
    writeFileSync(entry, readFileSync(entry, 'utf8').slice(0, 120));
    expect(await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: cache })).toEqual(expected());
    expect(readFileSync(entry, 'utf8').length).toBeGreaterThan(120);

    // A changed body is rendered afresh.
    writeFileSync(join(work, 'r.md'), TEXT.replace('开头。', '改过。'));
    expect((await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: cache })).html).toContain('改过。');
  });

  it('should prune other renderers’ folders and entries this process did not use', async () => {
    const cache = join(work, 'cache', 'report-html', 'f2');
    await renderReportBody('r', { file: join(work, 'r.md'), cacheDirectory: cache });
    mkdirSync(join(cache, '00'), { recursive: true });
    writeFileSync(join(cache, '00', `${'0'.repeat(64)}.html`), '[]\n<p>old</p>');
    mkdirSync(join(work, 'cache', 'report-html', 'old-renderer', 'ab'), { recursive: true });

    expect(pruneRenderCache(cache)).toBe(1);
    expect(readdirSync(join(work, 'cache', 'report-html'))).toEqual(['f2']);
    expect(readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'))).toHaveLength(1);
  });
});
