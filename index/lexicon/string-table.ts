// Strings packed in one UTF-8 blob with byte offsets, read back one by index.

/** Strings as a blob and byte offsets (offsets.length = count + 1). */
export type StringTable = { blob: Buffer; offsets: Uint32Array };

/** Packs strings in the given order. */
export function packStrings(strings: string[]): StringTable {
  const parts = strings.map((s) => Buffer.from(s, 'utf8'));
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  return { blob: Buffer.concat(parts), offsets };
}

/**
 * Strings sorted, duplicates removed. For strings without astral characters (the lexicon's Han
 * words and ASCII phrases) this order is also their UTF-8 byte order.
 */
export function sortedUnique(strings: Iterable<string>): string[] {
  return [...new Set(strings)].sort();
}

/** Number of strings in a table. */
export const stringCount = (t: StringTable) => t.offsets.length - 1;

/** The i-th string. */
export function stringAt(t: StringTable, i: number): string {
  return t.blob.toString('utf8', t.offsets[i], t.offsets[i + 1]);
}

/** Reused for the UTF-8 bytes of the key being looked up (lookups are synchronous, so one buffer serves them all). */
let keyBytes = new Uint8Array(256);
const encoder = new TextEncoder();

/**
 * Index of `key` in a table packed from sortedUnique order (code point order = UTF-8 byte order
 * for the lexicon's strings), or -1: a binary search over the blob, nothing decoded. The bytes are
 * compared in a loop here: Buffer.compare's argument checks and native call cost more than the
 * few bytes a lexicon word has (a quarter of a unique question's answer time went there).
 */
export function findString(t: StringTable, key: string): number {
  if (keyBytes.length < key.length * 3) keyBytes = new Uint8Array(key.length * 3);
  const { written: n } = encoder.encodeInto(key, keyBytes);
  const { blob, offsets } = t;
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const start = offsets[mid]!;
    const length = offsets[mid + 1]! - start;
    const common = length < n ? length : n;
    let order = 0;
    for (let i = 0; i < common && order === 0; i++) order = blob[start + i]! - keyBytes[i]!;
    if (order === 0) order = length - n;
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
