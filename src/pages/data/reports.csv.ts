/** The whole catalogue as CSV, newest first; same columns as `reports.json`. */
import type { APIRoute } from 'astro';
import { catalogueRows, toCsv } from '../../lib/catalogue-export.ts';
import { catalogue } from '../../lib/collection.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await catalogue();
  return new Response(toCsv(catalogueRows(reports, site!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
