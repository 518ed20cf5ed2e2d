/**
 * The build on archives that are not the fixture: a hand-edited report with
 * invalid frontmatter, the same content built twice, and a report whose text
 * looks like HTML, MDX or front matter. Each archive is small and built in its
 * own folder under tests/.tmp (own OUT_DIR and CACHE_DIR); the three builds
 * run side by side. Then the same content is built again over the first
 * build's cache (rendered bodies come from it), and once more after a report
 * body was edited, a year added and site.yaml changed: pages whose data did
 * not change are copied from the previous build (Astro's incremental build),
 * the others rendered, and the result is the site a full build gives.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, astroBuild, fixtureReport, hashes, makeArchive, writeFile, type Run } from '../helpers/archive-builds.ts';

interface Build extends Run {
  dist: string;
}

/** Build `archive` into `<work>/<name>-dist` with the cache of the build named `cacheOf`. */
async function build(work: string, archive: string, name: string, cacheOf = name): Promise<Build> {
  const dist = join(work, `${name}-dist`);
  const run = await astroBuild({ ARCHIVE_DIR: archive, OUT_DIR: dist, CACHE_DIR: join(work, `${cacheOf}-cache`) });
  return { ...run, dist };
}

const archive = makeArchive;

// A hand-edited report: title and agency with ASCII and full-width quotes and
// colons; a body holding text that looks like HTML, MDX, front matter and a
// comment, written raw (as a person editing the file would) and, in the last
// section, escaped as ingest writes such text (`\<`, `\---`).
const TITLE = `关于"放管服"改革的报告: 上海市宝山区'法律服务'中心2023年度法治政府建设情况报告`;
const AGENCY = '上海市宝山区法律服务中心: "12348"热线';
const HOSTILE = `---
title: '${TITLE.replaceAll("'", "''")}'
agency: ${JSON.stringify(AGENCY)}
region: 上海市宝山区
regionCode: "310113"
level: 部门
year: 2023
date: "2024-01-20"
dateSource: published
sourceFile: sources/hand/hostile.txt
---

开头一段：本报告的正文含有看似标记的文字。

## 一、看似标记的文字

<script>alert(1)</script>

<img src=x onerror=alert(1)>

模板写法 {props} 和 {1 + 1} 原样显示。

import x from 'y'

<!-- -->

---

分隔线之后的正文仍然保留。

## 二、转义后的文字

\\<script>alert(2)\\</script>

\\---

\\<!-- 注释 -->

结尾一段。
`;

// A report whose page states neither a publication nor a signing date: archived without one.
const UNDATED = `---
title: "宝山区司法局2021年度法治政府建设情况报告"
agency: "上海市宝山区司法局"
region: "上海市宝山区"
regionCode: "310113"
level: "部门"
year: 2021
sourceFile: "sources/hand/undated.txt"
---

2021年，区司法局扎实推进法治政府建设。

## 一、主要工作

严格规范公正文明执法。
`;

let work: string;
let bad: Build;
let first: Build;
let second: Build;
let warm: Build;
let edited: Build;
let added: Build;
let renamed: Build;

/** Pages the build copied from the previous one (Astro's incremental build logs them `(restored)`). */
const restored = (build: Build) => new Set([...build.output.matchAll(/├─ \/(\S+?)index\.html \(restored\)/g)].map((match) => match[1]));

