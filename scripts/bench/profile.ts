/**
 * Where a phase spends its time: the functions with the most self time in a
 * V8 CPU profile (`node --cpu-prof`), grouped by package or project file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  /** Package (astro, pagefind, …), a project file (src/site/markdown.ts), or (gc), (program), (idle). */
  where: string;
  seconds: number;
  share: number;
  /** The busiest functions there. */
  functions: string[];
}

/** Self time by package or project file over every .cpuprofile in `dir`. */
export function hotspots(dir: string, top = 8): Hotspot[] {
  const byWhere = new Map<string, { micros: number; functions: Map<string, number> }>();
  let total = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      if (!node) return;
      const micros = profile.timeDeltas[i] ?? 0;
      total += micros;
      const where = placeOf(node.callFrame.url, node.callFrame.functionName);
      const entry = byWhere.get(where) ?? { micros: 0, functions: new Map() };
      entry.micros += micros;
      const fn = `${node.callFrame.functionName || '(anonymous)'}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
      entry.functions.set(fn, (entry.functions.get(fn) ?? 0) + micros);
      byWhere.set(where, entry);
    });
  }
  return [...byWhere.entries()]
    .sort((a, b) => b[1].micros - a[1].micros)
    .slice(0, top)
    .map(([where, entry]) => ({
      where,
      seconds: entry.micros / 1e6,
      share: total ? entry.micros / total : 0,
      functions: [...entry.functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f]) => f),
    }));
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node:*';
  const project = /\/(src|scripts)\/(.+)$/.exec(url);
  if (project) return `${project[1]}/${project[2]}`;
  return url.replace(/^file:\/\//, '');
}
