/**
 * The one way a schema problem is told to a person: the field's path, then
 * what is wrong, e.g. `year: expected a number, got "二〇二三"` or
 * `contact.email: expected an email address`. Used for report frontmatter
 * (the site's loader, ingest) and for the site settings.
 */
import type { z } from 'astro/zod';

export interface IssueOptions {
  /** Say what was found (`got "二〇二三"`), looked up in `data` (default: false). */
  values?: boolean;
  /** How a problem with the whole document is named (default: `(frontmatter)`). */
  root?: string;
}

/** One issue as a line: `field: problem`. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown, options: IssueOptions = {}): string {
  const field = issue.path.map(String).join('.') || (options.root ?? '(frontmatter)');
  if (!options.values) return `${field}: ${issue.message}`;
  const value = issue.path.length > 0 ? issue.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], data) : data;
  if (issue.code === 'invalid_type' && value === undefined) return `${field}: missing (expected ${issue.expected})`;
  if (issue.code === 'invalid_type') return `${field}: expected ${article(issue.expected)}, got ${shown(value)}`;
  if (issue.code === 'invalid_value') return `${field}: ${shown(value)} is not one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}`;
  return `${field}: ${issue.message}${value !== undefined && typeof value !== 'object' ? ` (got ${shown(value)})` : ''}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.length > 60 ? `${JSON.stringify(`${value.slice(0, 40)}…`)} (${value.length} characters)` : JSON.stringify(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return String(value);
}
