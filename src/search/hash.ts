/**
 * The one hash of search: FNV-1a over UTF-16 units, then Murmur3's finaliser.
 * The indexer files each n-gram in the shard its hash picks and the browser
 * fetches the shard its hash picks, so both must compute it the same way:
 * this file is the only copy.
 */

/** FNV-1a's offset basis, as a signed 32-bit integer. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** `hash` with one more UTF-16 unit. */
export function fnvUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}

/** `hash` with one more code point (a code point outside the BMP as its two UTF-16 units). */
export function fnvCodePoint(hash: number, point: number): number {
  if (point <= 0xffff) return Math.imul(hash ^ point, FNV_PRIME);
  hash = Math.imul(hash ^ (0xd800 + ((point - 0x10000) >> 10)), FNV_PRIME);
  return Math.imul(hash ^ (0xdc00 + ((point - 0x10000) & 0x3ff)), FNV_PRIME);
}

/** Murmur3's finaliser: every bit of the result depends on every bit of `hash` (FNV's low bits alone are poor). */
export function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** FNV-1a over the UTF-16 units of `key`, then `mix`ed: unsigned 32 bits. */
export function hashKey(key: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < key.length; index++) hash = fnvUnit(hash, key.charCodeAt(index));
  return mix(hash) >>> 0;
}

/** The shard of a key; `shards` is a power of two. */
export function shardOf(key: string, shards: number): number {
  return hashKey(key) % shards;
}
