/**
 * Ingest stage 1: read a source file and decode it to text.
 *
 * Sources are crawled text files or saved web pages, in whatever encoding the
 * site or the saving tool used. The encoding is detected, never assumed:
 *
 *  1. refuse what cannot be a report text: too large, empty, a known binary
 *     format (PDF, images, archives, Office documents…), NUL bytes;
 *  2. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
 *  3. UTF-16 without a BOM shows as NUL bytes at every other position;
 *  4. strict UTF-8 (any invalid sequence rejects it);
 *  5. otherwise the file is a legacy Chinese encoding: it is decoded as both
 *     GB18030 (a superset of GB2312 and GBK) and Big5, and the decoding that
 *     reads as Chinese wins — most of its Han characters are common ones, few
 *     replacement, private-use or stray kana/Hangul characters. A charset that
 *     an HTML page declares is only a tie-breaker.
 *
 * The decoded text keeps every character as it is (NBSP, U+3000 ideographic
 * spaces, full-width punctuation…) except that a BOM is removed and line
 * endings become \n. Later stages do the normalising.
 */
import { constants, type Stats } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IngestError } from './errors.ts';
import { traditionalFormsOf } from './traditional.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Things a person may want to check; the text was decoded all the same. */
  warnings: string[];
}

export interface DecodeOptions {
  /** Largest accepted file, in bytes (default 10 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const WHAT_INGEST_TAKES =
  'Ingest takes report texts as plain text files (.txt, any common Chinese encoding) or saved web pages (.html).';

// ---------------------------------------------------------------------------
// Binary formats

interface Magic {
  /** Bytes at offset 0 (or at `offset`); null matches any byte. */
  bytes: Array<number | null>;
  offset?: number;
  name: string;
  advice: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const EXTRACT_ADVICE = 'Extract its text first (or save the report\'s web page instead) and ingest that.';

const MAGICS: Magic[] = [
  { bytes: ascii('%PDF'), name: 'a PDF document', advice: 'Extract its text first (e.g. `pdftotext -layout file.pdf file.txt`), or save the report\'s web page instead, and ingest that.' },
  { bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a], name: 'a PNG image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: ascii('GIF8'), name: 'a GIF image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], name: 'a WebP image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: [...ascii('II'), 0x2a, 0x00], name: 'a TIFF image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: [...ascii('MM'), 0x00, 0x2a], name: 'a TIFF image', advice: 'An image holds no text to archive; find the report\'s text or web page.' },
  { bytes: [...ascii('PK'), 0x03, 0x04], name: 'a ZIP container (a .docx/.xlsx/.wps/.ofd document or a .zip archive)', advice: EXTRACT_ADVICE },
  { bytes: [...ascii('PK'), 0x05, 0x06], name: 'an empty ZIP archive', advice: EXTRACT_ADVICE },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'an old-style Office document (.doc/.xls/.wps)', advice: EXTRACT_ADVICE },
  { bytes: ascii('{\\rtf'), name: 'an RTF document', advice: 'Save it as plain text (UTF-8) first and ingest that.' },
  { bytes: [0x1f, 0x8b], name: 'a gzip-compressed file', advice: 'Decompress it first; if it is a compressed web page, save the page uncompressed.' },
  { bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-Zip archive', advice: 'Unpack it and ingest the report files inside.' },
  { bytes: ascii('Rar!'), name: 'a RAR archive', advice: 'Unpack it and ingest the report files inside.' },
  { bytes: [0x7f, ...ascii('ELF')], name: 'an executable program', advice: 'This is not a report.' },
  { bytes: [0x00, ...ascii('asm')], name: 'a WebAssembly module', advice: 'This is not a report.' },
];

function matchMagic(bytes: Uint8Array): Magic | undefined {
  return MAGICS.find((m) => {
    const at = m.offset ?? 0;
    if (bytes.length < at + m.bytes.length) return false;
    return m.bytes.every((b, i) => b === null || bytes[at + i] === b);
  });
}

// ---------------------------------------------------------------------------
// Plausibility of a decoding

