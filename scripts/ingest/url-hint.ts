/**
 * Region hints from a report's URL: government sites name their region in the
 * host name, in pinyin or pinyin initials, often as a province or city prefix
 * followed by a county:
 *
 *   tjjh.gov.cn → 天津市静海区 (tj + jh)     bjchy.gov.cn → 北京市朝阳区 (bj + chy)
 *   gd.gov.cn   → 广东省                      zzjy.zhengzhou.gov.cn → 河南省郑州市
 *   lieshan.gov.cn → 安徽省淮北市烈山区      gnzrmzf.gov.cn → 甘南藏族自治州 (gnz + 人民政府)
 *
 * Only *.gov.cn hosts are read: the URL's own host and hosts embedded in its
 * path (http://www.beijing.gov.cn/gate/big5/www.beijing.gov.cn/…), never the
 * query string. The result is evidence, not a given value: when two regions
 * fit equally well the answer is null rather than a guess.
 *
 * Forms of a region (built once, lazily, for every province, city and county):
 * the full pinyin of its name without the suffix (九龙坡区 → jiulongpo,
 * 宁夏回族自治区 → ningxia, 甘南藏族自治州 → gannan, and of its suffixed short
 * form gannanzhou), the initials of that (jlp, gnz) and the initials with
 * zh/ch/sh kept whole (朝阳 → chy).
 */
import { pinyin } from 'pinyin-pro';
import { allRegions, isWithin, regionByCode, type Region } from '../../src/archive/regions.ts';
import { shortForms } from './place-names.ts';

/** How a form was derived: full pinyin (jiulongpo) or initials (jlp, chy). */
type FormKind = 'full' | 'initials';

interface FormEntry {
  region: Region;
  kind: FormKind;
}

/** A reading of one host label as a region. */
interface LabelMatch {
  region: Region;
  /** A parent form followed by a child form (tj + jh), rather than a lone form. */
  combined: boolean;
  /** Number of full-pinyin parts in the reading (0–2); full pinyin is a stronger signal than initials. */
  fullParts: number;
}

/** Host labels that never name a region. */
const IGNORED_LABELS = new Set(['www', 'gov', 'cn', 'com', 'mobile', 'm', 'wap', 'web', 'en', 'english', 'big5']);

/**
 * Department abbreviations seen as sub-domains (sfj 司法局, sft 司法厅, sjt
 * 数据局/审计厅, …). They are read only as a region inside the region already
 * named further right in the host, never as the host's own region.
 */
const DEPARTMENT_LABELS = new Set([
  'sfj', 'sft', 'sfb', 'sjt', 'sjj', 'fzb', 'fzj', 'fzs', 'fgw', 'fgj', 'czj', 'czt', 'gaj', 'gat', 'rsj', 'rst',
  'jyj', 'jyt', 'mzj', 'mzt', 'sthjj', 'sthjt', 'zrzyj', 'zrzyt', 'zfxxgk', 'xxgk', 'zwgk', 'zwfw', 'ggzy', 'tjj',
  'wjw', 'yjglj', 'scjgj', 'zjj', 'zjw', 'jtj', 'jtt', 'slj', 'slt', 'nyncj', 'swj', 'sjs',
]);

/**
 * Sites whose pinyin fits more than one region equally, with the region that
 * actually owns them: yunyang.gov.cn is 重庆市云阳县 (郧阳区 is also yunyang);
 * gz.gov.cn is 广州市 (not 贵州省, whose site is guizhou.gov.cn); shanxi.gov.cn
 * is 山西省 and shaanxi.gov.cn 陕西省 (both read shanxi).
 */
const KNOWN_LABELS: Record<string, string> = {
  yunyang: '500235',
  gz: '440100',
  shanxi: '140000',
  shaanxi: '610000',
};

/** Trailing parts meaning 人民政府 / 政府 (gnzrmzf = 甘南州人民政府). */
const GOVERNMENT_SUFFIX = /(?:rmzf|zf)$/;

