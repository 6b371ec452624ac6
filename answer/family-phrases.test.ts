// Tests for familyPhrasesIn: exactly the question words a text includes, on fixed and seeded texts.
import { describe, expect, it } from 'vitest';
import { prng } from '../test-support/prng.js';
import { ATTRIBUTE_FAMILIES } from './attribute-families.js';
import { familyPhrasesIn } from './family-phrases.js';

const allWords = [...new Set(ATTRIBUTE_FAMILIES.flatMap((f) => f.questionWords))];
const included = (text: string) => new Set(allWords.filter((w) => text.includes(w)));

describe('familyPhrasesIn', () => {
  it('finds the question words a question holds, overlapping ones too', () => {
    expect(familyPhrasesIn('高平生猪的年产值是多少')).toEqual(included('高平生猪的年产值是多少'));
    expect(familyPhrasesIn('高平生猪的年产值是多少').has('产值')).toBe(true);
    expect(familyPhrasesIn('what is the output value of gaoping').has('output value')).toBe(true);
    expect(familyPhrasesIn('').size).toBe(0);
  });

  it('agrees with includes on seeded texts made of question words and other characters', () => {
    const random = prng(3);
    const pieces = [...allWords, '的', '是', '多少', '高平', '，', ' ', 'a'];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(familyPhrasesIn(text), text).toEqual(included(text));
    }
  });
});
