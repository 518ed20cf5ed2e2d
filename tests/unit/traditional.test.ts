import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../scripts/ingest/read.ts';
import { countScripts, isTraditional, toSimplified, traditionalFormsOf } from '../../scripts/ingest/traditional.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const big5Page = readFileSync(join(fixtures, 'dev', '023.txt'), 'utf8');
/** The simplified pages of the first dev set (the later dev pages include traditional mirrors). */
const FIRST_DEV_SET = new Set(['001', '005', '015', '017', '018', '022', '026', '027', '029', '035', '041', 'N01', 'N02', 'N03'].map((n) => `${n}.txt`));
const simplifiedTexts = ['seeds', 'dev'].flatMap((dir) =>
  readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith('.txt') && (dir === 'seeds' || FIRST_DEV_SET.has(f)))
    .map((f) => ({ name: f, text: readFileSync(join(fixtures, dir, f), 'utf8') })),
);

describe('isTraditional', () => {
  it('should not load the OpenCC dictionaries just to recognise a script', () => {
    const require = createRequire(import.meta.url);
    const umd = require.resolve('opencc-js/t2cn');
    expect(isTraditional(big5Page)).toBe(true);
    expect(require.cache[umd]).toBeUndefined();
    toSimplified('國');
    expect(require.cache[umd]).toBeDefined();
  });

  it('should recognise the big5 mirror page as traditional', () => {
    expect(isTraditional(big5Page)).toBe(true);
    const counts = countScripts(big5Page);
    expect(counts.simplified).toBe(0);
    expect(counts.traditional).toBeGreaterThan(150);
  });

  it('should recognise a traditional page decoded from Big5 bytes', async () => {
    const d = await readSource(join(fixtures, 'encodings', '023.big5.txt'));
    expect(isTraditional(d.text)).toBe(true);
  });

  it('should recognise the traditional mirrors among the dev pages, pinyin residue and mojibake and all', () => {
    for (const page of ['dev/010', 'dev/019', 'dev/034', 'dev2/004', 'dev2/008', 'dev2/027', 'dev2/033']) {
      expect(isTraditional(readFileSync(join(fixtures, `${page}.txt`), 'utf8')), page).toBe(true);
    }
  });

  it('should call every simplified report and opening simplified', () => {
    expect(simplifiedTexts).toHaveLength(19);
    for (const { name, text } of simplifiedTexts) {
      expect(isTraditional(text), name).toBe(false);
    }
  });

  it('should keep a simplified text with a few traditional characters (a quoted name) simplified', () => {
    const text =
      '嘉定区绿化和市容管理局2022年度法治政府建设情况报告。邀请香港“國際仲裁中心”專家为机关干部讲授涉外法治课程,组织学习《習近平法治思想學習綱要》。';
    const counts = countScripts(text);
    expect(counts.traditional).toBeGreaterThanOrEqual(7);
    expect(isTraditional(text)).toBe(false);
  });

  it('should recognise a short traditional title', () => {
    expect(isTraditional('北京市2020年法治政府建設年度情況報告')).toBe(true);
    expect(isTraditional('北京市2020年法治政府建设年度情况报告')).toBe(false);
  });

  it('should not call a text traditional when nothing tells the scripts apart', () => {
    expect(countScripts('法治政府 2021 年 中共 北京市')).toEqual({ traditional: 0, simplified: 0 });
    expect(isTraditional('法治政府 2021 年 中共 北京市')).toBe(false);
    expect(isTraditional('')).toBe(false);
  });
});

describe('toSimplified', () => {
  it('should give a simplified reading of the big5 page, keeping its layout', () => {
    const s = toSimplified(big5Page);
    const lines = s.split('\n');
    expect(lines[0]).toBe('北京市2020年法治政府建设年度情况报告');
    expect(lines[2]).toBe('日期:2021-03-30 15:28    来源:北京市人民政府');
    expect(s).toContain('一、2020年法治政府建设主要举措和成效');
    expect(s).toContain('全面落实党中央、国务院关于法治政府建设的决策部署');
    expect(lines).toHaveLength(big5Page.split('\n').length);
    expect(isTraditional(s)).toBe(false);
  });

  it('should fold Hong Kong and Taiwan variant forms too', () => {
    expect(toSimplified('綫路裏面的電綫')).toBe('线路里面的电线');
    expect(toSimplified('香港特別行政區政府於二〇二〇年發佈')).toBe('香港特别行政区政府于二〇二〇年发布');
  });

  it('should leave characters common to both scripts, digits and punctuation alone', () => {
    expect(toSimplified('法治政府 2021 年(一)“三项制度”')).toBe('法治政府 2021 年(一)“三项制度”');
    expect(toSimplified('')).toBe('');
  });
});

describe('traditionalFormsOf', () => {
  it('should give the traditional forms of simplified characters from OpenCC, skipping shared ones', () => {
    expect(traditionalFormsOf('国会这们发法')).toBe('國會這們發');
  });
});
