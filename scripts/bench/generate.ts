/**
 * A deterministic archive of N realistic reports for the benchmark.
 *
 *   node scripts/bench/generate.ts <N> <out> [--seed S] [--start K] [--markdown]
 *
 * Writes N raw report source texts (like tests/fixtures/seeds/*.txt: a page
 * header with the title and 发布日期, a body numbered 一、/（一）/1、, a 落款
 * and some page chrome) into <out>, as r000000.txt … Their sentences and
 * headings are the sample reports' (see material.ts), recombined; the
 * reporting bodies are governments and departments of real regions
 * (src/archive/regions.ts) in every province, each reporting for one to
 * six consecutive years between 2016 and 2025. Texts are ~25 KB on average
 * (from ~6 to ~90 KB).
 *
 * With --markdown, <out> is an archive folder instead: reports/<year>/<code>-<key>.md
 * as ingest would write them (frontmatter from what the generator intended),
 * sources/ beside them and site.yaml; for big runs that skip ingest.
 *
 * The same N, seed and start give byte-identical files; report i is the same
 * whatever N is, so `--start N --count 1` is "one more report".
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Level, ReportData } from '../../src/schema/report.ts';
import { agencyKey, renderFile } from '../ingest/write.ts';
import { chineseDate } from '../../src/archive/dates.ts';
import { allRegions, ancestors, townsOf, type Region } from '../../src/archive/regions.ts';
import { loadMaterial, ROLES, type Material, type Role } from './material.ts';
import { random, type Random } from './random.ts';

export const DEFAULT_SEED = 'fzzf-bench-1';
export const FIRST_YEAR = 2016;
export const LAST_YEAR = 2025;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the generator intends a report to be: what ingest should find. */
export interface ReportSpec {
  /** Position in the archive (0-based). */
  index: number;
  /** Source file name, e.g. r000042.txt. */
  file: string;
  /** Title as written (a two-line title joined). */
  title: string;
  /** The body as the title names it, e.g. 嘉定区绿化和市容管理局. */
  shortAgency: string;
  /** Official name with the region path, e.g. 上海市嘉定区绿化和市容管理局. */
  agency: string;
  region: string;
  regionCode: string;
  level: Level;
  year: number;
  /** Publication date shown in the page header (YYYY-MM-DD). */
  date: string;
  /** Date of the 落款. */
  signedDate: string;
  /** The office named as 来源 in the header, where the header names one. */
  publisher: string | null;
  /** Size to aim for, in bytes of UTF-8. */
  targetBytes: number;
}

interface Agency {
  short: string;
  full: string;
  region: Region;
  /** Region the agency is of (county, city or province); for a town, its county. */
  local: Region;
  level: Level;
  /** For a department: its name without the place (司法局). */
  department: string | null;
  /** 区, 县, 市, 省 …: what 全X, X委 say. */
  unit: string;
  firstYear: number;
  years: number;
}

const COUNTY_DEPARTMENTS = [
  '司法局', '教育局', '公安局', '财政局', '民政局', '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '水利局',
  '卫生健康局', '市场监督管理局', '应急管理局', '自然资源局', '人力资源和社会保障局', '城市管理局', '商务局',
  '文化和旅游局', '退役军人事务局', '医疗保障局', '统计局', '审计局', '发展和改革局', '林业局', '城市管理行政执法局',
];
const CITY_DEPARTMENTS = [
  '司法局', '教育局', '公安局', '财政局', '民政局', '生态环境局', '住房和城乡建设局', '交通运输局', '农业农村局', '水务局',
  '卫生健康委员会', '市场监督管理局', '应急管理局', '自然资源和规划局', '人力资源和社会保障局', '城市管理局', '商务局',
  '文化广电旅游局', '退役军人事务局', '医疗保障局', '统计局', '审计局', '发展和改革委员会', '林业和草原局', '税务局',
];
const PROVINCE_DEPARTMENTS = ['司法厅', '教育厅', '公安厅', '财政厅', '民政厅', '生态环境厅', '交通运输厅', '农业农村厅', '自然资源厅', '商务厅'];
const MUNICIPALITY_DEPARTMENTS = ['司法局', '教育委员会', '公安局', '财政局', '民政局', '生态环境局', '交通委员会', '农业农村委员会', '规划和自然资源局', '商务委员会'];