/** Generic suffixes of region names, longest first. */
const NAME_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|区|县|旗|盟|州)$/;

interface FormIndex {
  forms: Map<string, FormEntry[]>;
  /** Time taken to build the index: wall-clock and CPU milliseconds (CPU time does not grow with machine load). */
  build: IndexBuildTime;
}

export interface IndexBuildTime {
  wallMs: number;
  cpuMs: number;
}

let index: FormIndex | undefined;

/** Name stems to romanise for a region: its short forms, else its name without the suffix (or whole, when one character would remain). */
function stemsOf(region: Region): string[] {
  const stems = shortForms(region);
  if (stems.length > 0) return stems;
  const stripped = region.name.replace(NAME_SUFFIX, '');
  return [stripped.length >= 2 ? stripped : region.name];
}

/** Pinyin forms of a name stem: full (with ü as v and as u), plain initials, zh/ch/sh initials. */
function formsOfStem(stem: string): [string, FormKind][] {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true }) as string[];
  if (syllables.length === 0 || syllables.some((s) => !/^[a-z]+$/.test(s))) return [];
  const full = syllables.join('');
  const forms: [string, FormKind][] = [[full, 'full']];
  if (full.includes('v')) forms.push([full.replace(/v/g, 'u'), 'full']);
  forms.push([syllables.map((s) => s[0]).join(''), 'initials']);
  forms.push([syllables.map((s) => (/^[zcs]h/.test(s) ? s.slice(0, 2) : s[0])).join(''), 'initials']);
  return forms;
}

