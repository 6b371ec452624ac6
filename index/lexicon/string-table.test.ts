// Tests for packed string tables: order by UTF-8 bytes, lookup by binary search, reading by index.
import { describe, expect, it } from 'vitest';
import { findString, packStrings, sortByBytes, stringAt, stringCount } from './string-table.js';

describe('string tables', () => {
  const words = sortByBytes(['销往', 'raise', '创办', 'a', '蜂蜜', 'raise']);
  const table = packStrings(words);

  it('sorts by bytes without duplicates and reads every string back', () => {
    expect(words).toEqual(['a', 'raise', '创办', '蜂蜜', '销往']);
    expect(stringCount(table)).toBe(5);
    expect(words.map((_, i) => stringAt(table, i))).toEqual(words);
  });

  it('finds each string and misses absent ones', () => {
    words.forEach((w, i) => expect(findString(table, Buffer.from(w))).toBe(i));
    expect(findString(table, Buffer.from('创'))).toBe(-1);
    expect(findString(packStrings([]), Buffer.from('x'))).toBe(-1);
  });
});
