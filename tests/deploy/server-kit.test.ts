/**
 * The server kit as the README gives it (`deploy/nginx/fzzfjs.conf`,
 * `deploy/apache/fzzfjs.conf`), run by Debian's nginx and Apache httpd over
 * the fixture site built for /fzzfjs/: the sub-path and its redirects, every
 * parent path a page, the site's own 404 page, compression of every text
 * type, CSV as `text/csv; charset=utf-8`, and caching (a year for hashed
 * files, revalidation for pages, the catalogue and the index entry files).
 * Requests are made the way a browser makes them (`Accept-Encoding: gzip`),
 * with Node's http client, which shows the bytes as sent.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../helpers/server.ts';
import { htmlFiles } from '../helpers/site-files.ts';
import { APACHE_CONF, DEPLOY_BASE, NGINX_CONF, startApache, startNginx, type WebServer } from '../helpers/web-servers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent (compressed when Content-Encoding says so). */
  sent: Buffer;
  /** The body decoded. */
  body: string;
}

/** GET `path` (inside the site, or absolute when it starts with `/`) as a browser would ask for it. */
function request(server: WebServer, path: string): Promise<Answer> {
  const target = path.startsWith('/') ? `${server.origin}${path}` : `${server.url}${path}`;
  return new Promise((done, fail) => {
    get(target, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const sent = Buffer.concat(chunks);
        const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(sent) : sent;
        done({ status: response.statusCode ?? 0, headers: response.headers, sent, body: body.toString('utf8') });
      });
      response.on('error', fail);
    }).on('error', fail);
  });
}

/** Where a redirect leads, as a path on the server (a relative Location and an absolute one alike). */
function locationOf(server: WebServer, answer: Answer): string {
  const target = new URL(String(answer.headers.location), server.origin);
  return target.pathname + target.search;
}

let siteDir: string;
let work: string;
/** A sample SVG large enough to be worth compressing (the site's favicon is 200 bytes). */
const SAMPLE_SVG = 'kit-samples/mark.svg';

