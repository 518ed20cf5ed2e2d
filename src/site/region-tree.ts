/**
 * The region tree, province → city → county, with the number of reports in
 * each: what the region pages and the home page show. Where a code sits comes
 * from the shared region table (`src/archive/regions.ts`), so the site and
 * ingest agree on every path.
 */
import { regionPathOf, type PlaceKind } from '../archive/regions.ts';
import type { ReportEntry } from './catalog.ts';

export interface RegionNode {
  code: string;
  name: string;
  kind: PlaceKind;
  /** Reports in this region and all regions under it. */
  count: number;
  /** By code. */
  children: RegionNode[];
}

/** The tree of every region that has a report, with counts, provinces by code. */
export function regionTree(reports: readonly ReportEntry[]): RegionNode[] {
  const roots = new Map<string, RegionNode>();
  const nodes = new Map<string, RegionNode>();
  const nodeFor = (code: string, name: string, kind: PlaceKind, parent?: RegionNode) => {
    let node = nodes.get(code);
    if (!node) {
      node = { code, name, kind, count: 0, children: [] };
      nodes.set(code, node);
      if (parent) parent.children.push(node);
      else roots.set(code, node);
    }
    node.count++;
    return node;
  };

  for (const { data } of reports) {
    const path = regionPathOf(data.regionCode, data.region);
    const province = nodeFor(path.province.code, path.province.name, 'province');
    const city = path.city ? nodeFor(path.city.code, path.city.name, 'city', province) : undefined;
    if (path.county) nodeFor(path.county.code, path.county.name, 'county', city ?? province);
  }

  const sort = (list: RegionNode[]): RegionNode[] => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const node of list) sort(node.children);
    return list;
  };
  return sort([...roots.values()]);
}

/** Every node of the tree, parents before children. */
export function flattenRegions(tree: readonly RegionNode[]): RegionNode[] {
  return tree.flatMap((node) => [node, ...flattenRegions(node.children)]);
}

