// Tests for packed string tables: sorted without duplicates, every string read back by index.
import { describe, expect, it } from 'vitest';
import { findString, packStrings, sortedUnique, stringAt, stringCount } from './string-table.js';

describe('string tables', () => {
  it('sorts without duplicates (code point order, as UTF-8 bytes) and reads every string back', () => {
    const words = sortedUnique(['销往', 'raise', '创办', 'a', '蜂蜜', 'raise']);
    expect(words).toEqual(['a', 'raise', '创办', '蜂蜜', '销往']);
    expect(words.map((w) => Buffer.from(w))).toEqual(words.map((w) => Buffer.from(w)).sort(Buffer.compare));
    const table = packStrings(words);
    expect(stringCount(table)).toBe(5);
    expect(words.map((_, i) => stringAt(table, i))).toEqual(words);
    expect(stringCount(packStrings([]))).toBe(0);
  });

  it('finds each string by binary search and misses absent ones', () => {
    const words = sortedUnique(['销往', 'raise', '创办', 'a', '蜂蜜']);
    const table = packStrings(words);
    words.forEach((w, i) => expect(findString(table, w)).toBe(i));
    expect(findString(table, '创')).toBe(-1);
    expect(findString(table, 'zzz')).toBe(-1);
    expect(findString(packStrings([]), 'x')).toBe(-1);
  });
});
