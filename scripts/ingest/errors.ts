/**
 * An error that stops ingest of one source, with a stable machine-readable
 * `code` (for tests, logs and summaries) and a message for a person: it names
 * what was found and says what to do about it.
 *
 * Codes used so far: reading 'empty', 'binary', 'undecodable', 'too-large',
 * 'not-found', 'not-a-file', 'mixed-encoding'; the pipeline 'too-deep',
 * 'no-report', 'too-many-headings', 'text-lost', 'missing-metadata',
 * 'invalid-frontmatter', 'unreadable-report', 'cannot-write', 'internal';
 * the run 'locked'.
 */
export class IngestError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
  }
}
