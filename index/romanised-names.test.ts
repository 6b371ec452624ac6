// Tests for romanised names: pinyin keys of corpus names and their replacement in English questions.
import { describe, expect, it } from 'vitest';
import { romanisedKey, romanisedNames, withNativeNames } from './romanised-names.js';

describe('romanised names', () => {
  const names = romanisedNames(['彤康', '吉利尔', '陈云华', '李', '华北']);

  it('keys a name by its toneless pinyin and leaves out keys too short to be distinctive', () => {
    expect(romanisedKey('吉利尔')).toBe('jilier');
    expect(romanisedKey('Tongkang')).toBe('');
    expect([...names.keys()]).toEqual(['tongkang', 'jilier', 'chenyunhua', 'huabei']);
  });

  it('replaces a name written as one word, as several words, in any case', () => {
    expect(withNativeNames('Was Tongkang founded before jilier?', names)).toBe('Was 彤康 founded before 吉利尔?');
    expect(withNativeNames('Did Chen Yunhua write it?', names)).toBe('Did 陈云华 write it?');
    expect(withNativeNames('Did Chen-Yunhua write it?', names)).toBe('Did 陈云华 write it?');
  });

  it('leaves ordinary English words, words split by punctuation and Chinese questions alone', () => {
    expect(withNativeNames('How many towns are there?', names)).toBe('How many towns are there?');
    expect(withNativeNames('Chen, Yunhua?', names)).toBe('Chen, Yunhua?');
    expect(withNativeNames('彤康成立于哪年', names)).toBe('彤康成立于哪年');
  });
});
