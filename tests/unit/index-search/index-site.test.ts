import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExactIndex } from '../../../scripts/index-search/exact-index.ts';
import { indexSite } from '../../../scripts/index-search/index-site.ts';
import { extractPage, page, randomText, temporarySites, type TestPage } from '../../helpers/report-pages.ts';

describe('indexSite', () => {
  const site = temporarySites('index-site-');
  // Cache folders the tests make besides the sites.
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const filesOf = (dir: string) => {
    const out = new Map<string, string>();
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder).sort()) {
        const full = join(folder, entry);
        if (statSync(full).isDirectory()) walk(full);
        else out.set(relative(join(dir, 'search-exact'), full), readFileSync(full, 'utf8'));
      }
    };
    walk(join(dir, 'search-exact'));
    // What the next build keeps of each report (its change key among it) is no part of what is searched.
    return new Map([...out].filter(([path]) => !path.endsWith('/reports.json')).sort(([a], [b]) => (a < b ? -1 : 1)));
  };

  it('should write the same bytes as buildExactIndex, with or without worker threads', async () => {
    // 60 pages (worker threads read 50 or more), one of them not a report.
    const pages: TestPage[] = Array.from({ length: 60 }, (_, index) =>
      page(`reports/20${10 + (index % 10)}/${String(index).padStart(3, '0')}-x/index.html`, {
        title: `第${index}号报告`,
        year: `20${10 + (index % 10)}`,
        agency: `机构${index % 7}`,
        body: `<h2 id="s1">一、情况</h2><p>${randomText(index)}</p>`,
      }),
    );
    pages.push({ ...page('reports/2015/not-a-report/index.html', { title: '跳转', year: '2015', agency: '无', body: '' }), html: '<html><body><p>跳转</p></body></html>' });
    const quiet = { pagefind: false, log: () => undefined, cache: false } as const;
    const single = site(pages);
    const threaded = site(pages);
    expect((await indexSite(single, { ...quiet, workers: 0 })).fatal).toEqual([]);
    expect((await indexSite(threaded, { ...quiet, workers: 2 })).reports).toBe(60);
    const expected = buildExactIndex(
      pages.filter(({ html }) => html.includes('data-pagefind-body')).map((one) => extractPage(one)),
      '/fzzfjs/',
    );
    const searched = new Map([...expected].filter(([path]) => !path.endsWith('/reports.json')));
    expect(filesOf(single)).toEqual(searched);
    expect(filesOf(threaded)).toEqual(searched);
  });

  describe('with the page cache', () => {
    const pages = (edit = '') =>
      Array.from({ length: 12 }, (_, index) =>
        page(`reports/2020/${String(index).padStart(3, '0')}-x/index.html`, {
          title: `第${index}号报告`,
          year: '2020',
          agency: `机构${index}`,
          body: `<h2 id="s1">一、情况</h2><p>${randomText(index)}${index === 3 ? edit : ''}</p>`,
        }),
      );
    const run = async (dir: string, cache: string | false, workers = 0) => {
      const lines: string[] = [];
      // A full build reads every page (a rebuild would not read the unchanged ones at all).
      const result = await indexSite(dir, { pagefind: false, workers, cache, full: true, log: (line) => lines.push(line) });
      expect(result.fatal).toEqual([]);
      return lines.join('\n');
    };
    const cacheEntries = (cache: string) => readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((name) => /^[0-9a-f]{64}$/.test(name.split(/[\\/]/).pop()!));

    it('should take unchanged pages from the cache and give the bytes a run without it gives', async () => {
      const cache = join(mkdtempSync(join(tmpdir(), 'index-cache-')), 'search-pages', 'f1');
      dirs.push(join(cache, '../..'));
      const cached = site(pages());
      expect(await run(cached, cache)).toContain('0 from the cache');
      expect(cacheEntries(cache)).toHaveLength(12);
      expect(await run(cached, cache)).toContain('12 from the cache');
      const fresh = site(pages());
      await run(fresh, false);
      expect(filesOf(cached)).toEqual(filesOf(fresh));
    });

    it('should read an edited page afresh, drop its old entry, and index the new text', async () => {
      const cache = join(mkdtempSync(join(tmpdir(), 'index-cache-')), 'search-pages', 'f2');
      dirs.push(join(cache, '../..'));
      const dir = site(pages());
      await run(dir, cache, 2);
      writeFileSync(join(dir, pages()[3].file), pages('改过的一句话')[3].html);
      expect(await run(dir, cache, 2)).toContain('11 from the cache');
      expect(cacheEntries(cache)).toHaveLength(12);
      const fresh = site(pages('改过的一句话'));
      await run(fresh, false);
      expect(filesOf(dir)).toEqual(filesOf(fresh));
      expect([...filesOf(dir).values()].some((text) => text.includes('改过的一句话'))).toBe(true);
    });

    it('should read a damaged entry afresh, and drop other code versions’ folders', async () => {
      const root = mkdtempSync(join(tmpdir(), 'index-cache-'));
      dirs.push(root);
      const cache = join(root, 'search-pages', 'f3');
      mkdirSync(join(root, 'search-pages', 'older-code'), { recursive: true });
      const dir = site(pages());
      await run(dir, cache);
      for (const entry of cacheEntries(cache)) writeFileSync(join(cache, entry), 'not json');
      expect(await run(dir, cache)).toContain('0 from the cache');
      expect(readdirSync(join(root, 'search-pages'))).toEqual(['f3']);
      const fresh = site(pages());
      await run(fresh, false);
      expect(filesOf(dir)).toEqual(filesOf(fresh));
    });

    it('should read a page afresh when its entry was cut short on disk (issue 13, item 5), and rewrite it', async () => {
      const root = mkdtempSync(join(tmpdir(), 'index-cache-'));
      dirs.push(root);
      const cache = join(root, 'search-pages', 'f4');
      const dir = site(pages());
      await run(dir, cache);
      const entries = cacheEntries(cache);
      // Cut inside the text, after the header line: the JSON of the header still parses.
      for (const entry of entries) writeFileSync(join(cache, entry), readFileSync(join(cache, entry), 'utf8').slice(0, 120));
      expect(await run(dir, cache)).toContain('0 from the cache');
      expect(await run(dir, cache)).toContain('12 from the cache');
      const fresh = site(pages());
      await run(fresh, false);
      expect(filesOf(dir)).toEqual(filesOf(fresh));
    });
  });
});