/** The pinyin form index of all provinces, cities and counties (built once). */
function formIndex(): FormIndex {
  if (index) return index;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const forms = new Map<string, FormEntry[]>();
  for (const region of allRegions()) {
    for (const stem of stemsOf(region)) {
      for (const [form, kind] of formsOfStem(stem)) {
        if (form.length < 2) continue;
        const list = forms.get(form);
        const existing = list?.find((e) => e.region === region);
        if (existing) {
          if (kind === 'full') existing.kind = 'full';
        } else if (list) list.push({ region, kind });
        else forms.set(form, [{ region, kind }]);
      }
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  index = { forms, build: { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 } };
  return index;
}

/**
 * Builds the pinyin form index now (it is otherwise built on the first
 * look-up, once per process) and returns how long the build took.
 */
export function warmUrlHintIndex(): IndexBuildTime {
  return formIndex().build;
}

/** The regions a form stands for (empty when none). */
export function regionsForPinyin(form: string): Region[] {
  return (formIndex().forms.get(form.toLowerCase()) ?? []).map((e) => e.region);
}

/** Every reading of a label: lone forms and parent + child combinations. */
function readLabel(label: string): LabelMatch[] {
  const known = KNOWN_LABELS[label];
  if (known) {
    const region = regionByCode(known);
    return region ? [{ region, combined: false, fullParts: 1 }] : [];
  }
  const { forms } = formIndex();
  const matches: LabelMatch[] = [];
  for (const entry of forms.get(label) ?? []) {
    matches.push({ region: entry.region, combined: false, fullParts: entry.kind === 'full' ? 1 : 0 });
  }
  for (let i = 2; i <= label.length - 2; i++) {
    const parents = forms.get(label.slice(0, i));
    if (!parents) continue;
    const children = forms.get(label.slice(i));
    if (!children) continue;
    for (const parent of parents) {
      if (parent.region.kind !== 'province' && parent.region.kind !== 'city') continue;
      for (const child of children) {
        if (child.region === parent.region || !isWithin(child.region, parent.region.code)) continue;
        const fullParts = (parent.kind === 'full' ? 1 : 0) + (child.kind === 'full' ? 1 : 0);
        matches.push({ region: child.region, combined: true, fullParts });
      }
    }
  }
  return matches;
}

/**
 * Orders readings best first: combinations, then provinces among lone forms
 * (gd → 广东省 over 广德市; xinjiang → 新疆 over 新绛县; jilin → 吉林省 over
 * 吉林市: provinces hold the short host names), then more full pinyin.
 */
function compareMatches(a: LabelMatch, b: LabelMatch): number {
  const province = (m: LabelMatch) => (!m.combined && m.region.kind === 'province' ? 1 : 0);
  return Number(b.combined) - Number(a.combined) || province(b) - province(a) || b.fullParts - a.fullParts;
}

/** The equally best regions a label can stand for (restricted to regions strictly inside one of `within`, when given). */
function bestRegions(label: string, within: Region[] | null): Region[] {
  const variants = [label];
  const bare = label.replace(GOVERNMENT_SUFFIX, '');
  if (bare !== label && bare.length >= 2) variants.push(bare);
  for (const variant of variants) {
    let matches = readLabel(variant);
    if (within) matches = matches.filter((m) => within.some((w) => m.region !== w && isWithin(m.region, w.code)));
    if (matches.length === 0) continue;
    matches.sort(compareMatches);
    const best = matches.filter((m) => compareMatches(m, matches[0]) === 0).map((m) => m.region);
    return [...new Set(best)];
  }
  return [];
}

/**
 * The region named by one gov.cn host, reading its labels from the right:
 * the first label that names a region sets it, and each label further left
 * may narrow it to a region inside it (zx.cq.gov.cn → 重庆市忠县). Labels that
 * name nothing (www, department sub-domains such as sft or sfj) are skipped:
 * sft.hlj.gov.cn is 黑龙江省's 司法厅, not a county whose initials are sft.
 * Null when nothing matches or the host stays ambiguous.
 */
export function regionFromHost(host: string): Region | null {
  const found = regionCandidatesFromHost(host);
  return found.length === 1 ? found[0] : null;
}

/** The equally good readings of a gov.cn host (one when the host is unambiguous, none when it names no region). */
export function regionCandidatesFromHost(host: string): Region[] {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 3 || labels.at(-1) !== 'cn' || labels.at(-2) !== 'gov') return [];
  let current: Region[] | null = null;
  for (const label of labels.slice(0, -2).reverse()) {
    if (IGNORED_LABELS.has(label) || !/^[a-z]+$/.test(label)) continue;
    if (DEPARTMENT_LABELS.has(label)) continue;
    const found = bestRegions(label, current);
    if (found.length > 0) current = found;
  }
  return current ?? [];
}

/**
 * The readings of a URL's gov.cn host(s) when they do not settle on one
 * region (ynlf.gov.cn: 禄丰市 or the former 禄丰县): evidence to weigh with
 * the text, never a value by itself.
 */
export function regionCandidatesFromUrl(url: string): Region[] {
  const single = regionFromUrl(url);
  if (single) return [single];
  const hosts = govHosts(url);
  return hosts.length === 1 ? regionCandidatesFromHost(hosts[0]) : [];
}

/** The gov.cn hosts a URL names: its own host (when a gov.cn host) and hosts embedded in its path, in order. */
export function govHosts(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `http://${url.trim()}`);
  } catch {
    return [];
  }
  const hosts: string[] = [];
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.gov.cn')) hosts.push(host);
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded path
  }
  for (const match of path.toLowerCase().matchAll(/(?<![a-z0-9.-])((?:[a-z0-9-]+\.)+gov\.cn)(?![a-z0-9-]|\.[a-z0-9])/g)) {
    if (!hosts.includes(match[1])) hosts.push(match[1]);
  }
  return hosts;
}

/**
 * The region a URL names in its gov.cn host name(s), or null. When several
 * hosts are named (a gateway path), they must agree: the most specific region
 * is returned when each lies within the next, null when they conflict.
 */
export function regionFromUrl(url: string): Region | null {
  const found = govHosts(url).map(regionFromHost).filter((r): r is Region => r !== null);
  if (found.length === 0) return null;
  return found.find((candidate) => found.every((r) => isWithin(candidate, r.code))) ?? null;
}
