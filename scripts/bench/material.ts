/**
 * Material for the benchmark generator: the sample reports cut into
 * sentences, headings and openings, sorted by the part of a report they
 * come from (work done, shortcomings, the principal leaders' duties, plans).
 *
 * Read from content/sources/samples/*.txt (the five sample reports) and, for
 * more variety, twelve clean report openings of tests/fixtures/dev/
 * (`DEV_OPENINGS`: not the look-alikes, nor the pages a mirror damaged).
 * Only the text between the first paragraph of prose and
 * the 落款 is used; page chrome (short lines without a full stop) is dropped.
 * Place names of the samples are replaced by placeholders ({county}, {city},
 * {province}, {unit}) and years by offsets from the report's year ({y+1}), so
 * the generator can put every sentence in any region and year.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Role = 'work' | 'lack' | 'duty' | 'plan';
export const ROLES: Role[] = ['work', 'lack', 'duty', 'plan'];

export interface Material {
  /** Top-level (一、) heading texts without their number, per role. */
  sections: Record<Role, string[]>;
  /** Second-level (（一）) heading texts without their number, per role. */
  subsections: Record<Role, string[]>;
  /** Lead sentences of numbered items (1、X。), per role. */
  items: Record<Role, string[]>;
  /** Prose sentences, each ending in 。；！ or ？, per role. */
  sentences: Record<Role, string[]>;
  /** Opening paragraphs (before 一、). */
  openings: string[];
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE_DIRS = [join(ROOT, 'content/sources/samples'), join(ROOT, 'tests/fixtures/dev')];
/** The dev openings the generator takes sentences from: clean text, so generated reports read like real ones, and the same every run. */
const DEV_OPENINGS = new Set(['001', '005', '015', '017', '018', '022', '023', '026', '027', '029', '035', '041'].map((n) => `${n}.txt`));

const CN_NUM = '一二三四五六七八九十';
const H1 = new RegExp(`^[${CN_NUM}]{1,3}、\\s*(.+)$`);
const H2 = new RegExp(`^[（(][${CN_NUM}]{1,3}[)）]\\s*(.+)$`);
const ITEM = /^\d{1,2}[、.．]\s*(.+)$/;

/**
 * Place names of the source reports and what they become. Longest first, so
 * that 上海市嘉定区 goes before 嘉定区 and 嘉定.
 */
