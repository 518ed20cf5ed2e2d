/**
 * Content loader for the `reports` collection.
 *
 * Reads `<ARCHIVE_DIR>/reports/<year>/<regionCode>-<agencyKey>.md`, parses only
 * the frontmatter (gray-matter), validates it with the collection's schema
 * (`parseData`) and stores the raw Markdown body. It renders nothing: Astro 7's
 * Markdown processor runs no remark/rehype plugins, so report pages render the
 * body with `src/lib/markdown.ts`.
 *
 * Entry id: the path under `reports/` without `.md`, e.g. `2018/310113-rmzf`.
 */
import { glob, readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import matter from 'gray-matter';
import { reportsDirectory } from './archive.ts';

export interface Options {
  /** The reports folder (default: `reports/` in the archive `ARCHIVE_DIR` names). */
  directory?: string;
}

const ID_SHAPE = /^(\d{4})\/(\d{6})-[a-z0-9-]+$/;

export function reportsLoader(options: Options = {}): Loader {
  return {
    name: 'reports-loader',
    async load({ config, logger, parseData, store, generateDigest }) {
      const directory = options.directory ?? reportsDirectory();
      const root = fileURLToPath(config.root);
      const stale = new Set(store.keys());
      let count = 0;

      for await (const file of glob('**/*.md', { cwd: directory })) {
        const id = file.split('\\').join('/').replace(/\.md$/, '');
        const filePath = resolve(directory, file);
        const shownPath = relative(root, filePath);
        const contents = await readFile(filePath, 'utf8');
        const digest = generateDigest(contents);
        stale.delete(id);
        count++;
        if (store.get(id)?.digest === digest) continue;

        // gray-matter caches by input text; copy so parseData never sees a shared object.
        const { data, content } = matter(contents);
        const parsed = await parseData({ id, data: { ...data }, filePath });
        checkPath(id, parsed as { year?: number; regionCode?: string }, shownPath, logger.warn.bind(logger));
        store.set({ id, data: parsed, body: content, filePath: shownPath, digest });
      }

      for (const id of stale) store.delete(id);
      if (count === 0) logger.warn(`No reports found in ${relative(root, directory) || directory}; expected reports/<year>/<regionCode>-<agencyKey>.md`);
      else logger.info(`${count} reports from ${relative(root, directory) || directory}`);
    },
  };
}

/** The path says year and region; warn where the frontmatter disagrees. */
function checkPath(id: string, data: { year?: number; regionCode?: string }, file: string, warn: (message: string) => void) {
  const match = ID_SHAPE.exec(id);
  if (!match) {
    warn(`${file}: unexpected path, expected reports/<year>/<regionCode>-<agencyKey>.md (agencyKey in lowercase ASCII)`);
    return;
  }
  if (Number(match[1]) !== data.year) warn(`${file}: folder year ${match[1]} differs from year ${data.year} in the frontmatter`);
  if (match[2] !== data.regionCode) warn(`${file}: file name code ${match[2]} differs from regionCode ${data.regionCode} in the frontmatter`);
}
