/**
 * Real web servers from Debian serving a built site with the configuration
 * the README gives (`deploy/nginx/fzzfjs.conf`, `deploy/apache/fzzfjs.conf`),
 * as child processes of the test: each with its own prefix, configuration,
 * pid and log files in a temporary folder, listening on 127.0.0.1 on a free
 * port, stopped (by its pid) when the test is done. Never the system service.
 *
 * The deployment file is used as written, with only its placeholder folder
 * `/srv/www` replaced by a temporary one whose `fzzfjs/` is the built site.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = resolve(import.meta.dirname, '../..');
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
export const APACHE = process.env.APACHE_PATH || '/usr/sbin/apache2';
export const APACHE_MODULES = process.env.APACHE_MODULES || '/usr/lib/apache2/modules';
/** The deployment files, as the README shows them. */
export const NGINX_CONF = 'deploy/nginx/fzzfjs.conf';
export const APACHE_CONF = 'deploy/apache/fzzfjs.conf';
/** The sub-path and the folder the deployment files are written for. */
export const DEPLOY_BASE = '/fzzfjs/';
const PLACEHOLDER_ROOT = '/srv/www';

export interface WebServer {
  name: 'nginx' | 'apache';
  /** The site's URL with its sub-path, e.g. `http://127.0.0.1:40123/fzzfjs/`. */
  url: string;
  origin: string;
  /** The server's error log so far (for a failing test's message). */
  errorLog: () => string;
  close: () => Promise<void>;
}

/** A port free at the moment (the server is started on it right after; a clash is retried). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** The deployment file with its folder placeholder pointed at `root`. */
function deployConfig(file: string, root: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!text.includes(PLACEHOLDER_ROOT)) throw new Error(`${file} no longer names ${PLACEHOLDER_ROOT}; update tests/helpers/web-servers.ts`);
  return text.replaceAll(PLACEHOLDER_ROOT, root);
}

/** A temporary folder for one server: `www/fzzfjs` → the site, readable by the server's worker user. */
function workFolder(name: string, siteDir: string): { work: string; www: string } {
  const tmp = join(ROOT, 'tests/.tmp');
  mkdirSync(tmp, { recursive: true });
  const work = mkdtempSync(join(tmp, `${name}-`));
  // Workers of a server started as root run as nobody: they must reach the site through this folder.
  chmodSync(work, 0o755);
  const www = join(work, 'www');
  mkdirSync(www);
  symlinkSync(resolve(siteDir), join(www, DEPLOY_BASE.replace(/\//g, '')));
  return { work, www };
}

async function waitUntilServing(child: ChildProcess, url: string, log: () => string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the server exited while starting:\n${log()}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await sleep(100);
    }
  }
  child.kill('SIGTERM');
  throw new Error(`the server did not answer ${url} within 15 s:\n${log()}`);
}

/** Start a server on a free port (`configFor(port)` writes its configuration and returns the arguments), retrying a port taken meanwhile. */
async function start(name: WebServer['name'], binary: string, work: string, configFor: (port: number) => string[]): Promise<WebServer> {
  if (!existsSync(binary)) {
    const pkg = name === 'nginx' ? 'nginx' : 'apache2-bin';
    throw new Error(`${binary} is missing: install it (apt-get install -y ${pkg}); .ci/run does`);
  }
  const errorLogFile = join(work, 'error.log');
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : '');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const args = configFor(port);
    let output = '';
    let exitedWith: number | null | undefined;
    const child = spawn(binary, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exit = new Promise<void>((done) => child.once('exit', (code) => ((exitedWith = code), done())));
    // Should the test process end without closing it, stop the server with it (SIGTERM: the master stops its workers).
    const stopWithTest = () => child.kill('SIGTERM');
    process.once('exit', stopWithTest);
    void exit.then(() => process.off('exit', stopWithTest));
    const origin = `http://127.0.0.1:${port}`;
    const log = () => `${output}${errorLog()}`;
    try {
      await waitUntilServing(child, `${origin}${DEPLOY_BASE}`, log, () => exitedWith !== undefined);
    } catch (error) {
      if (attempt < 3 && /in use|Address already/i.test(log())) continue;
      rmSync(work, { recursive: true, force: true });
      throw error;
    }
    return {
      name,
      origin,
      url: `${origin}${DEPLOY_BASE}`,
      errorLog: log,
      close: async () => {
        if (exitedWith === undefined && child.pid !== undefined) {
          child.kill('SIGTERM');
          await Promise.race([exit, sleep(5_000).then(() => child.kill('SIGKILL'))]);
        }
        rmSync(work, { recursive: true, force: true });
      },
    };
  }
}

/**
 * Debian's nginx serving `siteDir` (built with BASE_PATH=/fzzfjs/) with
 * `deploy/nginx/fzzfjs.conf` included in a bare server block, as a portal
 * would include it. The http block is Debian's minus what the test has no
 * use for; it sets no compression, types or caching of its own, so what
 * the site gets is the deployment file's doing.
 */
export async function startNginx(siteDir: string): Promise<WebServer> {
  const { work, www } = workFolder('nginx', siteDir);
  writeFileSync(join(work, 'fzzfjs.conf'), deployConfig(NGINX_CONF, www));
  return start('nginx', NGINX, work, (port) => {
    const conf = `worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log ${work}/access.log;
  client_body_temp_path ${work}/client_body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    include ${work}/fzzfjs.conf;
  }
}
`;
    writeFileSync(join(work, 'nginx.conf'), conf);
    return ['-p', `${work}/`, '-c', `${work}/nginx.conf`, '-e', `${work}/error.log`, '-g', 'daemon off;'];
  });
}

/** The modules `deploy/apache/fzzfjs.conf` needs, and the ones any site needs (Debian builds them as shared objects). */
const APACHE_MODULE_LIST = ['mpm_event', 'authz_core', 'alias', 'dir', 'mime', 'rewrite', 'headers', 'deflate', 'filter'];

/**
 * Debian's Apache httpd serving `siteDir` (built with BASE_PATH=/fzzfjs/)
 * with `deploy/apache/fzzfjs.conf` included in the main server, which
 * serves nothing else.
 */
export async function startApache(siteDir: string): Promise<WebServer> {
  const { work, www } = workFolder('apache', siteDir);
  writeFileSync(join(work, 'fzzfjs.conf'), deployConfig(APACHE_CONF, www));
  mkdirSync(join(work, 'empty'));
  return start('apache', APACHE, work, (port) => {
    const asRoot = process.getuid?.() === 0;
    const conf = [
      `ServerRoot ${work}`,
      `DefaultRuntimeDir ${work}`,
      `PidFile ${work}/apache.pid`,
      `ErrorLog ${work}/error.log`,
      'LogLevel warn',
      `Listen 127.0.0.1:${port}`,
      'ServerName localhost',
      ...APACHE_MODULE_LIST.map((module) => `LoadModule ${module}_module ${APACHE_MODULES}/mod_${module}.so`),
      ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
      'TypesConfig /etc/mime.types',
      'StartServers 1',
      'ServerLimit 1',
      'ThreadsPerChild 16',
      'MaxRequestWorkers 16',
      `DocumentRoot ${work}/empty`,
      `Include ${work}/fzzfjs.conf`,
      '',
    ].join('\n');
    writeFileSync(join(work, 'apache.conf'), conf);
    return ['-d', work, '-f', `${work}/apache.conf`, '-DFOREGROUND'];
  });
}