const PLACES: [string, string][] = (
  [
    ['上海市嘉定区', '{path}'], ['上海市宝山区', '{path}'], ['南充市嘉陵区', '{path}'], ['重庆市云阳县', '{path}'],
    ['北京市海淀区', '{path}'], ['天津市静海区', '{path}'],
    ['嘉定区', '{local}'], ['宝山区', '{local}'], ['云阳县', '{local}'], ['嘉陵区', '{local}'], ['静海区', '{local}'],
    ['海淀区', '{local}'], ['城口县', '{local}'], ['梁平区', '{local}'], ['田村路街道', '{local}'], ['鸡鸣乡', '{local}'],
    ['聚奎镇', '{local}'], ['凤鸣镇', '{local}'], ['烈山区', '{local}'], ['清水县', '{local}'],
    ['嘉定', '{localShort}'], ['宝山', '{localShort}'], ['云阳', '{localShort}'], ['嘉陵', '{localShort}'], ['静海', '{localShort}'],
    ['田村', '{localShort}'],
    ['南充市', '{city}'], ['郑州市', '{city}'], ['南充', '{cityShort}'], ['郑州', '{cityShort}'],
    ['上海市', '{province}'], ['重庆市', '{province}'], ['北京市', '{province}'], ['天津市', '{province}'],
    ['四川省', '{province}'], ['广东省', '{province}'], ['河南省', '{province}'], ['宁夏回族自治区', '{province}'],
    ['上海', '{provinceShort}'], ['重庆', '{provinceShort}'], ['四川', '{provinceShort}'], ['北京', '{provinceShort}'],
    ['天津', '{provinceShort}'], ['广东', '{provinceShort}'], ['河南', '{provinceShort}'], ['宁夏', '{provinceShort}'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** 区委、全县、我区 …: the unit's one-character kind, as a placeholder. */
const UNIT_WORDS = /(?<![社小园街])([区县])(?=委|政府|人大|政协|法院|检察院|级|直|属|域内|法治|依法|司法局|城管|各)|(?<=[全我本该])([区县])/g;

let cached: Material | undefined;

/** The material, read once. */
export function loadMaterial(dirs: string[] = SAMPLE_DIRS): Material {
  if (cached && dirs === SAMPLE_DIRS) return cached;
  const material: Material = {
    sections: emptyByRole(),
    subsections: emptyByRole(),
    items: emptyByRole(),
    sentences: emptyByRole(),
    openings: [],
  };
  const seen = new Set<string>();
  const add = (list: string[], text: string) => {
    if (text.length < 4 || seen.has(text)) return;
    seen.add(text);
    list.push(text);
  };
  for (const dir of dirs) {
    const years = knownYears(dir);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.txt$/.test(name) || (dir.endsWith('dev') && !DEV_OPENINGS.has(name))) continue;
      const raw = readFileSync(join(dir, name), 'utf8');
      if (/[設國區縣們]/.test(raw)) continue; // a traditional-character mirror
      readReport(raw, yearOf(raw, years.get(name)), material, add, dir.endsWith('dev'));
    }
  }
  if (dirs === SAMPLE_DIRS) cached = material;
  return material;
}

function emptyByRole(): Record<Role, string[]> {
  return { work: [], lack: [], duty: [], plan: [] };
}

/** The role of a top-level section from its heading. */
export function roleOf(heading: string): Role {
  if (/不足|问题|差距|短板/.test(heading)) return 'lack';
  if (/第一责任人|主要负责人|党政主要/.test(heading)) return 'duty';
  if (/打算|安排|思路|下一步|计划|工作要点|展望/.test(heading)) return 'plan';
  return 'work';
}

/**
 * The year a material text covers, which its years are made offsets from:
 * the one its expected.json gives, else the year its title names (…2018年度…),
 * else the first year in it.
 */
function yearOf(raw: string, known: number | undefined): number {
  return known ?? Number(/(20[12]\d)\s*年度/.exec(raw)?.[1] ?? /(20[12]\d)年/.exec(raw)?.[1] ?? 2022);
}

/** Years covered by the texts of a folder, as its expected.json gives them. */
function knownYears(dir: string): Map<string, number> {
  try {
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { reports?: Array<{ file: string; year?: number | null }> };
    return new Map((expected.reports ?? []).flatMap((r) => (typeof r.year === 'number' ? [[r.file, r.year] as [string, number]] : [])));
  } catch {
    return new Map();
  }
}

function readReport(raw: string, year: number, m: Material, add: (list: string[], text: string) => void, truncated: boolean) {
  const lines = raw
    .replace(/\r/g, '')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000•]+/g, ' ').trim())
    .filter(Boolean);
  // A truncated opening file ends mid-sentence: drop its last line.
  if (truncated) lines.pop();
  let role: Role | null = null;
  for (const line of lines) {
    const text = generalise(line, year);
    const h1 = H1.exec(text);
    if (h1) {
      role = roleOf(h1[1]);
      if (h1[1].length <= 40) add(m.sections[role], stripEnd(h1[1]));
      continue;
    }
    if (!role) {
      // Before 一、: the opening paragraph is the long line that announces the report.
      if (text.length > 60 && /[。:：]$|如下/.test(text)) add(m.openings, text);
      continue;
    }
    const h2 = H2.exec(text);
    if (h2) {
      const [head, ...rest] = splitSentences(h2[1]);
      if (head.length <= 40) add(m.subsections[role], stripEnd(head));
      for (const s of rest) add(m.sentences[role], s);
      continue;
    }
    if (!/[。；！？]/.test(text) || text.length < 20) continue; // chrome, 落款, dates
    const item = ITEM.exec(text);
    const sentences = splitSentences(item ? item[1] : text);
    if (item && sentences[0].length <= 40) add(m.items[role], stripEnd(sentences.shift()!));
    for (const s of sentences) if (/[。；！？]$/.test(s)) add(m.sentences[role], s);
  }
}

/** Sentences of a paragraph, each with its closing punctuation. */
export function splitSentences(text: string): string[] {
  return text.match(/[^。；！？]+(?:[。；！？]+|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

function stripEnd(text: string): string {
  return text.replace(/[。；，,.;:：\s]+$/, '');
}

/**
 * Places become placeholders, years become offsets from the report's year
 * (not the years of a period, 2021—2025年: a plan's name keeps them),
 * half-width punctuation and markup characters are left out where they
 * would change the Markdown.
 */
function generalise(text: string, year: number): string {
  let out = text;
  for (const [name, placeholder] of PLACES) out = out.split(name).join(placeholder);
  out = out.replace(UNIT_WORDS, '{unit}');
  const periods: string[] = [];
  out = out.replace(/20[12]\d\s*[-—–~至]\s*20[12]\d/g, (period) => `\u0000${periods.push(period) - 1}\u0000`);
  out = out.replace(/20[12]\d(?=\s*年)/g, (y) => `{y${signed(Number(y) - year)}}`);
  out = out.replace(/\u0000(\d+)\u0000/g, (_, n: string) => periods[Number(n)]);
  out = out.replace(/[*_`#<>[\]|\\]/g, '');
  return out;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}
