/** The 落款 at a report body's end (src/site/rehype-signature.ts), found as the Markdown pipeline renders it. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/site/markdown.ts';

const signed = (markdown: string) => [...renderMarkdown(markdown).html.matchAll(/<p class="signature">([^<]*)<\/p>/g)].map(([, text]) => text);

describe('rehype-signature', () => {
  it('should mark the signing body and the date that close the body', () => {
    expect(signed('## 一、成效\n\n正文一段。\n\n上海市宝山区人民政府\n\n2020年2月10日\n')).toEqual(['上海市宝山区人民政府', '2020年2月10日']);
  });

  it('should take a joint 落款, a date in Chinese numerals, and a name and date on one line', () => {
    expect(signed('正文。\n\n中共某某县委\n\n某某县人民政府\n\n二〇二三年一月十二日\n')).toEqual(['中共某某县委', '某某县人民政府', '二〇二三年一月十二日']);
    expect(signed('正文。\n\n云阳县城市管理局 2024年1月12日\n')).toEqual(['云阳县城市管理局 2024年1月12日']);
  });

  it('should leave a body that ends with a sentence, or with 特此报告, as it is', () => {
    expect(signed('## 三、下一步\n\n2024年将继续推进依法行政，确保各项任务在2024年12月31日前完成。\n')).toEqual([]);
    expect(signed('正文。\n\n特此报告\n\n2024年1月12日\n')).toEqual(['2024年1月12日']);
    expect(signed('正文。\n\n## 二、2024年工作安排\n')).toEqual([]);
  });
});