beforeAll(async () => {
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/robustness-'));
  const badArchive = archive(work, 'bad', {
    '2018/310113-rmzf.md': fixtureReport('2018/310113-rmzf'),
    '2023/500235-cgj.md': fixtureReport('2023/500235-cgj').replace(/^year: 2023$/m, 'year: 二〇二三'),
    '2023/310114-cgzfj.md': fixtureReport('2023/310114-cgzfj').replace(/^agency: .*\n/m, ''),
  });
  const goodArchive = archive(work, 'good', {
    '2018/310113-rmzf.md': fixtureReport('2018/310113-rmzf'),
    '2019/310113-rmzf.md': fixtureReport('2019/310113-rmzf'),
    '2023/310113-flfwzx.md': HOSTILE,
    '2021/310113-sfj.md': UNDATED,
  });
  [bad, first, second] = await Promise.all([build(work, badArchive, 'bad'), build(work, goodArchive, 'first'), build(work, goodArchive, 'second')]);
  warm = await build(work, goodArchive, 'warm', 'first');
  const hostile = join(goodArchive, 'reports/2023/310113-flfwzx.md');
  writeFileSync(hostile, readFileSync(hostile, 'utf8').replace('结尾一段。', '结尾一段，改过。'));
  edited = await build(work, goodArchive, 'edited', 'first');
  // The same agency's next year: the 2019 page gains a link to it.
  writeFile(join(goodArchive, 'reports/2020/310113-rmzf.md'), fixtureReport('2019/310113-rmzf').replace(/^year: 2019$/m, 'year: 2020').replace(/2019年/g, '2020年'));
  added = await build(work, goodArchive, 'added', 'first');
  // site.yaml is read when a page renders, so every page shows the change.
  const settings = join(goodArchive, 'site.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^name: .*$/m, 'name: 改名后的报告库'));
  renamed = await build(work, goodArchive, 'renamed', 'first');
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a hand-edited report with invalid frontmatter', () => {
  it('should fail the build with a message naming the file, the field and the problem', () => {
    expect(bad.status, bad.output).not.toBe(0);
    const shown = (file: string) => relative(ROOT, join(work, 'bad/reports', file));
    expect(bad.output).toContain(`${shown('2023/500235-cgj.md')}: year: expected a number, got "二〇二三"`);
    expect(bad.output).toContain(`${shown('2023/310114-cgzfj.md')}: agency: missing`);
    expect(bad.output).not.toContain('2018/310113-rmzf.md');
  });

  it('should print no stack trace', () => {
    const lines = bad.output.split('\n');
    const message = lines.findIndex((line) => line.includes('Invalid frontmatter'));
    expect(message, bad.output).toBeGreaterThanOrEqual(0);
    expect(message, bad.output).toBeLessThan(5);
    expect(bad.output).not.toMatch(/^\s+at /m);
    expect(bad.output).not.toContain('Stack trace');
  });
});

describe('two builds of the same content', () => {
  it('should give byte-identical sites', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    const one = hashes(first.dist);
    expect(Object.keys(one).length).toBeGreaterThan(20);
    expect(hashes(second.dist)).toEqual(one);
  });

  it('should give the same site again when built over the cache of an earlier build', () => {
    expect(warm.status, warm.output).toBe(0);
    expect(hashes(warm.dist)).toEqual(hashes(first.dist));
  });

  it('should show an edited body, not the cached one', () => {
    expect(edited.status, edited.output).toBe(0);
    const page = readFileSync(join(edited.dist, 'reports/2023/310113-flfwzx/index.html'), 'utf8');
    expect(page).toContain('结尾一段，改过。');
    expect(readFileSync(join(edited.dist, 'reports/2018/310113-rmzf/index.html'), 'utf8')).toBe(
      readFileSync(join(first.dist, 'reports/2018/310113-rmzf/index.html'), 'utf8'),
    );
  });
});

