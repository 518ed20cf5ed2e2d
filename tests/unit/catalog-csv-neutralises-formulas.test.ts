/**
 * Item 6 of issue 13: a title or agency that a spreadsheet would take for a
 * formula goes into data/reports.csv neutralised, as OWASP recommends (a
 * single quote before it, the cell quoted); other cells are as before.
 */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/site/catalog-export.ts';

describe('a CSV cell', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","点击")', `"'=HYPERLINK(""https://evil.example"",""点击"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['  =1', `"'  =1"`],
    ['＝1+1', `"'＝1+1"`],
  ])('should neutralise %j', (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it('should leave other text, numbers and empty cells as they were', () => {
    expect(csvField('上海市宝山区人民政府')).toBe('上海市宝山区人民政府');
    expect(csvField('关于"放管服"改革, 2023')).toBe('"关于""放管服""改革, 2023"');
    expect(csvField('2023-01-01')).toBe('2023-01-01');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});