/**
 * About 600 of the most frequent Han characters of modern written Chinese
 * (general frequency lists, plus the vocabulary of government reports). Real
 * Chinese text draws most of its characters from a set like this; text decoded
 * with the wrong legacy encoding draws almost at random from 7,000–13,000
 * characters and rarely hits it. Traditional forms are added from OpenCC's
 * table, so Big5 texts are judged the same way.
 */
const FREQUENT_SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐村负养源担职限环检测训排乡层督执审核策障序据范稳健规培宣普纠纷矛盾诺善推贯彻习近依靠廉洁监察纪律罚款许批准备案登记公布透明听证咨询评估协商沟通衔接联络配合协调统筹衡量考评奖惩追究问责违纪违法犯罪侦查起诉判决裁定复议诉讼仲裁调解信访投诉举报申请答复受理办理办结送达告知宣告签署签订印发颁布修订修改废止清理备查';

let frequent: Set<string> | undefined;

function frequentChars(): Set<string> {
  if (!frequent) {
    frequent = new Set([...FREQUENT_SIMPLIFIED, ...traditionalFormsOf(FREQUENT_SIMPLIFIED)]);
  }
  return frequent;
}

export interface Assessment {
  /** Han characters (all CJK ideograph blocks). */
  han: number;
  /** Han characters from the frequent list. */
  frequent: number;
  /** U+FFFD replacement characters. */
  replaced: number;
  /** Characters that do not occur in Chinese report text: controls, private use, kana, Hangul, rare CJK extensions. */
  odd: number;
  /** All non-ASCII characters. */
  nonAscii: number;
  /** frequent / han (0 when there is no Han character). */
  frequentRatio: number;
  /** (replaced + odd) / nonAscii. */
  oddRatio: number;
}

/**
 * How much `text` reads like Chinese: counts of Han, frequent, replacement and
 * odd characters. Exported for diagnostics and tests.
 */
export function assessChinese(text: string): Assessment {
  const freq = frequentChars();
  let han = 0;
  let frequentCount = 0;
  let replaced = 0;
  let odd = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      // C0 controls other than tab, LF, VT, FF, CR and the DOS end-of-file mark.
      if (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0b && cp !== 0x0c && cp !== 0x0d && cp !== 0x1a) odd++;
      continue;
    }
    nonAscii++;
    if (cp >= 0x4e00 && cp <= 0x9fff) {
      han++;
      if (freq.has(ch)) frequentCount++;
    } else if (cp === 0xfffd) {
      replaced++;
    } else if (
      (cp >= 0x80 && cp <= 0x9f) || // C1 controls
      (cp >= 0xe000 && cp <= 0xf8ff) || // private use
      cp >= 0xf0000 || // supplementary private use
      (cp >= 0x3040 && cp <= 0x30ff) || // kana
      (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
      (cp >= 0x1100 && cp <= 0x11ff) || // Hangul jamo
      (cp >= 0x3130 && cp <= 0x318f) // Hangul compatibility jamo
    ) {
      odd++;
    } else if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0xf900 && cp <= 0xfaff)) {
      // Extension and compatibility ideographs: real, but rare in reports.
      han++;
      odd += 0.5;
    }
  }
  return {
    han,
    frequent: frequentCount,
    replaced,
    odd,
    nonAscii,
    frequentRatio: han === 0 ? 0 : frequentCount / han,
    oddRatio: nonAscii === 0 ? 0 : (replaced + odd) / nonAscii,
  };
}

/** Higher is more like Chinese text. */
function score(a: Assessment): number {
  return a.frequentRatio - 2 * a.oddRatio;
}

/**
 * Plausible Chinese (or plain) text: few replacement/odd characters, and when
 * there is a meaningful amount of Han text, a good share of frequent ones.
 * (Real reports: 70–90% frequent; wrong-encoding text: about 5–20%.)
 */
function plausible(a: Assessment): boolean {
  // A cut-off last character in a short text is one bad character in a few dozen.
  if (a.replaced + a.odd > Math.max(2, 0.05 * a.nonAscii)) return false;
  if (a.han >= 20) return a.frequentRatio >= 0.4;
  if (a.han > 0) return a.frequentRatio >= 0.25 || a.frequent >= 2;
  return true;
}

