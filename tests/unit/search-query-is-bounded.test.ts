/**
 * Item 14 of issue 13 (the query's part): a query is bounded in length and
 * terms, and what went wrong is said as it is, the network blamed only for
 * a network failure.
 */
import { describe, expect, it } from 'vitest';
import { failureMessage, refusedQuery } from '../../src/search/browser/page/messages.ts';
import { MAX_QUERY_CHARS, MAX_TERMS, parseQuery } from '../../src/search/browser/query.ts';

describe('a query', () => {
  it(`should be searched up to ${MAX_QUERY_CHARS} characters and ${MAX_TERMS} terms`, () => {
    expect(parseQuery('法'.repeat(MAX_QUERY_CHARS)).terms).toHaveLength(1);
    expect(parseQuery(Array.from({ length: MAX_TERMS }, (_, i) => `词${i}`).join(' ')).terms).toHaveLength(MAX_TERMS);
  });

  it('should be refused when longer, saying how long it is, at once', () => {
    const started = performance.now();
    const parsed = parseQuery('法治'.repeat(32 * 1024));
    expect(performance.now() - started).toBeLessThan(200);
    expect(parsed).toEqual({ terms: [], ignored: [], refused: { reason: 'length', count: 65536 } });
    expect(refusedQuery(parsed.refused!)).toBe(`搜索词过长（65536 个字），最多 ${MAX_QUERY_CHARS} 个字。请缩短后再搜索，例如只保留最关键的几个词。`);
  });

  it('should be refused with too many terms', () => {
    const parsed = parseQuery(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `词${i}`).join(' '));
    expect(parsed.refused).toEqual({ reason: 'terms', count: MAX_TERMS + 1 });
    expect(refusedQuery(parsed.refused!)).toContain(`最多 ${MAX_TERMS} 个`);
  });
});

describe('a failed search', () => {
  it('should blame the network only for a network failure', () => {
    expect(failureMessage(new TypeError('Failed to fetch'))).toContain('网络');
    for (const error of [new Error('/search-exact/catalog.json: HTTP 404'), new SyntaxError('Unexpected token'), new RangeError('Invalid array length'), 'x']) {
      expect(failureMessage(error)).not.toContain('网络');
    }
    expect(failureMessage(new Error('/search-exact/catalog.json: HTTP 404'))).toContain('服务器返回 404');
    expect(failureMessage(new SyntaxError('Unexpected token'))).toContain('已损坏');
  });
});
