/** Write a file whole or not at all: a temporary file beside it, then a rename. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

let writes = 0;

export function writeAtomicSync(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}-${++writes}.tmp`;
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