// ---------------------------------------------------------------------------
// Helpers

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function decodeWith(label: string, bytes: Uint8Array, fatal = false): string {
  // ignoreBOM false (the default): a leading BOM of that encoding is removed.
  return new TextDecoder(label, { fatal }).decode(bytes);
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decodeWith(label, bytes, true);
  } catch {
    return undefined;
  }
}

/** The charset an HTML/XML file declares in its first 4 KB, mapped to ours. */
function declaredCharset(bytes: Uint8Array): { label: string; encoding: Encoding | undefined } | undefined {
  const head = decodeWith('latin1', bytes.subarray(0, 4096));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  if (!m?.[1]) return undefined;
  const label = m[1].toLowerCase();
  let encoding: Encoding | undefined;
  if (/^(utf-?8)$/.test(label)) encoding = 'utf-8';
  else if (/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|csgb2312|chinese|gb_2312-80|iso-ir-58)$/.test(label)) encoding = 'gb18030';
  else if (/^(big5|big5-hkscs|x-x-big5|cn-big5|csbig5|cp950)$/.test(label)) encoding = 'big5';
  else if (/^utf-?16/.test(label)) encoding = label.includes('be') ? 'utf-16be' : 'utf-16le';
  return { label, encoding };
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030/GBK',
  big5: 'Big5',
};

// ---------------------------------------------------------------------------
// Invisible format characters

/** Unicode format characters (general category Cf): invisible, but they reorder or split what is shown. */
const FORMAT_CHARACTER = /\p{Cf}/gu;

const FORMAT_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

/**
 * Remove the invisible format characters (U+202E RIGHT-TO-LEFT OVERRIDE,
 * U+200B ZERO WIDTH SPACE, …) from a text: a report has no use for them, and
 * they change what a reader sees (an override turns 郑州市教育局 around) or
 * split words that ingest and search look for. Returns the count of each
 * code point removed.
 */
export function removeFormatCharacters(text: string): { text: string; removed: Map<number, number> } {
  const removed = new Map<number, number>();
  const cleaned = text.replace(FORMAT_CHARACTER, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    removed.set(cp, (removed.get(cp) ?? 0) + 1);
    return '';
  });
  return { text: cleaned, removed };
}

