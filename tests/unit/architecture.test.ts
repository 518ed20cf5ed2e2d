/**
 * The rule of ARCHITECTURE.md, checked: imports only point down. Each
 * folder lists the folders it may import from (its own always); a newcomer
 * sees ingest → archive → site → index → browser search in the folders, and
 * no arrow runs back up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Folder → the folders its files may import from, most specific folder first. */
const ALLOWED: Array<[folder: string, mayImport: string[]]> = [
  ['src/schema', []],
  ['src/archive', ['src/schema']],
  ['src/build', []],
  ['src/search/browser', ['src/search', 'src/archive']],
  ['src/search', []],
  ['src/site', ['src/schema', 'src/archive', 'src/build', 'src/search']],
  // The pages of the site ship the browser's search.
  ['src/pages', ['src/site', 'src/schema', 'src/archive', 'src/search', 'src/components', 'src/layouts']],
  ['src/components', ['src/site', 'src/schema', 'src/archive', 'src/search']],
  ['src/layouts', ['src/site', 'src/components']],
  ['src/content.config.ts', ['src/site', 'src/schema']],
  ['scripts/ingest', ['src/schema', 'src/archive']],
  ['scripts/index-search', ['src/schema', 'src/archive', 'src/search', 'src/build']],
  ['scripts/regions', ['src/archive']],
  ['astro.config.mjs', ['src/archive', 'src/build', 'src/site']],
];

/** Folders whose files are checked against ALLOWED (the tools in scripts/ sit on top and may use any stage). */
const CHECKED = ['src', 'scripts/ingest', 'scripts/index-search', 'scripts/regions', 'astro.config.mjs'];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.\w+$/.test(path)) return [path];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = `${path}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(child);
    return /\.(ts|mjs|astro|mdx)$/.test(entry.name) ? [child] : [];
  });
}

/** The project files a file imports, as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]);
  return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/'));
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);
const ruleOf = (file: string) => ALLOWED.find(([folder]) => inside(file, folder));

describe('the folders of the stages', () => {
  const files = CHECKED.flatMap(filesUnder);

  it('should find the files to check, each under a rule', () => {
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((file) => !ruleOf(file))).toEqual([]);
  });

  it('should import only from the folder itself or the folders below it', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const [folder, allowed] = ruleOf(file)!;
      for (const target of importsOf(file)) {
        if (inside(target, folder) || allowed.some((below) => inside(target, below))) continue;
        wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('should keep src/ free of imports from scripts/ and tests/', () => {
    const wrong = filesUnder('src').flatMap((file) => importsOf(file).filter((target) => /^(scripts|tests)\//.test(target)).map((target) => `${file} → ${target}`));
    expect(wrong).toEqual([]);
  });
});
