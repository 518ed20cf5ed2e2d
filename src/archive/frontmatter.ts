/**
 * A report file's frontmatter and body, read the one way ingest and the site
 * both read them.
 *
 * The YAML is parsed by the `yaml` package as YAML 1.2 (its core schema),
 * strictly: a duplicate key, a tag the core schema does not know
 * (`!!js/function`, `!!binary`, custom tags), more than `MAX_ALIASES` alias
 * references (an alias "bomb"), or anything but a mapping is an error that
 * says what and where, never a value. YAML 1.2 has no timestamp type, so an
 * unquoted `date: 2024-01-20` is the string `"2024-01-20"`, as ingest writes
 * it. (gray-matter, used before, parses with js-yaml 3 as YAML 1.1: it made
 * such a date a `Date`, expanded aliases without limit, and stopped on a
 * duplicate key without naming the file.)
 *
 * The body is split off as gray-matter's `content` was: a BOM dropped; after
 * a `---` line, the text from the line after the next `\n---`, one line end
 * dropped.
 */
import { parseDocument } from 'yaml';

/** Alias references a frontmatter may hold; a report needs none. */
export const MAX_ALIASES = 100;

export class FrontmatterError extends Error {
  override name = 'FrontmatterError';
}

export interface Frontmatter {
  /** The frontmatter as plain values (`{}` when there is none). */
  data: Record<string, unknown>;
  /** The Markdown after it. */
  body: string;
}

/** The YAML between the `---` lines (null when the file has no frontmatter) and the body after them. */
export function splitFrontmatter(text: string): { yaml: string | null; body: string } {
  let str = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!str.startsWith('---') || str.charAt(3) === '-') return { yaml: null, body: str };
  str = str.slice(3);
  const language = str.slice(0, str.search(/\r?\n/));
  if (language.trim()) str = str.slice(language.length);
  const close = str.indexOf('\n---');
  if (close === -1) return { yaml: str, body: '' };
  const yaml = str.slice(0, close);
  let body = str.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  return { yaml, body };
}

/** The Markdown after the frontmatter. */
export function markdownBody(text: string): string {
  return splitFrontmatter(text).body;
}

/**
 * Parse a report file. Throws FrontmatterError with the problem and its
 * line (`duplicate key "agency" (line 3)`), for the caller to name the file.
 */
export function readFrontmatter(text: string): Frontmatter {
  const { yaml, body } = splitFrontmatter(text);
  if (yaml === null || yaml.trim() === '') return { data: {}, body };
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new FrontmatterError(describeYamlProblem(problem, yaml));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new FrontmatterError(`${(error as Error).message.split('\n')[0]} (more than ${MAX_ALIASES} alias references)`);
  }
  if (data === null || data === undefined) return { data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontmatterError(`expected field: value lines, found ${Array.isArray(data) ? 'a list' : 'a single value'}`);
  return { data: data as Record<string, unknown>, body };
}

function describeYamlProblem(problem: { code: string; message: string; pos: [number, number] }, yaml: string): string {
  // The YAML starts with the line end of the opening --- (line 1 of the file).
  const line = yaml.slice(0, problem.pos[0]).split('\n').length;
  const what = problem.code === 'DUPLICATE_KEY' ? 'a key appears twice' : problem.code === 'TAG_RESOLVE_FAILED' ? 'a YAML tag that a report does not use' : 'invalid YAML';
  return `${what}: ${problem.message.split('\n')[0]} (line ${line} of the file)`;
}
