/** Where a segment's files go, and the digest and size of each: the segment's name is a digest of them all. */
import { createHash } from 'node:crypto';
import { digestOf } from './prepare.ts';

/** Where index files go, and the digest of each, for the version. */
export class IndexFiles {
  readonly digests = new Map<string, string>();
  readonly sizes = new Map<string, number>();
  bytes = 0;
  count = 0;
  readonly #write: (path: string, contents: string) => void;

  constructor(write: (path: string, contents: string) => void) {
    this.#write = write;
  }

  add(path: string, contents: string): void {
    this.#write(path, contents);
    this.record(path, digestOf(contents), Buffer.byteLength(contents));
  }

  /** A file written elsewhere (a worker). */
  record(path: string, digest: string, bytes: number): void {
    this.digests.set(path, digest);
    this.sizes.set(path, bytes);
    this.bytes += bytes;
    this.count++;
  }

  /** A digest of every file and of `extra`. */
  version(extra: string): string {
    const hash = createHash('sha256');
    for (const path of [...this.digests.keys()].sort()) hash.update(`${path}\0${this.digests.get(path)}\n`);
    hash.update(extra);
    return hash.digest('hex').slice(0, 16);
  }
}

