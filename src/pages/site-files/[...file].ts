/**
 * The images `site.yaml` names (the 党政机关 badge, the 找错 and 无障碍 images),
 * copied from the archive folder into the site at `site-files/<path>`, so
 * the footer loads nothing from another site. None by default.
 */
import { sharedPages } from '../../site/build-part.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveDirectory } from '../../archive/layout.ts';
import { loadSiteSettings, siteFiles } from '../../site/site-settings.ts';

export const getStaticPaths = (() => {
  const paths = [...new Set(siteFiles(loadSiteSettings()).map(({ path }) => path))];
  return sharedPages(paths).map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(archiveDirectory(), params.file!)));