/** Provinces of the mainland (the regions the reports come from). */
function mainland(): { provinces: Region[]; cities: Map<string, Region[]>; counties: Map<string, Region[]> } {
  const regions = allRegions().filter((r) => Number(r.code.slice(0, 2)) < 70 && !awkward(r));
  const group = (kind: Region['kind']) => {
    const map = new Map<string, Region[]>();
    for (const r of regions.filter((x) => x.kind === kind)) {
      const p = r.code.slice(0, 2);
      if (!map.has(p)) map.set(p, []);
      map.get(p)!.push(r);
    }
    return map;
  };
  return { provinces: regions.filter((r) => r.kind === 'province'), cities: group('city'), counties: group('county') };
}

/**
 * Regions left out: district names that are common words (郊区, 市中区) and
 * names that repeat their city's (永州市回龙圩管理区), which ingest cannot
 * yet place from a 落款 alone; the benchmark measures speed, not those cases.
 */
function awkward(region: Region): boolean {
  if (/^(城区|郊区|矿区|市中区|[东西南北]区)$/.test(region.name)) return true;
  return region.kind === 'county' && ancestors(region).some((a) => a.kind === 'city' && region.name.startsWith(a.name));
}

let regionsCache: ReturnType<typeof mainland> | undefined;

/** The i-th reporting body of the archive (deterministic per seed and i). */
function makeAgency(seed: string, k: number, taken: Set<string>): Agency {
  regionsCache ??= mainland();
  const { provinces, cities, counties } = regionsCache;
  for (let attempt = 0; ; attempt++) {
    const rnd = random(`${seed}/agency/${k}/${attempt}`);
    const province = rnd.pick(provinces);
    const p = province.code.slice(0, 2);
    const municipality = /市$/.test(province.name);
    const roll = rnd.next();
    let agency: Agency;
    const years = rnd.int(1, 6);
    const firstYear = rnd.int(FIRST_YEAR, LAST_YEAR - years + 1);
    const base = { firstYear, years };
    if (roll < 0.015) {
      agency = { ...base, short: `${province.name}人民政府`, full: `${province.name}人民政府`, region: province, local: province, level: '省', department: null, unit: unitOf(province) };
    } else if (roll < 0.04) {
      const dept = rnd.pick(municipality ? MUNICIPALITY_DEPARTMENTS : PROVINCE_DEPARTMENTS);
      agency = { ...base, short: `${province.name}${dept}`, full: `${province.name}${dept}`, region: province, local: province, level: '部门', department: dept, unit: unitOf(province) };
    } else if (roll < 0.22 && !municipality && cities.has(p)) {
      const city = rnd.pick(cities.get(p)!);
      const government = rnd.chance(0.3);
      const dept = government ? '人民政府' : rnd.pick(CITY_DEPARTMENTS);
      agency = { ...base, short: city.name + dept, full: city.path + dept, region: city, local: city, level: government ? '市' : '部门', department: government ? null : dept, unit: unitOf(city) };
    } else if (roll < 0.26) {
      const county = rnd.pick(counties.get(p)!);
      const towns = townsOf(county.code).filter((t) => /[镇乡]$/.test(t.name));
      if (towns.length === 0) continue;
      const town = rnd.pick(towns);
      agency = { ...base, short: `${county.name}${town.name}人民政府`, full: `${town.path}人民政府`, region: town, local: county, level: '乡镇街道', department: null, unit: town.name.slice(-1) };
    } else {
      const county = rnd.pick(counties.get(p)!);
      const government = rnd.chance(0.35);
      const dept = government ? '人民政府' : rnd.pick(COUNTY_DEPARTMENTS);
      agency = { ...base, short: county.name + dept, full: county.path + dept, region: county, local: county, level: government ? '县区' : '部门', department: government ? null : dept, unit: unitOf(county) };
    }
    if (taken.has(agency.full) && attempt < 50) continue;
    taken.add(agency.full);
    return agency;
  }
}

