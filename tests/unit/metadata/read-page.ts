/**
 * Test helper: run findMetadata on a made-up page, as the pipeline would
 * (strip, a simplified reading of a traditional text, the URL's region).
 */
import { findMetadata, type Hints, type Metadata } from '../../../scripts/ingest/metadata/index.ts';
import { strip } from '../../../scripts/ingest/strip.ts';
import { isTraditional, toSimplified } from '../../../scripts/ingest/traditional.ts';
import { regionFromUrl } from '../../../scripts/ingest/url-hint.ts';

export function readPage(lines: string[] | string, hints: Hints = {}): Metadata {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  const zones = strip(text, isTraditional(text) ? toSimplified(text) : text);
  const urlRegion = hints.url ? regionFromUrl(hints.url) : null;
  return findMetadata({ stripped: zones.raw, readable: zones.readable, hints: { ...hints, urlRegion } });
}

/** A body paragraph that names no body, no place and no year. */
export const PLAIN = '深入学习贯彻习近平法治思想，扎实推进依法行政，法治政府建设取得新成效。';
/** A first-level heading and a line under it. */
export const SECTIONS = ['一、主要举措和成效', '（一）加强组织领导。定期研究法治政府建设工作，压实第一责任人职责，完善工作机制。'];