beforeAll(async () => {
  const built = await fixtureSite(DEPLOY_BASE);
  mkdirSync(join(ROOT, 'tests/.tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'tests/.tmp/server-kit-'));
  // The servers' workers (nobody, when the test runs as root) read the site through this folder.
  chmodSync(work, 0o755);
  siteDir = join(work, 'site');
  cpSync(built.dir, siteDir, { recursive: true });
  mkdirSync(join(siteDir, 'kit-samples'));
  const circles = Array.from({ length: 40 }, (_, n) => `<circle cx="${n * 10}" cy="${n * 5}" r="${n}" fill="#c4121a"/>`).join('\n');
  writeFileSync(join(siteDir, SAMPLE_SVG), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">\n${circles}\n</svg>\n`);
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every folder above a page or a file a page links to with `<a href>` (`reports/2018/`, `reports/`, `data/` …), the home page included. */
function parentPaths(dir: string): string[] {
  const targets = new Set<string>();
  for (const file of htmlFiles(dir)) {
    targets.add(file);
    const html = readFileSync(join(dir, file), 'utf8');
    for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      if (href.startsWith(DEPLOY_BASE)) targets.add(decodeURIComponent(href.slice(DEPLOY_BASE.length).replace(/[?#].*$/, '')));
    }
  }
  const parents = new Set<string>();
  for (const target of targets) {
    const parts = target.split('/').slice(0, -1);
    for (let depth = 0; depth <= parts.length; depth++) parents.add(parts.slice(0, depth).map((part) => `${part}/`).join(''));
  }
  return [...parents].sort();
}

/** Text types the site serves, with a file of each in the built site. */
function textSamples(dir: string): Array<[string, string]> {
  const search = readFileSync(join(dir, 'search/index.html'), 'utf8');
  const script = /src="\/fzzfjs\/(_astro\/[^"]+\.js)"/.exec(search)?.[1];
  const style = /href="\/fzzfjs\/(_astro\/[^"]+\.css)"/.exec(search)?.[1];
  return [
    ['html', 'reports/2019/310113-rmzf/'],
    ['js', script ?? '(no script on the search page)'],
    ['css', style ?? '(no stylesheet on the search page)'],
    ['json', 'data/reports.json'],
    ['svg', SAMPLE_SVG],
    ['xml', 'sitemap-0.xml'],
    ['rss', 'rss.xml'],
    ['csv', 'data/reports.csv'],
  ];
}

describe.each([
  ['nginx', startNginx],
  ['Apache', startApache],
] as const)('%s with the README’s configuration', (_name, startServer) => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startServer(siteDir);
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });

  it('should send /fzzfjs without its slash to the site, query kept', async () => {
    const answer = await request(server, '/fzzfjs?from=portal');
    expect(answer.status).toBe(301);
    expect(locationOf(server, answer)).toBe('/fzzfjs/?from=portal');
  });

  it('should add the slash to a folder: /fzzfjs/years → /fzzfjs/years/', async () => {
    for (const path of ['years', 'reports/2018', 'reports/2018/310113-rmzf']) {
      const answer = await request(server, path);
      expect(answer.status, path).toBe(301);
      expect(locationOf(server, answer), path).toBe(`${DEPLOY_BASE}${path}/`);
    }
  });

  it('should answer every parent path of every page with a page of the site', async () => {
    const paths = parentPaths(siteDir);
    for (const must of ['', 'years/', 'agencies/', 'levels/', 'regions/', 'reports/', 'reports/2018/', 'data/']) expect(paths).toContain(must);
    for (const path of paths) {
      const answer = await request(server, path);
      expect(answer.status, `${path}\n${server.errorLog()}`).toBe(200);
      expect(answer.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(answer.body, path).toMatch(/<h1[^>]*>/);
    }
  });

  it('should answer a missing page, and a folder that holds only files, with the site’s 404 page and status 404', async () => {
    const notFound = readFileSync(join(siteDir, '404.html'), 'utf8');
    for (const path of ['reports/2099/no-such-report/', 'no-such-page.html', '_astro/', 'search-exact/', 'pagefind/fragment/', 'site-files/images/']) {
      const answer = await request(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).toBe(notFound);
    }
  });

  it('should gzip every text type, and leave Pagefind’s own compressed files as they are', async () => {
    for (const [kind, path] of textSamples(siteDir)) {
      const answer = await request(server, path);
      expect(answer.status, `${kind}: ${path}`).toBe(200);
      expect(answer.headers['content-encoding'], `${kind}: ${path}`).toBe('gzip');
      expect(String(answer.headers.vary), `${kind}: ${path}`).toMatch(/Accept-Encoding/i);
      expect(answer.sent.length, `${kind}: ${path}`).toBeLessThan(Buffer.byteLength(answer.body));
    }
    const entry = JSON.parse((await request(server, 'pagefind/pagefind-entry.json')).body) as { languages: Record<string, { hash: string }> };
    const meta = await request(server, `pagefind/pagefind.${Object.values(entry.languages)[0].hash}.pf_meta`);
    expect(meta.status).toBe(200);
    expect(meta.headers['content-encoding']).toBeUndefined();
  });

  it('should give every text type its type with charset=utf-8, and CSV text/csv', async () => {
    const csv = await request(server, 'data/reports.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFFid,url,title')).toBe(true);
    for (const [kind, path] of textSamples(siteDir)) {
      expect(String((await request(server, path)).headers['content-type']), `${kind}: ${path}`).toMatch(/; charset=utf-8$/);
    }
  });

  it('should let browsers keep hashed files for a year, and revalidate pages, the catalogue and the index entry files', async () => {
    const [, script] = textSamples(siteDir)[1];
    const fragment = readdirSync(join(siteDir, 'pagefind/fragment'))[0];
    for (const path of [script, `pagefind/fragment/${fragment}`]) {
      expect((await request(server, path)).headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['', 'reports/2018/310113-rmzf/', 'search/', 'data/reports.json', 'data/reports.csv', 'search-exact/catalog.json', 'pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'sitemap-index.xml']) {
      const answer = await request(server, path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(answer.headers.etag ?? answer.headers['last-modified'], path).toBeDefined();
    }
  });
});

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it.each([NGINX_CONF, APACHE_CONF])('should show %s exactly as the tests run it', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(readme.includes(`\n${text}\`\`\``), `the README shows ${file} as written`).toBe(true);
  });
});
