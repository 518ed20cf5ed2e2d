/** The whole catalogue as JSON: `{ generated, count, reports: [...] }`, newest first. */
import type { APIRoute } from 'astro';
import { catalogueRows } from '../../lib/catalogue-export.ts';
import { catalogue } from '../../lib/collection.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await catalogue();
  const rows = catalogueRows(reports, site!);
  const body = JSON.stringify({ count: rows.length, reports: rows }, null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
