import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../scripts/serve.ts';

let dir: string;
let site: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(dir, 'reports/2018/x'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<h1>首页</h1>');
  writeFileSync(join(dir, '404.html'), '<h1>未找到</h1>');
  writeFileSync(join(dir, 'reports/2018/x/index.html'), `<h1>报告</h1>${'正文'.repeat(500)}`);
  site = await serve({ dir, base: '/fzzfjs/', host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(site.origin + path, { redirect: 'manual', headers });

describe('scripts/serve.ts', () => {
  it('should print the URL with the base path', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fzzfjs\/$/);
  });
  it('should serve folders by their index.html under the base path only', async () => {
    expect(await (await get('/fzzfjs/')).text()).toBe('<h1>首页</h1>');
    expect((await get('/fzzfjs/reports/2018/x/')).status).toBe(200);
    expect((await get('/reports/2018/x/')).status).toBe(404);
  });
  it('should redirect to the base path and to a folder with its slash', async () => {
    expect((await get('/')).headers.get('location')).toBe('/fzzfjs/');
    const folder = await get('/fzzfjs/reports/2018/x?q=1');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/fzzfjs/reports/2018/x/?q=1');
  });
  it('should answer a missing page with 404.html and never leave the folder', async () => {
    const missing = await get('/fzzfjs/nothing/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>未找到</h1>');
    expect((await get('/fzzfjs/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });
  it('should gzip text when the browser accepts it', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<{ encoding?: string; data: Buffer }>((resolve, reject) => {
      request(`${site.origin}/fzzfjs/reports/2018/x/`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ encoding: response.headers['content-encoding'], data: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    expect(body.encoding).toBe('gzip');
    expect(gunzipSync(body.data).toString()).toContain('<h1>报告</h1>');
  });
});
