// Tests for askedRightAfter: the same verdicts as the regex it replaces, on fixed and seeded cases.
import { describe, expect, it } from 'vitest';
import { prng } from '../test-support/prng.js';
import { askedRightAfter } from './asked-right-after.js';

const regexSays = (text: string, word: string) => new RegExp(`${word}了?(?:多少|多大|多长|多久|几|哪|什么|啥)`).test(text);

describe('askedRightAfter', () => {
  it('finds a word right before a question word, directly or after 了', () => {
    expect(askedRightAfter('占地多少亩', '占地')).toBe(true);
    expect(askedRightAfter('一年赚了多少钱', '赚')).toBe(true);
    expect(askedRightAfter('靠养蜜蜂过日子吗', '过日子')).toBe(false);
    expect(askedRightAfter('赚钱了吗，赚了几万', '赚')).toBe(true); // the second 赚
    expect(askedRightAfter('赚了了多少', '赚')).toBe(false);
    expect(askedRightAfter('卖到哪里', '卖到')).toBe(true);
  });

  it('reads a word holding regex syntax as the regex did', () => {
    expect(askedRightAfter('ab多少', 'a.')).toBe(true);
    expect(askedRightAfter('c++多少', 'c+')).toBe(regexSays('c++多少', 'c+'));
  });

  it('agrees with the regex on seeded random texts and words', () => {
    const random = prng(11);
    const alphabet = ['赚', '了', '多', '少', '大', '长', '久', '几', '哪', '什', '么', '啥', '卖', '到', '钱'];
    const draw = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 3000; i++) {
      const text = draw(1 + Math.floor(random() * 12));
      const word = draw(1 + Math.floor(random() * 3));
      expect(askedRightAfter(text, word), `${word} in ${text}`).toBe(regexSays(text, word));
    }
  });
});
