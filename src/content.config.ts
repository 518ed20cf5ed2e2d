/**
 * Content collections.
 *
 * `reports`: every report in `<ARCHIVE_DIR>/reports/`, frontmatter checked
 * against the shared schema (`src/schema/report.ts`, also used by ingest).
 * Only the frontmatter is stored: each report page reads and renders its own
 * body (`src/site/report-body.ts`).
 */
import { defineCollection } from 'astro:content';
import { reportsLoader } from './site/reports-loader.ts';
import { reportSchema } from './schema/report.ts';

const reports = defineCollection({
  loader: reportsLoader(),
  schema: reportSchema,
});

export const collections = { reports };
