/**
 * A worker thread that reads report pages (`read-pages.ts`): it gets a
 * page's path and ordinal, writes its text to the staging folder and answers
 * with what the index keeps of it, its n-grams moved, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPage, type ReadContext } from './read-pages.ts';

const context = workerData as ReadContext;
const port = parentPort!;
port.on('message', ({ file, index }: { file: string; index: number }) => {
  const result = readPage(context, file, index);
  port.postMessage(result, result.prepared ? [result.prepared.grams.buffer as ArrayBuffer] : []);
});
