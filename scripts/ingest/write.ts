/**
 * Stage 5, write: a report's frontmatter and Markdown, at a stable ASCII path.
 *
 *   <archive>/reports/<year>/<regionCode>-<agencyKey>.md
 *
 * agencyKey is the pinyin initials of the agency's name without its place
 * names (上海市宝山区人民政府 → rmzf, 嘉定区绿化和市容管理局 → lhhsrglj). A
 * report already in the archive keeps its path on every later run; a second
 * report that would take an existing path gets a -2, -3 … suffix.
 *
 * The pipeline writes it whole or not at all (`src/archive/atomic.ts`), so a
 * killed run leaves no half-written report.
 */
import { pinyin } from 'pinyin-pro';
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import { describeIssue } from '../../src/schema/issues.ts';
import { REPORT_FIELDS, reportSchema, type ReportData } from '../../src/schema/report.ts';
import { IngestError } from './errors.ts';
import { ancestors, regionByCode, unknownRegionCode } from '../../src/archive/regions.ts';

/** Short ASCII key for an agency: pinyin initials of its name without place names. */
export function agencyKey(agency: string, regionCode: string): string {
  const region = regionByCode(regionCode);
  let name = agency.replace(/^中共/, '');
  if (region) {
    for (const place of [...ancestors(region), region].map((r) => r.name).sort((a, b) => b.length - a.length)) {
      name = name.split(place).join('');
    }
  }
  name = name.replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '');
  const initials = pinyin(name || agency, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return (initials || 'jg').slice(0, 12);
}

/** Serialise an mdast tree to Markdown; text that looks like markup is escaped. */
export function toMarkdown(tree: Root): string {
  return unified().use(remarkStringify, { bullet: '-', rule: '-' }).stringify(tree);
}

/**
 * Frontmatter (validated by the shared schema) and body as one file. `extra`
 * holds fields a person added by hand (`note: 核对过原件`): they are kept,
 * after the schema's fields.
 */
export function renderFile(data: ReportData, markdown: string, extra: Record<string, unknown> = {}): string {
  const ordered: Record<string, unknown> = {};
  for (const key of REPORT_FIELDS) {
    const value = data[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) ordered[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  const yaml = stringifyYaml(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${markdown.trimEnd()}\n`;
}

/** Fields of the frontmatter that the schema does not know: added by a person, kept as they are. */
export function extraFields(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  return Object.fromEntries(Object.entries(data).filter(([key]) => !(REPORT_FIELDS as string[]).includes(key)));
}

/**
 * Validate frontmatter with the shared schema and the region table; problems
 * name the file and the field.
 */
export function validate(data: Record<string, unknown>, file: string): ReportData {
  const result = reportSchema.safeParse(data);
  const problems = result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, data, { values: true }));
  const region = unknownRegionCode(data.regionCode);
  if (region) problems.push(`regionCode: ${region}`);
  if (result.success && problems.length === 0) return result.data;
  throw new IngestError('invalid-frontmatter', `${file}: invalid frontmatter: ${problems.join('; ')}`);
}

/**
 * A failed write into the archive as a message that says what to do: no
 * space left, a read-only or forbidden folder, a name too long.
 */
export function describeWriteError(error: unknown, path: string, archiveDir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${path}: no space left on the device holding ${archiveDir} (${code}); free some space and run ingest again (what is already archived stays consistent)`;
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${path}: the archive ${archiveDir} is ${code === 'EROFS' ? 'on a read-only file system' : 'not writable by this user'} (${code}); make it writable, or pass --archive with a folder you can write to`;
    case 'ENAMETOOLONG':
      return `cannot write ${path}: the name is too long for the file system (${code}); rename the source to something shorter and ingest that`;
    default:
      return `cannot write ${path} (${code ?? (error as Error).message}); check the archive folder ${archiveDir} and run ingest again`;
  }
}