describe('a rebuild after one report changed (incremental build)', () => {
  it('should copy every report, agency and region page from the previous build when nothing changed', () => {
    const copied = restored(warm);
    expect(copied).toContain('reports/2018/310113-rmzf/');
    expect(copied).toContain('reports/2023/310113-flfwzx/');
    expect(copied).toContain('agencies/310113-rmzf/');
    expect(copied).toContain('regions/310000/');
    expect([...copied].filter((page) => page.startsWith('reports/'))).toHaveLength(4); // every report of the archive: 2018, 2019, the hostile one and the undated one
  });

  it('should render the edited report, its agency and its regions again, and copy the rest', () => {
    const copied = restored(edited);
    expect(copied).not.toContain('reports/2023/310113-flfwzx/');
    expect(copied).not.toContain('agencies/310113-flfwzx/');
    expect(copied).not.toContain('regions/310113/');
    expect(copied).toContain('reports/2018/310113-rmzf/');
    expect(copied).toContain('reports/2019/310113-rmzf/');
  });

  it('should keep the cached bodies of copied pages, which rendered nothing', () => {
    const cached = readdirSync(join(work, 'first-cache/report-html'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(cached.length).toBeGreaterThanOrEqual(3);
  });

  it('should render again a report whose next year was added, with a link to it', () => {
    expect(added.status, added.output).toBe(0);
    expect(restored(added)).not.toContain('reports/2019/310113-rmzf/');
    expect(restored(added)).toContain('reports/2023/310113-flfwzx/');
    const page = readFileSync(join(added.dist, 'reports/2019/310113-rmzf/index.html'), 'utf8');
    expect(page).toContain('/reports/2020/310113-rmzf/');
    const agency = readFileSync(join(added.dist, 'agencies/310113-rmzf/index.html'), 'utf8');
    expect(agency).toContain('/reports/2020/310113-rmzf/');
  });

  it('should render every page again when site.yaml changed', () => {
    expect(renamed.status, renamed.output).toBe(0);
    expect(restored(renamed).size).toBe(0);
    for (const page of ['reports/2018/310113-rmzf/', 'agencies/310113-rmzf/', 'regions/310000/']) {
      expect(readFileSync(join(renamed.dist, page, 'index.html'), 'utf8')).toContain('改名后的报告库');
    }
  });

  it('should give the site a full build gives', async () => {
    const fresh = await build(work, join(work, 'good'), 'fresh');
    expect(fresh.status, fresh.output).toBe(0);
    expect(hashes(renamed.dist)).toEqual(hashes(fresh.dist));
  }, 120_000);
});

describe('a report whose page states no date', () => {
  it('should be published, its date shown as not stated, and listed after the dated reports', () => {
    expect(first.status, first.output).toBe(0);
    const page = readFileSync(join(first.dist, 'reports/2021/310113-sfj/index.html'), 'utf8');
    expect(textOf(find(fromHtml(page), (element) => hasClass(element, 'report-facts'))[0])).toContain('日期未注明');
    expect(page).not.toContain('name="PubDate"');
    const home = readFileSync(join(first.dist, 'index.html'), 'utf8');
    const order = ['/reports/2023/310113-flfwzx/', '/reports/2019/310113-rmzf/', '/reports/2021/310113-sfj/'].map((href) => home.indexOf(`href="${href}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('a report whose text looks like markup', () => {
  const page = () => readFileSync(join(first.dist, 'reports/2023/310113-flfwzx/index.html'), 'utf8');
  const tree = () => fromHtml(page());
  const body = () => find(tree(), (element) => hasClass(element, 'report-body'))[0];

  it('should show <script>, <img onerror>, {props}, import, --- and <!-- --> as written text', () => {
    const text = textOf(body());
    for (const written of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '模板写法 {props} 和 {1 + 1} 原样显示。',
      "import x from 'y'",
      '<!-- -->',
      '分隔线之后的正文仍然保留。',
      '<script>alert(2)</script>',
      '---',
      '<!-- 注释 -->',
      '结尾一段。',
    ]) {
      expect(text).toContain(written);
    }
    const html = page();
    expect(html).toMatch(/(&#x3C;|&lt;)script>alert\(1\)(&#x3C;|&lt;)\/script>/);
    expect(html).toMatch(/(&#x3C;|&lt;)img src=x onerror=alert\(1\)>/);
    expect(html).toMatch(/(&#x3C;|&lt;)!-- -->/);
    expect(html).not.toContain('<script>alert');
    // The footer's badge (site.yaml) is the one image the page may have.
    expect(html.replace(/<footer[\s\S]*<\/footer>/, '')).not.toContain('<img');
  });

  it('should make no element, attribute or comment of it', () => {
    const element = body();
    expect(find(element, (node) => node.tagName === 'script' || node.tagName === 'img')).toEqual([]);
    expect(find(element, (node) => Object.keys(node.properties).some((name) => /^on/i.test(name)))).toEqual([]);
    const comments: string[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'comment') comments.push(node.value);
      if ('children' in node) node.children.forEach(walk);
    };
    walk(element);
    expect(comments).toEqual([]);
    // The unescaped `---` after a blank line is Markdown's thematic break; the text on both sides is kept.
    expect(find(element, (node) => node.tagName === 'hr')).toHaveLength(1);
  });

  it('should show a title and an agency with quotes and colons as written', () => {
    const root = tree();
    expect(textOf(find(root, (element) => element.tagName === 'h1')[0])).toBe(TITLE);
    expect(textOf(find(root, (element) => element.tagName === 'title')[0])).toBe(`${TITLE} - 法治政府建设年度报告库`);
    const meta = (name: string) => find(root, (element) => element.tagName === 'meta' && element.properties.name === name)[0]?.properties.content;
    expect(meta('ArticleTitle')).toBe(TITLE);
    const facts = find(root, (element) => hasClass(element, 'report-facts'))[0];
    expect(textOf(facts)).toContain(AGENCY);

    const agencyPage = fromHtml(readFileSync(join(first.dist, 'agencies/310113-flfwzx/index.html'), 'utf8'));
    expect(textOf(find(agencyPage, (element) => element.tagName === 'h1')[0])).toContain(AGENCY);
    expect(textOf(agencyPage)).toContain(TITLE);

    const catalog = JSON.parse(readFileSync(join(first.dist, 'data/reports.json'), 'utf8'));
    const entries: unknown[] = Array.isArray(catalog) ? catalog : catalog.reports;
    expect(entries).toContainEqual(expect.objectContaining({ title: TITLE, agency: AGENCY }));
    const csv = readFileSync(join(first.dist, 'data/reports.csv'), 'utf8');
    expect(csv).toContain(`"${TITLE.replaceAll('"', '""')}"`);
    expect(csv).toContain(`"${AGENCY.replaceAll('"', '""')}"`);
  });
});

function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

function find(node: Nodes, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (current: Nodes) => {
    if (current.type === 'element' && test(current)) found.push(current);
    if ('children' in current) for (const child of current.children) walk(child as Nodes);
  };
  walk(node as Root);
  return found;
}

function textOf(node: Nodes | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return '';
  if ('children' in node) return node.children.map((child) => textOf(child as Nodes)).join('');
  return '';
}
