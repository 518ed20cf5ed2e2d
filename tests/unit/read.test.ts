import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../scripts/ingest/errors.ts';
import { decode, readSource } from '../../scripts/ingest/read.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const enc = (name: string) => join(fixtures, 'encodings', name);
const utf8 = (path: string) => readFileSync(path, 'utf8');

const excerpt = utf8(enc('seed-excerpt.utf8.txt'));

/** The IngestError a promise rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<IngestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected the promise to reject');
}

function thrown(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IngestError);
    return err as IngestError;
  }
  throw new Error('expected an IngestError');
}

/**
 * The dev pages this test was written for (one of them, 023, traditional); the
 * later dev pages include mirrors whose damaged text Big5 cannot encode.
 */
const FIRST_DEV_SET = new Set(['001', '005', '015', '017', '018', '022', '023', '026', '027', '029', '035', '041', 'N01', 'N02', 'N03'].map((n) => `${n}.txt`));

describe('decode: text encodings', () => {
  it('should decode a plain UTF-8 file unchanged, with no warnings', async () => {
    const d = await readSource(enc('seed-excerpt.utf8.txt'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(excerpt);
    expect(d.text.startsWith('嘉定区绿化和市容管理局2022年度法治政府建设情况报告\n发布日期:2023-03-09\n')).toBe(true);
    expect(d.warnings).toEqual([]);
  });

  it('should decode a GBK file (CRLF line endings) to the same text as its UTF-8 original', async () => {
    const raw = readFileSync(enc('seed-excerpt.gbk.txt'));
    expect(raw.includes(Buffer.from('\r\n'))).toBe(true);
    const d = await readSource(enc('seed-excerpt.gbk.txt'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(excerpt);
    expect(d.warnings).toEqual([]);
  });

  it('should decode GB18030 four-byte characters and keep NBSP and ideographic spaces as they are', async () => {
    const d = await readSource(enc('seed-excerpt.gb18030.txt'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8(enc('seed-excerpt-gb18030.utf8.txt')));
    expect(d.text).toContain('\u3000\u3000附件:经办人 李䶮、王𬌗\u00a0(联系电话:021-12345678)\n');
    expect(d.text).toContain('\n\u3000\u3000\u3000\u3000\u3000\u3000嘉定区绿化和市容管理局\n');
  });

  it('should strip the BOM of a UTF-8 file and report utf-8-bom', async () => {
    const d = await readSource(enc('seed-excerpt.utf8-bom.txt'));
    expect(d.encoding).toBe('utf-8-bom');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(d.text).toBe(excerpt);
  });

  it('should decode UTF-16LE with a BOM', async () => {
    const d = await readSource(enc('seed-excerpt.utf16le-bom.txt'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(excerpt);
    expect(d.warnings).toEqual([]);
  });

  it('should recognise UTF-16LE without a BOM from its zero bytes, and say so', async () => {
    const d = await readSource(enc('seed-excerpt.utf16le.txt'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.text).toBe(excerpt);
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toContain('seed-excerpt.utf16le.txt');
    expect(d.warnings[0]).toContain('no byte-order mark');
  });

  it('should decode UTF-16BE with a BOM and normalise its CRLF line endings', async () => {
    const d = await readSource(enc('seed-excerpt.utf16be-bom.txt'));
    expect(d.encoding).toBe('utf-16be');
    expect(d.text).toBe(excerpt);
  });

  it('should decode a Big5 page to the same traditional-character text as its UTF-8 original', async () => {
    const d = await readSource(enc('023.big5.txt'));
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe(utf8(join(fixtures, 'dev', '023.txt')));
    expect(d.text.split('\n', 1)[0]).toBe('北京市2020年法治政府建設年度情況報告');
  });

  it('should turn CRLF and lone CR into LF and change no other character', async () => {
    const d = await readSource(enc('mixed-line-endings.utf8.txt'));
    expect(d.text).toBe(
      '嘉定区2022年度法治政府建设情况报告\n发布日期:2023-03-09\n\n\u3000\u3000一、主要举措和成效\n\u00a0(一)深入学习贯彻习近平法治思想\n',
    );
  });

  it('should tell GBK from Big5 even for a single title line', () => {
    const gbkTitle = iconv.encode('嘉定区绿化和市容管理局2022年度法治政府建设情况报告', 'gbk');
    const big5Title = iconv.encode('北京市2020年法治政府建設年度情況報告', 'big5');
    expect(decode(gbkTitle, 'gbk-title.txt')).toMatchObject({
      encoding: 'gb18030',
      text: '嘉定区绿化和市容管理局2022年度法治政府建设情况报告',
    });
    expect(decode(big5Title, 'big5-title.txt')).toMatchObject({
      encoding: 'big5',
      text: '北京市2020年法治政府建設年度情況報告',
    });
  });

  it('should decode every real report text round-tripped through GB18030 (Big5 for the traditional one)', () => {
    let checked = 0;
    for (const dir of ['seeds', 'dev']) {
      for (const name of readdirSync(join(fixtures, dir)).filter((f) => f.endsWith('.txt') && (dir === 'seeds' || FIRST_DEV_SET.has(f)))) {
        const text = utf8(join(fixtures, dir, name));
        const traditional = name === '023.txt';
        const d = decode(iconv.encode(text, traditional ? 'big5' : 'gb18030'), name);
        expect(d.encoding, name).toBe(traditional ? 'big5' : 'gb18030');
        expect(d.text, name).toBe(text);
        checked++;
      }
    }
    expect(checked).toBe(20);
  });

  it('should replace a truncated character at the end with U+FFFD and warn about it', () => {
    const bytes = iconv.encode('嘉定区2022年度法治政府建设情况报告', 'gbk');
    const d = decode(bytes.subarray(0, bytes.length - 1), 'cut.txt');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe('嘉定区2022年度法治政府建设情况报\uFFFD');
    expect(d.warnings.join('\n')).toMatch(/cut\.txt: read as GB18030\/GBK; 1 byte sequence\(s\) are invalid/);
  });
});

describe('decode: saved HTML pages', () => {
  const html = (name: string) => join(fixtures, 'html', name);

  it('should decode a GBK-encoded HTML page to the same text as its UTF-8 source', async () => {
    const d = await readSource(html('trs-editor.gbk.html'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(utf8(html('trs-editor.source-utf8.html')));
    expect(d.warnings).toEqual([]);
  });

  it('should follow the bytes, not the declared charset, and warn when they disagree', async () => {
    const d = await readSource(html('trs-editor.source-utf8.html'));
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toHaveLength(1);
    expect(d.warnings[0]).toContain('declares charset "gbk" but its bytes are UTF-8');
  });
});

describe('decode: refusals', () => {
  it('should refuse a PDF, saying it looks like a PDF and what ingest takes', async () => {
    const err = await rejection(readSource(enc('report.pdf')));
    expect(err.code).toBe('binary');
    expect(err.message).toContain('report.pdf');
    expect(err.message).toContain('looks like a PDF document');
    expect(err.message).toContain('pdftotext');
    expect(err.message).toContain('saved web pages');
  });

  it('should refuse a PNG image', async () => {
    const err = await rejection(readSource(enc('scan.png')));
    expect(err.code).toBe('binary');
    expect(err.message).toContain('looks like a PNG image');
  });

  it('should refuse a .docx (ZIP container)', async () => {
    const err = await rejection(readSource(enc('report.docx')));
    expect(err.code).toBe('binary');
    expect(err.message).toContain('ZIP container');
    expect(err.message).toContain('.docx');
  });

  it('should refuse other binary data by its NUL bytes', async () => {
    const err = await rejection(readSource(enc('random.bin')));
    expect(err.code).toBe('binary');
    expect(err.message).toMatch(/random\.bin: contains zero \(NUL\) bytes \(first at byte \d+\)/);
  });

  it('should refuse bytes that are garbage in every encoding as undecodable', async () => {
    const err = await rejection(readSource(enc('random-high.txt')));
    expect(err.code).toBe('undecodable');
    expect(err.message).toContain('random-high.txt');
    expect(err.message).toContain('GB18030/GBK');
    expect(err.message).toContain('Big5');
    expect(err.message).toContain('save it as UTF-8');
  });

  it('should refuse a file whose UTF-8 BOM is followed by bytes of another encoding', () => {
    const gbk = iconv.encode('嘉定区绿化和市容管理局2022年度法治政府建设情况报告', 'gbk');
    const err = thrown(() => decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk]), 'bom-lies.txt'));
    expect(err.code).toBe('undecodable');
    expect(err.message).toContain('bom-lies.txt: decodes as UTF-8 (with BOM) but the result is not readable text');
  });

  it('should refuse an empty file', async () => {
    const err = await rejection(readSource(enc('empty.txt')));
    expect(err.code).toBe('empty');
    expect(err.message).toContain('empty.txt: the file is empty (0 bytes)');
  });

  it('should refuse a file holding only whitespace (spaces, tabs, U+3000, NBSP, line breaks)', async () => {
    const err = await rejection(readSource(enc('whitespace.txt')));
    expect(err.code).toBe('empty');
    expect(err.message).toContain('only whitespace');
  });

  it('should refuse a file over the size limit, naming the limit', async () => {
    const err = await rejection(readSource(enc('seed-excerpt.utf8.txt'), { maxBytes: 1000 }));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('seed-excerpt.utf8.txt: 4.7 KB is over the 1000 bytes limit');
    const big = thrown(() => decode(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41), 'dump.txt'));
    expect(big.code).toBe('too-large');
    expect(big.message).toContain('over the 10 MB limit');
  });

  it('should report a missing file as not-found, with its path', async () => {
    const err = await rejection(readSource(enc('no-such-report.txt')));
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('no-such-report.txt: no such file');
  });

  it('should report a directory as not-found', async () => {
    const err = await rejection(readSource(join(fixtures, 'encodings')));
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('is a directory');
  });
});
