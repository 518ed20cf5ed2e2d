/**
 * Reading a built site in tests: pages by URL path, every HTML file, and the
 * ids and links in a page. The HTML is the site's own, so attribute
 * patterns are enough; no parser needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The file a URL path inside the site maps to (`reports/2018/x/` → `reports/2018/x/index.html`), or undefined. */
export function fileFor(dir: string, path: string): string | undefined {
  const decoded = decodeURIComponent(path.replace(/^\/+/, ''));
  const candidate = join(dir, decoded.endsWith('/') || decoded === '' ? `${decoded}index.html` : decoded);
  return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

/** A page's text by its path inside the site; throws when missing. */
export function readPage(dir: string, path: string): string {
  const file = fileFor(dir, path);
  if (!file) throw new Error(`no page for ${path} in ${dir}`);
  return readFileSync(file, 'utf8');
}

/** Every HTML file, as paths inside the site (`reports/2018/x/index.html`). */
export function htmlFiles(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.html') ? [relative(dir, full).split(sep).join('/')] : [];
    });
  return walk(dir).sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

export function decodeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]);
}

/** Values of one attribute across a page (`id`, `href`, `src`). */
export function attributeValues(html: string, name: string): string[] {
  const pattern = new RegExp(`\\s${name}="([^"]*)"`, 'g');
  return [...html.matchAll(pattern)].map((match) => decodeAttribute(match[1]));
}

/** The opening tag and inner HTML of every `<h1>`…`<h6>`. */
export function headingsOf(html: string): Array<{ tag: string; attributes: string; inner: string }> {
  return [...html.matchAll(/<(h[1-6])(\s[^>]*)?>([\s\S]*?)<\/\1>/g)].map((match) => ({
    tag: match[1],
    attributes: match[2] ?? '',
    inner: match[3],
  }));
}
