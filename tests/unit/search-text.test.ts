import { describe, expect, it } from 'vitest';
import { coverOf, decodePositions, decodePostings, encodePositions, encodePostings } from '../../src/search/format.ts';
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
    expect(coverOf('𠮷野家')).toEqual([{ gram: '𠮷野家', offset: 0 }]);
    expect(coverOf('𠮷野家吃饭')).toEqual([{ gram: '𠮷野家吃', offset: 0 }, { gram: '野家吃饭', offset: 1 }]);
  });
  it('should map every normalised unit back to its source', () => {
    const source = '《纲要（2015-2020）》';
    const mapped = normaliseMapped(source);
    expect(mapped.text).toBe('纲要20152020');
    const at = mapped.text.indexOf('2020');
    expect(source.slice(mapped.starts[at], mapped.ends[at + 3])).toBe('2020');
  });
  it('should fold traditional characters to simplified ones, one for one', () => {
    expect(normalise('行政執法')).toBe(normalise('行政执法'));
    expect(normalise('營商環境')).toBe('营商环境');
    expect(normaliseMapped('「依法行政」與執法').text).toBe('依法行政与执法');
  });
  it('should leave simplified text as it is', () => {
    expect(normalise('法治政府建设实施纲要')).toBe('法治政府建设实施纲要');
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
    const encoded = encodePostings(postings.map(([ordinal]) => ordinal), postings.map(([, count]) => count));
    expect(encoded).toBe('1,1:3,6,rl:14');
    expect([...decodePostings(encoded)]).toEqual(postings);
  });
  it('should round-trip positions by report', () => {
    const positions: Array<[number, number[]]> = [[0, [5, 8]], [3, [2]], [40, [0, 100, 1300]]];
    const flat = positions.flatMap(([ordinal, starts]) => starts.map((start) => [ordinal, start]));
    const encoded = encodePositions(flat.map(([ordinal]) => ordinal), flat.map(([, start]) => start));
    expect(encoded).toBe('1.5.3;3.2;11.0.2s.xc');
    expect([...decodePositions(encoded)].map(([ordinal, starts]) => [ordinal, [...starts]])).toEqual(positions);
  });
  it('should answer terms of up to four characters by themselves', () => {
    expect(coverOf('法')).toEqual([{ gram: '法', offset: 0 }]);
    expect(coverOf('行政执法')).toEqual([{ gram: '行政执法', offset: 0 }]);
  });
  it('should cover a longer term with 4-grams every four characters and one flush with its end', () => {
    expect(coverOf('规范性文件')).toEqual([{ gram: '规范性文', offset: 0 }, { gram: '范性文件', offset: 1 }]);
    expect(coverOf('法治政府建设实施纲要').map(({ offset }) => offset)).toEqual([0, 4, 6]);
    expect(coverOf('一二三四五六七八').map(({ gram }) => gram)).toEqual(['一二三四', '五六七八']);
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
