/** The whole catalog as CSV, newest first; same columns as `reports.json`. */
import type { APIRoute } from 'astro';
import { catalogRows, toCsv } from '../../site/catalog-export.ts';
import { reportsCatalog } from '../../site/collection.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await reportsCatalog();
  return new Response(toCsv(catalogRows(reports, site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