function unitOf(region: Region): string {
  if (region.kind === 'province') return /自治区$/.test(region.name) ? '区' : region.name.slice(-1);
  if (/自治州$/.test(region.name)) return '州';
  if (/盟$/.test(region.name)) return '盟';
  if (/地区$/.test(region.name)) return '地区';
  return region.name.slice(-1);
}

/**
 * The reports of an archive of `count` reports from `start` on: every body's
 * reports, year by year, one body after the other. Report i is the same for
 * every count and start.
 */
export function planReports(count: number, seed = DEFAULT_SEED, start = 0): ReportSpec[] {
  const specs: ReportSpec[] = [];
  const taken = new Set<string>();
  let index = 0;
  for (let k = 0; index < start + count; k++) {
    const agency = makeAgency(seed, k, taken);
    for (let y = 0; y < agency.years && index < start + count; y++, index++) {
      if (index >= start) specs.push(makeSpec(seed, index, agency, agency.firstYear + y));
    }
  }
  return specs;
}

const agencies = new Map<string, Agency>();

function makeSpec(seed: string, index: number, agency: Agency, year: number): ReportSpec {
  const rnd = random(`${seed}/spec/${index}`);
  const published = addDays(`${year + 1}-01-05`, rnd.int(0, 95));
  const signed = addDays(published, -rnd.int(0, 20));
  const variant = rnd.next();
  let title: string;
  if (agency.department && variant < 0.08) title = `中共${agency.short}党组关于${year}年法治政府建设情况的报告`;
  else if (variant < 0.35) title = `${agency.short}${year}年度法治政府建设情况报告`;
  else if (variant < 0.6) title = `${agency.short}关于${year}年度法治政府建设工作的报告`;
  else if (variant < 0.8) title = `${agency.short}${year}年法治政府建设工作报告`;
  else title = `${agency.short}关于${year}年法治政府建设情况的报告`;
  // Sizes: log-normal around 25 KB, from 6 to 90 KB.
  const targetBytes = Math.round(Math.min(90_000, Math.max(6_000, 25_000 * Math.exp(0.45 * rnd.normal() - 0.45 ** 2 / 2))));
  const spec: ReportSpec = {
    index,
    file: `r${String(index).padStart(6, '0')}.txt`,
    title,
    shortAgency: agency.short,
    agency: agency.full,
    region: agency.region.path,
    regionCode: agency.region.code,
    level: agency.level,
    year,
    date: published,
    signedDate: signed,
    publisher: null,
    targetBytes,
  };
  agencies.set(`${seed}/${index}`, agency);
  return spec;
}

function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// The text of a report

type Block = { kind: 'h1' | 'h2' | 'item' | 'p' | 'opening'; text: string; rest?: string };

interface Style {
  halfWidthBrackets: boolean;
  itemMark: '、' | '.';
  blankLines: boolean;
  indent: string;
}

