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
 * Files are written to a temporary name and renamed, so a killed run leaves
 * no half-written report.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as stringifyYaml } from 'yaml';
import { describeIssue } from '../../src/schema/issues.ts';
import { REPORT_FIELDS, reportSchema, type ReportData } from '../../src/schema/report.ts';
import { IngestError } from './errors.ts';
import { ancestors, regionByCode } from '../../src/archive/regions.ts';

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

/** Frontmatter (validated by the shared schema) and body as one file. */
export function renderFile(data: ReportData, markdown: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of REPORT_FIELDS) {
    const value = data[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) ordered[key] = value;
  }
  const yaml = stringifyYaml(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${markdown.trimEnd()}\n`;
}

/** Validate frontmatter with the shared schema; problems name the file and the field. */
export function validate(data: Record<string, unknown>, file: string): ReportData {
  const result = reportSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue, data));
  throw new IngestError('invalid-frontmatter', `${file}: invalid frontmatter: ${problems.join('; ')}`);
}

/** Write atomically: a temporary file in the same folder, then rename. Returns whether the file changed. */
export function writeAtomic(file: string, content: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) return false;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
  return true;
}
