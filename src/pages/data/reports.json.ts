/** The whole catalog as JSON: `{ generated, count, reports: [...] }`, newest first. */
import type { APIRoute } from 'astro';
import { catalogRows } from '../../site/catalog-export.ts';
import { reportsCatalog } from '../../site/collection.ts';

export const GET: APIRoute = async ({ site }) => {
  const { reports } = await reportsCatalog();
  const rows = catalogRows(reports, site!);
  const body = JSON.stringify({ count: rows.length, reports: rows }, null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
