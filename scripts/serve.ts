/**
 * Serve a built site as a static host would, under its base path:
 * `npm run preview` (and `npm start`).
 *
 *     node scripts/serve.ts [site folder] [--port 4321] [--host localhost]
 *
 * The site folder defaults to env `OUT_DIR`, else `dist`; the base path is
 * env `BASE_PATH` (default `/`); the port env `PORT` (default 4321, 0 for any
 * free one). Folders serve their `index.html` (`/x` redirects to `/x/`),
 * missing files get `404.html` with status 404, text is gzipped when the
 * browser accepts it, and nothing outside the folder is ever served.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Options {
  /** The built site (default: env `OUT_DIR`, else `dist`). */
  dir?: string;
  /** Base path the site was built with (default: env `BASE_PATH`, else `/`). */
  base?: string;
  /** Port (default: env `PORT`, else 4321; 0 picks a free one). */
  port?: number;
  /** Host to listen on (default: `localhost`). */
  host?: string;
}

export interface Running {
  server: Server;
  /** The site's URL, base path included: `http://localhost:4321/fzzfjs/`. */
  url: string;
  /** `http://localhost:4321`. */
  origin: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  // Pagefind's own files.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A request handler for the site in `dir` under `base`. */
export function createStaticServer(options: Pick<Options, 'dir' | 'base'> = {}): Server {
  const dir = resolve(options.dir ?? process.env.OUT_DIR ?? 'dist');
  const base = normaliseBase(options.base ?? process.env.BASE_PATH ?? '/');
  const gzipped = new Map<string, { mtime: number; body: Buffer }>();

  const send = (request: IncomingMessage, response: ServerResponse, file: string, stats: Stats, status = 200) => {
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const etag = `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
    response.setHeader('Content-Type', type);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('ETag', etag);
    if (status === 200 && request.headers['if-none-match'] === etag) {
      response.writeHead(304).end();
      return;
    }
    const gzip = COMPRESSIBLE.test(type) && stats.size > 512 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) {
      let cached = gzipped.get(file);
      if (!cached || cached.mtime !== stats.mtimeMs) {
        cached = { mtime: stats.mtimeMs, body: gzipSync(readFileSync(file)) };
        gzipped.set(file, cached);
      }
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Vary', 'Accept-Encoding');
      response.writeHead(status, { 'Content-Length': cached.body.length });
      response.end(request.method === 'HEAD' ? undefined : cached.body);
      return;
    }
    response.writeHead(status, { 'Content-Length': stats.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };

  const notFound = (request: IncomingMessage, response: ServerResponse) => {
    const page = join(dir, '404.html');
    if (existsSync(page)) send(request, response, page, statSync(page), 404);
    else response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
  };

  return createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (!path.startsWith(base)) {
      if (`${path}/` === base || path === '/') response.writeHead(302, { Location: base + url.search }).end();
      else notFound(request, response);
      return;
    }
    const file = resolve(dir, `.${sep}${path.slice(base.length)}`);
    if (file !== dir && !file.startsWith(dir + sep)) {
      notFound(request, response);
      return;
    }
    let stats: Stats | undefined;
    try {
      stats = statSync(file);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const index = join(file, 'index.html');
      if (existsSync(index)) send(request, response, index, statSync(index));
      else notFound(request, response);
      return;
    }
    if (stats?.isFile()) send(request, response, file, stats);
    else notFound(request, response);
  });
}

/** Start serving; resolves once listening. */
export function serve(options: Options = {}): Promise<Running> {
  const base = normaliseBase(options.base ?? process.env.BASE_PATH ?? '/');
  const host = options.host ?? 'localhost';
  const port = options.port ?? (process.env.PORT ? Number(process.env.PORT) : 4321);
  const server = createStaticServer({ dir: options.dir, base });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const origin = `http://${host === 'localhost' ? 'localhost' : shownHost}:${address.port}`;
      resolvePromise({
        server,
        origin,
        url: origin + base,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const options: Options = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--port') options.port = Number(args[++index]);
    else if (arg === '--host') options.host = args[++index];
    else if (arg.startsWith('-')) {
      console.error(`Unknown option \`${arg}\`, expected: node scripts/serve.ts [site folder] [--port 4321] [--host localhost]`);
      process.exit(2);
    } else options.dir = arg;
  }
  const dir = resolve(options.dir ?? process.env.OUT_DIR ?? 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`No built site at ${dir}; run npm run build first (or pass the site folder)`);
    process.exit(1);
  }
  const running = await serve({ ...options, dir });
  console.log(`Serving ${dir} at ${running.url}`);
}
