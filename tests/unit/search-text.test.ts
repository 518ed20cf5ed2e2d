import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, keysOf } from '../../src/search/format.ts';
import { shardOf } from '../../src/search/hash.ts';
import { excerpt, markRanges, reportText } from '../../src/search/browser/match.ts';
import { countOccurrences, normalise, normaliseMapped } from '../../src/search/normalise.ts';
import { parseQuery } from '../../src/search/browser/query.ts';

describe('normalise', () => {
  it('should drop spaces and punctuation and keep Han, digits and Latin', () => {
    expect(normalise('“放管服”改革, 12345 热线')).toBe('放管服改革12345热线');
  });
  it('should fold full-width and upper-case Latin and digits', () => {
    expect(normalise('沪ＩＣＰ备０１２号 ICP')).toBe('沪icp备012号icp');
  });
  it('should drop NBSP and ideographic spaces used for indentation', () => {
    expect(normalise('\u00a0\u00a0\u3000\u3000一、总体情况')).toBe('一总体情况');
  });
  it('should keep a Han character outside the BMP as one character', () => {
    expect(normalise('𠮷野家')).toBe('𠮷野家');
    expect(keysOf('𠮷野家')).toEqual(['𠮷野家']);
    expect(new Set(keysOf('𠮷野家吃饭'))).toEqual(new Set(['𠮷野家吃', '野家吃饭']));
  });
  it('should map every normalised unit back to its source', () => {
    const source = '《纲要（2015-2020）》';
    const mapped = normaliseMapped(source);
    expect(mapped.text).toBe('纲要20152020');
    const at = mapped.text.indexOf('2020');
    expect(source.slice(mapped.starts[at], mapped.ends[at + 3])).toBe('2020');
  });
  it('should count overlapping occurrences', () => {
    expect(countOccurrences('哈哈哈', '哈哈')).toBe(2);
  });
});

describe('parseQuery', () => {
  it('should split words on spaces, ideographic ones included', () => {
    expect(parseQuery('行政复议　法律顾问 ICP').terms.map((term) => term.norm)).toEqual(['行政复议', '法律顾问', 'icp']);
  });
  it('should keep a quoted phrase as one term, straight or curly quotes', () => {
    expect(parseQuery('"法治 政府" “依法 行政”').terms).toEqual([
      { raw: '法治 政府', norm: '法治政府', phrase: true, length: 4 },
      { raw: '依法 行政', norm: '依法行政', phrase: true, length: 4 },
    ]);
  });
  it('should report words that are only punctuation and drop duplicates', () => {
    const parsed = parseQuery('法治 ， 法治 —');
    expect(parsed.terms.map((term) => term.norm)).toEqual(['法治']);
    expect(parsed.ignored).toEqual(['，', '—']);
  });
  it('should read an unclosed quote to the end', () => {
    expect(parseQuery('“法治 政府').terms.map((term) => [term.norm, term.phrase])).toEqual([['法治政府', true]]);
  });
});

describe('postings', () => {
  it('should round-trip delta-encoded postings with counts', () => {
    const postings: Array<[number, number]> = [[0, 1], [1, 3], [7, 1], [1000, 40]];
    const encoded = encodePostings(postings);
    expect(encoded).toBe('1,1:3,6,rl:14');
    expect([...decodePostings(encoded)]).toEqual(postings);
  });
  it('should answer terms of up to four characters by themselves and longer ones by their 4-grams', () => {
    expect(keysOf('法')).toEqual(['法']);
    expect(keysOf('法治')).toEqual(['法治']);
    expect(keysOf('行政执法')).toEqual(['行政执法']);
    expect(keysOf('法治法治法治')).toEqual(['治法治法', '法治法治']);
  });
  it('should look up at most 12 4-grams of a pasted sentence, first and last included', () => {
    const keys = keysOf(normalise('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯'));
    expect(keys).toHaveLength(12);
    expect(keys).toContain('一二三四');
    expect(keys).toContain('子丑寅卯');
  });
  it('should hash keys to a stable shard', () => {
    expect(shardOf('法治', 64)).toBe(shardOf('法治', 64));
    expect(shardOf('法治', 1)).toBe(0);
  });
});

describe('excerpt', () => {
  const text = reportText([
    ['', 0, ['标题']],
    ['s1', 2, ['一、总体情况', '全面推进“放管服”改革，深化行政审批制度改革，优化营商环境。']],
  ]);
  it('should mark a term found across punctuation as written', () => {
    const segments = excerpt(text, [normalise('放管服改革')]);
    expect(segments.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(['放管服”改革']);
  });
  it('should merge overlapping marks', () => {
    expect(markRanges('改革改革', ['改革', '革改'])).toEqual([[0, 4]]);
  });
});