/** A report's parts (opening, numbered headings, paragraphs), in order. */
function compose(spec: ReportSpec, agency: Agency, rnd: Random, material: Material): Block[] {
  const fill = placeholders(spec, agency, rnd);
  const blocks: Block[] = [];
  let bytes = 0;
  const push = (block: Block) => {
    blocks.push(block);
    bytes += Buffer.byteLength(block.text + (block.rest ?? '')) + 8;
  };
  const sentences = (role: Role, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const pool = material.sentences[role].length > 30 && rnd.chance(0.7) ? material.sentences[role] : material.sentences.work;
      out.push(fill(rnd.pick(pool)));
    }
    return out.join('');
  };
  const opening = rnd.chance(0.6)
    ? fill(rnd.pick(material.openings))
    : `${rnd.shuffle(material.sentences.work.filter((s) => !/^[一二三四五六七八九十]是/.test(s))).slice(0, rnd.int(1, 3)).map(fill).join('')}现将${spec.year}年度法治政府建设情况报告如下：`;
  push({ kind: 'opening', text: opening });

  const order: Role[] = rnd.pick([
    ['work', 'duty', 'lack', 'plan'],
    ['work', 'lack', 'plan'],
    ['work', 'lack', 'duty', 'plan'],
    ['work', 'work', 'lack', 'plan'],
    ['work', 'work', 'work', 'duty', 'lack', 'plan'],
  ] as Role[][]);
  const share: Record<Role, number> = { work: 0.72, duty: 0.08, lack: 0.07, plan: 0.13 };
  const workSections = order.filter((r) => r === 'work').length;
  const body = spec.targetBytes - 1500;
  const headings = Object.fromEntries(ROLES.map((r) => [r, rnd.shuffle(material.subsections[r].length >= 4 ? material.subsections[r] : material.subsections.work)])) as Record<Role, string[]>;
  const used: Record<Role, number> = { work: 0, lack: 0, duty: 0, plan: 0 };
  const sectionTitles = rnd.shuffle(material.sections.work);
  let workIndex = 0;

  for (const role of order) {
    const title = role === 'work' ? sectionTitles[workIndex++ % sectionTitles.length] : rnd.pick(material.sections[role]);
    push({ kind: 'h1', text: fill(title) });
    const budget = bytes + (body * share[role]) / (role === 'work' ? workSections : 1);
    if (role === 'lack' && rnd.chance(0.5)) {
      // Shortcomings are often plain paragraphs.
      while (bytes < budget) push({ kind: 'p', text: sentences(role, rnd.int(2, 5)) });
      continue;
    }
    do {
      const list = headings[role];
      push({ kind: 'h2', text: fill(list[used[role]++ % list.length]) });
      if (role === 'work' && rnd.chance(0.45)) {
        const items = rnd.int(2, 5);
        for (let i = 0; i < items; i++) {
          const pool = material.items[role].length > 5 ? material.items[role] : material.items.work;
          push({ kind: 'item', text: fill(rnd.pick(pool)), rest: sentences(role, rnd.int(2, 6)) });
        }
      } else {
        const paragraphs = rnd.int(1, role === 'work' ? 3 : 2);
        for (let i = 0; i < paragraphs; i++) push({ kind: 'p', text: sentences(role, rnd.int(2, 7)) });
      }
    } while (bytes < budget);
  }
  return blocks;
}

