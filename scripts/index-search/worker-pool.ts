/**
 * One pool of worker threads for the indexer: each runs `module` with
 * `workerData`, takes tasks as messages and answers each with one message.
 * Tasks are handed out as workers ask (`next`, called until it gives
 * `undefined`), at most `inFlight` per worker, so a task that holds memory
 * (a postings group) is made only when a worker is ready for it.
 */
import { Worker } from 'node:worker_threads';

export interface Task<Message> {
  message: Message;
  /** Buffers moved, not copied, to the worker. */
  transfer?: ArrayBuffer[];
}

export interface PoolOptions<Message, Result> {
  /** The worker's module (it answers each message it gets with one message). */
  module: URL;
  workerData: unknown;
  /** Number of workers. */
  size: number;
  /** Tasks one worker may have at a time (default: 1). */
  inFlight?: number;
  /** The next task, or `undefined` when there is none left. */
  next: () => Task<Message> | undefined;
  onResult: (result: Result) => void;
  /** What the workers do, for the message when one fails (`index worker`). */
  name: string;
}

/** Run every task `next` gives in `size` workers; resolves when all are answered, rejects when a worker fails. */
export async function runInWorkers<Message, Result>(options: PoolOptions<Message, Result>): Promise<void> {
  const { module, workerData, size, next, onResult, name } = options;
  const inFlight = options.inFlight ?? 1;
  let exhausted = false;
  const pool = Array.from({ length: size }, () => new Worker(module, { workerData }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            let busy = 0;
            const send = () => {
              while (busy < inFlight && !exhausted) {
                const task = next();
                if (task === undefined) {
                  exhausted = true;
                  break;
                }
                worker.postMessage(task.message, task.transfer ?? []);
                busy++;
              }
              if (busy === 0) done();
            };
            worker.on('message', (result: Result) => {
              busy--;
              onResult(result);
              send();
            });
            worker.on('error', fail);
            worker.on('exit', (code) => (code !== 0 ? fail(new Error(`${name} stopped with exit code ${code}`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
