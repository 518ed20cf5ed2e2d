/**
 * `BASE_PATH`, the sub-path the site is served under, checked as a path:
 * `/`, or segments of letters, digits and `. _ ~ -` between slashes. Not a
 * URL (`//evil.example/`, `https://…`), no `.` or `..` segment, no empty
 * segment, no `\ ? # % :` or spaces: every link and script of the site
 * starts with it.
 */
import { ConfigError } from '../build/config-error.ts';

const SEGMENT = /^[\p{L}\p{N}_~-][\p{L}\p{N}._~-]*$|^\.[\p{L}\p{N}._~-]*[\p{L}\p{N}_~-][\p{L}\p{N}._~-]*$/u;

/** The base path as Astro takes it (`/` or `/a/b/`); throws ConfigError naming the problem. */
export function basePath(raw: string | undefined): string {
  const value = raw ?? '';
  if (value.trim() === '' || value === '/') return '/';
  const refuse = (why: string) => {
    throw new ConfigError(`BASE_PATH ${JSON.stringify(value)} is not a path on this site: ${why}. Give the sub-path the site is served under, e.g. BASE_PATH=/fzzfjs/ (letters, digits, . _ ~ - between slashes).`);
  };
  if (/^[a-z][a-z\d+.-]*:/i.test(value)) refuse('it is a URL with a scheme');
  if (value.startsWith('//') || value.startsWith('\\\\')) refuse('it starts with //, which a browser reads as another host');
  if (/[\\?#%:\s\u0000-\u001f]/u.test(value)) refuse('it holds a character a path segment may not (\\ ? # % : or a space)');
  const segments = value.replace(/^\/|\/$/g, '').split('/');
  if (segments.some((segment) => segment === '')) refuse('it has an empty segment (//)');
  if (segments.some((segment) => segment === '.' || segment === '..')) refuse('it has a . or .. segment');
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) refuse(`the segment ${JSON.stringify(bad)} holds other characters`);
  return `/${segments.join('/')}/`;
}
