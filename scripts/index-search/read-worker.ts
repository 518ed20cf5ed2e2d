/**
 * A worker thread that reads report pages (`read-pages.ts`): it gets a
 * page's path, ordinal and facts, writes its text to the staging folder and answers
 * with what the index keeps of it, its n-grams moved, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPage, type PageTask, type ReadContext } from './read-pages.ts';

const context = workerData as ReadContext;
const port = parentPort!;
port.on('message', (task: PageTask) => {
  const result = readPage(context, task);
  port.postMessage(result, result.prepared ? [result.prepared.grams.buffer as ArrayBuffer] : []);
});