/** The warning for removed format characters, or null when none were. */
export function formatCharactersNote(file: string, removed: Map<number, number>): string | null {
  if (removed.size === 0) return null;
  const total = [...removed.values()].reduce((a, b) => a + b, 0);
  const which = [...removed]
    .map(([cp, n]) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${FORMAT_NAMES[cp] ? ` ${FORMAT_NAMES[cp]}` : ''}${n > 1 ? ` ×${n}` : ''}`)
    .join(', ');
  return `${file}: removed ${total} invisible format character(s) (${which}): they change how the text is shown or split its words; check the original if the text looks changed.`;
}

// ---------------------------------------------------------------------------
// Mixed encodings

/**
 * How a file that is not valid UTF-8 holds UTF-8 all the same: the longest
 * run of valid UTF-8 CJK characters (ASCII between them does not break a
 * run), where it starts, and the invalid sequences. A legacy-encoded text
 * forms a valid three-byte CJK sequence only by chance, never twenty in a
 * row; a file that is half UTF-8 has long runs and many invalid bytes.
 */
function utf8Runs(bytes: Uint8Array): { longest: number; longestAt: number; invalid: number; firstInvalid: number } {
  let longest = 0;
  let longestAt = 0;
  let run = 0;
  let runAt = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= bytes.length;
    for (let k = 1; ok && k < n; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    let cp = 0;
    if (ok) {
      cp = n === 2 ? b & 0x1f : n === 3 ? b & 0x0f : b & 0x07;
      for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
      ok = !(n === 3 && cp < 0x800) && !(n === 4 && (cp < 0x10000 || cp > 0x10ffff)) && !(cp >= 0xd800 && cp <= 0xdfff);
    }
    if (!ok) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      run = 0;
      i++;
      continue;
    }
    if ((cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xff00 && cp <= 0xffef)) {
      if (run === 0) runAt = i;
      run++;
      if (run > longest) {
        longest = run;
        longestAt = runAt;
      }
    } else {
      run = 0;
    }
    i += n;
  }
  return { longest, longestAt, invalid, firstInvalid };
}

/** A file that is part UTF-8 Chinese text and part something else (two files joined, an edit saved in another encoding). */
function mixedEncoding(bytes: Uint8Array, file: string): IngestError | undefined {
  const runs = utf8Runs(bytes);
  if (runs.longest < 20 || runs.invalid < 10) return undefined;
  const rest = decodeWith('gb18030', bytes.subarray(runs.firstInvalid, Math.min(bytes.length, runs.firstInvalid + 4096)));
  const other = plausible(assessChinese(rest)) ? 'GB18030/GBK' : 'another encoding';
  return new IngestError(
    'mixed-encoding',
    `${file}: mixes encodings: it holds UTF-8 Chinese text (${runs.longest} characters in a row from byte ${runs.longestAt}), ` +
      `but ${runs.invalid} byte sequence(s) are not UTF-8 (the first at byte ${runs.firstInvalid}, which reads as ${other}). ` +
      'It was probably put together from files in different encodings: re-save each part as UTF-8 (or save the page again) and ingest that.',
  );
}

// ---------------------------------------------------------------------------
// decode

/**
 * Decode the bytes of one source file. `file` names it in messages.
 * Throws IngestError ('too-large', 'empty', 'binary', 'undecodable', 'mixed-encoding').
 * Invisible format characters (U+202E, U+200B …) are removed, with a warning.
 */
export function decode(bytes: Uint8Array, file: string, opts: DecodeOptions = {}): Decoded {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new IngestError(
      'too-large',
      `${file}: ${formatSize(bytes.length)} is over the ${formatSize(maxBytes)} limit for one source. ` +
        'A report text or saved page is normally well under 1 MB: check that this is a single report ' +
        '(not a merged dump or a page with embedded images), or raise the limit (maxBytes).',
    );
  }
  if (bytes.length === 0) {
    throw new IngestError('empty', `${file}: the file is empty (0 bytes). Re-save or re-download the report. ${WHAT_INGEST_TAKES}`);
  }

  const magic = matchMagic(bytes);
  if (magic) {
    throw new IngestError('binary', `${file}: looks like ${magic.name}, not text. ${magic.advice} ${WHAT_INGEST_TAKES}`);
  }

  const warnings: string[] = [];
  let text: string;
  let encoding: Encoding;

  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    encoding = 'utf-8-bom';
    text = tryDecode('utf-8', bytes) ?? lenient('utf-8', bytes, file, encoding, warnings);
  } else if (b0 === 0xff && b1 === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) {
      throw new IngestError('undecodable', `${file}: starts with a UTF-32 byte-order mark, which ingest does not read. Save it as UTF-8 and ingest that.`);
    }
    encoding = 'utf-16le';
    text = tryDecode('utf-16le', bytes) ?? lenient('utf-16le', bytes, file, encoding, warnings);
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    text = tryDecode('utf-16be', bytes) ?? lenient('utf-16be', bytes, file, encoding, warnings);
  } else {
    const detected = detectWithoutBom(bytes, file, warnings);
    text = detected.text;
    encoding = detected.encoding;
  }

  if (text.length > 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = normaliseLineEndings(text);
  const visible = removeFormatCharacters(text);
  text = visible.text;
  const formatNote = formatCharactersNote(file, visible.removed);
  if (formatNote) warnings.push(formatNote);

  if (text.trim() === '') {
    throw new IngestError(
      'empty',
      `${file}: contains only whitespace (${formatSize(bytes.length)}, no visible characters). Re-save or re-download the report. ${WHAT_INGEST_TAKES}`,
    );
  }

  const a = assessChinese(text);
  if (encoding === 'utf-8' || encoding === 'utf-8-bom' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (!plausible(a)) {
      throw new IngestError(
        'undecodable',
        `${file}: decodes as ${ENCODING_NAMES[encoding]} but the result is not readable text ` +
          `(${a.replaced} replacement and ${Math.round(a.odd)} control/unusual characters among ${a.nonAscii} non-ASCII ones). ` +
          `The file may be damaged or in an encoding ingest does not read; open it in a browser or editor, save it as UTF-8 and ingest that.`,
      );
    }
  }

  const declared = declaredCharset(bytes);
  if (declared?.encoding && !sameFamily(declared.encoding, encoding)) {
    warnings.push(
      `${file}: the page declares charset "${declared.label}" but its bytes are ${ENCODING_NAMES[encoding]}; decoded as ${ENCODING_NAMES[encoding]}.`,
    );
  }

  return { text, encoding, warnings };
}

function sameFamily(a: Encoding, b: Encoding): boolean {
  const fam = (e: Encoding) => (e === 'utf-8-bom' ? 'utf-8' : e);
  return fam(a) === fam(b);
}

/** Decode with replacement characters after a strict decode failed (BOM present, so the encoding is known). */
function lenient(label: string, bytes: Uint8Array, file: string, encoding: Encoding, warnings: string[]): string {
  const text = decodeWith(label, bytes);
  const bad = countChar(text, '\uFFFD');
  warnings.push(
    `${file}: has a ${ENCODING_NAMES[encoding]} byte-order mark but ${bad} invalid byte sequence(s); they were replaced with U+FFFD. Check those places against the original.`,
  );
  return text;
}

function detectWithoutBom(bytes: Uint8Array, file: string, warnings: string[]): { text: string; encoding: Encoding } {
  // NUL bytes: UTF-16 (ASCII characters have a zero high byte) or binary.
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let nulEven = 0;
  let nulOdd = 0;
  let firstNul = -1;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (firstNul < 0) firstNul = i;
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    }
  }
  if (firstNul < 0) {
    for (let i = sample.length; i < bytes.length; i++) {
      if (bytes[i] === 0) {
        firstNul = i;
        break;
      }
    }
  }
  const nuls = nulEven + nulOdd;
  if (nuls > 0 || firstNul >= 0) {
    if (bytes.length % 2 === 0 && nuls > 0) {
      const le = nulOdd >= 0.9 * nuls;
      const be = nulEven >= 0.9 * nuls;
      if (le || be) {
        const encoding: Encoding = le ? 'utf-16le' : 'utf-16be';
        const text = tryDecode(encoding, bytes);
        if (text !== undefined && plausible(assessChinese(text))) {
          warnings.push(`${file}: has no byte-order mark; read as ${ENCODING_NAMES[encoding]} from its pattern of zero bytes.`);
          return { text, encoding };
        }
      }
    }
    throw new IngestError(
      'binary',
      `${file}: contains zero (NUL) bytes (first at byte ${firstNul}) and is not UTF-16 text: it looks like a binary file ` +
        `(a word-processor document, image, archive or a damaged download), not a text. ${WHAT_INGEST_TAKES}`,
    );
  }

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const mixed = mixedEncoding(bytes, file);
  if (mixed) throw mixed;

  // A legacy encoding. Try both, and UTF-16 (all-Chinese UTF-16 has no zero bytes).
  const candidates: Array<{ encoding: Encoding; text: string; a: Assessment }> = [];
  for (const encoding of ['gb18030', 'big5'] as const) {
    const text = decodeWith(encoding, bytes);
    candidates.push({ encoding, text, a: assessChinese(text) });
  }
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const text = tryDecode(encoding, bytes);
      if (text !== undefined) candidates.push({ encoding, text, a: assessChinese(text) });
    }
  }
  const declared = declaredCharset(bytes)?.encoding;
  candidates.sort((x, y) => score(y.a) - score(x.a) || Number(y.encoding === declared) - Number(x.encoding === declared));
  // Close call (short texts): the page's own declaration breaks the tie.
  let best = candidates[0];
  const declaredCandidate = candidates.find((c) => c.encoding === declared);
  if (best && declaredCandidate && declaredCandidate !== best && plausible(declaredCandidate.a) && score(best.a) - score(declaredCandidate.a) < 0.1) {
    best = declaredCandidate;
  }
  if (!best || !plausible(best.a)) {
    const summary = candidates
      .map((c) => `${ENCODING_NAMES[c.encoding]}: ${Math.round(c.a.frequentRatio * 100)}% common characters, ${c.a.replaced} invalid sequences`)
      .join('; ');
    throw new IngestError(
      'undecodable',
      `${file}: is not valid UTF-8 and does not read as Chinese text in GB18030/GBK, Big5 or UTF-16 (${summary}). ` +
        'It may be damaged, binary, or in another encoding: open it in a browser or editor that shows it correctly, save it as UTF-8 and ingest that.',
    );
  }
  if (best.encoding === 'utf-16le' || best.encoding === 'utf-16be') {
    warnings.push(`${file}: has no byte-order mark; read as ${ENCODING_NAMES[best.encoding]} because it reads as Chinese text that way.`);
  }
  if (best.a.replaced > 0) {
    warnings.push(
      `${file}: read as ${ENCODING_NAMES[best.encoding]}; ${best.a.replaced} byte sequence(s) are invalid in it and were replaced with U+FFFD. Check those places against the original.`,
    );
  }
  return { text: best.text, encoding: best.encoding };
}

// ---------------------------------------------------------------------------
// readSource

/** What a path that is not a regular file is, for messages. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device (like /dev/zero)';
  if (st.isBlockDevice()) return 'a block device (a disk)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notAFile(path: string, st: Stats, linked: string | undefined): IngestError {
  return new IngestError(
    'not-a-file',
    `${path}: is ${kindOf(st)}${linked ? ` (a symbolic link to ${linked})` : ''}, not a file; ingest reads only regular files. Remove it from the source folder, or copy the report into a file.`,
  );
}

function tooLarge(path: string, size: number, maxBytes: number): IngestError {
  return new IngestError(
    'too-large',
    `${path}: ${formatSize(size)} is over the ${formatSize(maxBytes)} limit for one source. ` +
      'A report text or saved page is normally well under 1 MB: check that this is a single report, or raise the limit (--max-size).',
  );
}

/**
 * Read and decode one source file. Errors (IngestError) name the path:
 * 'not-found' when there is no such file (or it is a directory or cannot be
 * opened), 'not-a-file' for a named pipe, a device or a socket (also through
 * a symbolic link), 'too-large', and the codes of decode().
 *
 * Only a regular file is read, and never more than the limit: the file is
 * checked before it is opened, opened without blocking (a named pipe would
 * wait for a writer), checked again on the open descriptor, and read up to
 * one byte past the limit. The bytes read are returned with the text, so the
 * file is read once.
 */
export async function readSource(path: string, opts: DecodeOptions = {}): Promise<Decoded & { bytes: Uint8Array }> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const cannotRead = (err: unknown): IngestError => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return new IngestError('not-found', `${path}: no such file. Check the path (it is read relative to ${process.cwd()}).`);
    }
    return new IngestError('not-found', `${path}: cannot be read (${code ?? String(err)}). Check that the file exists and is readable.`);
  };
  let st: Stats;
  try {
    st = await stat(path);
  } catch (err) {
    throw cannotRead(err);
  }
  if (st.isDirectory()) {
    throw new IngestError('not-found', `${path}: is a directory, not a file. Pass the report files in it (or let ingest walk the folder).`);
  }
  const linked = await realpath(path).then((real) => (real === resolve(path) ? undefined : real), () => undefined);
  if (!st.isFile()) throw notAFile(path, st, linked);
  if (st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);

  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err);
  }
  let bytes: Uint8Array;
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notAFile(path, opened, linked);
    if (opened.size > maxBytes) throw tooLarge(path, opened.size, maxBytes);
    // A file that grows while it is read is read up to one byte past the limit, no further.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(opened.size, 0) + 65536));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(path, length, maxBytes);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw cannotRead(err);
  } finally {
    await handle.close();
  }
  return { ...decode(bytes, path, { maxBytes }), bytes };
}
