/**
 * No broken internal link or anchor anywhere in the site built from the
 * fixture archive under /fzzfjs/: every href and src that stays on the site
 * resolves, relative to its page, to a file in the build, and every #fragment
 * to an id on the target page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { attributeValues, fileFor, htmlFiles } from '../helpers/site-files.ts';

const { dir, base, site } = inject('fixtureSite');
const origin = new URL(site).origin;

function pageUrl(path: string): URL {
  // 404.html is served for any missing path; its links are all root-relative.
  const dirPath = path === '404.html' ? '' : path.replace(/index\.html$/, '');
  return new URL(`${base}${dirPath}`, origin);
}

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set(attributeValues(readFileSync(file, 'utf8'), 'id'));
    idsCache.set(file, ids);
  }
  return ids;
}

it('should find no broken internal link or anchor', () => {
  const broken: string[] = [];
  let checked = 0;
  for (const path of htmlFiles(dir)) {
    const html = readFileSync(join(dir, path), 'utf8');
    const from = pageUrl(path);
    for (const href of [...attributeValues(html, 'href'), ...attributeValues(html, 'src')]) {
      if (/^(mailto|tel|javascript|data):/i.test(href)) continue;
      const target = new URL(href, from);
      if (target.origin !== origin) continue;
      checked++;
      if (!target.pathname.startsWith(base)) {
        broken.push(`${path}: ${href} is outside the base path ${base}`);
        continue;
      }
      const file = fileFor(dir, target.pathname.slice(base.length));
      if (!file) {
        broken.push(`${path}: ${href} → no file for ${target.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !idsIn(file).has(fragment)) broken.push(`${path}: ${href} → no id "${fragment}" in ${target.pathname}`);
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(200);
});

it('should find every sitemap entry in the build', () => {
  const locs = [...readFileSync(join(dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc));
  expect(locs.length).toBeGreaterThan(20);
  for (const loc of locs) expect(fileFor(dir, loc.pathname.slice(base.length)), loc.href).toBeDefined();
});