/** Fills a material sentence's placeholders for this report, and varies its counts. */
function placeholders(spec: ReportSpec, agency: Agency, rnd: Random): (text: string) => string {
  const ancestry = [...ancestors(agency.local), agency.local];
  const province = ancestry[0];
  const city = ancestry.find((r) => r.kind === 'city') ?? province;
  const short = (r: Region) => (r.kind === 'province' ? r.name.replace(/(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$/, '') : r.name.replace(/(市|区|县|旗|地区|盟|自治州)$/, '')) || r.name;
  const values: Record<string, string> = {
    path: agency.local.path,
    local: agency.local.name,
    localShort: short(agency.local),
    city: city.name,
    cityShort: short(city),
    province: province.name,
    provinceShort: short(province),
    unit: agency.unit,
  };
  return (text) =>
    text
      .replace(/\{y([+-]\d+)\}/g, (_, d) => String(spec.year + Number(d)))
      .replace(/\{(\w+)\}/g, (m, key) => values[key] ?? m)
      .replace(/(?<![\d.年月日-])(\d{1,4})(?=[个件次人家份项场起名条户期篇所台%])/g, (_, n) => String(Math.max(1, Math.round(Number(n) * (0.3 + 1.4 * rnd.next())))));
}

function cnNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n];
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** The raw source text of a report, as a page of a government site shows it. */
export function renderSource(spec: ReportSpec, seed = DEFAULT_SEED): string {
  const agency = agencyOf(spec, seed);
  const rnd = random(`${seed}/text/${spec.index}`);
  const style: Style = {
    halfWidthBrackets: rnd.chance(0.6),
    itemMark: rnd.chance(0.6) ? '、' : '.',
    blankLines: rnd.chance(0.6),
    indent: rnd.pick(['', '', '\u3000\u3000', '  ']),
  };
  const blocks = compose(spec, agency, rnd, loadMaterial());
  const lines: string[] = [];
  const portal = agency.level === '部门' || agency.level === '乡镇街道' ? `${agency.local.name}人民政府` : agency.short;
  const header = rnd.int(0, 2);
  const twoLine = spec.title.startsWith('中共');
  const titleLines = twoLine ? spec.title.replace(/^(中共.+?党组)(关于.+)$/, '$1\n$2').split('\n') : [spec.title];
  if (header === 0) {
    lines.push(...titleLines, `发布日期:${spec.date}`, '');
  } else if (header === 1) {
    lines.push(`中国政府网 | ${agency.local.kind === 'province' ? agency.local.name : ancestors(agency.local)[0]?.name ?? agency.local.name}人民政府`, '搜服务', '智能问答 新媒体矩阵 官方微信', '');
    lines.push(...titleLines, '', `时间:${spec.date} ${String(rnd.int(8, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')} | 来源:${portal.replace(/人民政府$/, '')}司法局`, '');
  } else {
    lines.push(`${spec.title}_法治政府_${agency.local.path}人民政府门户网站`, '', ...titleLines, '');
    lines.push(`信息来源: ${portal}办公室 发布时间 ${spec.date}`, '【字号', `  • 所属类目: 法治政府`, `  • 发布日期: ${spec.date}`, `  • 发文日期: ${spec.signedDate}`, '');
  }
  if (twoLine) lines.push(`${agency.unit}委、${agency.unit}政府:`);
  const counters = { h1: 0, h2: 0, item: 0 };
  const sep = style.blankLines ? [''] : [];
  for (const block of blocks) {
    if (block.kind === 'h1') {
      counters.h1++;
      counters.h2 = 0;
      lines.push(`${style.indent}${cnNumber(counters.h1)}、${block.text}`, ...sep);
    } else if (block.kind === 'h2') {
      counters.h2++;
      counters.item = 0;
      const [open, close] = style.halfWidthBrackets ? ['(', ')'] : ['（', '）'];
      lines.push(`${style.indent}${open}${cnNumber(counters.h2)}${close}${block.text}`, ...sep);
    } else if (block.kind === 'item') {
      counters.item++;
      lines.push(`${style.indent}${counters.item}${style.itemMark}${block.text}。${block.rest}`, ...sep);
    } else {
      lines.push(`${style.indent}${block.text}`, ...sep);
    }
  }
  lines.push('', '', `${rnd.chance(0.5) ? ' '.repeat(20) : ''}${spec.agency.replace(/^中共/, '')}`, `${rnd.chance(0.5) ? ' '.repeat(20) : ''}${chineseDate(spec.signedDate)}`, '', '');
  if (rnd.chance(0.5)) lines.push('扫一扫在手机打开当前页');
  else lines.push(`主办:${portal}办公室 版权所有:${portal}`, `网站标识码:${spec.regionCode}${String(rnd.int(1, 99)).padStart(4, '0')} 网站维护联系电话:0${rnd.int(10, 999)}-${rnd.int(1000000, 9999999)}`);
  return `${lines.join('\n')}\n`;
}

