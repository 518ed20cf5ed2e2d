/**
 * The `reports` collection, read once per build and shared by every page
 * (in dev, read afresh so edits show).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { agencies, byNewest, type Agency } from './catalog.ts';
import { regionTree, type RegionNode } from './regions.ts';

export type Report = CollectionEntry<'reports'>;

interface Catalogue {
  /** Newest first. */
  reports: Report[];
  agencies: Agency<Report>[];
  regions: RegionNode[];
}

let cached: Promise<Catalogue> | undefined;

export function catalogue(): Promise<Catalogue> {
  if (cached && import.meta.env.PROD) return cached;
  cached = getCollection('reports').then((entries) => {
    const reports = entries.sort(byNewest);
    return { reports, agencies: agencies(reports), regions: regionTree(reports) };
  });
  return cached;
}
