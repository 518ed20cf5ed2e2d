/**
 * A worker thread that counts postings groups (`postings.ts`,
 * `writePostingsInWorkers`): it shares the texts with the main thread, gets
 * one group's occurrence list at a time, writes its shards into the staging
 * folder and answers with each file's path, digest and size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { IndexFiles } from './index-files.ts';
import { countGroup, type CountWorkerData } from './postings.ts';

const { points, starts, groups, shards, folder } = workerData as CountWorkerData;
const port = parentPort!;
port.on('message', ({ group, list }: { group: number; list: Uint32Array }) => {
  const files = new IndexFiles((path, contents) => writeFileSync(join(folder, path), contents));
  countGroup(list, points, starts, group, groups, shards, files);
  const written: Array<[string, string, number]> = [];
  for (const [path, digest] of files.digests) written.push([path, digest, files.sizes.get(path) ?? 0]);
  port.postMessage(written);
});
