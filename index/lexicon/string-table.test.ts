// Tests for packed string tables: sorted without duplicates, every string read back by index.
import { describe, expect, it } from 'vitest';
import { prng } from '../../test-support/prng.js';
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

  it('finds exactly the strings of the table, never a prefix or an extension of one (seeded strings of Latin and Han)', () => {
    const random = prng(11);
    const alphabet = ['a', 'b', 'z', '创', '办', '销', '往', '蜂', '蜜', '一'];
    const word = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    const words = sortedUnique(Array.from({ length: 300 }, word));
    const table = packStrings(words);
    words.forEach((w, i) => expect(findString(table, w)).toBe(i));
    const present = new Set(words);
    for (let i = 0; i < 300; i++) {
      const probe = word() + (random() < 0.5 ? word() : '');
      expect(findString(table, probe)).toBe(present.has(probe) ? words.indexOf(probe) : -1);
    }
    expect(findString(table, '')).toBe(-1);
    expect(findString(table, '创'.repeat(200))).toBe(-1);
  });
});