/** The Markdown body ingest would make of the report (headings ##, ###, ####). */
export function renderMarkdownBody(spec: ReportSpec, seed = DEFAULT_SEED): string {
  const agency = agencyOf(spec, seed);
  const rnd = random(`${seed}/text/${spec.index}`);
  // Draw the style as renderSource does, so both make the same text.
  rnd.next(); rnd.next(); rnd.next(); rnd.next();
  const blocks = compose(spec, agency, rnd, loadMaterial());
  const out: string[] = [];
  const counters = { h1: 0, h2: 0, item: 0 };
  for (const block of blocks) {
    if (block.kind === 'h1') {
      counters.h1++;
      counters.h2 = 0;
      out.push(`## ${cnNumber(counters.h1)}、${fullWidth(block.text)}`);
    } else if (block.kind === 'h2') {
      counters.h2++;
      counters.item = 0;
      out.push(`### （${cnNumber(counters.h2)}）${fullWidth(block.text)}`);
    } else if (block.kind === 'item') {
      counters.item++;
      out.push(`#### ${counters.item}、${fullWidth(block.text)}。`, fullWidth(block.rest ?? ''));
    } else {
      out.push(fullWidth(block.text));
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** Half-width , : ; ( ) next to Chinese text become full-width, as ingest writes them. */
function fullWidth(text: string): string {
  const map: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
  return text.replace(/[,:;()?!]/g, (c, i: number) => {
    const around = text.slice(Math.max(0, i - 1), i) + text.slice(i + 1, i + 2);
    return /[\u3000-\u9fff\uff00-\uffef]/.test(around) ? map[c] : c;
  });
}

function agencyOf(spec: ReportSpec, seed: string): Agency {
  let agency = agencies.get(`${seed}/${spec.index}`);
  if (!agency) {
    planReports(1, seed, spec.index);
    agency = agencies.get(`${seed}/${spec.index}`)!;
  }
  return agency;
}

export interface GenerateOptions {
  /** How many reports. */
  count: number;
  /** Seed of the generator (default: DEFAULT_SEED). */
  seed?: string;
  /** Index of the first report (default: 0). */
  start?: number;
  /** Write an archive (reports/, sources/, site.yaml) instead of source texts (default: false). */
  markdown?: boolean;
}

/** Writes the reports into `out`; returns what each was meant to be. */
export function generate(out: string, options: GenerateOptions): ReportSpec[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const specs = planReports(options.count, seed, options.start ?? 0);
  mkdirSync(out, { recursive: true });
  if (!options.markdown) {
    for (const spec of specs) writeFileSync(join(out, spec.file), renderSource(spec, seed));
    return specs;
  }
  copyFileSync(join(ROOT, 'content/site.yaml'), join(out, 'site.yaml'));
  const taken = new Set<string>();
  for (const spec of specs) {
    const key = agencyKey(spec.agency, spec.regionCode);
    let id = `${spec.year}/${spec.regionCode}-${key}`;
    for (let n = 2; taken.has(id); n++) id = `${spec.year}/${spec.regionCode}-${key}-${n}`;
    taken.add(id);
    const sourceFile = `sources/${spec.year}/${spec.regionCode}-${key}-${spec.file.replace(/\.txt$/, '')}.txt`;
    const data: ReportData = {
      title: spec.title,
      agency: spec.agency,
      region: spec.region,
      regionCode: spec.regionCode,
      level: spec.level,
      year: spec.year,
      date: spec.date,
      dateSource: 'published',
      signedDate: spec.signedDate,
      sourceFile,
    };
    mkdirSync(join(out, 'reports', String(spec.year)), { recursive: true });
    mkdirSync(join(out, 'sources', String(spec.year)), { recursive: true });
    writeFileSync(join(out, sourceFile), renderSource(spec, seed));
    writeFileSync(join(out, 'reports', `${id}.md`), renderFile(data, renderMarkdownBody(spec, seed)));
  }
  return specs;
}

const USAGE = `Usage: node scripts/bench/generate.ts <N> <out> [--seed S] [--start K] [--markdown]

Writes N deterministic report source texts into <out> (or, with --markdown,
an archive folder with reports/, sources/ and site.yaml).`;

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string' }, start: { type: 'string' }, markdown: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const count = Number(positionals[0]);
  if (values.help || !Number.isInteger(count) || count < 1 || !positionals[1]) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const started = performance.now();
  const specs = generate(positionals[1], { count, seed: values.seed, start: values.start ? Number(values.start) : 0, markdown: values.markdown });
  const provinces = new Set(specs.map((s) => s.regionCode.slice(0, 2))).size;
  process.stderr.write(`generate: ${specs.length} reports (${provinces} provinces, ${FIRST_YEAR}–${LAST_YEAR}) in ${((performance.now() - started) / 1000).toFixed(1)}s → ${positionals[1]}\n`);
}
