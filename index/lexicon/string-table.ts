// Strings packed in one UTF-8 blob with offsets: read one by index, or find one by binary search when sorted.

/** Strings as a blob and byte offsets (offsets.length = count + 1). */
export type StringTable = { blob: Buffer; offsets: Uint32Array };

/** Packs strings in the given order. */
export function packStrings(strings: string[]): StringTable {
  const parts = strings.map((s) => Buffer.from(s, 'utf8'));
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  return { blob: Buffer.concat(parts), offsets };
}

/** Strings sorted by their UTF-8 bytes (the order `findString` searches), duplicates removed. */
export function sortByBytes(strings: Iterable<string>): string[] {
  return [...new Set(strings)].map((s) => Buffer.from(s, 'utf8')).sort(Buffer.compare).map((b) => b.toString('utf8'));
}

/** Number of strings in a table. */
export const stringCount = (t: StringTable) => t.offsets.length - 1;

/** The i-th string. */
export function stringAt(t: StringTable, i: number): string {
  return t.blob.toString('utf8', t.offsets[i], t.offsets[i + 1]);
}

/** Index of `key` (as UTF-8 bytes) in a table packed from sortByBytes order, or -1. */
export function findString(t: StringTable, key: Buffer): number {
  let lo = 0;
  let hi = t.offsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const order = t.blob.compare(key, 0, key.length, t.offsets[mid], t.offsets[mid + 1]);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
