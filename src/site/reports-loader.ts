/**
 * Content loader for the `reports` collection.
 *
 * Reads `<ARCHIVE_DIR>/reports/<year>/<regionCode>-<agencyKey>.md`, parses only
 * the frontmatter (`src/archive/frontmatter.ts`), validates it with the collection's schema
 * and its region code against the region table
 * (`parseData`) and stores the frontmatter, the file's path and a digest of
 * the file, not the body: Astro inlines the whole store into its build bundle
 * as one string, which bodies would make hundreds of megabytes. The report
 * page reads and renders its own body (`src/site/report-body.ts`). A file
 * whose digest is unchanged since the last build is not parsed again.
 *
 * Entry id: the path under `reports/` without `.md`, e.g. `2018/310113-rmzf`.
 *
 * A hand-edited file with invalid frontmatter fails the build with one
 * message naming every such file, its fields and their problems
 * (`reports/2023/x.md: year: expected a number, got "二〇二三"`), not a stack trace.
 */
import { glob, readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { describeIssue } from '../schema/issues.ts';
import { reportSchema } from '../schema/report.ts';
import { readFrontmatter } from '../archive/frontmatter.ts';
import { ID_SHAPE, idOfReportFile, reportsDirectory } from '../archive/layout.ts';
import { unknownRegionCode } from '../archive/regions.ts';

export interface Options {
  /** The reports folder (default: `reports/` in the archive `ARCHIVE_DIR` names). */
  directory?: string;
}

/** How many files are read ahead of the one being parsed. */
const READ_AHEAD = 32;

export function reportsLoader(options: Options = {}): Loader {
  return {
    name: 'reports-loader',
    async load({ config, logger, parseData, store, generateDigest }) {
      const directory = options.directory ?? reportsDirectory();
      const root = fileURLToPath(config.root);
      const stale = new Set(store.keys());
      let count = 0;
      const invalid: string[] = [];

      // Read a few files ahead: one at a time, the build mostly waits for the disk.
      const files = await Array.fromAsync(glob('**/*.md', { cwd: directory }));
      const reading: Array<Promise<string | Error> | undefined> = [];
      const readAhead = (index: number) => {
        if (index < files.length) reading[index] = readFile(resolve(directory, files[index]), 'utf8').catch((error: Error) => error);
      };
      for (let index = 0; index < READ_AHEAD; index++) readAhead(index);

      for (const [index, file] of files.entries()) {
        const id = idOfReportFile(file);
        const filePath = resolve(directory, file);
        const shownPath = relative(root, filePath);
        const contents = await reading[index]!;
        reading[index] = undefined;
        readAhead(index + READ_AHEAD);
        if (contents instanceof Error) throw contents;
        const digest = generateDigest(contents);
        stale.delete(id);
        count++;
        const stored = store.get(id);
        if (stored?.digest === digest && stored.filePath === shownPath) continue;

        let data: Record<string, unknown>;
        try {
          ({ data } = readFrontmatter(contents));
        } catch (error) {
          invalid.push(`${shownPath}: the frontmatter cannot be read: ${firstLine(error)}`);
          continue;
        }
        const checked = reportSchema.safeParse({ ...data });
        const region = unknownRegionCode(data.regionCode);
        if (!checked.success || region) {
          if (!checked.success) invalid.push(...checked.error.issues.map((issue) => `${shownPath}: ${describeIssue(issue, data, { values: true })}`));
          if (region) invalid.push(`${shownPath}: regionCode: ${region}`);
          continue;
        }
        const parsed = await parseData({ id, data: { ...data }, filePath });
        checkPath(id, parsed as { year?: number; regionCode?: string }, shownPath, logger.warn.bind(logger));
        store.set({ id, data: parsed, filePath: shownPath, digest });
      }

      if (invalid.length > 0) {
        const error = new AstroError(
          `Invalid frontmatter in ${new Set(invalid.map((line) => line.slice(0, line.indexOf(': ')))).size} report file(s):\n${invalid.map((line) => `  ${line}`).join('\n')}`,
          'Fix the named field in the named file (see the frontmatter table in README.md), then build again.',
        );
        error.stack = '';
        throw error;
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

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
