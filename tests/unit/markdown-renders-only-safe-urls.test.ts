/**
 * Item 7 of issue 13: a report body, however written (by hand, by a tool),
 * renders only http(s) links and on-site links, and loads nothing from
 * outside the site: inline and reference links and images alike, and any
 * element another plugin might add.
 */
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeSafeUrls from '../../src/site/rehype-safe-urls.ts';
import { renderMarkdown } from '../../src/site/markdown.ts';

const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);

describe('URLs in a report body', () => {
  it('should render a reference link to javascript: as its text, not a link', () => {
    const { html } = renderMarkdown('[x][r]\n\n[r]: javascript:alert(document.domain)\n');
    expect(html).toContain('x (javascript:alert(document.domain))');
    expect(hrefs(html).filter((href) => !href.startsWith('#'))).toEqual([]);
  });

  it('should load no image, inline or by reference, from anywhere', () => {
    const { html } = renderMarkdown('![a][z] ![b](https://evil.example/b.png) ![c](//evil.example/c.png)\n\n[z]: https://evil.example/a.png\n');
    expect(html).not.toMatch(/<img|\ssrc=/);
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'])(
    'should make no link of %j',
    (url) => {
      const { html } = renderMarkdown(`[a](<${url}>) [b][r]\n\n[r]: <${url}>\n`);
      expect(hrefs(html).filter((href) => !href.startsWith('#'))).toEqual([]);
    },
  );

  it('should keep http(s) links and links within the site', () => {
    const { html } = renderMarkdown('[a](https://www.gov.cn/) [b][r] [c](/reports/2018/310113-rmzf/) [d](#s1)\n\n[r]: http://www.shanghai.gov.cn/\n');
    expect(hrefs(html)).toEqual(expect.arrayContaining(['https://www.gov.cn/', 'http://www.shanghai.gov.cn/', '/reports/2018/310113-rmzf/', '#s1']));
  });

  it('should remove from any element a link off http(s) and a source off the site', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'a', properties: { href: 'javascript:alert(1)' }, children: [{ type: 'text', value: 'x' }] },
        { type: 'element', tagName: 'img', properties: { src: '//evil.example/a.png' }, children: [] },
        { type: 'element', tagName: 'img', properties: { src: '\\\\evil.example\\a.png' }, children: [] },
        { type: 'element', tagName: 'img', properties: { src: '/images/a.png' }, children: [] },
        { type: 'element', tagName: 'form', properties: { action: 'https://evil.example/' }, children: [] },
      ],
    };
    rehypeSafeUrls()(tree);
    expect(tree.children.map((node) => (node.type === 'element' ? node.properties : null))).toEqual([{}, {}, {}, { src: '/images/a.png' }, {}]);
  });
});
