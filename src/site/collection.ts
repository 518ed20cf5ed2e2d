/**
 * The `reports` collection, read once per build and shared by every page
 * (in dev, read afresh so edits show), with the lookups pages need built once
 * (`catalogIndex`), so a page costs the size of what it shows.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { byNewest, catalogIndex, type CatalogIndex } from './catalog.ts';
import { regionTree, type RegionNode } from './region-tree.ts';

export type Report = CollectionEntry<'reports'>;

interface ReportsCatalog extends CatalogIndex<Report> {
  /** Newest first. */
  reports: Report[];
  regions: RegionNode[];
}

let cached: Promise<ReportsCatalog> | undefined;

export function reportsCatalog(): Promise<ReportsCatalog> {
  if (cached && import.meta.env.PROD) return cached;
  cached = getCollection('reports').then((entries) => {
    const reports = entries.sort(byNewest);
    return { reports, ...catalogIndex(reports), regions: regionTree(reports) };
  });
  return cached;
}
