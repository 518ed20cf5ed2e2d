/**
 * Whole-file fixture tests: the same report in other encodings and forms
 * gives the same metadata and sections.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../scripts/ingest/pipeline.ts';

const dir = 'tests/fixtures/encodings';

describe('inputs in other encodings and forms', () => {
  it.each(['seed-excerpt.gbk.txt', 'seed-excerpt.gb18030.txt', 'seed-excerpt.utf16le.txt', 'seed-excerpt.utf16le-bom.txt', 'seed-excerpt.utf16be-bom.txt', 'seed-excerpt.utf8-bom.txt'])(
    'should read %s exactly as its UTF-8 original',
    async (file) => {
      const original = await analyse(`${dir}/seed-excerpt.utf8.txt`);
      const other = await analyse(`${dir}/${file}`);
      expect(other.metadata.title).toBe('嘉定区绿化和市容管理局2022年度法治政府建设情况报告');
      expect({ ...other.metadata, evidence: null }).toEqual({ ...original.metadata, evidence: null });
      expect(other.markdown).toBe(original.markdown);
    },
  );

  it('should keep a Big5 traditional-character report as written and still find its metadata', async () => {
    const { metadata, markdown, traditional, encoding } = await analyse(`${dir}/023.big5.txt`);
    expect(encoding).toBe('big5');
    expect(traditional).toBe(true);
    expect(metadata.title).toBe('北京市2020年法治政府建設年度情況報告');
    expect(metadata).toMatchObject({ agency: '北京市人民政府', region: '北京市', year: 2020, date: '2021-03-30', level: '省' });
    expect(markdown).toContain('## 一、2020年法治政府建設主要舉措和成效');
  });

  it('should read a saved 政府信息公开 page: its meta tags, metadata table and body, without chrome', async () => {
    const { metadata, markdown } = await analyse('tests/fixtures/html/xxgk-detail.html');
    expect(metadata.title).toMatch(/法治政府建设/);
    expect(metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(metadata.indexNumber).not.toBeNull();
    expect(metadata.region).not.toBeNull();
    expect(markdown).toMatch(/^## 一、/m);
    expect(markdown).not.toMatch(/网站标识码|ICP备|分享到/);
  });

  it('should read a GBK-encoded saved page like its UTF-8 source', async () => {
    const gbk = await analyse('tests/fixtures/html/trs-editor.gbk.html');
    const utf8 = await analyse('tests/fixtures/html/trs-editor.source-utf8.html');
    expect(gbk.metadata.title).toBe(utf8.metadata.title);
    expect(gbk.markdown).toBe(utf8.markdown);
  });
});
